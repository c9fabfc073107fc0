import REPL
import Schedules
import Symbolic
import Testing

/// `:design NAME=EXPR NAME=EXPR`: the designed target becomes the current target.
@Suite struct ReplDesignTests {
    @Test func designedTargetBecomesCurrent() {
        var s = ReplSession()
        run(&s, ["x_t = (1 - t) x0 + t eps"])
        let r = s.execute(":design rho=1/2 det=1", lineNumber: 2)
        #expect(!r.failed, "\(r.errors)")
        // V = 2t² − 2t + 1, m = 1/V, k = |m|/√3: y = (k·x_t + m·u) with u = −t·x0 + (1 − t)·ε.
        #expect(r.output == """
        target = (√3 − 3t − √3·t)/(3(2t² − 2t + 1))·x₀ + (√3·t − 3t + 3)/(3(2t² − 2t + 1))·ε
        det A = 1
        ρ = 1/2
        rho == 1/2: proven
        det == 1: proven

        """, "\(r.output)")
        #expect(s.schedule.lines.map(\.key) == ["x_t", "target"])
        #expect(s.schedule.lines.last?.text == "target = ((sqrt(3) - 3*t - sqrt(3)*t)/(3*(2*t^2 - 2*t + 1))) x0 + ((sqrt(3)*t - 3*t + 3)/(3*(2*t^2 - 2*t + 1))) eps",
                "\(String(describing: s.schedule.lines.last?.text))")
        let q = run(&s, ["rho", "det", "var_y at t = 0"], from: 3)
        #expect(q.map(\.output) == ["1/2\n", "1\n", "4/3 ≈ 1.3333333333333333333\n"], "\(q.map(\.output)) \(q.map(\.errors))")
    }

    @Test func replacesTheTargetAndTakesExpressionsWithSpaces() {
        var s = ReplSession()
        run(&s, ["alpha = cos(pi/2 t)", "sigma = sin(pi/2 t)", "target = eps"])
        let r = s.execute(":design var_y=1 rho=t/2", lineNumber: 4)
        #expect(!r.failed, "\(r.errors)")
        #expect(s.schedule.lines.filter { $0.key == "target" }.count == 1)
        #expect(s.execute("rho", lineNumber: 5).output == "t/2\n")
        #expect(s.execute("var_y", lineNumber: 6).output == "1\n")
        let spaced = s.execute(":design var_y=1 rho=1/2 - t/4", lineNumber: 7)
        #expect(!spaced.failed, "\(spaced.errors)")
        #expect(s.execute("rho", lineNumber: 8).output == "(2 − t)/4\n")
        // A requirement the checker cannot prove of the designed schedule is no success:
        // the error says which, and the target stays as it was.
        let unproven = s.execute(":design det=1 rho=1/2 - t/4", lineNumber: 9)
        #expect(unproven.failed && unproven.errors.hasPrefix("<stdin>:9:1: error: the designed target's claim 'rho == 1/2 - t/4' is unknown: "), "\(unproven.errors)")
        #expect(s.execute("var_y", lineNumber: 10).output == "1\n")
    }

    @Test func infeasibleAndBadRequestsAreLocatedErrors() {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        let one = s.execute(":design rho=1 - t det=1", lineNumber: 3)
        #expect(one.failed && one.errors.hasPrefix("<stdin>:3:1: error: rho: rho = 1 - t: |ρ| ≥ 1 at t = 0 (2*t - t^2 is 0 there)"), "\(one.errors)")
        let unknown = s.execute(":design rhoo=1/2 det=1", lineNumber: 4)
        #expect(unknown.failed && unknown.errors.contains("unknown requirement 'rhoo'; did you mean 'rho'?"), "\(unknown.errors)")
        let single = s.execute(":design det=1", lineNumber: 5)
        #expect(single.failed && single.errors.contains("got 1"), "\(single.errors)")
        let both = s.execute(":design det=1 amp_x0=2", lineNumber: 6)
        #expect(both.failed && both.errors.contains("both fix det A"), "\(both.errors)")
        // The failed requests left the target alone.
        #expect(s.schedule.lines.last?.text == "target = velocity")
        var empty = ReplSession()
        let noForward = empty.execute(":design rho=1/2 det=1", lineNumber: 1)
        #expect(noForward.failed && noForward.errors.contains("has no forward process yet"), "\(noForward.errors)")
    }
}
