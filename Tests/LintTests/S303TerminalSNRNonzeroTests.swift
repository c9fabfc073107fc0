import Exact
import Lint
import Symbolic
import Testing

@Suite struct S303TerminalSNRNonzeroTests {
    @Test func vpLinear() async throws {
        await expectFinding("S303", in: Models.vpLinear, line: 5, column: 5,
                            message: "the terminal SNR at the noise end t = 1 is exp(-201/20)/(1 - exp(-201/20)) ≈ 4.3e-5, not 0")
        let f = try #require(await findings("S303", Models.vpLinear).first)
        guard case .string(let exact)? = f.evidence.first(where: { $0.key == "snr" })?.value else {
            Issue.record("no exact SNR in the evidence"); return
        }
        #expect(f.evidence.first { $0.key == "snr_approx" }?.value == .number(4.3e-5))
        // The exact value equals exp(−201/20)/(1 − exp(−201/20)), proven.
        #expect(ZeroTest().equal(try parseExpression(exact), try parseExpression("exp(-201/20)/(1 - exp(-201/20))")).isProvenZero)
    }
    /// EDM's x = x0 + s·ε on [1/500, 80]: α = 1 is constant, so no rescaling reaches
    /// SNR 0; a note with the σ_max that brings the SNR to 10⁻⁴, not the VP advice.
    @Test func varianceExplodingIsANoteWithTheSigmaMaxThatHelps() async throws {
        let edm = "schedule ve {\n    time s in [1/500, 80]\n    x_t = x0 + s eps\n    target = eps\n}\n"
        let f = try #require(await findings("S303", edm).first)
        #expect(f.severity == .note)
        #expect(f.message == "the terminal SNR at the noise end s = 80 is 1/6400 ≈ 0.00016, not 0")
        #expect(f.notes.contains("σ_max ≥ 100 would bring the terminal SNR to 10⁻⁴ or below"))
        #expect(!f.notes.contains { $0.contains("rescale") })
        #expect(f.evidence.first { $0.key == "process" }?.value == "variance-exploding")
        // The VP-SDE keeps the warning and the rescaling advice.
        let vp = try #require(await findings("S303", Models.vpLinear).first)
        #expect(vp.severity == .warning)
        #expect(vp.notes.contains { $0.contains("rescale so that α = 0 at the noise end") })
    }
    @Test func quiet() async {
        await expectNoFinding("S303", in: Models.cosine(target: "eps"))
        await expectNoFinding("S303", in: Models.rectifiedFlow)
    }
}
