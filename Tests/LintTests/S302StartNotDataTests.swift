import Lint
import Testing

@Suite struct S302StartNotDataTests {
    @Test func fires() async {
        await expectFinding("S302", in: "schedule v {\n    time s in [1/500, 80]\n    x_t = x0 + s eps\n    target = eps\n}\n",
                            line: 3, column: 5, message: "x_t is not the data at the data end s = 1/500: σ = 1/500 ≠ 0")
    }
    @Test func alphaNotOne() async {
        await expectFinding("S302", in: "schedule v {\n    alpha = 2 - t\n    sigma = t\n    target = eps\n}\n",
                            line: 2, column: 5, message: "x_t is not the data at the data end t = 0: α = 2 ≠ 1")
    }
    @Test func quiet() async { await expectNoFinding("S302", in: Models.rectifiedFlow) }
}
