import Symbolic

extension Schedule {
    /// Where numbers are needed (generated code, a plot), an unknown function has
    /// none: the diagnostic at the declaration of the schedule's first one, or nil
    /// when it declares none.
    public func unknownFunctionDiagnostic(purpose: String) -> Diagnostic? {
        guard let f = functions.first else { return nil }
        return Diagnostic(ScheduleDiagnostic.functionHasNoValues(f.name, schedule: name, purpose: purpose),
                          at: statementRanges["function \(f.name)"] ?? range)
    }
}
