import Exact
import Testing
@testable import Symbolic

@Suite struct DerivativeTests {
    struct Rule: Sendable, CustomStringConvertible {
        /// f(t).
        let function: String
        /// f′(t) exactly as the differentiator builds it (printed).
        let derivative: String
        /// f′(t) written independently, to compare values.
        let closedForm: String
        var description: String { function }
    }

    static let rules: [Rule] = [
        Rule(function: "sqrt(t)", derivative: "1/(2*sqrt(t))", closedForm: "t^(-1/2)/2"),
        Rule(function: "exp(t)", derivative: "exp(t)", closedForm: "exp(t)"),
        Rule(function: "log(t)", derivative: "1/t", closedForm: "t^(-1)"),
        Rule(function: "sin(t)", derivative: "cos(t)", closedForm: "sin(t + pi/2)"),
        Rule(function: "cos(t)", derivative: "-sin(t)", closedForm: "cos(t + pi/2)"),
        Rule(function: "tan(t)", derivative: "1 + tan(t)^2", closedForm: "1/cos(t)^2"),
        Rule(function: "atan(t)", derivative: "1/(1 + t^2)", closedForm: "cos(atan(t))^2"),
        Rule(function: "sinh(t)", derivative: "cosh(t)", closedForm: "(exp(t) + exp(-t))/2"),
        Rule(function: "cosh(t)", derivative: "sinh(t)", closedForm: "(exp(t) - exp(-t))/2"),
        Rule(function: "tanh(t)", derivative: "1 - tanh(t)^2", closedForm: "1/cosh(t)^2"),
        Rule(function: "sigmoid(t)", derivative: "sigmoid(t)*(1 - sigmoid(t))", closedForm: "exp(-t)/(1 + exp(-t))^2"),
    ]

    static let points = ["1/3", "7/5", "0.01", "2.5", "1/10"]

    @Test(arguments: rules)
    func derivativeOfEachFunction(_ rule: Rule) throws {
        let d = try Calculus.parse(rule.function).derivative(withRespectTo: "t")
        #expect(printASCII(d) == rule.derivative)
        #expect(d == Calculus.parse(rule.derivative), "the tree, not only its text")
        for t in Self.points {
            let at = Calculus.point(["t": t])
            let mine = try Calculus.value(d, at), expected = try Calculus.value(Calculus.parse(rule.closedForm), at)
            #expect(Calculus.agree(mine, expected), "\(rule.function) at t = \(t): \(mine) vs \(expected)")
        }
    }

    /// The chain rule through every function, with an inner function that is not the
    /// identity: f(u)′ = f′(u)·u′ with u = (3t² + 1)/4, compared with f′ evaluated at u.
    @Test(arguments: rules)
    func chainRuleThroughEachFunction(_ rule: Rule) throws {
        let inner = Calculus.parse("(3*t^2 + 1)/4")
        let composed = Calculus.parse(rule.function).substituting(["t": inner])
        let d = try composed.derivative(withRespectTo: "t")
        let expected = Expr.binary(.multiply, Calculus.parse(rule.closedForm).substituting(["t": inner]),
                                         Calculus.parse("3*t/2"))
        for t in Self.points + ["-4/3"] {
            let at = Calculus.point(["t": t])
            let mine = try Calculus.value(d, at), theirs = try Calculus.value(expected, at)
            #expect(Calculus.agree(mine, theirs), "\(printASCII(composed)) at t = \(t): \(mine) vs \(theirs)")
        }
    }

    @Test func chainRuleOnDeepComposition() throws {
        // d/dt exp(sin(t²)) = exp(sin(t²))·cos(t²)·2t
        let d = try Calculus.parse("exp(sin(t^2))").derivative(withRespectTo: "t")
        let expected = Calculus.parse("exp(sin(t^2))*cos(t^2)*2*t")
        for t in ["0", "1/2", "-3/2", "2"] {
            let at = Calculus.point(["t": t])
            #expect(Calculus.agree(try Calculus.value(d, at), try Calculus.value(expected, at)), "t = \(t)")
        }
        // sigmoid(log(1 + t²))′ = σ(1 − σ)·2t/(1 + t²)
        let d2 = try Calculus.parse("sigmoid(log(1 + t^2))").derivative(withRespectTo: "t")
        let s = "sigmoid(log(1 + t^2))"
        let expected2 = Calculus.parse("\(s)*(1 - \(s))*2*t/(1 + t^2)")
        for t in ["0", "1/3", "-5"] {
            let at = Calculus.point(["t": t])
            #expect(Calculus.agree(try Calculus.value(d2, at), try Calculus.value(expected2, at)), "t = \(t)")
        }
    }

