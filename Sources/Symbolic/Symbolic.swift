/// The expression language (issue #3): one syntax for schedule files, the REPL and the
/// command line, specified in `grammar/expression.ebnf`.
///
/// - `ExpressionParser.parse` / `Expr(parsing:)`: text or UTF-8 bytes to an `Expr`
///   syntax tree, or a `Diagnostic` from the `SyntaxDiagnostic` catalogue.
/// - `DiagnosticFormatter`: `file:line:col: error: message`, the source line, a caret.
/// - `printASCII`: the tree back as plain ASCII that reparses to the same tree and that
///   SymPy reads (after `^` → `**`).
///
/// Builds on `Exact` (exact `Rational` literals); never imports the C module. The
/// canonical simplifier will live here too.
public enum Symbolic {}
