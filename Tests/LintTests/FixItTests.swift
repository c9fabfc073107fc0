import Foundation
import Lint
import Schedules
import Symbolic
import Testing

/// The fix-its: each rule's edit, exactly; and applying it removes the finding and
/// adds no error.
@Suite struct FixItTests {
    static let withFixes: LintOptions = {
        var o = LintOptions()
        o.fixes = FixOptions()
        return o
    }()

    /// The one fix of the one finding of `code` in `text`.
    func fix(_ code: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) async -> Fix? {
        let found = await lint(text, options: Self.withFixes).filter { $0.rule.code == code }
        #expect(found.count == 1, "\(found.map(\.message))", sourceLocation: sourceLocation)
        #expect(found.first?.fixes.count == 1, sourceLocation: sourceLocation)
        return found.first?.fixes.first
    }

    /// `text` with `fix` applied; linting it no longer gives `code`, and gives no error.
    func applied(_ fix: Fix, to text: String, removes code: String, sourceLocation: SourceLocation = #_sourceLocation) async -> String {
        let (bytes, done) = Fix.apply([fix], to: Array(text.utf8))
        #expect(done == [fix], sourceLocation: sourceLocation)
        let fixed = String(decoding: bytes, as: UTF8.self)
        let after = await lint(fixed)
        #expect(!after.contains { $0.rule.code == code }, "\(after.map(\.message))", sourceLocation: sourceLocation)
        #expect(!after.contains { $0.severity == .error }, "\(after.map(\.message))", sourceLocation: sourceLocation)
        return fixed
    }

    static let vPrediction = """
    schedule v {
        time t in [0, 1]
        alpha = cos(pi/2 t)
        sigma = sin(pi/2 t)
        target = alpha eps - sigma x0  # v-prediction
        expect det == 1
        expect rho == 0
    }

    """

