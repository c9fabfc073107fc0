import Lint
import Testing

@Suite struct S301NotVariancePreservingTests {
    @Test func fires() async {
        await expectFinding("S301", in: Models.rectifiedFlow, line: 2, column: 5,
                            message: "the schedule is not variance-preserving: Var(x_t) = 2*t^2 - 2*t + 1 ≠ 1")
    }
    @Test func quiet() async { await expectNoFinding("S301", in: Models.cosine(target: "eps")) }
}
