import Exact
import Testing
@testable import Symbolic

@Suite struct BallEvaluatorTests {
    let evaluator = BallEvaluator()

    /// The error of evaluating `text` at `values` (fixed precision, or correct digits).
    func error(_ text: String, _ values: [String: String] = [:], digits: Int? = nil,
               evaluator: BallEvaluator = BallEvaluator()) -> EvaluationError? {
        let e = Calculus.parse(text)
        do throws(EvaluationError) {
            if let digits {
                let r = try evaluator.evaluate(e, at: Calculus.point(values), correctDigits: digits)
                Issue.record("\(text) evaluated to \(r)")
            } else {
                let b = try evaluator.evaluate(e, at: Calculus.point(values), precision: 128)
                Issue.record("\(text) evaluated to \(b)")
            }
            return nil
        } catch {
            return error
        }
    }

    /// Expects a domain error of `kind` and `certainty` at the node spelled `node`.
    func expectDomainError(
        _ text: String, _ values: [String: String] = [:], _ kind: DomainViolation, _ certainty: Certainty,
        at node: String, digits: Int? = nil, evaluator: BallEvaluator = BallEvaluator(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let e = error(text, values, digits: digits, evaluator: evaluator) else { return }
        guard case .domainError(let k, let c, let range) = e else {
            Issue.record("\(text): \(e)", sourceLocation: sourceLocation)
            return
        }
        #expect(k == kind, "\(text): \(e)", sourceLocation: sourceLocation)
        #expect(c == certainty, "\(text): \(e)", sourceLocation: sourceLocation)
        #expect(Calculus.offsets(range) == Calculus.offsets(of: node, in: text), "\(text): \(e)",
                sourceLocation: sourceLocation)
    }

    func value(_ text: String, _ values: [String: String] = [:], precision: Int = 128) throws -> Ball {
        try evaluator.evaluate(Calculus.parse(text), at: Calculus.point(values), precision: precision)
    }

    // MARK: Values

    @Test func squareRootOfTwoToFiftyDigits() throws {
        let r = try evaluator.evaluate(Calculus.parse("sqrt(2)"), at: [:], correctDigits: 50)
        #expect(r.hasRequestedDigits)
        #expect(try r.decimalString() == "1.4142135623730950488016887242096980785696718753769")
    }

    @Test func correctDigitsOfTranscendentalExpressions() throws {
        func digits(_ text: String, _ n: Int, _ values: [String: String] = [:]) throws -> String {
            try evaluator.evaluate(Calculus.parse(text), at: Calculus.point(values), correctDigits: n).decimalString()
        }
        #expect(try digits("pi", 30) == "3.14159265358979323846264338328")
        #expect(try digits("exp(1)", 25) == "2.718281828459045235360287")
        #expect(try digits("4*atan(1)", 20) == "3.1415926535897932385")
        #expect(try digits("log(2)", 20) == "0.69314718055994530942")
        // Cancellation: (1 + 10⁻⁴⁰) − 1 needs more than the first 64 + 32 bits; exact here.
        #expect(try digits("(1 + 1e-40) - 1", 5) == "1.0000e-40")
        // Cancellation in balls: exp(10⁻⁴⁰) − 1 ≈ 10⁻⁴⁰, found by raising the precision.
        #expect(try digits("exp(1e-40) - 1", 10) == "1.000000000e-40")
        #expect(try digits("sigmoid(-t)", 8, ["t": "1000"]).hasSuffix("e-435"))
    }

    @Test func rationalPartsAreExact() throws {
        let one = try value("(1/3 + 1/6)*2")
        #expect(one.isExact && one.contains(Rational(1)))
        #expect(try value("0.1 + 0.2 - 0.3").isExactlyZero)
        #expect(try value("t^2 - 2*t + 1", ["t": "1"]).isExactlyZero)
        let ninth = try value("(t - 2)^2", ["t": "1/3"])
        #expect(ninth.contains(Rational(25, 9)))
        #expect(try value("(-2)^3").contains(Rational(-8)))
        #expect(try value("(-1/2)^(-3)").contains(Rational(-8)))
    }

