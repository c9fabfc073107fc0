import Exact
import Foundation
import SchedTestHarness
import Testing
@testable import Symbolic
import SchedTestSupport

/// Never a false zero: 1,000 generated expressions (fixed seed) are simplified and
/// zero-tested by sched; SymPy with mpmath evaluates input and result at five rational
/// points to 40 digits. The result must agree with the input to 30 digits wherever
/// the input is defined, and every proven zero must evaluate to 0 to 30 digits.
@Suite(.tags(.oracle, .slow)) struct SimplifierSympyOracleTests {
    @Test func agreesWithSympyOnAThousandExpressions() throws {
        var generator = ScheduleLikeExpressions(seed: 2026)
        var cases: [(input: String, result: String, zero: Bool)] = []
        var outcomes = (zero: 0, nonzero: 0, unknown: 0, failed: 0)
        while cases.count < 1_000 {
            let e = generator.expression(depth: 4)
            guard let form = try? Simplifier().canonicalForm(of: e) else { outcomes.failed += 1; continue }
            let verdict = ZeroTest().test(form)
            switch verdict {
            case .zero: outcomes.zero += 1
            case .nonzero: outcomes.nonzero += 1
            case .unknown: outcomes.unknown += 1
            }
            cases.append((printASCII(e), printASCII(form.expression), verdict.isProvenZero))
        }
        let input = cases.map { c in
            let object: [String: Any] = ["input": c.input, "result": c.result, "zero": c.zero]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
        let lines = try runOracle("expression_values.py", input: input)
        #expect(lines.count == cases.count)
        var checkedPoints = 0
        for (c, line) in zip(cases, lines) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            checkedPoints += object["checked"] as? Int ?? 0
            #expect(object["mismatch"] is NSNull, "\(c.input) ⟶ \(c.result): \(object["mismatch"] ?? "")")
            #expect(object["zero_violation"] is NSNull, "false zero: \(c.input): \(object["zero_violation"] ?? "")")
        }
        // Most points are inside the domains: the comparison really happened.
        #expect(checkedPoints > 4 * cases.count)
        // The generator builds identities, so proven zeros must be common.
        #expect(outcomes.zero > 100)
        print("simplifier differential test: \(outcomes.zero) proven zero, \(outcomes.nonzero) proven nonzero, \(outcomes.unknown) unknown, \(outcomes.failed) not simplifiable; \(checkedPoints) points compared")
    }
}

/// Runs a Python oracle from Tests/oracles with `input` on stdin; returns its lines.
func runOracle(_ script: String, input: String, arguments: [String] = []) throws -> [String] {
    let path = packageRoot.appendingPathComponent("Tests/oracles/\(script)").path
    let run = try Subprocess.python(path, arguments, stdin: input)
    #expect(run.status == 0, "the oracle \(script) failed; python3 with sympy is required: \(run.stderr.suffix(2000))")
    return run.stdout.split(separator: "\n").map(String.init)
}
