import Exact
import Foundation

/// Presentation: the canonical form as an expression tree a person would write.
///
/// Choices, all deterministic: polynomials print factored when that is shorter,
/// terms by decreasing degree (ascending when that avoids a leading minus: `1 - t`),
/// a rational content as one coefficient in front (`pi*t/2`), √c·√P merged into
/// √(c·P) (`sqrt(4*t^2 - 4*t + 2)`, valid as c > 0), and minus signs folded into a
/// sum rather than written in front of it (`(1 - 2*t)/x`).
extension CanonicalForm {
    /// The form as an expression tree, memoized by the form's key: a kernel's argument
    /// is rendered again wherever the kernel occurs, and each rendering factors and
    /// prints to choose the shorter form, so that without the memo a ρ with a dozen
    /// atan(…) kernels took seconds to print, again in every substitution.
    public var expression: Expr {
        if let cached = PresentationMemo.shared.expression(forKey: key) { return cached }
        let result = renderedExpression
        PresentationMemo.shared.store(result, forKey: key)
        return result
    }

    private var renderedExpression: Expr {
        let (cn, n0) = Self.integerPrimitive(numerator)
        let (cd, d0Primitive) = Self.integerPrimitive(denominator)
        var d0 = d0Primitive
        var c = cn / cd
        // A minus sign goes into a sum in the denominator: x/(1 - y), not -x/(y - 1).
        if c.isNegative && d0.termCount > 1 && n0.termCount == 1 {
            c = -c
            d0 = -d0
        }
        let numeratorExpression = Self.render(n0, coefficient: c.numerator, allowSignFold: true)
        let denominatorExpression = d0.isOne ? nil : Self.render(d0, coefficient: .one, allowSignFold: true)
        var result = numeratorExpression
        if let den = denominatorExpression {
            let b = c.denominator
            let fullDenominator = b.isOne ? den : Self.product([.number(Rational(b)), den])
            result = .binary(.divide, result, fullDenominator)
        } else if !c.denominator.isOne {
            result = .binary(.divide, result, .number(Rational(c.denominator)))
        }
        return result
    }

    /// p = c·p₀ with p₀ integer, content 1, positive leading coefficient (graded order).
    static func integerPrimitive(_ p: MultivariatePolynomial) -> (Rational, MultivariatePolynomial) {
        if p.isZero { return (.zero, p) }
        var c = p.content.magnitude
        if sortedTerms(p).first!.coefficient.isNegative { c = -c }
        return (c, p.scaled(by: 1 / c))
    }

    /// Terms by decreasing total degree, then by decreasing exponents in kernel order.
    static func sortedTerms(_ p: MultivariatePolynomial) -> [MultivariatePolynomial.Term] {
        p.terms.sorted { a, b in
            let da = a.exponents.reduce(0, +), db = b.exponents.reduce(0, +)
            if da != db { return da > db }
            return b.exponents.lexicographicallyPrecedes(a.exponents)
        }
    }

    /// k·p for an integer k (sign included) and a primitive p with positive leading
    /// coefficient: factored or expanded, whichever prints shorter.
    static func render(_ p: MultivariatePolynomial, coefficient k: BigInt, allowSignFold: Bool) -> Expr {
        if p.isOne { return k.isNegative ? .negation(.number(Rational(k.magnitude))) : .number(Rational(k)) }
        let expanded = renderExpanded(p.scaled(by: Rational(k)), foldSign: allowSignFold)
        guard p.termCount > 1 else { return expanded }
        guard let factorization = presentationFactorization(p) else { return expanded }
        guard factorization.factors.count > 1 || (factorization.factors.first?.multiplicity ?? 1) > 1 else { return expanded }
        var constant = factorization.content * Rational(k)
        var pieces: [Expr] = []
        var signFolded = false
        for (f, e) in factorization.factors {
            var factor = f
            // A negative constant is absorbed by a factor of odd power: (1 - t)^3.
            if constant.isNegative && e % 2 == 1 && !signFolded && f.termCount > 1 {
                factor = -f
                constant = -constant
                signFolded = true
            }
            let base = renderExpanded(factor, foldSign: false)
            pieces.append(e == 1 ? base : .binary(.power, base, .number(e)))
        }
        if !constant.isOne && constant != -1 { pieces.insert(.number(constant.magnitude), at: 0) }
        var factored = product(pieces)
        if constant.isNegative { factored = negatingFirstFactor(factored) }
        return printASCII(factored).count < printASCII(expanded).count ? factored : expanded
    }

    /// The factorization the presentation compares with the expanded form: into
    /// irreducible factors when p is within `PresentationBudget` and
    /// `FactoringBudget` (FLINT factors those
    /// in milliseconds), otherwise only the squarefree decomposition (a gcd with the
    /// derivative, cheap at any degree): factoring t^5000 + 1 into its cyclotomic
    /// factors takes FLINT seconds, only to find the product longer than the sum.
    /// Nil past the squarefree budget too: then only the expansion prints.
    static func presentationFactorization(_ p: MultivariatePolynomial) -> MultivariatePolynomialFactorization? {
        if p.totalDegree <= PresentationBudget.maximumFactoredDegree && p.isWithinFactoringBudget { return p.factored() }
        return p.isWithinSquarefreeBudget ? p.squarefreeFactorization() : nil
    }

