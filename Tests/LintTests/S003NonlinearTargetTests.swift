import Lint
import Testing

@Suite struct S003NonlinearTargetTests {
    @Test func fires() async {
        await expectFinding("S003", in: "schedule a {\n    alpha = 1 - t\n    sigma = t\n    target = x0 eps\n}\n",
                            line: 4, column: 14, message: "the target is not linear in the vectors: 'x0 eps' multiplies two vectors")
    }
    @Test func quiet() async { await expectNoFinding("S003", in: Models.rectifiedFlow) }
}
