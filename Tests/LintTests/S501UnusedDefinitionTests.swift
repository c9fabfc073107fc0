import Lint
import Testing

@Suite struct S501UnusedDefinitionTests {
    @Test func fires() async {
        let text = "schedule a {\n    param beta_max = 20\n    alpha = 1 - t\n    sigma = t\n    target = velocity\n}\n"
        await expectFinding("S501", in: text, line: 2, column: 5, message: "param 'beta_max' is never used")
        let lets = "schedule a {\n    let unused = 2 t\n    alpha = 1 - t\n    sigma = t\n    target = velocity\n}\n"
        await expectFinding("S501", in: lets, line: 2, column: 5, message: "let 'unused' is never used")
    }
    @Test func quiet() async { await expectNoFinding("S501", in: Models.vpLinear) }
}
