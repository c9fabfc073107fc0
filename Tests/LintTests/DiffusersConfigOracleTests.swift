import Exact
import Foundation
import Lint
import SchedTestHarness
import Schedules
import Testing

/// sched's import of diffusers scheduler configs against Tests/oracles/diffusers_schedules.py,
/// a reimplementation of diffusers' formulas in mpmath (60 digits): 240 generated
/// configs (every beta_schedule and trained_betas, every prediction type and spacing,
/// rescaling on and off, random step counts and betas; flow matching with random
/// shifts, static and dynamic), every quantity at 20 random steps to 25 digits, and
/// the findings S303, S305, S306, S307 and S308; and for each config the `sched import`
/// round trip (the imported text lints to the same findings).
@Suite(.tags(.oracle)) struct DiffusersConfigOracleTests {
    static let oracle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("oracles/diffusers_schedules.py").path

    /// SplitMix64: the same configs on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        /// A decimal in [lo, hi) with `digits` decimals, as text.
        mutating func decimal(_ lo: Int, _ hi: Int, digits: Int) -> String {
            let scale = Int(pow(10.0, Double(digits)))
            let v = int(lo * scale...(hi * scale - 1))
            return Rational(v, scale).decimalString(significantDigits: 12)
        }
    }

    static func configs() -> [(json: String, imageSequenceLength: Int?)] {
        var g = Generator(state: 12)
        var out: [(String, Int?)] = []
        let classes = DiffusersImport.betaClasses
        let schedules = ["linear", "scaled_linear", "squaredcos_cap_v2", "sigmoid", "trained_betas"]
        for i in 0..<200 {
            let steps = i < 10 ? 1000 : g.int(2...1000)
            let prediction = ["epsilon", "sample", "v_prediction"][(i / 5) % 3]
            var className = g.pick(classes)
            if className == "PNDMScheduler", prediction == "sample" { className = "DDPMScheduler" }   // PNDM has no x0-prediction
            var members = ["\"_class_name\": \"\(className)\"", "\"num_train_timesteps\": \(steps)"]
            let schedule = schedules[i % schedules.count]
            let start = "0.000" + String(g.int(1...9)) + String(g.int(0...9))
            let end = "0.0" + String(g.int(1...3)) + String(g.int(0...9))
            if schedule == "trained_betas" {
                let betas = (0..<steps).map { _ in "0.00" + String(g.int(1...9)) + String(g.int(0...9)) }
                members.append("\"trained_betas\": [\(betas.joined(separator: ", "))]")
            } else {
                members += ["\"beta_schedule\": \"\(schedule)\"", "\"beta_start\": \(start)", "\"beta_end\": \(end)"]
            }
            members.append("\"prediction_type\": \"\(prediction)\"")
            members.append("\"rescale_betas_zero_snr\": \((i / 15) % 2 == 1)")
            members.append("\"timestep_spacing\": \"\(g.pick(["linspace", "leading", "trailing"]))\"")
            members.append("\"steps_offset\": \(g.int(0...1))")
            // Where the last step lands (S307): set, unset (the class's default) or the other way.
            switch (className, (i / 7) % 3) {
            case ("DDIMScheduler", 0), ("PNDMScheduler", 0): members.append("\"set_alpha_to_one\": true")
            case ("DDIMScheduler", 1), ("PNDMScheduler", 1): members.append("\"set_alpha_to_one\": false")
            case ("EulerDiscreteScheduler", 0), ("DPMSolverMultistepScheduler", 0), ("UniPCMultistepScheduler", 0):
                members.append("\"final_sigmas_type\": \"zero\"")
            case ("EulerDiscreteScheduler", 1), ("DPMSolverMultistepScheduler", 1), ("UniPCMultistepScheduler", 1):
                members.append("\"final_sigmas_type\": \"sigma_min\"")
            default: break
            }
            out.append(("{" + members.joined(separator: ", ") + "}", nil))
        }
        for i in 0..<40 {
            let steps = g.int(2...1000)
            var members = ["\"_class_name\": \"FlowMatchEulerDiscreteScheduler\"", "\"num_train_timesteps\": \(steps)"]
            var length: Int?
            if i % 4 == 3 {
                members += ["\"use_dynamic_shifting\": true", "\"time_shift_type\": \"\(g.pick(["exponential", "linear"]))\"",
                            "\"base_shift\": 0.5", "\"max_shift\": 1.15", "\"base_image_seq_len\": 256", "\"max_image_seq_len\": 4096"]
                length = g.int(256...4096)
            } else {
                members.append("\"shift\": \(g.decimal(1, 8, digits: 2))")
            }
            out.append(("{" + members.joined(separator: ", ") + "}", length))
        }
        return out
    }

    @Test func everyQuantityAtRandomStepsAgreesWithTheOracle() async throws {
        var lines: [String] = []
        var compared = 0
        var g = Generator(state: 99)
        let configs = Self.configs()
        #expect(configs.count == 240)
        for (json, length) in configs {
            let bytes = Array(json.utf8)
            let imported = try DiffusersImport.read(bytes, name: "config", imageSequenceLength: length)
            let parsed = DiscreteScheduleParser.parse(Array(imported.text.utf8), path: "config")
            let schedule = try #require(parsed.schedules.first, "\(json.prefix(300))\n\(parsed.formattedDiagnostics().prefix(600))")
            let steps = (0..<20).map { _ in g.int(schedule.first...schedule.last) } + [schedule.first, schedule.last]
            let analysis = DiscreteAnalysis.withDigits(schedule, digits: 25, steps: steps)
            var values: [String: [String: String]] = [:]
            for step in steps {
                var row: [String: String] = [:]
                for name in DiscreteEvaluation.quantityNames {
                    switch analysis.evaluation.value(of: name, at: step) {
                    case .success(.exact(let q)): row[name] = q.isZero ? "0" : q.decimalString(significantDigits: 30)
                    case .success(.ball(let b)) where b.isExactlyZero: row[name] = "0"
                    case .success(.ball(let b)):
                        #expect(b.hasCorrectDigits(25), "\(json): \(name) at \(step)")
                        row[name] = b.decimalString(digits: 25)
                    case .failure(.undefined): row[name] = "undefined"
                    case .failure(.unknown(let why)):
                        Issue.record("\(json): \(name) at \(step) is unknown: \(why)")
                    }
                }
                values[String(step)] = row
            }
            compared += values.values.map(\.count).reduce(0, +)
            let result = Linter.lintSequentially(LintInput(path: "config.json", bytes: bytes))
            let codes = result.findings.map(\.rule.code).filter { ["S303", "S305", "S306", "S307", "S308"].contains($0) }
            let extra = result.findings.filter { !["S303", "S305", "S306", "S307", "S308"].contains($0.rule.code) }
            #expect(extra.isEmpty, "\(json): \(extra.map(\.message))")
            // The `sched import` round trip: the imported text (at the config's own image
            // sequence length, as the lint above) lints to the same findings.
            let text = try DiffusersImport.read(bytes, name: "config").text
            let fromText = Linter.lintSequentially(LintInput(path: "config.sched", bytes: Array(text.utf8)))
            #expect(fromText.findings.map { "\($0.rule.code) \($0.message)" }.sorted() == result.findings.map { "\($0.rule.code) \($0.message)" }.sorted(),
                    "\(json.prefix(300))")
            let item: [String: Any] = ["config": try JSONSerialization.jsonObject(with: Data(json.utf8)),
                                       "image_seq_len": length.map { $0 as Any } ?? NSNull(), "values": values, "findings": codes]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: item), as: UTF8.self))
        }
        let run = try Subprocess.python(Self.oracle, stdin: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(compared > 240 * 18 * 16)
        #expect(run.stdout == "ok \(compared)\n", "\(run.stdout)")
    }
}