    @Test func derivativeOfCosineScheduleIsMinusHalfPiSine() throws {
        let e = Calculus.parse("diff(cos(pi t/2), t)")
        let expected = Calculus.parse("-pi/2*sin(pi*t/2)")
        for t in ["0", "1/3", "1/2", "1", "3/2", "-2/7", "0.999", "5"] {
            let at = Calculus.point(["t": t])
            let mine = try Calculus.value(e, at), theirs = try Calculus.value(expected, at)
            #expect(Calculus.agree(mine, theirs), "t = \(t): \(mine) vs \(theirs)")
        }
        // At t = 1 the value is exactly −π/2 (sin(π/2) = 1 is known exactly).
        let atOne = try Calculus.evaluator.evaluate(e, at: Calculus.point(["t": "1"]), correctDigits: 30)
        #expect(try atOne.decimalString() == "-1.57079632679489661923132169164")
        // At t = 0 exactly 0.
        let atZero = try Calculus.value(e, Calculus.point(["t": "0"]))
        #expect(atZero.isExactlyZero)
    }

    /// Expects the printed derivative of `text` with respect to `variable`.
    func check(_ text: String, _ expected: String, wrt variable: String = "t",
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let d = printASCII(try Calculus.parse(text).derivative(withRespectTo: variable))
        #expect(d == expected, "d/d\(variable) \(text)", sourceLocation: sourceLocation)
    }

    @Test func powerRules() throws {
        try check("t^3", "3*t^2")
        try check("t^2", "2*t")
        try check("t^1", "1")
        try check("t^0", "0")
        try check("t^-1", "-t^(-2)")
        try check("t^(1/2)", "1/2*t^(-0.5)")
        try check("t^n", "n*t^(n - 1)")
        try check("2^t", "2^t*log(2)")
        try check("a^(2*t)", "a^(2*t)*log(a)*2")
        try check("t^t", "t^t*(log(t) + t/t)")

        // Values of the general rule: (1 + t²)^sin(t).
        let e = Calculus.parse("(1 + t^2)^sin(t)")
        let dv = try e.derivative(withRespectTo: "t")
        let expected = Calculus.parse("(1 + t^2)^sin(t)*(cos(t)*log(1 + t^2) + sin(t)*2*t/(1 + t^2))")
        for t in ["1/3", "-2", "3.5"] {
            let at = Calculus.point(["t": t])
            #expect(Calculus.agree(try Calculus.value(dv, at), try Calculus.value(expected, at)), "t = \(t)")
        }
        // t^(3/2) at t = 4: 3/2·√4 = 3, exactly.
        let p = try Calculus.parse("t^(3/2)").derivative(withRespectTo: "t")
        let three = try Calculus.value(p, Calculus.point(["t": "4"]))
        #expect(three.isExact && three.contains(Rational(3)))
    }

    @Test func sumsProductsQuotientsAndFolding() throws {
        try check("t*y", "y")          // 1·y + t·0
        try check("y*t", "y")
        try check("t + y", "1")        // 1 + 0
        try check("y - t", "(-1)")       // 0 − 1
        try check("-(-t)", "1")        // −(−1)
        try check("-t", "(-1)")
        try check("t/y", "1/y")        // quotient with a constant divisor
        try check("y/t", "-y/t^2")     // (0·t − y·1)/t²
        try check("t*t", "t + t")
        try check("(1 + t)/(1 - t)", "(1 - t - (-(1 + t)))/(1 - t)^2")
        try check("2*3*t", "6")        // 1·(2·3), and 2·3 is a literal
        try check("t - t", "0")
        try check("sin(t)", "0", wrt: "x")
    }

    @Test func constantsHaveZeroDerivative() throws {
        for text in ["pi", "3", "0.25", "y", "sin(y)*pi", "exp(pi*y)/(1 + y^2)", "diff(t^2, t)^0"] {
            let d = try Calculus.parse(text).derivative(withRespectTo: "t")
            #expect(d == .number(0), "\(text) gives \(printASCII(d))")
        }
    }

