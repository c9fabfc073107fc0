import CFlintArb

// Resultants and discriminants with respect to one variable: the polynomials in the
// remaining variables that vanish exactly where the inputs share a root in that
// variable (or a leading coefficient vanishes). The tool for eliminating a variable.

extension MultivariatePolynomial {
    /// Res_x(a, b): the determinant of the Sylvester matrix of a and b read as
    /// polynomials in x = `variable` (standard sign: a's coefficients in the first
    /// rows). With m = deg_x a, n = deg_x b and a = α·∏(x − αᵢ), it equals
    /// α^n · ∏ b(αᵢ); so Res_x(x² + y² − 1, x − y) = 2·y² − 1.
    ///
    /// Conventions at the edges: Res(0, b) = Res(a, 0) = 0; when a has degree 0 in x
    /// it is a^n (and b^m symmetrically), so two polynomials free of x — including any
    /// pair when the ring lacks x — have resultant 1.
    ///
    /// Throws `tooLarge` when the degree bound m·deg b + n·deg a passes
    /// `PolynomialBudget.maximumDegree`. Precondition: equal rings.
    public static func resultant(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial, in variable: String) throws(ArithmeticError) -> MultivariatePolynomial {
        let ring = commonRing(a, b)
        if a.isZero || b.isZero { return ring.zero }
        let m = a.degree(in: variable), n = b.degree(in: variable)
        if m == 0 { return try a.power(n) }
        if n == 0 { return try b.power(m) }
        let bound = m.saturatingMultiplied(by: b.totalDegree).saturatingAdded(n.saturatingMultiplied(by: a.totalDegree))
        guard bound <= PolynomialBudget.maximumDegree else {
            throw .tooLarge("a resultant of total degree up to \(bound)")
        }
        let i = ring.requireIndex(of: variable)
        var ok: Int32 = 0
        let r = make(in: ring) { ok = fmpq_mpoly_resultant($0, a.pointer, b.pointer, i, ring.context) }
        guard ok != 0 else { throw .tooLarge("a resultant") }
        return r
    }

    /// The discriminant in `variable`: for f = a·∏(x − αᵢ) of degree n ≥ 1 in x,
    /// a^(2n−2) · ∏_{i<j} (αᵢ − αⱼ)², equivalently (−1)^(n(n−1)/2) · Res_x(f, f′) / a.
    /// So disc_x(a·x² + b·x + c) = b² − 4·a·c, and disc of a linear polynomial is 1.
    /// Zero exactly when f has a repeated root in x (or is zero).
    ///
    /// Precondition: the ring has `variable` and self has degree ≥ 1 in it.
    /// Throws `tooLarge` like `resultant(_:_:in:)`.
    public func discriminant(in variable: String) throws(ArithmeticError) -> MultivariatePolynomial {
        let ring = self.ring
        let i = ring.requireIndex(of: variable)
        let n = degree(in: variable)
        precondition(n >= 1, "discriminant in '\(variable)' of a polynomial of degree \(n) in it")
        let bound = (2 * n - 2).saturatingMultiplied(by: totalDegree)
        guard bound <= PolynomialBudget.maximumDegree else {
            throw .tooLarge("a discriminant of total degree up to \(bound)")
        }
        var ok: Int32 = 0
        let d = MultivariatePolynomial.make(in: ring) { ok = fmpq_mpoly_discriminant($0, pointer, i, ring.context) }
        guard ok != 0 else { throw .tooLarge("a discriminant") }
        return d
    }
}
