import Schedules
import Symbolic

/// S102 det-singular-endpoint: det A = 0 at a closed end of the domain.
public enum S102DetSingularEndpoint: LintRule {
    public static let info = RuleInfo(
        code: "S102", name: "det-singular-endpoint", severity: .warning,
        summary: "det A = 0 at a closed end of the domain",
        explanation: """
        det A = α·d − σ·c vanishes at an end of the time domain that is included, so the sampler cannot \
        recover one of x̂0 = (d·x_t − σ·ŷ)/det A and ε̂ = (−c·x_t + α·ŷ)/det A there. ε-prediction \
        (det A = α) breaks at the noise end, where α = 0: x̂0 is lost. x0-prediction (det A = −σ) breaks at \
        the data end, where σ = 0: ε̂ is lost. A target with det A ≠ 0 at both ends (v-prediction, \
        det A = α² + σ², or the velocity of a flow) avoids it. Example: `alpha = cos(pi/2 t)`, \
        `sigma = sin(pi/2 t)`, `target = eps` on [0, 1] fires S102 at t = 1.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let z = c.analysis.zeros["det"], !z.identicallyZero, let det = c.quantity("det") else { return [] }
        var out: [Finding] = []
        for end in [ScheduleContext.End.lower, .upper] where c.isClosed(end) {
            guard z.points.contains(where: { c.isAtEnd($0, end) }) else { continue }
            // Which estimate breaks: x̂0 has σ on top, ε̂ has α.
            var broken: [String] = []
            if let s = c.endValue("sigma", end), c.isNonzero(s) { broken.append("x̂0") }
            if let a = c.endValue("alpha", end), c.isNonzero(a) { broken.append("ε̂") }
            let which = broken.isEmpty ? "x̂0 and ε̂ are" : broken.joined(separator: " and ") + (broken.count == 1 ? " is" : " are")
            var notes = ["det A(\(c.time)) = \(ScheduleContext.text(det)) = 0 at \(c.endText(end)) (proven, exact)"]
            if broken == ["x̂0"] {
                notes.append("x̂0 = (d·x_t − σ·ŷ)/det A divides by det A = 0 while σ ≠ 0 there")
            } else if broken == ["ε̂"] {
                notes.append("ε̂ = (−c·x_t + α·ŷ)/det A divides by det A = 0 while α ≠ 0 there")
            }
            if let o = c.orientationNote { notes.append(o) }
            out.append(Finding(
                info, "det A = 0 at \(c.describe(end)): \(which) not recoverable there",
                at: c.targetRange,
                notes: notes + ["a target with det A ≠ 0 at this end avoids it: v-prediction (y = α·ε − σ·x0, det A = α² + σ²) or the velocity"],
                evidence: [("det", .string(ScheduleContext.text(det))), ("end", c.endEvidence(end)),
                           ("role", end == c.dataEnd ? "data" : "noise"), ("unrecoverable", .array(broken.map { .string($0) }))],
                schedule: c.schedule.name))
        }
        return out
    }

    /// At the noise end: v-prediction or the velocity.
    public static func fix(_ finding: Finding, in c: ScheduleContext) -> Fix? {
        guard finding.evidence.contains(where: { $0.key == "role" && $0.value == "noise" }) else { return nil }
        return ScheduleFixes.noiseEndTarget(c, end: c.noiseEnd)
    }
}
