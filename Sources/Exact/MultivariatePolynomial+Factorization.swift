import CFlintArb

/// A multivariate polynomial written as content · ∏ factorᵢ^multiplicityᵢ.
///
/// Every factor is a primitive integer polynomial (coefficients with gcd 1) with a
/// positive leading coefficient in the ring's monomial order, and of positive degree;
/// `content` is the rational constant that makes the product equal the input. The
/// zero polynomial is `0 · (empty product)`, a constant c is `c · (empty product)`.
public struct MultivariatePolynomialFactorization: Sendable, Equatable {
    /// The ring of the factored polynomial.
    public let ring: PolynomialRing
    /// The rational constant in front (sign included).
    public var content: Rational
    /// The factors with their multiplicities, in the order documented at the method
    /// that produced them.
    public var factors: [(polynomial: MultivariatePolynomial, multiplicity: Int)]

    public static func == (a: Self, b: Self) -> Bool {
        a.ring == b.ring && a.content == b.content && a.factors.count == b.factors.count
            && zip(a.factors, b.factors).allSatisfy { $0.polynomial == $1.polynomial && $0.multiplicity == $1.multiplicity }
    }

    /// Multiplies the factorization back out.
    public var expanded: MultivariatePolynomial {
        factors.reduce(ring.constant(content)) { product, f in
            var power = ring.one
            for _ in 0..<f.multiplicity { power = power * f.polynomial }
            return product * power
        }
    }
}

/// Limits on complete factoring: FLINT cannot be interrupted, and factoring t^5000 − 2
/// takes it tens of seconds, so callers ask `isWithinFactoringBudget` first and fall
/// back to the squarefree decomposition (a gcd with the derivative, cheap at any
/// degree).
public enum FactoringBudget {
    /// Largest degree of a polynomial in one variable factored completely (the
    /// degree root isolation accepts).
    public static let maximumUnivariateDegree = 2_000
    /// Largest total degree of a polynomial in several variables factored completely.
    public static let maximumMultivariateDegree = 256
    /// Largest ∏ (degᵢ + 1) over the variables of a polynomial in several variables.
    public static let maximumDenseSize = 20_000
    /// Largest total size, in bits, of the integer coefficients of a polynomial
    /// factored, completely or into squarefree parts (the gcds behind both grow with
    /// it: (t + 123456789/987654321)^2000 has 120 million bits; (2t − 1)^2000 five million).
    public static let maximumCoefficientBits = 1 << 23
}

extension MultivariatePolynomial {
    /// The total size of the coefficients of the primitive integer part, in bits.
    var coefficientBits: Int {
        let zpoly = fmpq_mpoly_zpoly_ref(pointer, context)!
        var bits = 0
        for i in 0..<termCount { bits += Int(fmpz_bits(zpoly.pointee.coeffs + i)) }
        return bits
    }

    /// True when `squarefreeFactorization()` is within `FactoringBudget`.
    public var isWithinSquarefreeBudget: Bool { coefficientBits <= FactoringBudget.maximumCoefficientBits }

    /// True when `factored()` is within `FactoringBudget`.
    public var isWithinFactoringBudget: Bool {
        guard isWithinSquarefreeBudget else { return false }
        let degrees = self.degrees.filter { $0 > 0 }
        if degrees.count <= 1 { return (degrees.first ?? 0) <= FactoringBudget.maximumUnivariateDegree }
        guard totalDegree <= FactoringBudget.maximumMultivariateDegree else { return false }
        // Degrees are at most 256 here, so the running product cannot overflow.
        var denseSize = 1
        for d in degrees { denseSize = Swift.min(denseSize * (d + 1), FactoringBudget.maximumDenseSize + 1) }
        return denseSize <= FactoringBudget.maximumDenseSize
    }

    /// The factorization within `FactoringBudget`: complete when possible, else the
    /// squarefree decomposition, else self as its own single factor (content ·
    /// primitive part). Each factor is primitive with a positive leading coefficient;
    /// only the complete one is irreducible.
    public func factoredWithinBudget() -> MultivariatePolynomialFactorization {
        if isWithinFactoringBudget { return factored() }
        if isWithinSquarefreeBudget || isConstant { return squarefreeFactorization() }
        let primitive = primitivePart
        return MultivariatePolynomialFactorization(ring: ring, content: leadingCoefficient / primitive.leadingCoefficient,
                                                   factors: [(primitive, 1)])
    }

