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
        the cosine schedule (α(1) = cos(π/2) = 0) does not.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        let end = c.noiseEnd
        guard let a = c.endValue("alpha", end), c.isNonzero(a) else { return [] }
        var notes: [String] = [], evidence: [(key: String, value: String)] = [("end", c.endText(end)), ("alpha", ScheduleContext.text(a))]
        var message = "the terminal SNR at \(c.describe(end)) is not zero"
        if let snr = c.endValue("snr", end) {
            let exact = ScheduleContext.text(snr)
            let approx = ScheduleContext.approximate(snr) ?? "?"
            message = "the terminal SNR at \(c.describe(end)) is \(exact) ≈ \(approx), not 0"
            notes.append("SNR = α²/σ² = \(exact) ≈ \(approx) at \(c.endText(end)) (exact value; the decimal has correct digits)")
            evidence += [("snr", exact), ("snr_approx", approx)]
        }
        notes.append("α = \(ScheduleContext.text(a)) ≠ 0 there: the sampler starts from pure noise, which the model never saw at this time; rescale so that α = 0 at the noise end (zero terminal SNR)")
        if let o = c.orientationNote { notes.append(o) }
        return [Finding(info, message, at: c.forwardRange, notes: notes, evidence: evidence, schedule: c.schedule.name)]
    }
}
