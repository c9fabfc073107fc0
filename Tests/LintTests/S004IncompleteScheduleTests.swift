import Lint
import Testing

@Suite struct S004IncompleteScheduleTests {
    @Test func fires() async {
        await expectFinding("S004", in: "schedule a {\n    alpha = 1 - t\n    sigma = t\n}\n",
                            line: 1, column: 1, message: "schedule 'a' has no target: add 'target = …'")
    }
    @Test func quiet() async { await expectNoFinding("S004", in: Models.rectifiedFlow) }
}
