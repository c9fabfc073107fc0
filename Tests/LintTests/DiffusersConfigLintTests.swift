import Exact
import Foundation
import Lint
import Schedules
import Symbolic
import Testing

/// diffusers scheduler configs: the findings on the example configs, located
/// errors, notes for unknown keys, and the `sched import` round trip (the imported
/// `.sched` lints to the same findings as the config).
@Suite struct DiffusersConfigLintTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/diffusers")

    func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.examples.appendingPathComponent(name)))
    }

    func lint(_ bytes: [UInt8], path: String = "scheduler_config.json", digits: Int = 20) -> [Finding] {
        var options = LintOptions()
        options.digits = digits
        return Linter.lintSequentially(LintInput(path: path, bytes: bytes), options: options).findings
    }

    @Test func stableDiffusionTerminalSNRIsCertifiedTo25Digits() throws {
        let findings = lint(try example("sd15.json"), digits: 25)
        #expect(findings.map(\.rule.code) == ["S303", "S307", "S305"])
        let s303 = try #require(findings.first)
        // mpmath at 40 digits: 0.004681916706157958597839974870289125291275.
        #expect(s303.message == "the terminal SNR at the noise end n = 999 is 0.004681916706157958597839975, not 0 (Lin et al. 2024 report 0.0047 for this schedule)")
        #expect(s303.range.start.line == 5 && s303.range.start.column == 3)   // "beta_schedule"
        let s305 = findings[2]
        #expect(s305.message == "the sampler's first timestep is 981, not the last training step 999: sampling starts from pure noise where the model was trained on SNR 0.005809050310373650821270204")
    }

    @Test func zeroTerminalSNRWithEpsilonPredictionIsAnError() throws {
        let findings = lint(try example("sd15-zero-snr.json"))
        #expect(findings.map(\.rule.code) == ["S306", "S307", "S305"])
        #expect(findings[0].severity == .error)
        #expect(findings[0].message == "α = 0 and det A = 0 at the noise end n = 999: the first sampling step computes x̂0 = (x_t − σ·ε̂)/α and divides by zero")
    }

    /// v-prediction with trailing spacing fixes S303/S305/S306; set_alpha_to_one = false
    /// still ends at ᾱ₀, with σ₀ = √β₀ = √0.00085 of noise left (S307).
    @Test func vPredictionWithTrailingSpacingLeavesOnlyTheFinalStep() throws {
        let findings = lint(try example("sd15-v-trailing.json"), digits: 25)
        #expect(findings.map(\.rule.code) == ["S307"])
        // mpmath: sqrt(0.00085) = 0.029154759474226502354370764387…
        #expect(findings.first?.message == "the last sampling step lands at the noise level of n = 0, not on the data: residual noise σ = 0.02915475947422650235437076 is left in the output")
        #expect(findings.first?.range.start.line == 11)   // "set_alpha_to_one"
        #expect(lint(try example("sd3-flow-match.json")).isEmpty)
    }

    /// Where the last step lands, per class: DDIM's default (set_alpha_to_one true) and
    /// Euler's final_sigmas_type "zero" reach the data; PNDM's default and "sigma_min" do not.
    @Test func finalStepFollowsEachClassDefault() {
        let betas = #""beta_schedule": "linear", "beta_start": 0.0001, "beta_end": 0.02, "timestep_spacing": "trailing", "rescale_betas_zero_snr": true, "prediction_type": "v_prediction""#
        func codes(_ json: String) -> [String] { lint(Array(json.utf8)).map(\.rule.code) }
        #expect(codes(#"{"_class_name": "DDIMScheduler", "# + betas + "}") == [])
        #expect(codes(#"{"_class_name": "DDIMScheduler", "set_alpha_to_one": false, "# + betas + "}") == ["S307"])
        #expect(codes(#"{"_class_name": "PNDMScheduler", "# + betas + "}") == ["S307"])
        #expect(codes(#"{"_class_name": "PNDMScheduler", "set_alpha_to_one": true, "# + betas + "}") == [])
        #expect(codes(#"{"_class_name": "EulerDiscreteScheduler", "# + betas + "}") == ["S303"])   // the 2⁻²⁴ patch
        #expect(codes(#"{"_class_name": "EulerDiscreteScheduler", "final_sigmas_type": "sigma_min", "# + betas + "}") == ["S307", "S303"])
        #expect(codes(#"{"_class_name": "DDPMScheduler", "set_alpha_to_one": false, "# + betas + "}") == [])
        let bad = lint(Array(#"{"_class_name": "UniPCMultistepScheduler", "final_sigmas_type": "denoise_to_zero"}"#.utf8))
        #expect(bad.map(\.message) == [#"'final_sigmas_type' "denoise_to_zero" is not supported: sched supports "zero", "sigma_min""#])
    }

    /// In a schedule file: `final first` fires S307 with the exact residual σ, unless
    /// σ is 0 at the data end; `final data` does not; a bad value is located.
    @Test func finalClauseInAScheduleFile() {
        func lintText(_ text: String) -> [Finding] { lint(Array(text.utf8), path: "f.sched") }
        let header = "schedule s {\n    step n in 0..9\n    let abar = 1 - n/10\n    alpha = sqrt(abar)\n    sigma = sqrt(1 - abar)\n    target = alpha eps - sigma x0\n"
        #expect(lintText(header + "    sample steps 10 spacing trailing final first\n}\n").map(\.rule.code) == ["S303"])   // σ(0) = 0
        // ᾱ = (99/100)(9 − n)/9: ᾱ₉ = 0 (zero terminal SNR) and σ₀ = √(1/100).
        let shifted = header.replacingOccurrences(of: "1 - n/10", with: "11 (9 - n)/100")
        let found = lintText(shifted + "    sample steps 10 spacing trailing final first\n}\n")
        #expect(found.map(\.rule.code) == ["S307"])
        #expect(found.first?.message == "the last sampling step lands at the noise level of n = 0, not on the data: residual noise σ = 1/10 ≈ 0.1 is left in the output")
        #expect(found.first.map { "\($0.range.start.line):\($0.range.start.column)" } == "7:38")
        #expect(lintText(shifted + "    sample steps 10 spacing trailing final data\n}\n").isEmpty)
        let bad = lintText(shifted + "    sample steps 10 spacing trailing final noise\n}\n")
        #expect(bad.map(\.rule.code) == ["S001"])
    }

    @Test func eulerPatchesTheTerminalAlphaBarTo2ToTheMinus24() {
        let config = #"{"_class_name": "EulerDiscreteScheduler", "beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012, "rescale_betas_zero_snr": true, "timestep_spacing": "trailing"}"#
        let findings = lint(Array(config.utf8))
        // ᾱ₉₉₉ = 2⁻²⁴: SNR = 2⁻²⁴/(1 − 2⁻²⁴) = 1/16777215, not 0, and no division by zero.
        #expect(findings.map(\.rule.code) == ["S303"])
        #expect(findings.first?.message == "the terminal SNR at the noise end n = 999 is 1/16777215 ≈ 5.9604648328104515559e-8, not 0")
    }

    @Test func cosineScheduleIsClippedAtTheLastStep() {
        let config = #"{"_class_name": "DDPMScheduler", "beta_schedule": "squaredcos_cap_v2", "num_train_timesteps": 1000, "timestep_spacing": "trailing"}"#
        let findings = lint(Array(config.utf8))
        #expect(findings.map(\.rule.code) == ["S303", "S308"])
        #expect(findings.last?.message == "'beta' is clipped at 1 step: n ∈ {999}")
    }

    @Test func configErrorsAreLocatedAndSaySupportedValues() {
        let unknownClass = lint(Array(#"{"_class_name": "LCMScheduler"}"#.utf8))
        #expect(unknownClass.map { "\($0.range.start): \($0.message)" } == [
            "1:17: the scheduler class \"LCMScheduler\" is not supported: sched supports DDPMScheduler, DDIMScheduler, PNDMScheduler, EulerDiscreteScheduler, EulerAncestralDiscreteScheduler, HeunDiscreteScheduler, DPMSolverMultistepScheduler, UniPCMultistepScheduler, FlowMatchEulerDiscreteScheduler",
        ])
        let badValue = lint(Array("{\n  \"_class_name\": \"DDIMScheduler\",\n  \"prediction_type\": \"flow_prediction\"\n}".utf8))
        #expect(badValue.map { "\($0.range.start): \($0.message)" } == [
            "3:22: 'prediction_type' \"flow_prediction\" is not supported: sched supports \"epsilon\", \"sample\", \"v_prediction\"",
        ])
        let flowSigmas = lint(Array(#"{"_class_name": "UniPCMultistepScheduler", "use_flow_sigmas": true}"#.utf8))
        #expect(flowSigmas.map { "\($0.range.start): \($0.message)" } == [
            "1:63: 'use_flow_sigmas': true (flow-matching sigmas in UniPCMultistepScheduler) is not supported: sched supports false; FlowMatchEulerDiscreteScheduler configs are",
        ])
        let pndmSample = lint(Array(#"{"_class_name": "PNDMScheduler", "prediction_type": "sample"}"#.utf8))
        #expect(pndmSample.map(\.message) == ["'prediction_type' \"sample\" is not supported: sched supports \"epsilon\", \"v_prediction\""])
        let malformed = lint(Array("{\n  \"_class_name\": \"DDIMScheduler\",\n  \"beta_end\": 0.012,,\n}".utf8))
        #expect(malformed.map { "\($0.range.start): \($0.message)" } == ["3:21: malformed JSON: expected a member name in double quotes"])
    }

    @Test func unknownKeysAreNotes() {
        let findings = lint(Array(#"{"_class_name": "DDIMScheduler", "timestep_spacing": "trailing", "rescale_betas_zero_snr": true, "prediction_type": "v_prediction", "my_key": 3}"#.utf8))
        #expect(findings.map { "\($0.severity) \($0.range.start): \($0.message)" } == [
            "note 1:133: sched does not know the key 'my_key' of DDIMScheduler; it is ignored",
        ])
    }

    /// The imported text lints to the same findings as the config: the examples and 8
    /// of the generated configs of the oracle test (which checks all 240 against mpmath).
    @Test func importedScheduleLintsToTheSameFindings() throws {
        var configs = try ["sd15.json", "sd15-zero-snr.json", "sd15-v-trailing.json", "sd3-flow-match.json"].map { try example($0) }
        configs += DiffusersConfigOracleTests.configs().prefix(6).map { Array($0.json.utf8) }
        configs += DiffusersConfigOracleTests.configs().suffix(2).map { Array($0.json.utf8) }
        for bytes in configs {
            let imported = try DiffusersImport.read(bytes, name: "config")
            let fromConfig = lint(bytes).map { "\($0.rule.code) \($0.message)" }.sorted()
            let fromText = lint(Array(imported.text.utf8), path: "config.sched").map { "\($0.rule.code) \($0.message)" }.sorted()
            #expect(fromConfig == fromText, "\(String(decoding: bytes.prefix(200), as: UTF8.self))")
        }
    }
}