    @Test func nestedDerivativeNodesAreEvaluatedInsideOut() throws {
        #expect(printASCII(try Calculus.parse("diff(diff(t^3, t), t)").expandingDerivatives()) == "3*(2*t)")
        #expect(printASCII(try Calculus.parse("diff(t^3, t)").derivative(withRespectTo: "t")) == "3*(2*t)")
        // ∂/∂t of ∂(x·t²)/∂x = ∂/∂t t² = 2t.
        #expect(printASCII(try Calculus.parse("diff(x*t^2, x)").derivative(withRespectTo: "t")) == "2*t")
        // The inner derivative is taken first: diff(t*x, t) = x, whose t-derivative is 0.
        #expect(try Calculus.parse("diff(t*x, t)").derivative(withRespectTo: "t") == .number(0))
        // diff inside a larger expression.
        let e = Calculus.parse("sin(t) + diff(t^2, t)*t")
        #expect(printASCII(try e.expandingDerivatives()) == "sin(t) + 2*t*t")
        #expect(printASCII(try e.derivative(withRespectTo: "t")) == "cos(t) + (2*t + 2*t)")
        // Three levels, checked by value: d³/dt³ sin(2t) = −8 cos(2t).
        let third = Calculus.parse("diff(diff(diff(sin(2*t), t), t), t)")
        for t in ["0", "1/3", "-1.25"] {
            let at = Calculus.point(["t": t])
            #expect(Calculus.agree(try Calculus.value(third, at), try Calculus.value(Calculus.parse("-8*cos(2*t)"), at)))
        }
    }

    @Test func expandingWithoutDerivativeNodesKeepsTheTree() throws {
        let e = Calculus.parse("sin(pi*t)/(1 + t^2)")
        let x = try e.expandingDerivatives()
        #expect(x == e)
        #expect(x.range == e.range)
        guard case .binary(_, let l, _) = x.kind, case .binary(_, let l0, _) = e.kind else {
            Issue.record("not a quotient")
            return
        }
        #expect(l.range == l0.range)
        #expect(!e.containsDerivative)
        #expect(Calculus.parse("1 + diff(t, t)").containsDerivative)
    }

    @Test func newNodesCarryTheRangeOfTheirOrigin() throws {
        let text = "1 + sqrt(t)"
        let e = Calculus.parse(text)
        let d = try e.derivative(withRespectTo: "t")
        // 1/(2*sqrt(t)): the new quotient comes from the sqrt(t) node …
        #expect(printASCII(d) == "1/(2*sqrt(t))")
        #expect(Calculus.offsets(d.range) == Calculus.offsets(of: "sqrt(t)", in: text))
        // … and the reused sqrt(t) keeps its own range.
        guard case .binary(.divide, _, let denominator) = d.kind, case .binary(.multiply, _, let root) = denominator.kind else {
            Issue.record("unexpected shape \(printASCII(d))")
            return
        }
        #expect(Calculus.offsets(root.range) == Calculus.offsets(of: "sqrt(t)", in: text))
    }

    @Test func budgetStopsExplosiveDerivatives() throws {
        // Each diff roughly doubles or triples the tree.
        var text = "exp(sin(t)*cos(t))/(1 + t^2)"
        for _ in 0..<6 { text = "diff(\(text), t)" }
        let e = Calculus.parse(text)
        #expect(throws: DifferentiationError.self) { try e.expandingDerivatives(maximumNodes: 2000) }
        do {
            _ = try e.derivative(withRespectTo: "t", maximumNodes: 2000)
            Issue.record("no budget error")
        } catch {
            guard case .resultTooLarge(let limit, let range) = error else { return }
            #expect(limit == 2000)
            // Reported at one of the diff( … ) calls of the input.
            let r = try #require(range)
            #expect(text.utf8.dropFirst(r.start.offset).starts(with: "diff(".utf8))
            #expect(error.description.contains("more than 2000 nodes"))
        }
        // Three levels fit the default budget, and the count is what the budget measured.
        var smaller = "exp(sin(t)*cos(t))/(1 + t^2)"
        for _ in 0..<3 { smaller = "diff(\(smaller), t)" }
        let big = try Calculus.parse(smaller).expandingDerivatives()
        #expect(big.nodeCount <= Expr.defaultMaximumDerivativeNodes)
        #expect(big.nodeCount > 1000)
        #expect(!big.containsDerivative)
        // The budget applies to derivative(withRespectTo:) of a plain tree too.
        let product = Calculus.parse((1...40).map { "sin(\($0)*t)" }.joined(separator: "*"))
        #expect(throws: DifferentiationError.self) { try product.derivative(withRespectTo: "t", maximumNodes: 500) }
        #expect(try product.derivative(withRespectTo: "t").nodeCount < 20_000)
    }

    @Test func derivativeOfEveryFunctionOfAConstantIsZero() throws {
        for f in Function.allCases {
            let d = try Expr.function(f, .variable("y")).derivative(withRespectTo: "t")
            #expect(d == .number(0), "\(f)")
        }
    }
}
