import Lint
import Testing

@Suite struct S102DetSingularEndpointTests {
    @Test func epsPredictionAtNoiseEnd() async {
        await expectFinding("S102", in: Models.cosine(target: "eps"), line: 4, column: 5,
                            message: "det A = 0 at the noise end t = 1: x̂0 is not recoverable there")
    }
    @Test func x0PredictionAtDataEnd() async {
        await expectFinding("S102", in: Models.cosine(target: "x0"), line: 4, column: 5,
                            message: "det A = 0 at the data end t = 0: ε̂ is not recoverable there")
    }
    @Test func reversedScheduleSaysSo() async {
        let found = await findings("S102", "schedule rev {\n    alpha = t\n    sigma = 1 - t\n    target = eps\n}\n")
        #expect(found.map(\.message) == ["det A = 0 at the noise end t = 0: x̂0 is not recoverable there"])
        #expect(found.first?.notes.contains { $0.contains("runs from noise (t = 0) to data (t = 1)") } == true)
    }
    @Test func quiet() async {
        await expectNoFinding("S102", in: Models.cosine(target: "alpha eps - sigma x0"))
        await expectNoFinding("S102", in: Models.rectifiedFlow)
    }
}
