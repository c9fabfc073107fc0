import Exact
import Foundation

/// What is assumed about symbols: each assumption justifies rewrites that are not
/// identities in general (√(x²) = x needs x ≥ 0).
public struct Assumptions: Sendable, Hashable {
    /// Symbols known to be positive.
    public var positive: Set<String>

    public init(positive: Set<String> = []) { self.positive = positive }

    public static let none = Assumptions()
}

extension CanonicalForm {
    // MARK: Square roots

    /// √x. Constants: exact when a perfect square, otherwise r·√p₁·√p₂⋯ over the
    /// primes p of the squarefree part (√8 = 2√2, √6 = √2·√3); negative constants
    /// throw. Otherwise √(c·N/D) = √c·√N/√D with N, D primitive — an identity wherever
    /// the left side is real, and for the principal complex branch too — and, under
    /// assumptions, squared factors known positive come out (√(x²) = x for x > 0).
    public static func sqrt(_ x: CanonicalForm, assuming assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        if let c = x.rationalValue { return try sqrtOfRational(c) }
        let (cn, n0) = primitive(x.numerator)
        let (cd, d0) = primitive(x.denominator)
        var result = try sqrtOfRational(cn / cd)
        // √(N/D) = √N/√D holds where D > 0 (and, with both signs flipped, where
        // D < 0); where the sign of D is not known, the quotient stays under one root,
        // so that the form is real wherever the expression is.
        if d0.isOne || isKnownPositiveProduct(d0, assumptions) {
            result = try result * sqrtOfPolynomial(n0, assumptions)
            if !d0.isOne { result = try result / sqrtOfPolynomial(d0, assumptions) }
        } else if isKnownPositiveProduct(-d0, assumptions) {
            result = try result * sqrtOfPolynomial(-n0, assumptions) / sqrtOfPolynomial(-d0, assumptions)
        } else {
            let radicand = try CanonicalForm.fraction(n0, d0)
            result = try result * CanonicalForm(kernel: .sqrt(radicand))
        }
        return result
    }

    /// True when p is positive wherever the assumptions hold: each squarefree factor
    /// appears to an even power or is known positive.
    static func isKnownPositiveProduct(_ p: MultivariatePolynomial, _ assumptions: Assumptions) -> Bool {
        if let c = p.constantValue { return c.isPositive }
        guard p.isWithinSquarefreeBudget else { return false }   // not known: too large to decompose
        let factorization = p.squarefreeFactorization()
        guard factorization.content.isPositive || factorization.factors.allSatisfy({ $0.multiplicity % 2 == 0 }) else {
            // A negative content needs an odd factor that is known negative; keep it simple.
            return false
        }
        return factorization.factors.allSatisfy { f, e in e % 2 == 0 || isKnownPositive(f, assumptions) }
    }

    /// p = c·p₀ with c > 0 and p₀ an integer polynomial of content 1 (sign kept in p₀).
    static func primitive(_ p: MultivariatePolynomial) -> (Rational, MultivariatePolynomial) {
        let c = p.content.magnitude
        return (c, p.scaled(by: 1 / c))
    }

    static func sqrtOfRational(_ c: Rational) throws(SimplificationError) -> CanonicalForm {
        if c.isNegative { throw .domain("square root of the negative number \(c)") }
        if let r = c.exactSquareRoot() { return CanonicalForm(r) }
        // √(p/q) = √(p·q)/q; p·q = a²·m with m squarefree over the primes found.
        let pq = c.numerator * c.denominator
        let (square, primes, rest) = IntegerFactorization.squarePart(pq)
        var result = CanonicalForm(try! Rational(square, c.denominator))
        for p in primes { result = try result * CanonicalForm(kernel: .sqrt(CanonicalForm(Rational(p)))) }
        if !rest.isOne { result = try result * CanonicalForm(kernel: .sqrt(CanonicalForm(Rational(rest)))) }
        return result
    }

