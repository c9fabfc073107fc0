import Lint
import Testing

@Suite struct S103AmplificationUnboundedTests {
    @Test func fires() async {
        await expectFinding("S103", in: "schedule a {\n    time t in [0, 1)\n    alpha = cos(pi/2 t)\n    sigma = sin(pi/2 t)\n    target = eps\n}\n",
                            line: 5, column: 5, message: "amp_x0 = σ/det A grows without bound towards the noise end t = 1")
    }
    @Test func quiet() async {
        await expectNoFinding("S103", in: Models.cosine(target: "eps"))   // closed end: S102
        await expectNoFinding("S103", in: Models.rectifiedFlow)
    }
}
