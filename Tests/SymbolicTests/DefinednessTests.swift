import Exact
import Testing
@testable import Symbolic

/// The conditions the simplifier records while it reads an expression as written —
/// the ones its canonical form forgets.
@Suite struct DefinednessTests {
    func conditions(_ text: String, bindings: [String: String] = [:], definedness: [String: Definedness] = [:]) throws -> [String] {
        var forms: [String: CanonicalForm] = [:]
        for (name, value) in bindings { forms[name] = try Simplifier().canonicalForm(of: try Expr(parsing: value)) }
        let simplifier = Simplifier(bindings: forms, bindingDefinedness: definedness)
        return try simplifier.definedForm(of: try Expr(parsing: text)).definedness.conditions.map(\.description)
    }

    @Test func eachOperationRecordsItsCondition() throws {
        #expect(try conditions("sqrt(t - 1/2)^2") == ["(2*t - 1)/2 ≥ 0"])
        #expect(try conditions("(t - 1)/(t - 1)") == ["t - 1 ≠ 0"])
        #expect(try conditions("log(t)") == ["t > 0"])
        #expect(try conditions("tan(t)") == ["cos(t) ≠ 0"])
        #expect(try conditions("t^(-2)") == ["t ≠ 0"])
        #expect(try conditions("t^(3/2)") == ["t ≥ 0"])
        #expect(try conditions("t^(-1/2)") == ["t > 0"])
        #expect(try conditions("t^(1/3)") == ["t > 0"])
        #expect(try conditions("t^s") == ["t > 0"])
    }

    /// The canonical forms of these are defined everywhere; the originals are not.
    @Test func canonicalFormsForgetWhatIsRecorded() throws {
        let e = try Expr(parsing: "sqrt(t - 1/2)^2 + (t - 1)/(t - 1)")
        let (form, definedness) = try Simplifier().definedForm(of: e)
        #expect(printASCII(form.expression) == "(2*t + 1)/2")
        #expect(Definedness.structural(of: form).isEmpty)
        #expect(definedness.conditions.count == 2)
        #expect(definedness.holds(at: ["t": CanonicalForm(Rational(1, 4))]) == false)
        #expect(definedness.holds(at: ["t": .one]) == false)
        #expect(definedness.holds(at: ["t": CanonicalForm(2)]) == true)
    }

    /// Conditions that hold everywhere are not recorded: positive constants, exp,
    /// sums of squares with a positive constant.
    @Test func trivialConditionsAreDropped() throws {
        #expect(try conditions("1/(1 + t^2) + sqrt(exp(t)) + log(2 + sin(t)^2) + 1/2") == [])
        #expect(try conditions("1/(t^2)") == ["t^2 ≠ 0"])
    }

    /// A bound name brings its conditions to every use; the recursion collects the
    /// conditions of subexpressions too.
    @Test func bindingsAndNestingCarryConditions() throws {
        let g = Definedness([.nonzero(try Simplifier().canonicalForm(of: try Expr(parsing: "t - 1/3")))])
        #expect(try conditions("2*g + 1", bindings: ["g": "1"], definedness: ["g": g]) == ["(3*t - 1)/3 ≠ 0"])
        #expect(try conditions("sqrt(log(t))") == ["t > 0", "log(t) ≥ 0"])
        #expect(try conditions("atan(1/(t - 1/3))") == ["(3*t - 1)/3 ≠ 0"])
    }

    /// A derivative needs its form's own structure: (√t)′ = 1/(2√t) is undefined at 0.
    @Test func derivativesAddTheirStructure() throws {
        #expect(try conditions("diff(sqrt(t), t)") == ["t ≥ 0", "sqrt(t) ≠ 0"])
    }

    @Test func notBothZeroWithAZeroPartIsANonzeroCondition() throws {
        var d = Definedness()
        d.insert(.notBothZero(.zero, .symbol("t")))
        #expect(d.conditions == [.nonzero(.symbol("t"))])
        #expect(d.holds(at: ["t": .zero]) == false)
        #expect(d.holds(at: ["t": .one]) == true)
    }
}
