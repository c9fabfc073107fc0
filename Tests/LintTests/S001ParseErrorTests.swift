import Lint
import Testing

@Suite struct S001ParseErrorTests {
    @Test func fires() async {
        await expectFinding("S001", in: "schedule a {\n    alpha = cos(pi/2 t\n    sigma = sin(pi/2 t)\n    target = eps\n}\n",
                            line: 2, column: 23, message: "expected ')' to close the '(' at 2:16")
    }
    @Test func reportsEveryError() async {
        let found = await findings("S001", "schedule a {\n    alpha = cos(\n    sigma = sin(\n    target = eps\n}\n")
        #expect(found.count >= 2)
    }
    @Test func quiet() async { await expectNoFinding("S001", in: Models.rectifiedFlow) }
}
