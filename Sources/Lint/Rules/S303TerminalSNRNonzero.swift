import Schedules
import Symbolic

/// S303 terminal-snr-nonzero: α ≠ 0 at the noise end.
public enum S303TerminalSNRNonzero: LintRule {
    public static let info = RuleInfo(
        code: "S303", name: "terminal-snr-nonzero", severity: .warning,
        summary: "α ≠ 0 at the noise end: the terminal SNR is not zero",
        explanation: """
        At the noise end the forward process still contains the data (α ≠ 0), so the terminal \
        signal-to-noise ratio α²/σ² is positive. The sampler starts from pure noise, a state the network \
        never saw during training (Lin et al. 2024, "Common diffusion noise schedules and sample steps are \
        flawed"). The terminal SNR is reported exactly and approximately. Example: the VP-SDE with linear β \
        (β_min = 1/10, β_max = 20) has SNR(1) = exp(−201/20)/(1 − exp(−201/20)) ≈ 4.3e-5 and fires S303; \
        the cosine schedule (α(1) = cos(π/2) = 0) does not. For a variance-exploding process (α constant, \
        EDM's σ_max = 80 gives SNR 1/6400) zero terminal SNR is unreachable by design: S303 is then a note \
        that says which σ_max would bring the SNR to 10⁻⁴.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        let end = c.noiseEnd
        guard let a = c.endValue("alpha", end), c.isNonzero(a) else { return [] }
        var notes: [String] = [], evidence: [(key: String, value: JSONValue)] = [("end", c.endEvidence(end)), ("alpha", .string(ScheduleContext.text(a)))]
        var message = "the terminal SNR at \(c.describe(end)) is not zero"
        if let snr = c.endValue("snr", end) {
            let exact = ScheduleContext.text(snr)
            let approx = ScheduleContext.approximate(snr) ?? "?"
            message = "the terminal SNR at \(c.describe(end)) is \(exact) ≈ \(approx), not 0"
            notes.append("SNR = α²/σ² = \(exact) ≈ \(approx) at \(c.endText(end)) (exact value; the decimal has correct digits)")
            evidence += [("snr", .string(exact)), ("snr_approx", Evidence.number(approx))]
        }
        if c.model.alpha.symbols.contains(c.time) {
            notes.append("α = \(ScheduleContext.text(a)) ≠ 0 there: the sampler starts from pure noise, which the model never saw at this time; rescale so that α = 0 at the noise end (zero terminal SNR)")
            if let o = c.orientationNote { notes.append(o) }
            return [Finding(info, message, at: c.forwardRange, notes: notes, evidence: evidence, schedule: c.schedule.name)]
        }
        // α constant in time: variance-exploding (EDM, VE-SDE). No rescaling reaches
        // SNR 0; the sampler starts from N(0, σ_max²·I), a good approximation of x_t
        // when σ_max ≫ |α|·√Var(x₀), so this is the design, not a defect: a note with the σ_max
        // that would bring the terminal SNR to 10⁻⁴.
        let alpha = ScheduleContext.text(a)
        let needed = (try? CanonicalForm(100) * a).map(ScheduleContext.text) ?? "100·|α|"
        notes.append("α = \(alpha) is constant (variance-exploding): the terminal SNR is α²/σ_max², never 0; the sampler starts from N(0, σ_max²), which approximates x_t when σ_max ≫ |α|·√Var(x₀)")
        notes.append("σ_max ≥ \(needed.hasPrefix("-") ? "|" + needed + "|" : needed) would bring the terminal SNR to 10⁻⁴ or below")
        if let o = c.orientationNote { notes.append(o) }
        return [Finding(info, message, at: c.forwardRange, notes: notes, evidence: evidence + [("process", "variance-exploding")],
                        schedule: c.schedule.name, severity: .note)]
    }
}

extension S303TerminalSNRNonzero {
    /// The zero-terminal-SNR rescaling, on a variance-preserving process.
    public static func fix(_ finding: Finding, in c: ScheduleContext) -> Fix? { ScheduleFixes.zeroTerminalSNR(c) }

    /// Lin et al.'s measurement for Stable Diffusion's scaled_linear schedule.
    static let linEtAlFigure = "0.0047"

    /// A discrete schedule: α ≠ 0 proven at the noise-end step; the SNR α²/σ² there,
    /// exact when rational, certified to the requested digits otherwise.
    public static func check(discrete c: DiscreteContext) -> [Finding] {
        let k = c.noiseStep
        guard case .success(let alpha) = c.value("alpha", at: k), let sign = alpha.sign, sign != 0 else { return [] }
        var evidence: [(key: String, value: JSONValue)] = [("step", .int(k)), ("alpha", .string(c.text(alpha)))]
        var message = "the terminal SNR at the noise end \(c.stepText(k)) is not zero"
        var notes: [String] = []
        if case .success(let snr) = c.value("snr", at: k) {
            let text = c.text(snr)
            message = "the terminal SNR at the noise end \(c.stepText(k)) is \(text), not 0"
            if snr.decimal(digits: 2) == linEtAlFigure {
                message += " (Lin et al. 2024 report \(linEtAlFigure) for this schedule)"
            }
            notes.append("SNR = ᾱ/(1 − ᾱ) = α²/σ² = \(text) at \(c.stepText(k)) (the digits shown are correct)")
            evidence += [("snr", .string(text))]
        }
        notes.append("α = \(c.text(alpha)) ≠ 0 there: sampling starts from pure noise, which the model never saw at this step (Lin et al. 2024 found \(linEtAlFigure) for Stable Diffusion); rescale to zero terminal SNR (diffusers: rescale_betas_zero_snr = true, with v_prediction)")
        return [Finding(info, message, at: c.schedule.forwardRange, notes: notes, evidence: evidence, schedule: c.schedule.name)]
    }
}