    /// A sum of terms. Decreasing degree, unless the first term is negative and the
    /// last positive: then increasing (`1 - t^2`).
    static func renderExpanded(_ p: MultivariatePolynomial, foldSign: Bool) -> Expr {
        var terms = sortedTerms(p)
        if terms.count > 1, terms.first!.coefficient.isNegative, terms.last!.coefficient.isPositive { terms.reverse() }
        var result: Expr?
        for term in terms {
            let magnitude = renderTerm(term.coefficient.magnitude, term.exponents, ring: p.ring)
            if let sum = result {
                result = .binary(term.coefficient.isNegative ? .subtract : .add, sum, magnitude)
            } else {
                result = term.coefficient.isNegative ? negatingFirstFactor(magnitude) : magnitude
            }
        }
        return result ?? .number(0)
    }

    /// c·∏ kᵢ^eᵢ for c > 0, written `a*k1*k2/b`.
    static func renderTerm(_ c: Rational, _ exponents: [Int], ring: PolynomialRing) -> Expr {
        var factors: [Expr] = []
        var constantRadicands: [Rational] = []
        var polynomialRoot: (index: Int, radicand: CanonicalForm)?
        for (i, e) in exponents.enumerated() where e > 0 {
            let kernel = KernelTable.shared.kernel(forKey: ring.variables[i])
            if case .sqrt(let r) = kernel, e == 1 {
                if let value = r.rationalValue { constantRadicands.append(value); continue }
                if polynomialRoot == nil { polynomialRoot = (factors.count, r); factors.append(.number(0)); continue }
            }
            let base = kernel.expression
            factors.append(e == 1 ? base : .binary(.power, base, .number(e)))
        }
        // √c·√P = √(c·P) for constants c > 0; several constant roots merge too.
        let constantProduct = constantRadicands.reduce(Rational.one, *)
        if let (index, radicand) = polynomialRoot {
            let merged = radicand.scaled(by: constantProduct)
            factors[index] = .function(.sqrt, merged.expression)
        } else if !constantRadicands.isEmpty {
            factors.insert(.function(.sqrt, .number(constantProduct)), at: 0)
        }
        let a = c.numerator, b = c.denominator
        if !a.isOne || factors.isEmpty { factors.insert(.number(Rational(a)), at: 0) }
        let numerator = product(factors)
        return b.isOne ? numerator : .binary(.divide, numerator, .number(Rational(b)))
    }

    /// −x written on the first factor of a product or quotient: `-s*sigma/2`, not
    /// `-(s*sigma)/2`.
    static func negatingFirstFactor(_ e: Expr) -> Expr {
        if case .binary(let op, let l, let r) = e.kind, op == .multiply || op == .divide {
            return .binary(op, negatingFirstFactor(l), r)
        }
        return .negation(e)
    }

    static func product(_ factors: [Expr]) -> Expr {
        guard var result = factors.first else { return .number(1) }
        for f in factors.dropFirst() { result = .binary(.multiply, result, f) }
        return result
    }
}

/// Expression trees of forms already rendered, by form key (unique per form).
///
/// Bounded: past `capacity` entries the memo starts over, so that a long session
/// (the REPL, a 5,000-schedule run) does not keep every form it ever printed.
final class PresentationMemo: @unchecked Sendable {
    static let shared = PresentationMemo()
    static let capacity = 20_000

    private let lock = NSLock()
    private var expressions: [String: Expr] = [:]

    func expression(forKey key: String) -> Expr? {
        lock.lock(); defer { lock.unlock() }
        return expressions[key]
    }

    func store(_ expression: Expr, forKey key: String) {
        lock.lock(); defer { lock.unlock() }
        if expressions.count >= Self.capacity { expressions.removeAll(keepingCapacity: true) }
        expressions[key] = expression
    }
}

/// Limits on the work spent choosing how to print a polynomial (printing factors the
/// same polynomials again and again), within `FactoringBudget`.
public enum PresentationBudget {
    /// Largest total degree of a polynomial factored completely for printing.
    public static let maximumFactoredDegree = 256
}

extension Kernel {
    /// The kernel as an expression tree.
    public var expression: Expr {
        switch self {
        case .symbol(let name): return .variable(name)
        case .pi: return .pi
        case .sqrt(let a): return .function(.sqrt, a.expression)
        case .exp(let a):
            // exp(q·log u) with a non-integer rational q prints as the power u^q.
            if a.isPolynomial, a.numerator.termCount == 1, let term = a.numerator.terms.first,
               term.exponents.reduce(0, +) == 1, let i = term.exponents.firstIndex(of: 1),
               case .log(let u) = KernelTable.shared.kernel(forKey: a.numerator.ring.variables[i]) {
                let q = term.coefficient
                let top: Expr = .number(Rational(q.numerator.magnitude))
                let exponent: Expr = .binary(.divide, q.isNegative ? .negation(top) : top, .number(Rational(q.denominator)))
                return .binary(.power, u.expression, exponent)
            }
            return .function(.exp, a.expression)
        case .log(let a), .sin(let a), .cos(let a), .atan(let a), .applied(_, let a):
            return .function(function!, a.expression)
        case .abstract(let f, let a):
            // α at its own variable is written α, as papers do; elsewhere α(1 − t).
            if a == .symbol(f.variable) { return .variable(f.primedName) }
            return .application(f.primedName, a.expression)
        }
    }
}