    /// The squarefree decomposition self = content · ∏ gₖ^k: each gₖ squarefree, the
    /// gₖ pairwise coprime, one factor per multiplicity k that occurs (the product of
    /// all irreducible factors of multiplicity k), listed by increasing k.
    public func squarefreeFactorization() -> MultivariatePolynomialFactorization {
        var result = univariateFactorization(complete: false) ?? factorization(complete: false)
        // FLINT may split factors of equal multiplicity (for instance by variable);
        // merge them so the decomposition is the canonical one.
        var merged: [Int: MultivariatePolynomial] = [:]
        for (p, k) in result.factors { merged[k] = merged[k].map { $0 * p } ?? p }
        result.factors = merged.keys.sorted().map { (merged[$0]!, $0) }
        return result
    }

    /// The factorization into irreducible polynomials over Q (FLINT's multivariate
    /// factoring). Factors are listed by increasing total degree, then increasing
    /// number of terms, then term by term in printing order (larger monomial first,
    /// then smaller coefficient) — so in Q[x, y], 2·x²·y + 4·x·y² gives
    /// 2 · x · y · (x + 2·y) and x² − y² gives (x − y) · (x + y).
    public func factored() -> MultivariatePolynomialFactorization {
        var result = univariateFactorization(complete: true) ?? factorization(complete: true)
        result.factors.sort { a, b in
            if MultivariatePolynomial.precedesInFactorOrder(a.polynomial, b.polynomial) { return true }
            if MultivariatePolynomial.precedesInFactorOrder(b.polynomial, a.polynomial) { return false }
            return a.multiplicity < b.multiplicity
        }
        return result
    }

    /// The deterministic order of factors: total degree, then number of terms, then
    /// the terms compared one by one in graded-lex order (the printing order): the
    /// larger monomial first (x before y in Q[x, y]), then the smaller coefficient
    /// (x − y before x + y).
    static func precedesInFactorOrder(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> Bool {
        if a.totalDegree != b.totalDegree { return a.totalDegree < b.totalDegree }
        if a.termCount != b.termCount { return a.termCount < b.termCount }
        for (s, t) in zip(a.termsInGradedOrder, b.termsInGradedOrder) {
            if s.exponents != t.exponents { return MultivariatePolynomial.gradedLexGreater(s.exponents, t.exponents) }
            if s.coefficient != t.coefficient { return s.coefficient < t.coefficient }
        }
        return false
    }

    /// For a polynomial in one variable: FLINT's univariate factoring (through
    /// `Polynomial.factored()` or `squarefreeFactorization()`, remembered), which is
    /// faster than the multivariate one on the same polynomial; the factors are the
    /// same (irreducible and squarefree factors are unique up to units, and both are
    /// normalised to primitive integer polynomials with positive leading coefficient).
    /// Nil when two or more variables are used.
    private func univariateFactorization(complete: Bool) -> MultivariatePolynomialFactorization? {
        let used = usedVariables
        guard used.count == 1, let u = univariate(in: used[0]) else { return nil }
        let f = complete ? u.factored() : u.squarefreeFactorization()
        return MultivariatePolynomialFactorization(
            ring: ring, content: f.content,
            factors: f.factors.map { (MultivariatePolynomial($0.polynomial, variable: used[0], in: ring), $0.multiplicity) })
    }

    /// Factors through FLINT, normalises each base to its primitive part and
    /// recomputes the constant from the leading coefficients (the leading coefficient
    /// of a product is the product of the leading coefficients in any monomial order).
    private func factorization(complete: Bool) -> MultivariatePolynomialFactorization {
        let ring = self.ring
        if isConstant {
            return MultivariatePolynomialFactorization(ring: ring, content: constantValue!, factors: [])
        }
        let f = UnsafeMutablePointer<fmpq_mpoly_factor_struct>.allocate(capacity: 1)
        fmpq_mpoly_factor_init(f, ring.context)
        defer { fmpq_mpoly_factor_clear(f, ring.context); f.deallocate() }
        let ok = complete ? fmpq_mpoly_factor(f, pointer, ring.context) : fmpq_mpoly_factor_squarefree(f, pointer, ring.context)
        precondition(ok != 0, "FLINT could not factor a polynomial (exponents too large)")
        var factors: [(polynomial: MultivariatePolynomial, multiplicity: Int)] = []
        var leading = Rational.one
        for i in 0..<fmpq_mpoly_factor_length(f, ring.context) {
            let base = MultivariatePolynomial.make(in: ring) { fmpq_mpoly_factor_get_base($0, f, i, ring.context) }
            if base.isConstant { continue }
            let k = fmpq_mpoly_factor_get_exp_si(f, i, ring.context)
            let p = base.primitivePart
            factors.append((p, k))
            leading *= try! p.leadingCoefficient.power(k)
        }
        return MultivariatePolynomialFactorization(ring: ring, content: leadingCoefficient / leading, factors: factors)
    }
}
