import Lint
import Testing

@Suite struct S402ExpectUnprovenTests {
    @Test func fires() async {
        let text = "schedule a {\n    param k > 0\n    alpha = 1 - t\n    sigma = t\n    target = x0 + k eps\n    expect zeros(det) == {}\n}\n"
        await expectFinding("S402", in: text, line: 6, column: 5, message: "expect zeros(det) == {} could be neither proven nor refuted")
    }
    @Test func quiet() async {
        await expectNoFinding("S402", in: "schedule rf {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n    expect det == 1\n}\n")
    }
}
