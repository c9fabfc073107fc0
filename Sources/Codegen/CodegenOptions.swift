/// How `sched codegen` writes code.
public struct CodegenOptions: Sendable, Equatable {
    /// Stable forms (each proven equal to the formula), or the canonical form as
    /// written (`--naive`), for comparison.
    public var stable: Bool
    /// What a function does at an end of the domain where it is undefined.
    public var atSingular: SingularEndPolicy
    /// The command line that generated the module, for its docstring.
    public var commandLine: String

    public init(stable: Bool = true, atSingular: SingularEndPolicy = .raise, commandLine: String = "") {
        self.stable = stable
        self.atSingular = atSingular
        self.commandLine = commandLine
    }
}

/// `--at-singular`: where a function is undefined at an end of the domain (0/0, a
/// division by zero), the generated code never returns a silent NaN or a rounding
/// artefact.
public enum SingularEndPolicy: String, Sendable, CaseIterable {
    /// A ValueError naming the function, the end and why.
    case raise
    /// The exact one-sided limit from inside the domain, where sched proves one (±inf
    /// for a scalar function that diverges); a ValueError where there is none.
    case limit
}