    /// √p for a primitive polynomial p (content 1).
    static func sqrtOfPolynomial(_ p: MultivariatePolynomial, _ assumptions: Assumptions) throws(SimplificationError) -> CanonicalForm {
        if p.isOne { return .one }
        // √exp(a) = exp(a/2): exp is positive.
        if p.termCount == 1, let term = p.terms.first, term.coefficient.isOne,
           term.exponents.reduce(0, +) == 1, let i = term.exponents.firstIndex(of: 1),
           case .exp(let a) = KernelTable.shared.kernel(forKey: p.ring.variables[i]) {
            return try exp(a.scaled(by: Rational(1, 2)))
        }
        var inside = p, outside = CanonicalForm.one
        // Factors to a power divisible by 4 come out as even powers, which are
        // nonnegative: √(g⁴·h) = g²·√h for every real g.
        do {
            // Past the squarefree budget nothing is pulled out (a choice made from the
            // size alone, so the form stays canonical).
            let factorization = p.isWithinSquarefreeBudget ? p.squarefreeFactorization() : nil
            if let factorization, factorization.factors.contains(where: { $0.multiplicity >= 4 }) {
                var remaining = p.ring.constant(factorization.content)
                for (f, e) in factorization.factors {
                    let pulled = e / 4 * 4
                    if pulled > 0 {
                        let ff = try CanonicalForm.fraction(f, f.ring.one)
                        outside = try outside * ff.power(pulled / 2)
                    }
                    if e - pulled > 0 { remaining = remaining * (try power(f, e - pulled)) }
                }
                let (c, r0) = primitive(remaining)
                outside = try outside * sqrtOfRational(c)
                inside = r0
                if inside.isOne { return outside }
            }
        }
        if !assumptions.positive.isEmpty {
            let factorization = inside.squarefreeFactorization()
            var pulled = false
            var remaining = inside.ring.constant(factorization.content)
            for (f, e) in factorization.factors {
                if e >= 2 && isKnownPositive(f, assumptions) {
                    pulled = true
                    let ff = try CanonicalForm.fraction(f, f.ring.one)
                    outside = try outside * ff.power(e / 2)
                    if e % 2 == 1 { remaining = remaining * f }
                } else {
                    remaining = remaining * (try power(f, e))
                }
            }
            if pulled {
                let (c, r0) = primitive(remaining)
                outside = try outside * sqrtOfRational(c)
                inside = r0
            }
        }
        if inside.isOne { return outside }
        if let c = inside.constantValue { return try outside * sqrtOfRational(c) }
        let radicand = CanonicalForm(normalizedNumerator: inside.inKernelRing(), denominator: KernelTable.shared.ring(for: Set(inside.usedVariables)).one)
        return try outside * CanonicalForm(kernel: .sqrt(radicand))
    }

    /// True when the polynomial is nonnegative everywhere (positive where it is
    /// nonzero): every coefficient is positive, and in every term each kernel is
    /// positive (a symbol assumed positive, π, exp), nonnegative (√), or raised to an
    /// even power. Such a polynomial is ≥ 0, so √(N/p) = √N/√p wherever p ≠ 0.
    static func isKnownPositive(_ p: MultivariatePolynomial, _ assumptions: Assumptions) -> Bool {
        let kinds = p.ring.variables.map { key -> Bool in
            switch KernelTable.shared.kernel(forKey: key) {
            case .symbol(let name): return assumptions.positive.contains(name)
            case .pi: return true
            case let kernel: return kernel.facts.map { $0.range != .unrestricted } ?? false
            }
        }
        return p.terms.allSatisfy { term in
            term.coefficient.isPositive && term.exponents.enumerated().allSatisfy { i, e in e == 0 || e % 2 == 0 || kinds[i] }
        }
    }

    // MARK: Exponential and logarithm

    /// exp(x): exp(0) = 1; terms n·k of the argument whose kernel k has a closed-form
    /// exponential e (`KernelFacts.exponential`: log(u) gives u) come out as eⁿ (n
    /// integer) or √e^(2n) (n a half-integer); the rest stays as one exp kernel.
    public static func exp(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if x.isZero { return .one }
        var factor = CanonicalForm.one
        var rest = x
        if x.isPolynomial {
            let ring = x.numerator.ring
            var restTerms: [MultivariatePolynomial.Term] = []
            for term in x.numerator.terms {
                let used = term.exponents.indices.filter { term.exponents[$0] > 0 }
                if used.count == 1, term.exponents[used[0]] == 1,
                   case let kernel = KernelTable.shared.kernel(forKey: ring.variables[used[0]]),
                   let exponential = kernel.facts?.exponential {
                    let u = try exponential(kernel.argument!)
                    let q = term.coefficient
                    if q.isInteger, let n = q.numerator.exactInt {
                        factor = try factor * u.power(n)
                        continue
                    }
                    if (q * 2).isInteger, let n = (q * 2).numerator.exactInt {
                        factor = try factor * sqrt(u).power(n)
                        continue
                    }
                }
                restTerms.append(term)
            }
            rest = try fraction(ring.polynomial(terms: restTerms), ring.one)
        }
        if rest.isZero { return factor }
        return try factor * CanonicalForm(kernel: .exp(rest))
    }

