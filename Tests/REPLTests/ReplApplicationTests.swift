import REPL
import Testing

/// `Q(ARG)` and canonical names in the REPL, as in schedule files (issue #10).
@Suite struct ReplApplicationTests {
    static let cosine = ["alpha = cos(pi/2 t)", "sigma = sin(pi/2 t)", "target = eps"]

    @Test func queriesApplyQuantitiesAndLets() {
        var s = ReplSession()
        run(&s, Self.cosine + ["let k = 1 - t"])
        let r = run(&s, ["alpha(1/2)", "rho(1/3)", "k(1/4)", "α(t)^2 + σ(t)^2", "zeros(alpha(1 - t))", "alpha(1 - t) at t = 1"], from: 5)
        #expect(r.map(\.output) == ["√2/2\n", "1/2\n", "3/4\n", "1\n", "{0}\n", "1\n"],
                "\(r.map(\.output)) \(r.map(\.errors))")
    }

    @Test func statementsApplyQuantities() {
        var s = ReplSession()
        let r = run(&s, ["alpha = cos(pi/2 t)", "sigma = sqrt(1 - alpha(t)^2)", "target = alpha(t) eps - sigma(t) x0", "c"])
        #expect(r.allSatisfy { !$0.failed }, "\(r.map(\.errors))")
        #expect(r[3].output == "−sin(πt/2)\n")
    }

    @Test func anyOtherNameBeforeAParenthesisIsNotAFunction() {
        var s = ReplSession()
        run(&s, Self.cosine + ["param q"])
        let query = s.execute("t(1 - t)", lineNumber: 5)
        #expect(query.failed)
        #expect(query.errors == "<stdin>:5:1: error: 't' is not a function; write t*(…) to multiply\n5 | t(1 - t)\n  | ^\n  |  *\n",
                "\(query.errors)")
        let statement = s.execute("let h = q (1 - t)", lineNumber: 6)
        #expect(statement.failed)
        #expect(statement.errors.hasPrefix("<stdin>:6:9: error: 'q' is not a function; write q*(…) to multiply"), "\(statement.errors)")
    }

    @Test func anArgumentMustLieInTheTimeDomainAsInAScheduleFile() {
        var s = ReplSession()
        run(&s, Self.cosine)
        let r = s.execute("1 + alpha(2)", lineNumber: 4)
        #expect(r.failed)
        #expect(r.errors == "<stdin>:4:10: error: 'alpha' is applied at 2, outside the time domain [0, 1]\n4 | 1 + alpha(2)\n  |          ^~~\n",
                "\(r.errors)")
        let unproven = s.execute("alpha(2t)", lineNumber: 5)
        #expect(unproven.errors.hasPrefix("<stdin>:5:6: error: 'alpha' is applied at 2t, which could not be proven to lie in the time domain [0, 1]"),
                "\(unproven.errors)")
    }

    @Test func completionsCompareByTheCanonicalSpelling() {
        var s = ReplSession()
        run(&s, ["param sigma_d", "x_t = x0 + t eps", "target = sigma_d eps"])
        #expect(s.completions(of: "σ_") == ["sigma_d"])
        #expect(s.completions(of: "σ") == ["sigma", "sigma_d"])
    }

    @Test func theAtNameComparesByItsCanonicalSpelling() {
        var s = ReplSession()
        run(&s, ["param sigma_d", "x_t = x0 + t eps", "target = sigma_d eps"])
        let r = s.execute("d at σ_d = 3", lineNumber: 4)
        #expect(!r.failed && r.output == "3\n", "\(r.output) \(r.errors)")
    }
}
