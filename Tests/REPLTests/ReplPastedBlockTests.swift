import REPL
import Testing

/// A schedule block pasted into the REPL.
@Suite struct ReplPastedBlockTests {
    @Test func theBlockBecomesASchedule() {
        var s = ReplSession()
        let replies = run(&s, ["schedule flow \"Rectified flow\" {", "    x_t = (1 - t) x0 + t eps", "    target = velocity", "}"])
        #expect(replies.allSatisfy { !$0.failed }, "\(replies.map(\.errors))")
        #expect(replies[0].output == "new schedule: flow\n(the statements that follow go to 'flow'; ':load FILE' reads a whole file)\n")
        #expect(replies[3].output == "end of schedule flow\n")
        #expect(s.schedule.name == "flow")
        #expect(s.schedule.lines.map(\.text) == ["x_t = (1 - t) x0 + t eps", "target = velocity"])
    }

    @Test func aHeaderWithABadNameIsAnError() {
        var s = ReplSession()
        let r = s.execute("schedule 1x {", lineNumber: 1)
        #expect(r.failed)
        #expect(r.errors.hasPrefix("<stdin>:1:1: error: '1x' is not a schedule name (letters, digits, _ and -)\n"), "\(r.errors)")
    }
}