    /// log(x): log(1) = 0; log(exp(a)) = a; a positive rational splits over its prime
    /// factors (log 12 = 2 log 2 + log 3); log(c·N/D) = log c + log N − log D. A
    /// non-positive constant throws. A monomial of kernels each known positive (a
    /// symbol assumed positive, π, exp, √, softplus…) splits: log(p²q) = 2 log p + log q
    /// for p, q > 0 — true wherever the left side is defined, so the form stays an
    /// identity on the expression's domain (log(x²) ≠ 2 log x for x < 0: no split).
    public static func log(_ x: CanonicalForm, assuming assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        if let c = x.rationalValue {
            if !c.isPositive { throw .domain("logarithm of the non-positive number \(c)") }
            if c.isOne { return .zero }
            var result = CanonicalForm.zero
            for (base, sign) in [(c.numerator, 1), (c.denominator, -1)] where !base.isOne {
                let (primes, rest) = IntegerFactorization.factor(base)
                for (p, e) in primes {
                    result = try result + CanonicalForm(kernel: .log(CanonicalForm(Rational(p)))).scaled(by: Rational(sign * e))
                }
                if !rest.isOne {
                    result = try result + CanonicalForm(kernel: .log(CanonicalForm(Rational(rest)))).scaled(by: Rational(sign))
                }
            }
            return result
        }
        if x.isPolynomial, x.numerator.termCount == 1, let only = x.numerator.terms.first,
           only.coefficient.isOne, only.exponents.reduce(0, +) == 1,
           let i = only.exponents.firstIndex(of: 1) {
            switch KernelTable.shared.kernel(forKey: x.numerator.ring.variables[i]) {
            case .exp(let a): return a
            // log √u = ½ log u: both sides are defined exactly where u > 0.
            case .sqrt(let u): return try log(u, assuming: assumptions).scaled(by: Rational(1, 2))
            default: break
            }
        }
        let (cn, n0) = primitive(x.numerator)
        let (cd, d0) = primitive(x.denominator)
        var result = try log(CanonicalForm(cn / cd))
        if d0.isOne {
            if !n0.isOne { result = try result + logKernel(n0, assumptions) }
            return result
        }
        // log(N/D) = log N − log D where N and D are positive (or both negative: then
        // with both signs flipped); otherwise the quotient stays inside one log, so the
        // form is real wherever the expression is.
        if (n0.isOne || isKnownPositiveProduct(n0, assumptions)) && isKnownPositiveProduct(d0, assumptions) {
            if !n0.isOne { result = try result + logKernel(n0, assumptions) }
            return try result - logKernel(d0, assumptions)
        }
        if isKnownPositiveProduct(-n0, assumptions) && isKnownPositiveProduct(-d0, assumptions) {
            if !(-n0).isOne { result = try result + logKernel(-n0, assumptions) }
            return try result - logKernel(-d0, assumptions)
        }
        return try result + CanonicalForm(kernel: .log(try CanonicalForm.fraction(n0, d0)))
    }

