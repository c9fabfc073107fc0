import Schedules
import Symbolic

/// S305 first-step-not-noise-end: the sampler starts below the last training step.
public enum S305FirstStepNotNoiseEnd: LintRule {
    public static let info = RuleInfo(
        code: "S305", name: "first-step-not-noise-end", severity: .warning,
        summary: "the sampler's first timestep is not the last training step",
        explanation: """
        The sampler starts from pure noise, but with timestep_spacing = "leading" (and steps_offset) its \
        first timestep is not the last training step: with 1,000 training steps and 50 sampling steps, \
        leading spacing with offset 1 gives 981, 961, …, 1, so the model is asked to denoise pure noise at a \
        step where it was trained on SNR 0.0058 (SD 1.5), not on the terminal one (diffusers #2585; Lin et \
        al. 2024, Table 2). "trailing" spacing starts at the last step (999, 979, …). The finding names the \
        first timestep, its SNR and the spacing that fixes it. Example: `sample steps 50 spacing leading \
        offset 1` on `step n in 0..999` fires S305; `sample steps 50 spacing trailing` does not.
        """)

    public static func check(discrete c: DiscreteContext) -> [Finding] {
        guard let plan = c.schedule.sampling, let range = plan.range else { return [] }
        let timesteps = plan.timesteps(trainSteps: c.schedule.count).map { $0 + c.schedule.first }
        let noise = c.noiseStep
        guard let first = timesteps.first, first != noise else { return [] }
        var message = "the sampler's first timestep is \(first), not the last training step \(noise)"
        var evidence: [(key: String, value: JSONValue)] = [("first_timestep", .int(first)), ("noise_step", .int(noise)),
                                                           ("spacing", .string(plan.spacing.rawValue))]
        if case .success(let snr) = c.value("snr", at: first) {
            message += ": sampling starts from pure noise where the model was trained on SNR \(c.text(snr))"
            evidence.append(("snr_first_timestep", .string(c.text(snr))))
        }
        let notes = [
            "\(plan.spacing.rawValue) spacing with \(plan.steps) steps and offset \(plan.offset) gives timesteps \(timesteps.prefix(3).map(String.init).joined(separator: ", ")), …",
            "use trailing spacing (diffusers: timestep_spacing = \"trailing\"), whose first timestep is \(noise) (diffusers #2585; Lin et al. 2024)",
        ]
        return [Finding(info, message, at: range, notes: notes, evidence: evidence, schedule: c.schedule.name)]
    }
}
