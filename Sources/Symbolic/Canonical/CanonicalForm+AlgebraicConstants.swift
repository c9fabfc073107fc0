import Exact

/// Constant parts of a canonical form decided exactly with Calcium's algebraic numbers.
///
/// Kernels such as √5, √(5 + 2√6), cos(π/5) or sin(3π/7) are algebraic numbers: each
/// has a minimal polynomial over ℤ, and sums and products of them are algebraic too.
/// The ring of kernels treats them as independent variables, so relations among them
/// (cos(π/5) = 1/4 + √5/4, √(5 + 2√6) = √2 + √3) are invisible to it. Here every
/// coefficient of a monomial in the other kernels (t, exp(t), …) is evaluated as an
/// `AlgebraicNumber`; one of degree ≤ 2 — a rational, 0 in particular, or a + b√c —
/// replaces its terms by its canonical value. That is an identity (the value is
/// computed exactly, not guessed from a decimal), so the zero test stays sound. Higher
/// degrees are kept as written; numbers past `AlgebraicNumberBudget` are left alone.
extension CanonicalForm {
    /// The form with every constant algebraic coefficient of degree ≤ 2 replaced by its
    /// canonical value a + b·√c (c squarefree, √c as the product of the roots of its
    /// primes, as `sqrt` builds it): rational coefficients — 0 in particular — and equal
    /// quadratic constants (cos(π/5) and 1/4 + √5/4) meet in one form. Throws
    /// `divisionByZero` when the whole denominator is exactly 0.
    func reducingAlgebraicConstants() throws(SimplificationError) -> CanonicalForm {
        let values = algebraicKernelValues()
        if values.isEmpty { return self }
        // A constant: its value as a whole (tan(π/12) = sin(π/12)/sin(7π/12) = 2 − √3,
        // though numerator and denominator have degree 4 each).
        if values.count == kernelKeys.count, let value = algebraicValue(), let canonical = try Self.quadraticForm(of: value) {
            return canonical
        }
        // A constant denominator divides each coefficient of the numerator:
        // t·sin(π/12)/sin(7π/12) is t·(2 − √3).
        if Set(denominator.usedVariables).isSubset(of: values.keys), !denominator.isOne,
           let divisor = try? Self.value(of: denominator.terms, in: denominator.ring, values), !divisor.isZero,
           let n = try reduced(numerator, values, dividedBy: (divisor, CanonicalForm.fraction(denominator, denominator.ring.one))) {
            return n
        }
        let n = try reduced(numerator, values)
        let d = try reduced(denominator, values)
        if n == nil && d == nil { return self }
        let newNumerator: CanonicalForm, newDenominator: CanonicalForm
        if let n { newNumerator = n } else { newNumerator = try CanonicalForm.fraction(numerator, numerator.ring.one) }
        if let d { newDenominator = d } else { newDenominator = try CanonicalForm.fraction(denominator, denominator.ring.one) }
        if newDenominator.isZero { throw .divisionByZero("the denominator \(denominator) is exactly 0") }
        return try newNumerator / newDenominator
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
    ///
    /// Kernels that are exactly equal or opposite are first written as ± one
    /// representative (sin(14π/13) = −sin(π/13)) and terms with the same monomial in the
    /// representatives merged; then products that are exactly equal or opposite are
    /// merged too. Cancelling terms thus cost comparisons, not sums of degree m·n.
    static func value(of terms: some Sequence<MultivariatePolynomial.Term>, in ring: PolynomialRing,
                      _ values: [String: AlgebraicNumber]) throws(AlgebraicNumberError) -> AlgebraicNumber {
        var representatives: [AlgebraicNumber] = []
        var representative: [Int: (index: Int, negated: Bool)] = [:]
        var monomials: [[Int: Int]: Rational] = [:]
        var order: [[Int: Int]] = []
        for term in terms {
            var monomial: [Int: Int] = [:]
            var coefficient = term.coefficient
            for (i, e) in term.exponents.enumerated() where e > 0 {
                if representative[i] == nil {
                    let v = values[ring.variables[i]]!
                    if let j = representatives.firstIndex(where: { $0 == v }) {
                        representative[i] = (j, false)
                    } else if let j = representatives.firstIndex(where: { $0 == -v }) {
                        representative[i] = (j, true)
                    } else {
                        representative[i] = (representatives.count, false)
                        representatives.append(v)
                    }
                }
                let (j, negated) = representative[i]!
                monomial[j, default: 0] += e
                if negated && e % 2 == 1 { coefficient = -coefficient }
            }
            if monomials[monomial] == nil { order.append(monomial) }
            monomials[monomial, default: .zero] += coefficient
        }
        var merged: [(coefficient: Rational, product: AlgebraicNumber)] = []
        for monomial in order {
            guard let coefficient = monomials[monomial], !coefficient.isZero else { continue }
            if Deadline.exceeded != nil { throw .overBudget("the time budget ran out") }
            var product = AlgebraicNumber(1)
            for (j, e) in monomial.sorted(by: { $0.key < $1.key }) {
                product = try product * representatives[j].power(e)
            }
            if let i = merged.firstIndex(where: { $0.product == product }) {
                merged[i].coefficient += coefficient
            } else if let i = merged.firstIndex(where: { $0.product == -product }) {
                merged[i].coefficient -= coefficient
            } else {
                merged.append((coefficient, product))
            }
        }
        var sum = AlgebraicNumber(0)
        for (coefficient, product) in merged where !coefficient.isZero {
            sum = try sum + AlgebraicNumber(coefficient) * product
        }
        return sum
    }

    /// p with each group of terms sharing a monomial in the non-algebraic kernels
    /// rewritten as canonical value × monomial when the group's algebraic coefficient has
    /// degree ≤ 2 and is not already written that way; nil when no group changed.
    /// With `divisor` (a nonzero constant, as a value and as a form), the groups are
    /// those of p/divisor.
    private func reduced(_ p: MultivariatePolynomial, _ values: [String: AlgebraicNumber],
                         dividedBy divisor: (value: AlgebraicNumber, form: CanonicalForm)? = nil) throws(SimplificationError) -> CanonicalForm? {
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
        var sum = CanonicalForm.zero
        for rest in order {
            try SimplificationError.checkDeadline()
            let group = groups[rest]!
            var written = try CanonicalForm.fraction(ring.polynomial(terms: group), ring.one)
            if let divisor { written = try written / divisor.form }
            let coefficientTerms = group.map { term in
                MultivariatePolynomial.Term(coefficient: term.coefficient,
                                            exponents: term.exponents.enumerated().map { algebraic[$0] ? $1 : 0 })
            }
            if group.contains(where: { $0.exponents != rest }) || divisor != nil,
               let value = try? Self.value(of: coefficientTerms, in: ring, values),
               let quotient = divisor.map({ try? value.divided(by: $0.value) }) ?? value,
               let canonical = try Self.quadraticForm(of: quotient) {
                let monomial = try CanonicalForm.fraction(ring.polynomial(terms: [.init(coefficient: .one, exponents: rest)]), ring.one)
                let rewritten = try canonical * monomial
                if rewritten != written { changed = true }
                sum = try sum + rewritten
            } else {
                sum = try sum + written
            }
        }
        return changed ? sum : nil
    }

    /// (a + b√c)/q as a form, for a number of degree ≤ 2; nil for higher degrees.
    static func quadraticForm(of value: AlgebraicNumber) throws(SimplificationError) -> CanonicalForm? {
        guard let (a, b, c, q) = value.quadraticForm else { return nil }
        // q ≥ 1: Calcium's denominator is positive.
        let constant = CanonicalForm(Rational(a) / Rational(q))
        if b.isZero { return constant }
        return try constant + sqrtOfRational(Rational(c)).scaled(by: Rational(b) / Rational(q))
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