    @Test func rationalMultiplesOfPiAreExact() throws {
        #expect(try value("sin(pi)").isExactlyZero)
        #expect(try value("sin(pi*t)", ["t": "-17"]).isExactlyZero)
        #expect(try value("cos(pi/3)").contains(Rational(1, 2)))
        #expect(try value("cos(pi/3)").isExact)
        #expect(try value("sin(7*pi/6)").contains(Rational(-1, 2)))
        #expect(try value("tan(3*pi/4)").contains(Rational(-1)))
        #expect(try value("cos(pi*t/2)", ["t": "1"]).isExactlyZero)
        #expect(try value("(4*atan(-1))/pi").contains(Rational(-1)))
        #expect(try value("pi/pi").isExact)
        // Not exactly known: sin(π/3) = √3/2, a tight ball.
        let s = try value("sin(pi/3)^2")
        let fine = try value("sin(pi/3)^2", precision: 200)
        #expect(!s.isExact && s.contains(Rational(3, 4)) && Calculus.isTight(fine))
        #expect(try evaluator.evaluate(Calculus.parse("sin(pi)"), at: [:], correctDigits: 10).decimalString() == "0")
    }

    @Test func integerExponentsOfNegativeBallsAreFine() throws {
        // sin(1) − 2 is a ball that is certainly negative.
        let cube = try value("(sin(1) - 2)^3", precision: 200)
        let expected = try value("-(2 - sin(1))*(2 - sin(1))*(2 - sin(1))", precision: 200)
        #expect(Calculus.agree(cube, expected))
        #expect(try value("(sin(1) - 2)^2").isCertainlyPositive)
        // An exponent whose value is exactly an integer counts as one: (−1)^t at t = 3.
        #expect(try value("(-1)^t", ["t": "3"]).contains(Rational(-1)))
        #expect(try value("(sin(1) - 2)^(t - t + 2)", ["t": "1/3"]).isCertainlyPositive)
        #expect(try value("0^0").contains(Rational(1)))
    }

    @Test func nonIntegerExponents() throws {
        #expect(try value("4^(1/2)").contains(Rational(2)))
        #expect(try value("4^(1/2)").isExact)
        #expect(try value("(9/4)^(-3/2)").contains(Rational(8, 27)))
        #expect(try value("0^(1/2)").isExactlyZero)
        #expect(try value("0^pi").isExactlyZero)
        let cubeRoot = try value("8^(1/3)", precision: 200)
        #expect(cubeRoot.contains(Rational(2)) && Calculus.isTight(cubeRoot))
        let e = try value("2^pi", precision: 200)
        #expect(Calculus.agree(e, try value("exp(pi*log(2))", precision: 200)))
    }

    // MARK: Domain errors

    @Test func certainDomainErrorsAtTheirNodes() {
        expectDomainError("1 + log(0)", [:], .function(.log), .certain, at: "log(0)")
        expectDomainError("log(-1)*2", [:], .function(.log), .certain, at: "log(-1)")
        expectDomainError("2 + sqrt(-1)", [:], .function(.sqrt), .certain, at: "sqrt(-1)")
        expectDomainError("3 + 1/0", [:], .divisionByZero, .certain, at: "1/0")
        expectDomainError("tan(pi/2)", [:], .function(.tan), .certain, at: "tan(pi/2)")
        expectDomainError("tan(-3*pi/2)", [:], .function(.tan), .certain, at: "tan(-3*pi/2)")
        expectDomainError("1/cos(pi*t/2)", ["t": "1"], .divisionByZero, .certain, at: "1/cos(pi*t/2)")
        expectDomainError("log(sin(pi*t))", ["t": "3"], .function(.log), .certain, at: "log(sin(pi*t))")
        // log of a ball whose whole enclosure is negative.
        expectDomainError("log(sin(1) - 1)", [:], .function(.log), .certain, at: "log(sin(1) - 1)")
        expectDomainError("sqrt(cos(3))", [:], .function(.sqrt), .certain, at: "sqrt(cos(3))")
        // Powers.
        expectDomainError("(-8)^(1/3)", [:], .nonIntegerPowerOfNegative, .certain, at: "(-8)^(1/3)")
        expectDomainError("(-8)^(2/6)", [:], .nonIntegerPowerOfNegative, .certain, at: "(-8)^(2/6)")
        expectDomainError("(-1)^t", ["t": "1/2"], .nonIntegerPowerOfNegative, .certain, at: "(-1)^t")
        expectDomainError("(sin(1) - 2)^(1/2)", [:], .nonIntegerPowerOfNegative, .certain, at: "(sin(1) - 2)^(1/2)")
        expectDomainError("(-2)^pi", [:], .nonIntegerPowerOfNegative, .certain, at: "(-2)^pi")
        expectDomainError("0^(-1)", [:], .divisionByZero, .certain, at: "0^(-1)")
        expectDomainError("t^(-2)", ["t": "0"], .divisionByZero, .certain, at: "t^(-2)")
        expectDomainError("0^(-1/2)", [:], .divisionByZero, .certain, at: "0^(-1/2)")
    }

