import Schedules
import Symbolic

extension ScheduleFixes {
    /// S102 at the noise end: a target whose det A is not 0 there. On a
    /// variance-preserving process (α² + σ² = 1) v-prediction y = α·ε − σ·x0
    /// (det A = α² + σ² = 1); otherwise the velocity y = α′·x0 + σ′·ε
    /// (det A = α·σ′ − σ·α′) when that is proven nonzero at the end, else v-prediction.
    static func noiseEndTarget(_ c: ScheduleContext, end: ScheduleContext.End) -> Fix? {
        guard c.fixOptions != nil, end == c.noiseEnd else { return nil }
        let vPrediction = (text: "target = alpha eps - sigma x0", name: "v-prediction (det A = α² + σ²)")
        var choice = vPrediction
        if !isVariancePreserving(c), let point = c.endForm(end), let velocity = try? c.schedule.velocity(),
           let det = try? (c.model.alpha * velocity.d - c.model.sigma * velocity.c)
               .substituting([c.time: point], assuming: c.schedule.assumptions), c.isNonzero(det) {
            choice = (text: "target = velocity", name: "the velocity (det A = α·σ′ − σ·α′ = \(text(det)) at \(c.endText(end)))")
        }
        return ScheduleFixVerification.verified("switch to \(choice.name): \(choice.text)", [TextEdit(range: c.targetRange, replacement: choice.text)], in: c) { findings in
            !findings.contains { $0.rule.code == S102DetSingularEndpoint.info.code && $0.evidence.contains { $0.key == "role" && $0.value == "noise" } }
        }
    }

    /// α² + σ² = 1 on the domain, proven.
    static func isVariancePreserving(_ c: ScheduleContext) -> Bool {
        guard let sum = try? c.model.alpha.power(2) + c.model.sigma.power(2) - CanonicalForm.one else { return false }
        return c.isZero(sum)
    }
}
