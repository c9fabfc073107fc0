import Lint
import Testing

@Suite struct S202RhoVanishesTests {
    @Test func rectifiedFlowAtOneHalf() async {
        await expectFinding("S202", in: Models.rectifiedFlow, line: 3, column: 5,
                            message: "correlation between x_t and the target vanishes at t = 1/2")
        let f = await findings("S202", Models.rectifiedFlow)
        #expect(f.first?.notes.first == "ρ(t) = (2*t - 1)/sqrt(4*t^2 - 4*t + 2), exact zero at t = 1/2 (proven; no other zeros on [0, 1])")
    }
    @Test func quiet() async {
        await expectNoFinding("S202", in: Models.cosine(target: "eps"))   // ρ = σ: zero only at the data end
        await expectNoFinding("S202", in: Models.cosine(target: "alpha eps - sigma x0"))   // identically: S201
    }
}
