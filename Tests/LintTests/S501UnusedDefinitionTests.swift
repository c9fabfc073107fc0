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

    /// A use counts whatever the spelling: `σ_d` is `sigma_d`, `λ` is `lambda`.
    @Test func usesCompareByCanonicalName() async {
        let greek = "schedule a {\n    param sigma_d\n    let lambda = 2\n    alpha = 1 - t\n    sigma = λ t\n    target = σ_d velocity\n}\n"
        await expectNoFinding("S501", in: greek)
        let ascii = "schedule a {\n    param σ_d\n    alpha = 1 - t\n    sigma = t\n    target = sigma_d velocity\n}\n"
        await expectNoFinding("S501", in: ascii)
        // `αβ` is alpha times beta, not a use of a name `αβ`; `2e3` holds no name `e`.
        let product = "schedule a {\n    param beta\n    param e\n    alpha = 1 - t\n    sigma = αβ t/2e3\n    target = eps\n}\n"
        await expectFinding("S501", in: product, line: 3, column: 5, message: "param 'e' is never used")
    }
}
