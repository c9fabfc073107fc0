import Exact

extension CanonicalForm {
    /// A rigorous enclosure of the value with symbols bound to rationals, at the
    /// given working precision. Unbound symbols and points outside a kernel's domain
    /// give an indeterminate ball (Arb's [NaN ± inf]), never a wrong number.
    public func ball(at values: [String: Rational], precision: Int) -> Ball {
        ball(atBalls: values.mapValues { Ball($0, precision: precision) }, precision: precision)
    }

    /// The same with symbols bound to balls: an enclosure of the form's range over
    /// the box (interval arithmetic; wide boxes give wide, still valid, enclosures).
    public func ball(atBalls values: [String: Ball], precision: Int) -> Ball {
        var cache: [String: Ball] = [:]
        func kernelBall(_ key: String) -> Ball {
            if let b = cache[key] { return b }
            let b: Ball
            switch KernelTable.shared.kernel(forKey: key) {
            case .symbol(let name):
                b = values[name] ?? .indeterminate(precision: precision)
            case .pi: b = .pi(precision: precision)
            case .abstract: b = .indeterminate(precision: precision)
            case let kernel:
                b = kernel.function!.spec.ball(kernel.argument!.ball(atBalls: values, precision: precision))
            }
            cache[key] = b
            return b
        }
        func polynomialBall(_ p: MultivariatePolynomial) -> Ball {
            let variables = p.ring.variables.map { p.uses($0) ? kernelBall($0) : Ball(0, precision: precision) }
            var sum = Ball(0, precision: precision)
            for term in p.terms {
                var product = Ball(term.coefficient, precision: precision)
                for (i, e) in term.exponents.enumerated() where e > 0 { product = product * variables[i].power(e) }
                sum = sum + product
            }
            return sum
        }
        let n = polynomialBall(numerator)
        if denominator.isOne { return n }
        return n / polynomialBall(denominator)
    }

    /// The value to `digits` correct significant digits, raising the precision as
    /// needed (up to Arb's budget); nil if no finite enclosure was found.
    public func value(at values: [String: Rational], correctDigits digits: Int, maximumPrecision: Int = 1 << 14) -> Ball.CorrectDigitsResult? {
        let result = Ball.evaluate(toCorrectDigits: digits, maximumPrecision: maximumPrecision) { precision in
            ball(at: values, precision: precision)
        }
        return result.ball.isFinite ? result : nil
    }
}
