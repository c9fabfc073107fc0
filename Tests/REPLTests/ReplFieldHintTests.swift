import REPL
import Testing

/// Field hints in the REPL: in queries and in statements.
@Suite struct ReplFieldHintTests {
    @Test func eulerNumberInAQuery() {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        let r = s.execute("e^t - rho", lineNumber: 3)
        #expect(r.failed)
        #expect(r.errors == "<stdin>:3:1: error: unknown name 'e': write exp(x) for e^x\n3 | e^t - rho\n  | ^\n  = note: sched has no constant e; exp(1) is e\n", "\(r.errors)")
    }

    @Test func aModulePrefixInAStatementIsRead() {
        var s = ReplSession()
        let replies = run(&s, ["alpha = np.cos(pi/2 t)", "sigma = math.sin(pi/2 t)", "target = eps"])
        #expect(replies.allSatisfy { !$0.failed }, "\(replies.map(\.errors))")
        #expect(s.schedule.lines.map(\.text) == ["alpha = np.cos(pi/2 t)", "sigma = math.sin(pi/2 t)", "target = eps"])
        #expect(replies[2].output.hasPrefix("target = ε\ndet A = cos(πt/2)\n"), "\(replies[2].output)")
    }
}
