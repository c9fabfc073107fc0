import Exact
// Scoped imports: all of Foundation would bring its own `Expr` type.
import struct Foundation.Data
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder
import struct Foundation.URL
import SchedTestHarness
import SchedTestSupport
import Symbolic
import Testing
@testable import Schedules

/// Differential test of schedules over abstract functions against SymPy and mpmath
/// (Tests/oracles/abstract_families.py): 330 random families with a fixed seed — a
/// VP forward process over `function alpha`, a flow over it, or independent
/// `function alpha` and `function sigma` — with random linear targets (x0, eps, x_t,
/// velocity, coefficients among 0, ±1, 2, 1/2, alpha, sigma) and data variance 1 or 2.
/// sched derives det, Cov, Var(x_t), Var(y) and ρ in terms of α, α′, σ, σ′; the oracle
/// substitutes three concrete instances of the functions (and their derivatives) and
/// compares each result with the quantity recomputed from its definition at ten
/// points, wherever both are defined. Every family must validate, and no value may
/// disagree.
@Suite(.tags(.oracle)) struct AbstractFunctionOracleTests {
    static let familyCount = 330

    struct Family {
        var text: String
        var instances: [[String: String]]
    }

    static let forwards: [(declarations: String, forward: String, instances: [[String: String]])] = [
        ("function alpha", "x_t = alpha x0 + sqrt(1 - alpha^2) eps",
         [["alpha": "exp(-t)/2"], ["alpha": "cos(t)/2"], ["alpha": "(1 + t^2)/3"]]),
        ("function alpha", "x_t = alpha x0 + (1 - alpha) eps",
         [["alpha": "1 - t^2/2"], ["alpha": "exp(-t)"], ["alpha": "cos(t)"]]),
        ("function alpha\n  function sigma", "x_t = alpha x0 + sigma eps",
         [["alpha": "exp(-t)", "sigma": "1 + t"], ["alpha": "cos(t)", "sigma": "t + 1/2"],
          ["alpha": "1/(1 + t)", "sigma": "t^2 + 1"]]),
    ]
    static let coefficients = ["0", "0", "1", "-1", "2", "1/2", "alpha", "sigma"]
    static let vectors = ["x0", "eps", "x_t", "velocity"]

    static func families() -> [Family] {
        var random = SeededRandom(seed: 13)
        return (0..<familyCount).map { _ in
            let forward = random.pick(forwards)
            var terms: [String] = []
            for v in vectors {
                let k = random.pick(coefficients)
                if k != "0" { terms.append("(\(k)) \(v)") }
            }
            if terms.isEmpty { terms = ["eps"] }
            let variance = random.chance(0.3) ? "\n  data variance = 2" : ""
            let text = "schedule f {\n  \(forward.declarations)\n  \(forward.forward)\n  target = \(terms.joined(separator: " + "))\(variance)\n}\n"
            return Family(text: text, instances: forward.instances)
        }
    }

    struct Case: Encodable {
        let alpha, sigma, c, d: String
        let data_variance: String
        let quantities: [String: String]
        let instances: [[String: String]]
        let points: [String]
    }

    struct Answer: Decodable {
        let compared: Int
        let mismatches: [String]
    }

    @Test func derivedQuantitiesAgreeWithEveryInstance() throws {
        var cases: [Case] = []
        for family in Self.families() {
            let file = ScheduleFile(parsing: family.text, path: "family.sched")
            let s = try #require(file.schedules.first, "\(family.text)\(file.formattedDiagnostics())")
            let analysis = ModelAnalysis(s.unifiedModel)
            var quantities: [String: String] = [:]
            for name in ["det", "cov", "var_x", "var_y", "rho"] {
                if case .success(let f)? = analysis.quantities[name] { quantities[name] = printASCII(f.expression) }
            }
            #expect(quantities.count == 5, "\(family.text)")
            cases.append(Case(alpha: ascii(s.alpha.value), sigma: ascii(s.sigma.value), c: ascii(s.c.value), d: ascii(s.d.value),
                              data_variance: ascii(s.dataVariance.value), quantities: quantities, instances: family.instances,
                              points: (1...10).map { "\($0)/11" }))
        }
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("oracles/abstract_families.py")
        struct Request: Encodable { let cases: [Case] }
        let run = try Subprocess.python(script.path, stdin: String(decoding: try JSONEncoder().encode(Request(cases: cases)), as: UTF8.self))
        try #require(run.status == 0, "the SymPy oracle failed; python3 with sympy and mpmath is required: \(run.stderr.suffix(2000))")
        let answers = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
        try #require(answers.count == cases.count)
        var compared = 0
        for (answer, family) in zip(answers, Self.families()) {
            #expect(answer.mismatches.isEmpty, "\(family.text)\(answer.mismatches.prefix(3).joined(separator: "\n"))")
            if answer.compared > 0 { compared += 1 }
        }
        #expect(compared == Self.familyCount)
    }
}
