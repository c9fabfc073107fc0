import CFlintArb

// Moving polynomials between rings (by variable name) and to and from the univariate
// `Polynomial`.

extension MultivariatePolynomial {
    /// True when every variable this polynomial uses exists in `target`.
    public func isConvertible(to target: PolynomialRing) -> Bool {
        usedVariables.allSatisfy(target.contains)
    }

    /// The same polynomial in `target`, matching variables by name; the variable order
    /// and monomial order of `target` may differ from this ring's, and `target` may
    /// have more or fewer variables. Values are preserved: evaluating at a point gives
    /// the same number in both rings. Precondition: `isConvertible(to: target)`.
    public func converted(to target: PolynomialRing) -> MultivariatePolynomial {
        if target == ring { return self }
        let source = ring
        // Variable i of the source becomes generator c[i] of the target; −1 maps an
        // unused variable that the target lacks to zero.
        var image = [Int](repeating: -1, count: Swift.max(source.variableCount, 1))
        let used = Set(usedVariables)
        for (i, name) in source.variables.enumerated() {
            if let j = target.index(of: name) {
                image[i] = j
            } else {
                precondition(!used.contains(name), "variable '\(name)' is missing from the ring \(target)")
            }
        }
        return MultivariatePolynomial.make(in: target) { out in
            fmpq_mpoly_compose_fmpq_mpoly_gen(out, pointer, &image, source.context, target.context)
        }
    }

    /// The univariate polynomial in `variable` when no other variable is used
    /// (constants qualify, whatever the variable); nil otherwise.
    public func univariate(in variable: String) -> Polynomial? {
        guard let i = ring.index(of: variable) else {
            return constantValue.map { Polynomial($0) }
        }
        // FLINT 2.9's fmpq_mpoly_get_fmpq_poly reads only the exponents of `variable`
        // (terms differing in other variables overwrite each other), so check first.
        guard fmpq_mpoly_is_fmpq_poly(pointer, i, context) != 0 else { return nil }
        var ok: Int32 = 0
        let p = Polynomial.make { ok = fmpq_mpoly_get_fmpq_poly($0, pointer, i, context) }
        return ok != 0 ? p : nil
    }

    /// The univariate form when at most one variable is used: that variable (nil for a
    /// constant) and the polynomial in it. Nil when two or more variables are used.
    public var univariate: (variable: String?, polynomial: Polynomial)? {
        let used = usedVariables
        switch used.count {
        case 0: return (nil, Polynomial(constantValue!))
        case 1: return univariate(in: used[0]).map { (used[0], $0) }
        default: return nil
        }
    }

    /// The univariate `p` as a polynomial in `variable` of `ring`.
    /// Precondition: the ring has `variable`.
    public init(_ p: Polynomial, variable: String, in ring: PolynomialRing) {
        self = ring.polynomial(p, in: variable)
    }
}
