import Lint
import Testing

@Suite struct S005BadDomainTests {
    @Test func fires() async {
        await expectFinding("S005", in: "schedule a {\n    time t in [1, 0]\n    alpha = 1 - t\n    sigma = t\n    target = eps\n}\n",
                            line: 2, column: 15, message: "the time interval [1, 0] is empty")
    }
    @Test func quiet() async { await expectNoFinding("S005", in: Models.rectifiedFlow) }
}
