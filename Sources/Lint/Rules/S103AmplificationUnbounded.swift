import Schedules

/// S103 amplification-unbounded: amp_x0 = σ/det A or amp_eps = α/det A grows without
/// bound towards an open end of the domain.
public enum S103AmplificationUnbounded: LintRule {
    public static let info = RuleInfo(
        code: "S103", name: "amplification-unbounded", severity: .warning,
        summary: "amp_x0 or amp_eps grows without bound towards an end of the domain",
        explanation: """
        A fitting error δ in the network output becomes σ/det A·δ in x̂0 and α/det A·δ in ε̂. When det A \
        tends to 0 at an open end of the domain while σ (or α) does not, that amplification grows without \
        bound as the sampler approaches the end, even though the end itself is excluded (a closed end is \
        S102). Example: `alpha = cos(pi/2 t)`, `sigma = sin(pi/2 t)`, `target = eps` on `time t in [0, 1)` \
        fires S103: amp_x0 = tan(πt/2) → ∞ as t → 1. Infinite ends are not examined.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let det = c.quantity("det"), !(c.analysis.zeros["det"]?.identicallyZero ?? false) else { return [] }
        var out: [Finding] = []
        for end in [ScheduleContext.End.lower, .upper] where !c.isClosed(end) && c.endForm(end) != nil {
            guard let d = c.endValue("det", end), c.isZero(d) else { continue }
            var grows: [String] = []
            if let s = c.endValue("sigma", end), c.isNonzero(s) { grows.append("amp_x0 = σ/det A") }
            if let a = c.endValue("alpha", end), c.isNonzero(a) { grows.append("amp_eps = α/det A") }
            guard !grows.isEmpty else { continue }
            out.append(Finding(
                info, "\(grows.joined(separator: " and ")) grow\(grows.count == 1 ? "s" : "") without bound towards \(c.describe(end))",
                at: c.targetRange,
                notes: ["det A(\(c.time)) = \(ScheduleContext.text(det)) → 0 as \(c.time) → \(ScheduleContext.text(c.endForm(end)!)) (exact limit), while the numerator does not vanish"],
                evidence: [("det", .string(ScheduleContext.text(det))), ("end", c.endEvidence(end)), ("unbounded", .array(grows.map { .string($0) }))],
                schedule: c.schedule.name))
        }
        return out
    }
}
