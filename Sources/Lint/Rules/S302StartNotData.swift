import Exact
import Schedules
import Symbolic

/// S302 start-not-data: at the data end x_t ≠ x0 (α ≠ 1 or σ ≠ 0).
public enum S302StartNotData: LintRule {
    public static let info = RuleInfo(
        code: "S302", name: "start-not-data", severity: .warning,
        summary: "at the data end x_t ≠ x0 (α ≠ 1 or σ ≠ 0)",
        explanation: """
        The end of the domain where σ = 0 is the data end; there the forward process should be the data \
        itself, x_t = x0, i.e. α = 1 and σ = 0. When no end has σ = 0 (EDM stops at σ_min > 0) or α ≠ 1 \
        there, the sampler's last step does not land on data. Example: `x_t = x0 + s eps` on \
        `time s in [1/500, 80]` fires S302 (σ = 1/500 at s = 1/500); `x_t = (1 - t) x0 + t eps` on [0, 1] \
        does not. With α = 1 there and σ/√Var(x₀) ≤ 1/100 (certified) the finding is a note: EDM stops at \
        σ_min > 0 by design and ends sampling with a denoising step, so the residual noise is a choice, not a \
        defect; above 1% of the data's scale it stays a warning.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        let end = c.dataEnd
        guard let a = c.endValue("alpha", end), let s = c.endValue("sigma", end) else { return [] }
        let alphaOne = ScheduleContext.difference(a, .one).map(c.isZero) ?? false
        let sigmaZero = c.isZero(s)
        guard !(alphaOne && sigmaZero) else { return [] }
        let alphaOff = ScheduleContext.difference(a, .one).map(c.isNonzero) ?? false
        guard alphaOff || c.isNonzero(s) else { return [] }   // only what is proven
        let what = [alphaOff ? "α = \(ScheduleContext.text(a)) ≠ 1" : nil, c.isNonzero(s) ? "σ = \(ScheduleContext.text(s)) ≠ 0" : nil]
            .compactMap { $0 }.joined(separator: " and ")
        var notes = ["at \(c.endText(end)): α = \(ScheduleContext.text(a)), σ = \(ScheduleContext.text(s)) (exact)"]
        if let o = c.orientationNote { notes.append(o) }
        // α = 1 and σ_min below 1% of the data's scale: EDM's design (its last step is a
        // denoising step onto the data), not a defect — a note, with the ratio.
        var severity: Severity?
        if alphaOne, let ratio = residualNoiseRatio(sigma: s, c), ratio.isCertainlyBelowThreshold {
            severity = .note
            notes.append("σ/√Var(x₀) = \(ratio.text) ≤ 1/100 here: the residual noise is below 1% of the data's scale, as in EDM (Karras et al. 2022), which stops at σ_min > 0 by design and ends sampling with a denoising step onto the data")
        }
        return [Finding(info, "x_t is not the data at \(c.describe(end)): \(what)", at: c.forwardRange, notes: notes,
                        evidence: [("end", c.endEvidence(end)), ("alpha", .string(ScheduleContext.text(a))), ("sigma", .string(ScheduleContext.text(s)))],
                        schedule: c.schedule.name, severity: severity)]
    }

    /// σ/√Var(x₀) at the data end, certified against 1/100 (σ²/Var(x₀) against 10⁻⁴,
    /// so no root is taken): nil when it cannot be evaluated (a parameter in it).
    static func residualNoiseRatio(sigma s: CanonicalForm, _ c: ScheduleContext) -> (text: String, isCertainlyBelowThreshold: Bool)? {
        guard let squared = try? (s * s) / c.model.dataVariance, squared.symbols.isEmpty else { return nil }
        let excess = try? squared - CanonicalForm(Rational(1, 10_000))
        guard let excess else { return nil }
        let below = excess.ball(at: [:], precision: 128).isCertainlyNegative
        let ratio = Ball.sqrt(squared.ball(at: [:], precision: 128))
        return (ratio.decimalString(digits: 3), below)
    }
}
