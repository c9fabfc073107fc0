import Schedules
import Symbolic

/// S306 eps-prediction-zero-terminal-snr: α = 0 at the noise end and det A = 0 there.
public enum S306EpsPredictionZeroTerminalSNR: LintRule {
    public static let info = RuleInfo(
        code: "S306", name: "eps-prediction-zero-terminal-snr", severity: .error,
        summary: "α = 0 at the noise end with a target that cannot recover x0 there (det A = 0)",
        explanation: """
        With zero terminal SNR (α = 0 at the last training step) the forward process holds no data there, \
        and a target with det A = αd − σc = 0 at that step carries none either: ε-prediction (c = 0, d = 1) \
        has det A = α = 0. The sampler's first step computes x̂0 = (x_t − σ·ε̂)/α and divides by zero: \
        diffusers issue #3851 (Inf at the first step of DDIM with rescale_betas_zero_snr and epsilon), #5103 \
        (black images with DDIM on SDXL). Euler, DPM-Solver and UniPC patch ᾱ_T to 2⁻²⁴ instead. Use \
        v-prediction (det A = α² + σ² = 1) with a zero-SNR schedule. Example: Stable Diffusion's \
        scaled_linear betas with rescale_betas_zero_snr = true and prediction_type = "epsilon" fire S306 at \
        step 999; the same with "v_prediction" does not.
        """)

    public static func check(discrete c: DiscreteContext) -> [Finding] {
        let k = c.noiseStep
        guard case .success(let alpha) = c.value("alpha", at: k), alpha.isProvenZero,
              case .success(let det) = c.value("det", at: k), det.isProvenZero else { return [] }
        let message = "α = 0 and det A = 0 at the noise end \(c.stepText(k)): the first sampling step computes x̂0 = (x_t − σ·ε̂)/α and divides by zero"
        let notes = [
            "zero terminal SNR (α = 0 at \(c.stepText(k)), proven exactly) with a target whose det A = αd − σc is 0 there: the prediction holds no information about x0 at the step sampling starts from",
            "this is diffusers issue #3851 (Inf at the first step); use v_prediction with rescale_betas_zero_snr, or keep ᾱ_T > 0 (Euler and DPM-Solver set it to 2⁻²⁴)",
        ]
        return [Finding(info, message, at: c.schedule.targetRange, notes: notes,
                        evidence: [("step", .int(k)), ("alpha", .int(0)), ("det", .int(0))], schedule: c.schedule.name)]
    }
}
