import Exact
import Schedules

/// S301 not-variance-preserving: Var(x_t) ≠ data variance for some t.
public enum S301NotVariancePreserving: LintRule {
    public static let info = RuleInfo(
        code: "S301", name: "not-variance-preserving", severity: .note,
        summary: "Var(x_t) ≠ data variance for some t",
        explanation: """
        Var(x_t) = α²·Var(x₀) + σ² differs from the data variance Var(x₀) somewhere on the domain: the network input \
        changes scale with time, so the schedule is variance-exploding or interpolating rather than \
        variance-preserving. This is a note, not a defect (flows and EDM are like this by design). Example: \
        `x_t = (1 - t) x0 + t eps` fires S301 (Var(x_t) = 2t² − 2t + 1); `alpha = cos(pi/2 t)`, \
        `sigma = sin(pi/2 t)` does not.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let vx = c.quantity("var_x"), let s2 = c.quantity("data_variance"), let diff = ScheduleContext.difference(vx, s2) else { return [] }
        // The witness lies in the domain, where the coefficients are defined.
        guard case .nonzero(let point, let value) = c.model.zeroTestOnDomain(diff) else { return [] }
        let at = point.keys.sorted().map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
        return [Finding(info, "the schedule is not variance-preserving: Var(x_t) = \(ScheduleContext.text(vx)) ≠ \(ScheduleContext.text(s2))",
                        at: c.forwardRange,
                        notes: ["Var(x_t) − data variance = \(value) ≠ 0 at \(at) (exact evaluation)"],
                        evidence: [("var_x", .string(ScheduleContext.text(vx))), ("data_variance", .string(ScheduleContext.text(s2))), ("witness", .string(at))],
                        schedule: c.schedule.name)]
    }
}
