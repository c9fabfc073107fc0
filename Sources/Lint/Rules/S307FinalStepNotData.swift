import Exact
import Schedules
import Symbolic

/// S307 final-step-not-data: the sampler's last step stops at the first training
/// step's noise level instead of the data.
public enum S307FinalStepNotData: LintRule {
    public static let info = RuleInfo(
        code: "S307", name: "final-step-not-data", severity: .warning,
        summary: "the last sampling step does not reach the data end",
        explanation: """
        A sampler's last step goes from its last timestep to "the previous noise level", which does not \
        exist there. diffusers' DDIM and PNDM use ᾱ = 1 (the data) when set_alpha_to_one is true and ᾱ₀, \
        the first training step's ᾱ, when it is false — PNDM's default and Stable Diffusion 1.5's config — so \
        the output keeps noise of standard deviation σ₀ = √(1 − ᾱ₀) (0.0292 for SD 1.5's β₀ = 0.00085, about \
        3.7 levels of 255 on images scaled to [−1, 1]). Euler, DPM-Solver++ and UniPC do the same with \
        final_sigmas_type = "sigma_min" (σ₀/α₀ in their parameterization) and end on the data with "zero". \
        In a schedule file the sample statement says it: `final first` fires S307 when σ at the data-end \
        step is not 0; `final data` (the default) does not. The finding gives the residual σ and σ/α, exact \
        or certified. Example: the SD 1.5 config (PNDMScheduler, set_alpha_to_one false) fires S307 with \
        σ = 0.02915475947…; set_alpha_to_one true does not.
        """)

    public static func check(discrete c: DiscreteContext) -> [Finding] {
        guard let plan = c.schedule.sampling, plan.final == .first, let range = plan.finalRange ?? plan.range else { return [] }
        let noise = c.noiseStep
        let dataEnd = noise == c.schedule.first ? c.schedule.last : c.schedule.first
        var message = "the last sampling step lands at the noise level of \(c.stepText(dataEnd)), not on the data"
        var evidence: [(key: String, value: JSONValue)] = [("final_step", .int(dataEnd))]
        var notes: [String] = []
        switch c.value("sigma", at: dataEnd) {
        case .success(let sigma):
            if case .exact(let q) = sigma, q.isZero { return [] }
            if case .ball(let b) = sigma, b.isExactlyZero { return [] }
            message += ": residual noise σ = \(c.text(sigma)) is left in the output"
            evidence.append(("residual_sigma", .string(c.text(sigma))))
            if case .success(let alpha) = c.value("alpha", at: dataEnd) {
                let a = alpha.ball(precision: 256)
                if a.isCertainlyNonzero {
                    let ratio = c.text(.ball(sigma.ball(precision: 256) / a))
                    notes.append("σ/α = \(ratio) there (the σ of Euler/DPM-Solver's parameterization, final_sigmas_type = \"sigma_min\")")
                    evidence.append(("residual_sigma_over_alpha", .string(ratio)))
                }
            }
        case .failure(.undefined):
            message += " (σ is undefined there)"
        case .failure(.unknown(let why)):
            message += " (σ there could not be certified: \(why))"
        }
        notes.append("end on the data: `final data` in the sample statement (diffusers: set_alpha_to_one = true for DDIM/PNDM, final_sigmas_type = \"zero\" for Euler, DPM-Solver++ and UniPC)")
        return [Finding(info, message, at: range, notes: notes, evidence: evidence, schedule: c.schedule.name)]
    }
}
