import Lint
import Testing

@Suite struct S301NotVariancePreservingTests {
    @Test func fires() async {
        await expectFinding("S301", in: Models.rectifiedFlow, line: 2, column: 5,
                            message: "the schedule is not variance-preserving: Var(x_t) = 2*t^2 - 2*t + 1 ≠ 1")
    }
    @Test func quiet() async { await expectNoFinding("S301", in: Models.cosine(target: "eps")) }
    /// The evidence point lies in the domain [2, 3] (not a fixed sample such as 3/7).
    @Test func witnessInsideTheDomain() async {
        let found = await findings("S301", "schedule lin {\n    time t in [2, 3]\n    x_t = (1 - t) x0 + t eps\n    target = eps\n}\n")
        #expect(found.count == 1)
        #expect(found.first?.evidence.first { $0.key == "witness" }?.value == "t = 5/2")
        #expect(found.first?.notes == ["Var(x_t) − data variance = 7.500000000 ≠ 0 at t = 5/2 (exact evaluation)"])
    }
    /// A constant Var(x_t) ≠ s² still names a point of the domain (-2, 0] as its
    /// witness, not an empty one. (Differential g1293.)
    @Test func constantVarianceHasAWitness() async {
        let found = await findings("S301", "schedule c {\n    time t in (-2, 0]\n    alpha = sqrt(-t)\n    sigma = sqrt(t + 2 - 3*pi/32)\n    target = eps\n}\n")
        #expect(found.first?.evidence.first { $0.key == "witness" }?.value == "t = -1")
    }
    /// Variance-preserving on [0, 1] though not beyond: nonzero only outside the domain is no finding.
    @Test func nonzeroOnlyOutsideTheDomain() async {
        // σ = sin t on [0, 1], where √((t − 2)²) = 2 − t; Var(x_t) = 1 there, not at t = 19/8.
        await expectNoFinding("S301", in: "schedule a {\n    time t in [0, 1]\n    alpha = cos(t)\n    sigma = sin(t) + (2 - t) - sqrt((t - 2)^2)\n    target = eps\n}\n")
    }
}
