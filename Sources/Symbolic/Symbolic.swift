/// The expression language and the canonical simplifier (issue #3).
///
/// Builds on `Exact`; never imports the C module.
public enum Symbolic {}
