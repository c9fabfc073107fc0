import Lint
import Testing

@Suite struct S401ExpectFailedTests {
    func schedule(_ claim: String) -> String {
        "schedule rf {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n    expect \(claim)\n}\n"
    }

    /// Each claim form: proven when true (no S401, no S402), refuted with a counterexample when false.
    @Test(arguments: [
        ("det == 1", "det == 1 - t", "t = "),
        ("det != 0", "rho != 0", "t = 1/2"),
        ("rho == 0 at t = 1/2", "rho == 0 at t = 1/3", "t = 1/3"),
        ("zeros(rho) == {1/2}", "zeros(rho) == {1/3}", "t = 1/3"),
        ("det > 0", "rho > 0", "t = 1/2"),
        ("det - 2 < 0", "det < 0", "t = 1/2"),
    ])
    func claimForms(_ truth: String, _ falsehood: String, _ counterexample: String) async throws {
        let proven = await lint(schedule(truth)).filter { ["S401", "S402"].contains($0.rule.code) }
        #expect(proven.isEmpty, "\(proven.map(\.message))")
        let refuted = await findings("S401", schedule(falsehood))
        let f = try #require(refuted.first)
        #expect(refuted.count == 1)
        #expect(f.range.start.line == 4 && f.range.start.column == 5)
        #expect(f.message.hasPrefix("expect \(falsehood) is false: "))
        guard case .string(let point)? = f.evidence.first(where: { $0.key == "counterexample" })?.value else {
            Issue.record("no counterexample in the evidence"); return
        }
        #expect(point.hasPrefix(counterexample), "\(point)")
    }

    @Test func exactMessage() async {
        await expectFinding("S401", in: schedule("rho != 0"), line: 4, column: 5,
                            message: "expect rho != 0 is false: rho vanishes at t = 1/2")
    }

    @Test func constantDisagreement() async throws {
        // A nonzero constant still gets a counterexample point, inside the domain [0, 1].
        let f = try #require(await findings("S401", schedule("det == 2")).first)
        #expect(f.message == "expect det == 2 is false: det − (2) = -1.000000000 ≠ 0 at t = 1/2")
    }
}
