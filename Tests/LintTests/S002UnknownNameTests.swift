import Lint
import Testing

@Suite struct S002UnknownNameTests {
    @Test func fires() async {
        await expectFinding("S002", in: "schedule a {\n    alpha = cos(pi/2 tt)\n    sigma = sin(pi/2 t)\n    target = eps\n}\n",
                            line: 2, column: 22, message: "unknown name 'tt'; did you mean 't'?")
    }
    @Test func quiet() async { await expectNoFinding("S002", in: Models.cosine(target: "eps")) }
}
