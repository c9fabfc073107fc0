import Exact

extension CanonicalForm {
    /// The canonical form of n/d for polynomials over kernel rings (the rings of other
    /// forms' numerators and denominators); throws when d is 0.
    public init(numerator n: MultivariatePolynomial, denominator d: MultivariatePolynomial) throws(SimplificationError) {
        self = try CanonicalForm.fraction(n, d)
    }

    /// The canonical form of n/d: relations applied, exp monomials moved out of the
    /// denominator, common factors cancelled, denominator monic.
    static func fraction(_ n: MultivariatePolynomial, _ d: MultivariatePolynomial, depth: Int = 0) throws(SimplificationError) -> CanonicalForm {
        guard depth < 48 else { throw .tooLarge("the relations between kernels did not settle") }
        try SimplificationError.checkDeadline()
        let u = unified([n, d])
        var n = u[0], d = u[1]
        if d.isZero { throw .divisionByZero("the denominator simplifies to 0") }
        if n.isZero { return .zero }
        guard n.termCount <= SimplificationBudget.maximumTerms, d.termCount <= SimplificationBudget.maximumTerms else {
            throw .tooLarge("more than \(SimplificationBudget.maximumTerms) terms")
        }

        // 1. Relations between kernels.
        let rn = try reduction(of: n), rd = try reduction(of: d)
        if rn != nil || rd != nil {
            let (n1, d1) = rn ?? (n, n.ring.one)
            let (n2, d2) = rd ?? (d, d.ring.one)
            let v = unified([n1, d1, n2, d2])
            return try fraction(v[0] * v[3], v[1] * v[2], depth: depth + 1)
        }

        // 2. exp(a) dividing every term of the denominator: 1/exp(a) = exp(−a).
        if let v = d.usedVariables.first(where: { key in
            if case .exp = KernelTable.shared.kernel(forKey: key) { return d.terms.allSatisfy { $0.exponents[d.ring.index(of: key)!] > 0 } }
            return false
        }), case .exp(let a) = KernelTable.shared.kernel(forKey: v) {
            let reciprocal = try CanonicalForm.exp(-a)
            let w = unified([n, d, reciprocal.numerator, reciprocal.denominator])
            guard let rest = w[1].exactQuotient(dividingBy: w[1].ring.variable(v)) else {
                preconditionFailure("exp kernel divides every term but not the polynomial")
            }
            return try fraction(w[0] * w[2], rest * w[3], depth: depth + 1)
        }

        // 2b. √c (c constant) dividing every term of the denominator: 1/√c = √c/c —
        //     unless a square root of a polynomial is there too, with which the
        //     presentation merges it (1/(√2·√P) prints 1/√(2P)).
        let polynomialRootInDenominator = d.usedVariables.contains { key in
            if case .sqrt(let r) = KernelTable.shared.kernel(forKey: key) { return r.rationalValue == nil }
            return false
        }
        if !polynomialRootInDenominator, let v = d.usedVariables.first(where: { key in
            if case .sqrt(let r) = KernelTable.shared.kernel(forKey: key), r.rationalValue != nil {
                return d.terms.allSatisfy { $0.exponents[d.ring.index(of: key)!] > 0 }
            }
            return false
        }), case .sqrt(let r) = KernelTable.shared.kernel(forKey: v), let c = r.rationalValue,
           let rest = d.exactQuotient(dividingBy: d.ring.variable(v)) {
            let w = unified([n, rest, d.ring.variable(v)])
            return try fraction(w[0] * w[2], w[1].scaled(by: c), depth: depth + 1)
        }

        // 3. Cancel common factors.
        let g = MultivariatePolynomial.gcd(n, d)
        if !g.isOne, let nq = n.exactQuotient(dividingBy: g), let dq = d.exactQuotient(dividingBy: g) {
            n = nq
            d = dq
        }

        // 4a. R·A/(√R·B) = √R·A/B: a radicand dividing the numerator cancels against
        //     its root in the denominator ((4s² + 1)/√(4s² + 1) = √(4s² + 1)).
        for key in d.usedVariables {
            guard case .sqrt(let r) = KernelTable.shared.kernel(forKey: key), r.isPolynomial, !r.numerator.isConstant else { continue }
            let w = unified([n, d, r.numerator])
            let root = w[1].ring.variable(key)
            if let dq = w[1].exactQuotient(dividingBy: root), let nq = w[0].exactQuotient(dividingBy: w[2]) {
                return try fraction(nq * root, dq, depth: depth + 1)
            }
        }

        // 4b. √R·A/(R·B) = A/(√R·B): square roots go to the denominator when their
        //    radicand divides it, the way (2t − 1)/√(4t² − 4t + 2) is written.
        for key in n.usedVariables {
            guard case .sqrt(let r) = KernelTable.shared.kernel(forKey: key), r.isPolynomial, !r.numerator.isConstant else { continue }
            let w = unified([n, d, r.numerator])
            let root = w[0].ring.variable(key)
            if let nq = w[0].exactQuotient(dividingBy: root), let dq = w[1].exactQuotient(dividingBy: w[2]) {
                return try fraction(nq, dq * root, depth: depth + 1)
            }
        }

        // 5. Monic denominator.
        let lc = d.leadingCoefficient
        if !lc.isOne {
            n = n.scaled(by: 1 / lc)
            d = d.scaled(by: 1 / lc)
        }

        // 6. The ring of exactly the kernels used.
        let keys = Set(n.usedVariables).union(d.usedVariables)
        let ring = KernelTable.shared.ring(for: keys)
        return CanonicalForm(normalizedNumerator: n.converted(to: ring), denominator: d.converted(to: ring))
    }