    @Test(arguments: ["1/3", "0", "-7/2", "1e-30", "123456789/1000"])
    func divisionByTMinusTIsCertainAtAnyT(_ t: String) {
        expectDomainError("1 + 1/(t - t)", ["t": t], .divisionByZero, .certain, at: "1/(t - t)")
        expectDomainError("1 + 1/(t - t)", ["t": t], .divisionByZero, .certain, at: "1/(t - t)", digits: 10)
    }

    @Test func possibleDomainErrorsWhenBallsCannotDecide() {
        // 1 − sin²t − cos²t is exactly 0, which balls can never prove.
        let small = BallEvaluator(maximumPrecision: 1024)
        let zero = "(1 - sin(t)^2 - cos(t)^2)"
        expectDomainError("sqrt\(zero)", ["t": "1"], .function(.sqrt), .possible, at: "sqrt\(zero)")
        expectDomainError("sqrt\(zero)", ["t": "1"], .function(.sqrt), .possible, at: "sqrt\(zero)",
                          digits: 10, evaluator: small)
        expectDomainError("1/\(zero)", ["t": "1"], .divisionByZero, .possible, at: "1/\(zero)", digits: 10, evaluator: small)
        expectDomainError("log\(zero)", ["t": "1"], .function(.log), .possible, at: "log\(zero)")
        expectDomainError("\(zero)^(-1)", ["t": "1"], .divisionByZero, .possible, at: "\(zero)^(-1)")
        expectDomainError("\(zero)^(1/2)", ["t": "1"], .nonIntegerPowerOfNegative, .possible, at: "\(zero)^(1/2)")
        // tan at a ball enclosing π/2 that is not recognised as an exact multiple of π.
        expectDomainError("tan(2*atan(sin(t)^2 + cos(t)^2))", ["t": "1/3"], .function(.tan), .possible,
                          at: "tan(2*atan(sin(t)^2 + cos(t)^2))", digits: 5, evaluator: small)
        // … whereas an exact 1 gives exactly atan(1) = π/4, and a certain pole.
        expectDomainError("tan(2*atan(1 + t - t))", ["t": "1/3"], .function(.tan), .certain,
                          at: "tan(2*atan(1 + t - t))")
    }

    @Test func possibleErrorsAreResolvedByMorePrecision() throws {
        // At 20 bits, 1 − cos(10⁻⁸)… straddles 0; with more precision it is positive.
        let e = Calculus.parse("log(1 - cos(1e-8))")
        #expect(throws: EvaluationError.self) { try evaluator.evaluate(e, at: [:], precision: 20) }
        let r = try evaluator.evaluate(e, at: [:], correctDigits: 15)
        #expect(try r.decimalString() == "-37.5345086684647")
    }

    // MARK: Other errors

    @Test func unboundVariableNamesItsFirstOccurrence() {
        let text = "t + sin(x) + x"
        guard let e = error(text, ["t": "1"]) else { return }
        guard case .unboundVariable(let name, let range) = e else {
            Issue.record("\(e)")
            return
        }
        #expect(name == "x")
        #expect(Calculus.offsets(range) == [8, 9])
        #expect(e.description.contains("'x'"))
        // The differentiation variable is needed too: diff(t^2, t) is 2t.
        guard case .unboundVariable("t", _)? = error("diff(t^2, t)") else {
            Issue.record("no unbound t")
            return
        }
    }

