import Exact

/// Constant parts of a canonical form decided exactly with Calcium's algebraic numbers.
///
/// Kernels such as √5, √(5 + 2√6), cos(π/5) or sin(3π/7) are algebraic numbers: each
/// has a minimal polynomial over ℤ, and sums and products of them are algebraic too.
/// The ring of kernels treats them as independent variables, so relations among them
/// (cos(π/5) = 1/4 + √5/4, √(5 + 2√6) = √2 + √3) are invisible to it. Here every
/// coefficient of a monomial in the other kernels (t, exp(t), …) is evaluated as an
/// `AlgebraicNumber`; one that is exactly rational — 0 in particular — replaces its
/// terms. That is an identity (the value is computed exactly, not guessed from a
/// decimal), so the zero test stays sound. Other algebraic coefficients are kept as
/// written; numbers past `AlgebraicNumberBudget` are left alone.
extension CanonicalForm {
    /// The form with every constant algebraic coefficient that is rational replaced by
    /// its value; throws `divisionByZero` when the whole denominator is exactly 0.
    func reducingAlgebraicConstants() throws(SimplificationError) -> CanonicalForm {
        let values = algebraicKernelValues()
        if values.isEmpty { return self }
        let n = try reduced(numerator, values)
        let d = try reduced(denominator, values)
        if n == nil && d == nil { return self }
        let newDenominator = d ?? denominator
        if newDenominator.isZero { throw .divisionByZero("the denominator \(denominator) is exactly 0") }
        let both = unified([n ?? numerator, newDenominator])
        return try CanonicalForm.fraction(both[0], both[1])
    }

    /// True when the form's constant algebraic coefficients, evaluated exactly, make it
    /// 0 (a divisor that is 0 although not written as 0).
    var hasExactlyZeroAlgebraicValue: Bool { (try? reducingAlgebraicConstants())?.isZero == true }

    /// The exact values of the kernels that are algebraic constants, by key.
    func algebraicKernelValues() -> [String: AlgebraicNumber] {
        var values: [String: AlgebraicNumber] = [:]
        for key in kernelKeys {
            if let v = KernelTable.shared.kernel(forKey: key).algebraicValue() { values[key] = v }
        }
        return values
    }

    /// The value of a form all of whose kernels are algebraic constants; nil otherwise
    /// (or past the budget, or a zero denominator).
    func algebraicValue() -> AlgebraicNumber? {
        let values = algebraicKernelValues()
        guard values.count == kernelKeys.count else { return nil }
        do {
            let n = try Self.value(of: numerator.terms, in: numerator.ring, values)
            let d = try Self.value(of: denominator.terms, in: denominator.ring, values)
            return try n.divided(by: d)
        } catch {
            return nil
        }
    }

    /// Σ coefficient · Π kernelᵉ over the terms, every kernel of the terms being in `values`.
    /// Products that are exactly equal or opposite are merged first (sin(104π/105) =
    /// sin(π/105)), so that cancelling terms cost a comparison, not a sum of degree m·n.
    static func value(of terms: some Sequence<MultivariatePolynomial.Term>, in ring: PolynomialRing,
                      _ values: [String: AlgebraicNumber]) throws(AlgebraicNumberError) -> AlgebraicNumber {
        var merged: [(coefficient: Rational, product: AlgebraicNumber)] = []
        for term in terms {
            if Deadline.exceeded != nil { throw .overBudget("the time budget ran out") }
            var product = AlgebraicNumber(1)
            for (i, e) in term.exponents.enumerated() where e > 0 {
                product = try product * values[ring.variables[i]]!.power(e)
            }
            if let i = merged.firstIndex(where: { $0.product == product }) {
                merged[i].coefficient += term.coefficient
            } else if let i = merged.firstIndex(where: { $0.product == -product }) {
                merged[i].coefficient -= term.coefficient
            } else {
                merged.append((term.coefficient, product))
            }
        }
        var sum = AlgebraicNumber(0)
        for (coefficient, product) in merged where !coefficient.isZero {
            sum = try sum + AlgebraicNumber(coefficient) * product
        }
        return sum
    }

    /// p with each group of terms sharing a monomial in the non-algebraic kernels
    /// replaced by one term when the group's algebraic coefficient is rational; nil
    /// when no group changed.
    private func reduced(_ p: MultivariatePolynomial, _ values: [String: AlgebraicNumber]) throws(SimplificationError) -> MultivariatePolynomial? {
        let ring = p.ring
        let algebraic = ring.variables.map { values[$0] != nil }
        guard algebraic.contains(true) else { return nil }
        var groups: [[Int]: [MultivariatePolynomial.Term]] = [:]
        var order: [[Int]] = []
        for term in p.terms {
            let rest = term.exponents.enumerated().map { algebraic[$0] ? 0 : $1 }
            if groups[rest] == nil { order.append(rest) }
            groups[rest, default: []].append(term)
        }
        var changed = false
        var terms: [MultivariatePolynomial.Term] = []
        for rest in order {
            try SimplificationError.checkDeadline()
            let group = groups[rest]!
            let usesAlgebraic = group.contains { $0.exponents != rest }
            if usesAlgebraic, let value = try? Self.value(of: group.map { term in
                MultivariatePolynomial.Term(coefficient: term.coefficient,
                                            exponents: term.exponents.enumerated().map { algebraic[$0] ? $1 : 0 })
            }, in: ring, values), let r = value.rationalValue {
                changed = true
                if !r.isZero { terms.append(.init(coefficient: r, exponents: rest)) }
            } else {
                terms += group
            }
        }
        return changed ? ring.polynomial(terms: terms) : nil
    }
}

extension Kernel {
    /// The exact value of a kernel that is an algebraic constant: √R for an algebraic
    /// constant R ≥ 0, sin and cos at rational multiples of π. nil for any other kernel
    /// (symbols, π, exp, log, atan, and sin/cos at other arguments), and past the budget.
    func algebraicValue() -> AlgebraicNumber? {
        switch self {
        case .sqrt(let radicand):
            guard radicand.symbols.isEmpty, let r = radicand.algebraicValue(), r.signum >= 0 else { return nil }
            return try? r.root(2)
        case .sin(let argument), .cos(let argument):
            guard argument.symbols.isEmpty else { return nil }
            let (r, rest) = argument.splitOffPi()
            guard rest.isZero else { return nil }
            if case .sin = self { return try? AlgebraicNumber.sinPi(r) }
            return try? AlgebraicNumber.cosPi(r)
        default:
            return nil
        }
    }
}
