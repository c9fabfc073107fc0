import Lint
import Testing

@Suite struct S203RhoWeakTests {
    @Test func fires() async {
        await expectFinding("S203", in: Models.rectifiedFlow, line: 3, column: 5,
                            message: "the correlation between x_t and the target is weak (|ρ| < 0.1) for t in (0.449748…, 0.550251…)")
    }
    @Test func quiet() async {
        await expectNoFinding("S203", in: "schedule a {\n    time t in [1/4, 3/4]\n    alpha = cos(pi/2 t)\n    sigma = sin(pi/2 t)\n    target = eps\n}\n")
        await expectNoFinding("S203", in: Models.cosine(target: "alpha eps - sigma x0"))
    }
}
