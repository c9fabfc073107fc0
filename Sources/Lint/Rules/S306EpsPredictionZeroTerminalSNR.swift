import Exact
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

    public static func fix(_ finding: Finding, discrete c: DiscreteContext) -> Fix? { vPredictionFix(c) }
}

extension S306EpsPredictionZeroTerminalSNR {
    /// v-prediction, y = α·ε − σ·x0: det A = α² + σ², which is 1 at every step of a
    /// variance-preserving schedule, so x̂0 = α·x_t − σ·ŷ needs no division.
    static let vPrediction = "target = alpha eps - sigma x0"

    /// A discrete-time schedule file: its target statement becomes v-prediction.
    static func vPredictionFix(_ c: DiscreteContext) -> Fix? {
        guard c.fixOptions != nil else { return nil }
        let fix = Fix(message: "switch to v-prediction (det A = α² + σ²): \(vPrediction)",
                      edits: [TextEdit(range: c.schedule.targetRange, replacement: vPrediction)])
        return verified(fix, path: c.path, bytes: c.source.bytes, schedule: c.schedule.name)
    }

    /// A diffusers config: the value of its `prediction_type` key (`key`, the range
    /// the finding points at) becomes "v_prediction", when it is the string "epsilon".
    static func configFix(key: SourceRange, input: LintInput) -> Fix? {
        let bytes = input.bytes
        guard key.end.offset <= bytes.count,
              String(decoding: bytes[key.start.offset..<key.end.offset], as: UTF8.self) == "\"prediction_type\"" else { return nil }
        var i = key.end.offset
        func skipBlanks() { while i < bytes.count, [32, 9, 10, 13].contains(bytes[i]) { i += 1 } }
        skipBlanks()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        skipBlanks()
        let value = Array("\"epsilon\"".utf8)
        guard i + value.count <= bytes.count, Array(bytes[i..<i + value.count]) == value else { return nil }
        let source = SourceText(utf8: bytes)
        let fix = Fix(message: "switch to v-prediction: \"prediction_type\": \"v_prediction\" (det A = α² + σ² = 1 at every step)",
                      edits: [TextEdit(range: source.range(i..<i + value.count), replacement: "\"v_prediction\"")])
        return verified(fix, path: input.path, bytes: bytes, schedule: nil)
    }

    /// The fix, when the fixed file lints without S306 (in that schedule) and without errors.
    static func verified(_ fix: Fix, path: String, bytes: [UInt8], schedule: String?) -> Fix? {
        let (fixed, applied) = Fix.apply([fix], to: bytes)
        guard applied.count == 1, let result = DiscreteLinter.lint(LintInput(path: path, bytes: fixed), options: LintOptions()),
              Deadline.exceeded == nil else { return nil }
        let remaining = result.findings.filter { schedule == nil || $0.schedule == schedule }
        guard !remaining.contains(where: { $0.rule.code == info.code || $0.severity == .error }) else { return nil }
        return fix
    }
}