    static func logKernel(_ p: MultivariatePolynomial, _ assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        if let c = p.constantValue { return try log(CanonicalForm(c)) }
        // A monomial k₁^e₁⋯k_m^e_m (coefficient 1) of kernels each known positive:
        // Σ eᵢ log kᵢ, each log taken on its own (log of an exp kernel is its argument).
        if p.termCount == 1, let term = p.terms.first, term.coefficient.isOne,
           term.exponents.reduce(0, +) >= 2 {
            let used = term.exponents.indices.filter { term.exponents[$0] > 0 }
            let kernels = used.map { p.ring.variable(p.ring.variables[$0]) }
            if kernels.allSatisfy({ isKnownPositive($0, assumptions) && !$0.isOne }) {
                var sum = CanonicalForm.zero
                for (i, k) in zip(used, kernels) {
                    let factor = CanonicalForm(normalizedNumerator: k.inKernelRing(), denominator: KernelTable.shared.ring(for: Set(k.usedVariables)).one)
                    sum = try sum + log(factor, assuming: assumptions).scaled(by: Rational(term.exponents[i]))
                }
                return sum
            }
        }
        let argument = CanonicalForm(normalizedNumerator: p.inKernelRing(), denominator: KernelTable.shared.ring(for: Set(p.usedVariables)).one)
        return CanonicalForm(kernel: .log(argument))
    }

    // MARK: Trigonometric functions

    /// x = r·π + rest, where r collects the terms that are rational multiples of π.
    func splitOffPi() -> (Rational, CanonicalForm) {
        guard isPolynomial, let piIndex = numerator.ring.index(of: "pi") else { return (.zero, self) }
        var r = Rational.zero
        var restTerms: [MultivariatePolynomial.Term] = []
        for term in numerator.terms {
            let isPiTerm = term.exponents.enumerated().allSatisfy { i, e in i == piIndex ? e == 1 : e == 0 }
            if isPiTerm { r += term.coefficient } else { restTerms.append(term) }
        }
        if r.isZero { return (.zero, self) }
        // A subset of the terms of a canonical numerator over 1 is canonical.
        let rest = numerator.ring.polynomial(terms: restTerms).inKernelRing()
        return (r, CanonicalForm(normalizedNumerator: rest, denominator: rest.ring.one))
    }

    /// True when the leading coefficient of the numerator is negative: the sign
    /// convention for odd/even symmetries (sin(−a) = −sin(a)).
    var hasNegativeLeadingCoefficient: Bool { numerator.leadingCoefficient.isNegative }

    /// sin(r·π) when it has a closed form here (denominators 1, 2, 3, 4, 6).
    static func sinOfRationalMultipleOfPi(_ r: Rational) throws(SimplificationError) -> CanonicalForm? {
        var x = r - Rational(r.timesPowerOfTwo(-1).floor).timesPowerOfTwo(1)   // r mod 2, in [0, 2)
        var sign = Rational.one
        if x >= 1 { x -= 1; sign = -1 }
        if x > Rational(1, 2) { x = 1 - x }
        let value: CanonicalForm
        switch x {
        case .zero: value = .zero
        case Rational(1, 6): value = CanonicalForm(Rational(1, 2))
        case Rational(1, 4): value = try sqrtOfRational(Rational(1, 2))
        case Rational(1, 3): value = try sqrtOfRational(Rational(3, 4))
        case Rational(1, 2): value = .one
        default: return nil
        }
        return value.scaled(by: sign)
    }

    /// sin(x): exact at rational multiples of π with denominators 1, 2, 3, 4, 6; shifts
    /// by such multiples expand by the addition formula (sin(t + π/2) = cos t); odd
    /// symmetry normalises the sign of the argument.
    public static func sin(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        try sine(x, phase: .zero)
    }

    /// cos(x) = sin(x + π/2), with the same normalisations.
    public static func cos(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        try sine(x, phase: Rational(1, 2))
    }

    /// sin(x + phase·π).
    static func sine(_ x: CanonicalForm, phase: Rational) throws(SimplificationError) -> CanonicalForm {
        let (r0, rest) = x.splitOffPi()
        let r = r0 + phase
        if rest.isZero { if let v = try sinOfRationalMultipleOfPi(r) { return v } }
        let reduced = r - Rational(r.timesPowerOfTwo(-1).floor).timesPowerOfTwo(1)
        if !rest.isZero, let s = try sinOfRationalMultipleOfPi(reduced), let c = try sinOfRationalMultipleOfPi(reduced + Rational(1, 2)) {
            // sin(rest + rπ) = sin(rest)·cos(rπ) + cos(rest)·sin(rπ)
            return try sineKernel(rest) * c + cosineKernel(rest) * s
        }
        // No closed form: keep the phase inside the kernel.
        let argument = try rest + CanonicalForm.pi.scaled(by: reduced)
        return try sineKernel(argument)
    }