    @Test func precisionExhaustedWhenZeroIsNotExact() {
        let small = BallEvaluator(maximumPrecision: 512)
        guard let e = error("sin(1) - sin(1)", digits: 10, evaluator: small) else { return }
        guard case .precisionExhausted(let digits, let precision, let enclosure, _) = e else {
            Issue.record("\(e)")
            return
        }
        #expect(digits == 10)
        #expect(precision == 512)
        #expect(enclosure?.containsZero == true)
    }

    @Test func uninformativeResultsAreErrorsAtFixedPrecisionAndRetriedForDigits() throws {
        // At 128 bits exp(e^1000) has no correct digit (an absolute error of 2^-128 in
        // e^1000 is a huge relative one); it is an error, not [NaN ± ∞].
        let text = "log(exp(exp(1000)))"
        guard case .precisionExhausted(nil, 128, _, let range)? = error(text) else {
            Issue.record("no precision error")
            return
        }
        #expect(Calculus.offsets(range) == Calculus.offsets(of: "exp(exp(1000))", in: text))
        // With digits requested, the precision is raised until they are there.
        let r = try BallEvaluator(maximumPrecision: 4096).evaluate(Calculus.parse(text), at: [:], correctDigits: 10)
        #expect(try r.decimalString() == "1.970071114e+434")
    }

    @Test func budgets() {
        guard case .budgetExceeded(_, let range)? = error("1 + 2^(10^7)") else {
            Issue.record("no exponent budget error")
            return
        }
        #expect(Calculus.offsets(range) == [4, 12])
        let tight = BallEvaluator(maximumDerivativeNodes: 50)
        let text = "1 + diff(diff(exp(sin(t)*cos(t)), t), t)"
        guard case .budgetExceeded(let what, let r)? = error(text, ["t": "1"], evaluator: tight) else {
            Issue.record("no derivative budget error")
            return
        }
        #expect(what.contains("50 nodes"))
        let start = r.map { $0.start.offset } ?? -1
        #expect(start == 4 || start == 9, "at one of the diff calls: \(String(describing: r))")
    }

    // MARK: Derivatives

    @Test func derivativeIsOnlyReportedWhereTheFunctionIsDefined() {
        // The derivative folds to 0, but log(−1) has no real value.
        expectDomainError("diff(log(t - t - 1), t)", ["t": "2"], .function(.log), .certain, at: "log(t - t - 1)")
        // sqrt is defined at 0, its derivative 1/(2 sqrt(t)) is not; the error points at sqrt(t).
        expectDomainError("2 + diff(sqrt(t), t)", ["t": "0"], .divisionByZero, .certain, at: "sqrt(t)")
        expectDomainError("diff(log(t), t)", ["t": "0"], .function(.log), .certain, at: "log(t)")
    }

    @Test func derivativeValues() throws {
        // d/dt (t³ + 2t) at t = 1/3 is exactly 3·(1/9) + 2 = 7/3.
        let v = try value("diff(t^3 + 2*t, t)", ["t": "1/3"])
        #expect(v.contains(Rational(7, 3)))
        let r = try evaluator.evaluate(Calculus.parse("diff(t^3 + 2*t, t)"), at: Calculus.point(["t": "1/3"]),
                                       correctDigits: 20)
        #expect(try r.decimalString() == "2.3333333333333333333")
        // A parameter: diff(sigma^2*t, t) = sigma².
        #expect(try value("diff(sigma^2*t, t)", ["sigma": "3/2", "t": "5"]).contains(Rational(9, 4)))
    }

    @Test func resultsAreNeverIndeterminate() {
        // Huge but finite values are balls; values without information are errors.
        for text in ["exp(10^6)", "exp(-10^6)", "sinh(1e5)*0 + 1", "tanh(1e5)", "sin(1e30)", "atan(1e300)"] {
            do {
                let b = try evaluator.evaluate(Calculus.parse(text), at: [:], precision: 128)
                #expect(b.isFinite, "\(text)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    @Test func errorDescriptions() {
        let e = EvaluationError.domainError(.function(.log), certainty: .certain, range: nil)
        #expect(e.description == "log of a number that is not positive")
        let p = EvaluationError.domainError(.divisionByZero, certainty: .possible, range: nil)
        #expect(p.description.hasPrefix("possible division by zero"))
    }
}
