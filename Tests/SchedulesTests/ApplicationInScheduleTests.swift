import Exact
import Symbolic
import Testing
@testable import Schedules

/// `Q(ARG)` in schedule files: a quantity or let at a time; any other name before `(`
/// is not a function (issue #10).
@Suite struct ApplicationInScheduleTests {
    /// A block with a cosine forward process; `lines` follow it, four spaces in.
    static func text(_ lines: [String], time: String = "time t in [0, 1]") -> String {
        "schedule a {\n" + (["param k = 2", "param q", time, "alpha = cos(pi/2 t)", "sigma = sin(pi/2 t)"] + lines)
            .map { "    " + $0 + "\n" }.joined() + "}\n"
    }

    static func diagnostics(_ lines: [String], time: String = "time t in [0, 1]") throws -> [String] {
        try validate(text(lines, time: time)).diagnostics.map(render)
    }

    /// The verdict of each claim, `status: evidence`.
    static func verdicts(_ lines: [String]) throws -> [String] {
        let s = try schedule("a", in: text(lines + ["target = eps"]))
        let checker = ClaimChecker(ModelAnalysis(s.unifiedModel))
        return s.expectations.map { "\(checker.check($0.claim).status.rawValue): \($0.text)" }
    }

    @Test func quantitiesAndLetsAreAppliedAtTheirArgument() throws {
        let s = try schedule("a", in: Self.text([
            "let a2 = α(t)^2", "let half = alpha(1/2)", "let shifted = sigma(1 - t)", "target = a2(0) σ(t) x0 - alpha(t) eps",
        ]))
        #expect(s.lets.map { ascii($0.value) } == ["1 - sin(pi*t/2)^2", "sqrt(2)/2", "cos(pi*t/2)"])
        #expect(ascii(s.c.value) == "sin(pi*t/2)" && ascii(s.d.value) == "-cos(pi*t/2)")
    }

    @Test func claimsApplyEveryQuantityAnywhereOnTheDomain() throws {
        #expect(try Self.verdicts([
            "let r = rho^2", "let one = alpha(t)^2 + sigma(t)^2",
            "expect alpha(0) == 1", "expect sigma(1/2) == sqrt(2)/2", "expect rho(1/2) == sqrt(2)/2", "expect r(1/3) == 1/4",
            "expect alpha(1 - t) == sigma", "expect one(1/4) == 1", "expect snr(1) == 1", "expect rho(1/2) == 0",
        ]) == [
            "proven: alpha(0) == 1", "proven: sigma(1/2) == sqrt(2)/2", "proven: rho(1/2) == sqrt(2)/2", "proven: r(1/3) == 1/4",
            "proven: alpha(1 - t) == sigma", "proven: one(1/4) == 1", "refuted: snr(1) == 1", "refuted: rho(1/2) == 0",
        ])
    }

    @Test func anyOtherNameBeforeAParenthesisIsNotAFunction() throws {
        let message = { (name: String) in "not-a-function: '\(name)' is not a function; write \(name)*(…) to multiply" }
        #expect(try Self.diagnostics(["target = k(1 - t) eps"]) == ["7:14: " + message("k")])
        #expect(try Self.diagnostics(["target = q (1 - t) eps"]) == ["7:14: " + message("q")])
        #expect(try Self.diagnostics(["target = t(1 - t) eps"]) == ["7:14: " + message("t")])
        #expect(try Self.diagnostics(["target = x0(1 - t)"]) == ["7:14: " + message("x0")])
        #expect(try Self.diagnostics(["target = foo(t) eps"]) == ["7:14: " + message("foo")])
        #expect(try Self.diagnostics(["target = σ_d(t) eps"]) == ["7:14: " + message("σ_d")])
        #expect(try Self.diagnostics(["target = sqr(t) eps"]) == [
            "7:14: unknown-function: unknown function 'sqr'; did you mean 'sqrt'?",
        ])
        // The fix-it inserts the operator before the parenthesis.
        let d = try #require(try validate(Self.text(["target = k (1 - t) eps"])).diagnostics.first)
        #expect(d.fixIts.map { "\($0.range.start.line):\($0.range.start.column) '\($0.replacement)'" } == ["7:16 '*'"])
    }

    @Test func anApplicationObeysTheRulesOfItsName() throws {
        #expect(try Self.diagnostics(["target = later(t) eps", "let later = t"]) == [
            "7:14: used-before-definition: 'later' is used before its definition at 8:9",
        ])
        #expect(try Self.diagnostics(["let r = rho(1/2)", "target = eps"]) == [
            "7:13: name-not-allowed: derived quantity 'rho' cannot be used in let 'r' at another time than 't' (only claims can)",
        ])
        #expect(try Self.diagnostics(["let r = rho(t)^2", "let h = r(1/2)", "target = eps"]) == [
            "8:13: name-not-allowed: let 'r' cannot be used in let 'h' at another time than 't' (only claims can)",
        ])
        #expect(try Self.diagnostics(["target = eps", "expect zeros(alpha) == {alpha(1/2)}"]) == [
            "8:29: name-not-allowed: quantity 'alpha' cannot be used in the point of a claim",
        ])
    }

    @Test func aConstantArgumentMustLieInTheTimeDomain() throws {
        #expect(try Self.diagnostics(["target = eps", "expect alpha(2) == 1"]) == [
            "8:17: outside-time-domain: 'alpha' is applied at 2, outside the time domain [0, 1]",
        ])
        #expect(try Self.diagnostics(["target = eps", "expect alpha(0) == 1"], time: "time t in (0, 1]") == [
            "8:17: outside-time-domain: 'alpha' is applied at 0, outside the time domain (0, 1]",
        ])
        #expect(try Self.diagnostics(["target = eps", "expect alpha(1/k) > 0"]) == [])
    }

    /// A quantity is defined, and simplified, on the domain only: `alpha(2t)` on
    /// [0, 1] would evaluate its formula outside it.
    @Test func aVariableArgumentMustBeProvenToStayInTheTimeDomain() throws {
        #expect(try Self.diagnostics(["target = eps", "expect alpha(1 - t) == sigma", "expect alpha(t/2) > 0"]) == [])
        #expect(try Self.diagnostics(["target = eps", "expect alpha(1 - t) > 0"], time: "time t in (0, 1]") == [
            "8:17: outside-time-domain: 'alpha' is applied at 1 - t, outside the time domain (0, 1]",
        ])
        #expect(try Self.diagnostics(["target = eps", "expect alpha(2t) > 0"]) == [
            "8:17: outside-time-domain: 'alpha' is applied at 2t, which could not be proven to lie in the time domain [0, 1]",
        ])
        #expect(try Self.diagnostics(["target = eps", "expect alpha(t + 2) > 0"]) == [
            "8:17: outside-time-domain: 'alpha' is applied at t + 2, outside the time domain [0, 1]",
        ])
        #expect(try Self.diagnostics(["target = eps", "expect alpha(q) > 0"]) == [
            "8:17: outside-time-domain: 'alpha' is applied at q, which could not be proven to lie in the time domain [0, 1]",
        ])
    }
}
