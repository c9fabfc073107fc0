import Exact

extension Function {
    /// logit x = log(x/(1 − x)), the inverse of the sigmoid, defined on (0, 1).
    public static let logit = Function("logit")
}

extension FunctionSpec {
    /// logit x = log(x/(1 − x)): defined for 0 < x < 1; logit′ = 1/(x(1 − x));
    /// logit(σ(a)) = a and exp(logit a) = a/(1 − a), so σ(logit a) = a; logit(1 − x) =
    /// −logit(x); zero exactly at 1/2; → −∞ at 0⁺ and +∞ at 1⁻. Evaluated as
    /// log x − log1p(−x).
    static let logit = FunctionSpec(
        function: .logit, latexName: "\\operatorname{logit}",
        numpy: NumPyPrinting(call: { "np.log((\($0))/(1 - (\($0))))" }),
        // log x − log1p(−x): no rounding of x/(1 − x), accurate near 0 and 1.
        numpyStable: NumPyPrinting(call: { "(np.log(\($0)) - np.log1p(-(\($0))))" }),
        exactValue: { x in
            if case .exact(let r) = x, r == Rational(1, 2) { return .exact(0) }
            return nil
        },
        ball: { x in Ball.log(x) - Ball.log1p(-x) },
        evaluationDomain: EvaluationDomain(
            isCertainlyOutside: { x in
                let b = x.ball(precision: 128)
                if let upper = b.upperBound, upper <= 0 { return true }
                if let lower = b.lowerBound, lower >= 1 { return true }
                return false
            },
            violation: "logit of a number outside (0, 1)"),
        derivative: { u, du, _, b throws(DifferentiationError) in
            try b.divide(du, b.multiply(u, b.subtract(b.number(1), u)))
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.logit(a) },
        argumentConditions: { a throws(SimplificationError) in [.positive(a), .positive(try .one - a)] },
        kernel: KernelFacts(
            derivative: { a, da, _ throws(SimplificationError) in try da / (a * (.one - a)) },
            zeros: .whereArgumentEquals(Rational(1, 2), keepsMultiplicity: true),
            limit: { l in
                // The argument stays inside (0, 1), so a limit 0 is reached from above, 1 from below.
                guard case .finite(let v) = l else { return nil }
                if v.isZero { return .negativeInfinity }
                if v.isOne { return .positiveInfinity }
                guard Limit.isCertainlyPositive(v), let rest = try? CanonicalForm.one - v, Limit.isCertainlyPositive(rest) else { return nil }
                return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.logit(v) }
            },
            // exp(logit a) = a/(1 − a), positive on (0, 1): so σ(logit a) = a.
            exponential: { a throws(SimplificationError) in try a / (.one - a) }))
}

extension CanonicalForm {
    /// logit(x): for a rational r in (0, 1), log r − log(1 − r) (logit(1/2) = 0), outside
    /// it an error; logit(1/(1 + e^(−a))) = a; logit(1 − x) = −logit(x) makes the
    /// leading coefficient of the argument's non-constant part positive; otherwise one
    /// kernel.
    public static func logit(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if let r = x.rationalValue {
            guard r.isPositive, r < 1 else { throw .domain("logit of \(r), which is outside (0, 1)") }
            return try log(x) - log(.one - x)
        }
        // x = σ(a) exactly when 1/x − 1 = e^(−a).
        let rest = try CanonicalForm.one / x - .one
        if rest.isPolynomial, rest.numerator.termCount == 1, let only = rest.numerator.terms.first,
           only.coefficient.isOne, only.exponents.reduce(0, +) == 1, let i = only.exponents.firstIndex(of: 1),
           case .exp(let e) = KernelTable.shared.kernel(forKey: rest.numerator.ring.variables[i]) {
            return -e
        }
        let complement = try CanonicalForm.one - x
        if x.hasNegativeLeadingCoefficient { return -CanonicalForm(kernel: .applied(.logit, complement)) }
        return CanonicalForm(kernel: .applied(.logit, x))
    }
}
