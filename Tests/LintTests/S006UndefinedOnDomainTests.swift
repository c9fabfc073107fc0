import Lint
import Testing

@Suite struct S006UndefinedOnDomainTests {
    @Test func fires() async {
        await expectFinding("S006", in: "schedule a {\n    alpha = 1/t\n    sigma = 1\n    target = eps\n}\n",
                            line: 2, column: 5, message: "a coefficient is undefined at t = 0 on the domain [0, 1]")
    }
    @Test func openEndIsFine() async {
        await expectNoFinding("S006", in: "schedule a {\n    time t in (0, 1]\n    alpha = 1/t\n    sigma = 1\n    target = eps\n}\n")
    }
}
