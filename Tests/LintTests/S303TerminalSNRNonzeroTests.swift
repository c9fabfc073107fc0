import Exact
import Lint
import Symbolic
import Testing

@Suite struct S303TerminalSNRNonzeroTests {
    @Test func vpLinear() async throws {
        await expectFinding("S303", in: Models.vpLinear, line: 5, column: 5,
                            message: "the terminal SNR at the noise end t = 1 is exp(-201/20)/(1 - exp(-201/20)) ≈ 4.3e-5, not 0")
        let f = try #require(await findings("S303", Models.vpLinear).first)
        let exact = try #require(f.evidence.first { $0.key == "snr" }?.value)
        #expect(f.evidence.first { $0.key == "snr_approx" }?.value == "4.3e-5")
        // The exact value equals exp(−201/20)/(1 − exp(−201/20)), proven.
        #expect(ZeroTest().equal(try parseExpression(exact), try parseExpression("exp(-201/20)/(1 - exp(-201/20))")).isProvenZero)
    }
    @Test func quiet() async {
        await expectNoFinding("S303", in: Models.cosine(target: "eps"))
        await expectNoFinding("S303", in: Models.rectifiedFlow)
    }
}
