import CFlintArb

/// A polynomial written as content · ∏ factorᵢ^multiplicityᵢ.
public struct PolynomialFactorization: Sendable, Equatable {
    /// The rational constant in front (sign included).
    public var content: Rational
    /// Primitive integer factors with positive leading coefficient, each with its
    /// multiplicity; sorted by degree, then by coefficients, so the order is stable.
    public var factors: [(polynomial: Polynomial, multiplicity: Int)]

    public static func == (a: Self, b: Self) -> Bool {
        a.content == b.content && a.factors.count == b.factors.count
            && zip(a.factors, b.factors).allSatisfy { $0.polynomial == $1.polynomial && $0.multiplicity == $1.multiplicity }
    }

    /// Multiplies the factorization back out.
    public var expanded: Polynomial {
        factors.reduce(Polynomial(content)) { acc, f in acc * (try! f.polynomial.power(f.multiplicity)) }
    }
}

extension Polynomial {
    /// Squarefree decomposition (Yun, through FLINT): self = content · ∏ gᵢ^i with the
    /// gᵢ squarefree and pairwise coprime. Precondition: not the zero polynomial.
    public func squarefreeFactorization() -> PolynomialFactorization {
        if degree <= 1 { return factorization(complete: false) }
        return FactorizationMemo.shared.factorization(of: self, complete: false) { factorization(complete: false) }
    }

    /// Complete factorization into irreducible factors over Q (FLINT's Zassenhaus /
    /// van Hoeij), remembered per polynomial (`FactorizationMemo`). Precondition: not
    /// the zero polynomial.
    public func factored() -> PolynomialFactorization {
        if degree <= 1 { return factorization(complete: true) }
        return FactorizationMemo.shared.factorization(of: self, complete: true) { factorization(complete: true) }
    }

    private func factorization(complete: Bool) -> PolynomialFactorization {
        precondition(!isZero, "factorization of the zero polynomial")
        if degree == 0 { return PolynomialFactorization(content: coefficient(0), factors: []) }
        let integer = primitiveIntegerPolynomial()
        let fac = UnsafeMutablePointer<fmpz_poly_factor_struct>.allocate(capacity: 1)
        fmpz_poly_factor_init(fac)
        defer { fmpz_poly_factor_clear(fac); fac.deallocate() }
        if complete { fmpz_poly_factor(fac, integer.pointer) } else { fmpz_poly_factor_squarefree(fac, integer.pointer) }
        var factors: [(polynomial: Polynomial, multiplicity: Int)] = []
        for i in 0..<sched_fmpz_poly_factor_num(fac) {
            var p = Polynomial(integerPolynomial: sched_fmpz_poly_factor_poly(fac, i))
            let e = sched_fmpz_poly_factor_exp(fac, i)
            if p.leadingCoefficient.isNegative { p = -p }
            factors.append((p, e))
        }
        factors.sort { a, b in
            if a.polynomial.degree != b.polynomial.degree { return a.polynomial.degree < b.polynomial.degree }
            return a.polynomial.coefficients.lexicographicallyPrecedes(b.polynomial.coefficients)
        }
        // The leftover constant makes the product equal to self.
        let product = factors.reduce(Polynomial.one) { acc, f in acc * (try! f.polynomial.power(f.multiplicity)) }
        let content = leadingCoefficient / product.leadingCoefficient
        return PolynomialFactorization(content: content, factors: factors)
    }
}
