import Lint
import Testing

@Suite struct S502UnusedAllowTests {
    let text = "schedule rf {\n    allow S201, rho-vanishes\n    x_t = (1 - t) x0 + t eps\n    target = velocity  # sched: allow S203, S999\n}\n"

    @Test func suppressionsApply() async {
        let codes = await lint(text).map(\.rule.code)
        #expect(!codes.contains("S202"))   // allow rho-vanishes (by name)
        #expect(!codes.contains("S203"))   // the line comment
    }
    @Test func unusedAllowIsANote() async {
        let found = await findings("S502", text)
        #expect(found.map(\.message) == ["'allow S201' suppresses nothing: S201 rho-identically-zero does not fire in schedule 'rf'",
                                         "'# sched: allow S999' names no rule"])
        #expect(found.map { "\($0.range.start)" } == ["2:11", "4:45"])
        #expect(found.allSatisfy { $0.severity == .note })
    }
    @Test func quiet() async { await expectNoFinding("S502", in: Models.rectifiedFlow) }
}