    /// p rewritten by the relations between kernels, as a quotient, or nil when no
    /// relation applies:
    /// - √R^k = R^⌊k/2⌋·√R^(k mod 2);
    /// - cos(a)^k = (1 − sin(a)²)^⌊k/2⌋·cos(a)^(k mod 2);
    /// - ∏ exp(aᵢ)^eᵢ = exp(Σ eᵢ·aᵢ) (one exp per term, simplified: exp(0) = 1,
    ///   exp(n·log u) = uⁿ, …).
    static func reduction(of p: MultivariatePolynomial) throws(SimplificationError) -> (MultivariatePolynomial, MultivariatePolynomial)? {
        let ring = p.ring
        let kernels = ring.variables.map(KernelTable.shared.kernel(forKey:))
        var relevant = false
        let degrees = p.degrees
        for (i, k) in kernels.enumerated() {
            switch k {
            case .sqrt, .cos: if degrees[i] >= 2 { relevant = true }
            default: break
            }
        }
        let expIndices = kernels.indices.filter { if case .exp = kernels[$0] { return true }; return false }
        if !relevant && !expIndices.isEmpty {
            relevant = p.terms.contains { term in expIndices.reduce(0) { $0 + term.exponents[$1] } >= 2 }
        }
        guard relevant else { return nil }

        var sumN = ring.zero, sumD = ring.one
        for term in p.terms {
            try SimplificationError.checkDeadline()
            var factorN = ring.constant(term.coefficient)
            var factorD = ring.one
            var expArgument = CanonicalForm.zero
            var hasExp = false
            for (i, e) in term.exponents.enumerated() where e > 0 {
                let k = kernels[i]
                var piece: MultivariatePolynomial
                switch k {
                case .sqrt(let radicand) where e >= 2:
                    piece = try power(radicand.numerator, e / 2)
                    if e % 2 == 1 {
                        let v = unified([piece, ring.variable(ring.variables[i])])
                        piece = v[0] * v[1]
                    }
                    if !radicand.isPolynomial {
                        // √(N/D)² = N/D: the denominator joins the term's.
                        let v = unified([factorD, try power(radicand.denominator, e / 2)])
                        factorD = v[0] * v[1]
                    }
                case .cos(let a) where e >= 2:
                    let sine = CanonicalForm(kernel: .sin(a)).numerator
                    let oneMinusSineSquared = sine.ring.one - sine * sine
                    piece = try power(oneMinusSineSquared, e / 2)
                    if e % 2 == 1 {
                        let v = unified([piece, ring.variable(ring.variables[i])])
                        piece = v[0] * v[1]
                    }
                case .exp(let a):
                    hasExp = true
                    expArgument = try expArgument + CanonicalForm(Rational(e)) * a
                    continue
                default:
                    piece = try power(ring.variable(ring.variables[i]), e)
                }
                let v = unified([factorN, piece, factorD])
                factorN = v[0] * v[1]
                factorD = v[2]
            }
            if hasExp {
                let value = try CanonicalForm.exp(expArgument)
                let v = unified([factorN, factorD, value.numerator, value.denominator])
                factorN = v[0] * v[2]
                factorD = v[1] * v[3]
            }
            // sumN/sumD + factorN/factorD
            let w = unified([sumN, sumD, factorN, factorD])
            if w[1] == w[3] {
                sumN = w[0] + w[2]
                sumD = w[1]
            } else {
                sumN = w[0] * w[3] + w[2] * w[1]
                sumD = w[1] * w[3]
            }
        }
        return (sumN, sumD)
    }

    static func power(_ p: MultivariatePolynomial, _ e: Int) throws(SimplificationError) -> MultivariatePolynomial {
        do { return try p.power(e) } catch { throw SimplificationError(error) }
    }
}
