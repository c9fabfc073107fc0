import Exact

extension CanonicalForm {
    public static func + (a: CanonicalForm, b: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if a.isZero { return b }
        if b.isZero { return a }
        let v = unified([a.numerator, a.denominator, b.numerator, b.denominator])
        if v[1] == v[3] { return try fraction(v[0] + v[2], v[1]) }
        return try fraction(v[0] * v[3] + v[2] * v[1], v[1] * v[3])
    }

    public static prefix func - (a: CanonicalForm) -> CanonicalForm {
        CanonicalForm(normalizedNumerator: -a.numerator, denominator: a.denominator)
    }

    public static func - (a: CanonicalForm, b: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        try a + (-b)
    }

    public static func * (a: CanonicalForm, b: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if a.isZero || b.isZero { return .zero }
        if a.isOne { return b }
        if b.isOne { return a }
        if let c = a.rationalValue { return b.scaled(by: c) }
        if let c = b.rationalValue { return a.scaled(by: c) }
        let v = unified([a.numerator, a.denominator, b.numerator, b.denominator])
        return try fraction(v[0] * v[2], v[1] * v[3])
    }

    public static func / (a: CanonicalForm, b: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if b.isZero { throw .divisionByZero("the divisor simplifies to 0") }
        if let c = b.rationalValue { return a.scaled(by: 1 / c) }
        let v = unified([a.numerator, a.denominator, b.numerator, b.denominator])
        return try fraction(v[0] * v[3], v[1] * v[2])
    }

    /// c·self; keeps the invariants, so no renormalisation.
    public func scaled(by c: Rational) -> CanonicalForm {
        if c.isZero { return .zero }
        return CanonicalForm(normalizedNumerator: numerator.scaled(by: c), denominator: denominator)
    }

    /// self^n for an integer n; a negative power of zero throws.
    public func power(_ n: Int) throws(SimplificationError) -> CanonicalForm {
        if n == 0 { return .one }
        if n == 1 { return self }
        if n < 0 && isZero { throw .divisionByZero("0 to a negative power") }
        if let c = rationalValue {
            do { return CanonicalForm(try c.power(n)) } catch { throw SimplificationError(error) }
        }
        // The degree budget, judged from the exponent before any expansion: the powers
        // themselves are FLINT's (sparse, by repeated squaring), so t^5000 costs one term.
        let degree = Swift.max(numerator.totalDegree, denominator.totalDegree)
        let (resultDegree, overflow) = degree.multipliedReportingOverflow(by: abs(n))
        guard abs(n) <= SimplificationBudget.maximumExponent, !overflow, resultDegree <= SimplificationBudget.maximumDegree else {
            throw .tooLarge("exponent \(n) of a non-constant expression of degree \(degree) (limit: degree \(SimplificationBudget.maximumDegree))")
        }
        if n < 0 {
            if isZero { throw .divisionByZero("0 to a negative power") }
            return try CanonicalForm.one / power(-n)
        }
        let v = unified([numerator, denominator])
        return try CanonicalForm.fraction(try CanonicalForm.power(v[0], n), try CanonicalForm.power(v[1], n))
    }
}
