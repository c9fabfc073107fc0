import Schedules

/// S003 nonlinear-target: the forward process or the target is not linear in x0 and eps.
public enum S003NonlinearTarget: LintRule {
    public static let info = RuleInfo(
        code: "S003", name: "nonlinear-target", severity: .error,
        summary: "the forward process or the target is not linear in x0 and eps",
        explanation: """
        The unified model needs x_t = α·x0 + σ·ε and y = c·x0 + d·ε with coefficients that depend on time \
        only. A product of vectors, a power or a function of a vector, or a term without a vector has no \
        such form. Example: `target = x0 eps` fires S003 ("multiplies two vectors"); so does \
        `target = eps + 1` (a constant term).
        """)

    public static func check(file: ScheduleFile) -> [Finding] { FileDiagnosticRules.findings(file, rule: info) }
}
