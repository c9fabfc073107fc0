import Lint
import Testing

@Suite struct S101DetSingularTests {
    @Test func fires() async {
        await expectFinding("S101", in: "schedule a {\n    x_t = (1 - t) x0 + t eps\n    target = x0 + eps\n}\n",
                            line: 3, column: 5, message: "det A = 0 at t = 1/2: x̂0 and ε̂ cannot be recovered there")
    }
    @Test func quiet() async {
        await expectNoFinding("S101", in: Models.rectifiedFlow)
        await expectNoFinding("S101", in: Models.cosine(target: "eps"))   // only at the end: S102
    }
}