    @Test func s201KeepsDetAndSetsRho() async {
        guard let fix = await fix("S201", in: Self.vPrediction) else { return }
        let target = "target = (cos(pi*t/2) - sin(pi*t/2)) x0 + (sin(pi*t/2) + cos(pi*t/2)) eps"
        #expect(fix.message == "a target with the same det A = 1 and ρ = 1/sqrt(2): \(target); removes 'expect rho == 0', which holds of the old target only")
        #expect(fix.edits.map { [$0.range.start.line, $0.range.start.column, $0.range.end.line, $0.range.end.column] } == [[5, 5, 5, 34], [7, 1, 8, 1]])
        #expect(fix.edits.map(\.replacement) == [target, ""])
        let fixed = await applied(fix, to: Self.vPrediction, removes: "S201")
        #expect(fixed == """
        schedule v {
            time t in [0, 1]
            alpha = cos(pi/2 t)
            sigma = sin(pi/2 t)
            \(target)  # v-prediction
            expect det == 1
        }

        """)
        // The new target: det A unchanged, ρ = 1/√2 proven.
        let again = await lint(fixed + "schedule w {\n    alpha = cos(pi/2 t)\n    sigma = sin(pi/2 t)\n    \(target)\n    expect rho == 1/sqrt(2)\n    expect det == 1\n}\n")
        #expect(!again.contains { $0.rule.code == "S401" || $0.rule.code == "S402" }, "\(again.map(\.message))")
    }

    @Test func s201RhoIsTheUsersChoice() async {
        var options = Self.withFixes
        options.fixes = FixOptions(rho: ExpressionParser.parse("1/2").expression!)
        let found = await lint(Self.vPrediction, options: options).first { $0.rule.code == "S201" }
        // k = r·|m|·s/√(1 − r²) = 1/√3 with m = 1.
        #expect(found?.fixes.first?.edits.first?.replacement == "target = ((sqrt(3)*cos(pi*t/2) - 3*sin(pi*t/2))/3) x0 + ((sqrt(3)*sin(pi*t/2) + 3*cos(pi*t/2))/3) eps",
                "\(String(describing: found?.fixes.first?.edits.first?.replacement))")
    }

    @Test func s203OnRectifiedFlow() async {
        let text = "schedule rf {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n    expect zeros(rho) == {1/2}\n}\n"
        guard let fix = await fix("S203", in: text) else { return }
        // det A = 1, V = 2t² − 2t + 1: m = k = 1/V, y = (x_t + u)/V.
        #expect(fix.edits.map(\.replacement) == ["target = ((1 - 2*t)/(2*t^2 - 2*t + 1)) x0 + (1/(2*t^2 - 2*t + 1)) eps", ""])
        let fixed = await applied(fix, to: text, removes: "S203")
        #expect(!fixed.contains("expect"))
        #expect(!(await lint(fixed)).contains { $0.rule.code == "S202" || $0.rule.code == "S201" })
    }

    /// x0-prediction: det A = −σ is 0 at the data end, where the designed target would
    /// be 0 and have no ρ: no fix.
    @Test func noCorrelatedTargetWhereDetVanishes() async {
        let found = await lint(Models.cosine(target: "x0"), options: Self.withFixes).filter { $0.rule.code == "S203" }
        #expect(found.count == 1 && found[0].fixes.isEmpty, "\(found.map(\.message))")
    }

    @Test func s303RescalesToZeroTerminalSNR() async {
        let text = "schedule vp {\n    time t in [0, 1]\n    alpha = sqrt(1 - t/2)\n    sigma = sqrt(t/2)\n    target = alpha eps - sigma x0\n}\n"
        guard let fix = await fix("S303", in: text) else { return }
        #expect(fix.message == "rescale to zero terminal SNR (Lin et al. 2024): α′ = (α − α_T)/(α_0 − α_T)·α_0 with α_T = sqrt(2)/2, α_0 = 1, and σ′ = √(1 − α′²)")
        #expect(fix.edits.map(\.replacement) == ["alpha = (sqrt(1 - t/2) - sqrt(2)/2)/((2 - sqrt(2))/2)", "sigma = sqrt(1 - alpha^2)"])
        let fixed = await applied(fix, to: text, removes: "S303")
        // Still variance-preserving, α = 1 at the data end and 0 at the noise end.
        let check = fixed.replacingOccurrences(of: "}\n", with: "    expect var_x == 1\n    expect zeros(alpha) == {1}\n    expect alpha == 1 at t = 0\n}\n")
        #expect(!(await lint(check)).contains { $0.rule.code == "S401" || $0.rule.code == "S402" })
    }

    @Test func s303WithXtStatementWritesAlphaAndSigma() async {
        let text = "schedule vp {\n    x_t = cos(pi/3 t) x0 + sin(pi/3 t) eps\n    target = alpha eps - sigma x0\n}\n"
        guard let fix = await fix("S303", in: text) else { return }
        #expect(fix.edits.map(\.replacement) == ["alpha = (cos(pi*t/3) - 1/2)/(1/2)\n    sigma = sqrt(1 - alpha^2)"], "\(fix.edits.map(\.replacement))")
        _ = await applied(fix, to: text, removes: "S303")
    }

    @Test func noRescalingForVarianceExploding() async {
        let text = "schedule ve {\n    time s in [1/500, 80]\n    x_t = x0 + s eps\n    target = x0\n}\n"
        let found = await lint(text, options: Self.withFixes).filter { $0.rule.code == "S303" }
        #expect(found.count == 1 && found[0].fixes.isEmpty)
    }

    @Test func s102VPredictionOnVariancePreserving() async {
        let text = Models.cosine(target: "eps") + "\n"
        guard let fix = await fix("S102", in: text) else { return }
        #expect(fix.message == "switch to v-prediction (det A = α² + σ²): target = alpha eps - sigma x0")
        #expect(fix.edits.map(\.replacement) == ["target = alpha eps - sigma x0"])
        _ = await applied(fix, to: text, removes: "S102")
    }

    @Test func s102VelocityOnAFlow() async {
        let text = "schedule flow_eps {\n    x_t = (1 - t) x0 + t eps\n    target = eps\n    expect det == 1 - t\n}\n"
        guard let fix = await fix("S102", in: text) else { return }
        #expect(fix.message == "switch to the velocity (det A = α·σ′ − σ·α′ = 1 at t = 1): target = velocity; removes 'expect det == 1 - t', which holds of the old target only")
        let fixed = await applied(fix, to: text, removes: "S102")
        #expect(fixed == "schedule flow_eps {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n}\n")
    }

    @Test func s102AtTheDataEndHasNoFix() async {
        let found = await lint(Models.cosine(target: "x0"), options: Self.withFixes).filter { $0.rule.code == "S102" }
        #expect(found.count == 1 && found[0].fixes.isEmpty)
    }

    static let discreteZeroSNR = """
    schedule zero_snr {
        step n in 0..999
        param beta_start = 0.00085
        param beta_end = 0.012
        let beta = (sqrt(beta_start) + (sqrt(beta_end) - sqrt(beta_start)) n / 999)^2
        let abar_raw = cumprod(1 - beta, n)
        let root = (sqrt(abar_raw) - sqrt(abar_raw(999))) sqrt(abar_raw(0)) / (sqrt(abar_raw(0)) - sqrt(abar_raw(999)))
        alpha = root
        sigma = sqrt(1 - root^2)
        target = eps
    }

    """

    @Test func s306DiscreteScheduleSwitchesToVPrediction() async {
        guard let fix = await fix("S306", in: Self.discreteZeroSNR) else { return }
        #expect(fix.message == "switch to v-prediction (det A = α² + σ²): target = alpha eps - sigma x0")
        #expect(fix.edits.map { [$0.range.start.line, $0.range.start.column, $0.range.end.line, $0.range.end.column] } == [[10, 5, 10, 17]])
        let fixed = await applied(fix, to: Self.discreteZeroSNR, removes: "S306")
        #expect(fixed == Self.discreteZeroSNR.replacingOccurrences(of: "target = eps", with: "target = alpha eps - sigma x0"))
    }

    @Test func s306ConfigGetsVPredictionType() async {
        let config = #"{"_class_name": "DDIMScheduler", "beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012, "rescale_betas_zero_snr": true, "timestep_spacing": "trailing", "prediction_type":  "epsilon"}"#
        guard let fix = await fix("S306", in: config) else { return }
        #expect(fix.message == #"switch to v-prediction: "prediction_type": "v_prediction" (det A = α² + σ² = 1 at every step)"#)
        let fixed = await applied(fix, to: config, removes: "S306")
        #expect(fixed == config.replacingOccurrences(of: #"  "epsilon""#, with: #"  "v_prediction""#))
    }

    @Test func noFixesUnlessAsked() async {
        #expect(await lint(Self.vPrediction).allSatisfy { $0.fixes.isEmpty })
    }

    @Test func overlappingFixesAreSkipped() {
        let source = SourceText("abcdef")
        let first = Fix(message: "1", edits: [TextEdit(range: source.range(1..<3), replacement: "X")])
        let overlapping = Fix(message: "2", edits: [TextEdit(range: source.range(2..<4), replacement: "Y")])
        let later = Fix(message: "3", edits: [TextEdit(range: source.range(4..<4), replacement: "Z"), TextEdit(range: source.range(5..<6), replacement: "")])
        let (bytes, applied) = Fix.apply([first, overlapping, later], to: source.bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "aXdZe")
        #expect(applied.map(\.message) == ["1", "3"])
    }

    @Test func lineRangeOfAStatement() {
        let source = SourceText("a {\n    expect rho == 0  # c\n    x = 1; y\n}\n")
        #expect(source.text(source.lineRange(ofStatement: source.range(8..<23))) == "    expect rho == 0  # c\n")
        // Not alone on its line: only the statement.
        #expect(source.text(source.lineRange(ofStatement: source.range(33..<38))) == "x = 1")
        #expect(source.location(atOffset: 8) == Symbolic.SourceLocation(line: 2, column: 5, offset: 8))
    }

    @Test func jsonAndSarifCarryTheFix() async throws {
        let results = await Linter.lint([LintInput(path: "v.sched", text: Self.vPrediction)], options: Self.withFixes)
        let target = "target = (cos(pi*t/2) - sin(pi*t/2)) x0 + (sin(pi*t/2) + cos(pi*t/2)) eps"
        let json = try JSONSerialization.jsonObject(with: Data(JSONReporter.render(results).utf8)) as! [[String: Any]]
        let s201 = json.first { $0["code"] as? String == "S201" }
        let fixes = s201?["fixes"] as? [[String: Any]]
        #expect(fixes?.count == 1)
        let edits = fixes?.first?["edits"] as? [[String: Any]]
        #expect(edits?.first.map { e in ["line", "column", "end_line", "end_column", "offset", "end_offset"].map { e[$0] as? Int } } == [5, 5, 5, 34, 86, 115])
        #expect(edits?.map { $0["replacement"] as? String } == [target, ""])
        #expect(json.filter { $0["code"] as? String != "S201" }.allSatisfy { ($0["fixes"] as? [Any])?.isEmpty == true })
        let sarif = try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(results, toolVersion: "test").utf8)) as! [String: Any]
        let run = (sarif["runs"] as! [[String: Any]])[0]
        let result = (run["results"] as! [[String: Any]]).first { $0["ruleId"] as? String == "S201" }
        let change = ((result?["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first
        #expect((change?["artifactLocation"] as? [String: Any])?["uri"] as? String == "v.sched")
        let replacement = (change?["replacements"] as? [[String: Any]])?.first
        let region = replacement?["deletedRegion"] as? [String: Any]
        #expect(["startLine", "startColumn", "endLine", "endColumn", "byteOffset", "byteLength"].map { region?[$0] as? Int } == [5, 5, 5, 34, 86, 29])
        #expect((replacement?["insertedContent"] as? [String: Any])?["text"] as? String == target)
    }
}
