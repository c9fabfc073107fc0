import Schedules

/// S002 unknown-name: a name is not defined (with a did-you-mean).
public enum S002UnknownName: LintRule {
    public static let info = RuleInfo(
        code: "S002", name: "unknown-name", severity: .error,
        summary: "a name is not defined",
        explanation: """
        An expression uses a name that is neither the time variable, a `param`, a `let`, a vector \
        (x0, eps, x_t, velocity) nor a derived quantity, or uses a name before its definition. The message \
        suggests the closest defined name. Example: `alpha = cos(pi/2 tt)` with `time t in [0, 1]` fires \
        S002 "unknown name 'tt'; did you mean 't'?".
        """)

    public static func check(file: ScheduleFile) -> [Finding] { FileDiagnosticRules.findings(file, rule: info) }
}
