import Schedules
import Symbolic

/// S308 beta-clipped: a min/max let took its bound at some steps.
public enum S308BetaClipped: LintRule {
    public static let info = RuleInfo(
        code: "S308", name: "beta-clipped", severity: .note,
        summary: "a β (or another min/max let) was clipped at some steps",
        explanation: """
        A let written min(E, bound) or max(E, bound) took its bound instead of E at some steps: the schedule \
        is not the formula it was derived from there. diffusers' squaredcos_cap_v2 (the cosine schedule of \
        Nichol & Dhariwal) computes βᵢ = min(1 − ᾱ(tᵢ₊₁)/ᾱ(tᵢ), 0.999); at the last step ᾱ(1) = 0 gives \
        β = 1, clipped to 0.999, so the terminal ᾱ is not 0 and the terminal SNR is not 0 either. The finding \
        lists the clipped steps (decided exactly or with certified balls) and the terminal SNR that results. \
        Example: a DDPMScheduler config with beta_schedule "squaredcos_cap_v2" and 1,000 steps fires S308 at \
        step 999 (and S303: the terminal SNR is 2.43e-9, not 0).
        """)

    public static func check(discrete c: DiscreteContext) -> [Finding] {
        var out: [Finding] = []
        for l in c.schedule.lets {
            guard let steps = c.analysis.evaluation.clippedSteps[l.name], !steps.isEmpty else { continue }
            let list = DiscreteAnalysis.stepSet(steps)
            var notes = ["'\(l.name)' takes its bound instead of its formula at \(c.schedule.stepName) ∈ \(list)"]
            let k = c.noiseStep
            if case .success(let snr) = c.value("snr", at: k) {
                notes.append("the SNR at the noise end \(c.stepText(k)) is \(c.text(snr)) with the clipping")
            }
            out.append(Finding(info, "'\(l.name)' is clipped at \(steps.count) step\(steps.count == 1 ? "" : "s"): \(c.schedule.stepName) ∈ \(list)",
                               at: l.range, notes: notes, evidence: [("let", .string(l.name)), ("steps", .string(list))], schedule: c.schedule.name))
        }
        return out
    }
}