    static func sineKernel(_ a: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if a.isZero { return .zero }
        if a.hasNegativeLeadingCoefficient { return -CanonicalForm(kernel: .sin(-a)) }
        return CanonicalForm(kernel: .sin(a))
    }

    static func cosineKernel(_ a: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if a.isZero { return .one }
        if a.hasNegativeLeadingCoefficient { return CanonicalForm(kernel: .cos(-a)) }
        return CanonicalForm(kernel: .cos(a))
    }

    /// tan = sin/cos; throws where cos is identically 0 (tan(π/2)).
    public static func tan(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        let c = try cos(x)
        if c.isZero { throw .divisionByZero("tan is undefined at this argument (its cosine is 0)") }
        return try sin(x) / c
    }

    /// atan(x): atan(0) = 0, atan(1) = π/4, atan(√3) = π/3, atan(√3/3) = π/6; odd.
    public static func atan(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if x.isZero { return .zero }
        if x.hasNegativeLeadingCoefficient { return -(try atan(-x)) }
        if x.isOne { return CanonicalForm.pi.scaled(by: Rational(1, 4)) }
        let sqrt3 = try sqrtOfRational(3)
        if x == sqrt3 { return CanonicalForm.pi.scaled(by: Rational(1, 3)) }
        if x == sqrt3.scaled(by: Rational(1, 3)) { return CanonicalForm.pi.scaled(by: Rational(1, 6)) }
        return CanonicalForm(kernel: .atan(x))
    }

    // MARK: Hyperbolic functions and the logistic function, through exp

    public static func sinh(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        try (exp(x) - exp(-x)).scaled(by: Rational(1, 2))
    }

    public static func cosh(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        try (exp(x) + exp(-x)).scaled(by: Rational(1, 2))
    }

    /// tanh(x) = (e^{2x} − 1)/(e^{2x} + 1).
    public static func tanh(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        let e = try exp(x.scaled(by: 2))
        return try (e - .one) / (e + .one)
    }

    /// sigmoid(x) = 1/(1 + e^{−x}).
    public static func sigmoid(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        try CanonicalForm.one / (CanonicalForm.one + exp(-x))
    }

    // MARK: Powers

    /// x^y. Integer y: repeated products. Half-integers: √x^(2y). A rational constant
    /// base with an exact root stays rational (8^(1/3) = 2). Otherwise exp(y·log x),
    /// the principal branch, defined for x > 0.
    public static func power(_ x: CanonicalForm, _ y: CanonicalForm, assuming assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        if let q = y.rationalValue {
            if q.isInteger {
                guard let n = q.numerator.exactInt else { throw .tooLarge("exponent \(q)") }
                return try x.power(n)
            }
            if q.denominator == BigInt(2), let n = q.numerator.exactInt {
                return try sqrt(x, assuming: assumptions).power(n)
            }
            if let c = x.rationalValue, c.isPositive, let root = c.exactRoot(q.denominator.exactInt ?? 0), let n = q.numerator.exactInt {
                return try CanonicalForm(root).power(n)
            }
        }
        if x.isZero { throw .domain("0 to a non-integer or symbolic power") }
        return try exp(y * log(x, assuming: assumptions))
    }
}

extension Rational {
    /// The exact k-th root (k ≥ 1) of a positive rational, when it is rational.
    func exactRoot(_ k: Int) -> Rational? {
        guard k >= 1, isPositive else { return nil }
        func root(_ n: BigInt) -> BigInt? {
            guard let d = n.exactInt, d > 0 else { return nil }
            var r = Int((Double(d)).squareRootLike(k).rounded())
            for candidate in [r - 1, r, r + 1] where candidate > 0 {
                if let p = try? BigInt(candidate).power(k), p == n { r = candidate; return BigInt(r) }
            }
            return nil
        }
        guard let a = root(numerator), let b = root(denominator) else { return nil }
        return try? Rational(a, b)
    }
}

extension Double {
    func squareRootLike(_ k: Int) -> Double { Foundation.pow(self, 1.0 / Double(k)) }
}
