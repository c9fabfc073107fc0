import Exact
import Symbolic

/// One-sided limits of canonical forms at an exact point, proven.
///
/// Where the form is continuous at p (substitution succeeds and the value's Arb ball
/// is finite — the kernels are continuous wherever their arguments are, √ and log on
/// their domains), the limit is the value. Otherwise the form is taken apart as N/D,
/// each a polynomial in kernels whose limits are found recursively (atan → ±π/2 when
/// its argument → ±∞, exp → 0 when its argument → −∞, log → −∞ at 0⁺), and:
/// - a finite nonzero N over D → 0 gives ±∞, the sign of D on the side read from its
///   first nonvanishing derivative at p (D ≈ D⁽ᵏ⁾(p)(t − p)ᵏ/k!);
/// - 0/0 goes to L'Hôpital's rule, N′/D′, up to three times (N and D are analytic
///   where defined, so D′ has no zeros accumulating at p unless D ≡ 0).
/// Anything else is nil: not determined, never guessed.
public struct OneSidedLimit: Sendable {
    let variable: String
    let point: CanonicalForm
    /// +1 from the right (t → p⁺), −1 from the left.
    let side: Int
    var assumptions: Assumptions = .none

    /// The limit of forms in `variable` as it tends to `point` from the right (`side`
    /// +1) or the left (−1).
    public init(variable: String, point: CanonicalForm, side: Int, assumptions: Assumptions = .none) {
        self.variable = variable
        self.point = point
        self.side = side
        self.assumptions = assumptions
    }

    static let maximumDepth = 3
    static let maximumDerivativeOrder = 4

    public func limit(of f: CanonicalForm, depth: Int = 0) -> Limit? {
        if !f.symbols.contains(variable) { return .finite(f) }
        // Substitution re-simplifies the whole form and does not look at the clock: past
        // the deadline, no limit (unknown), rather than minutes of work nobody waits for.
        if Deadline.exceeded != nil { return nil }
        if let v = continuousValue(f) { return .finite(v) }
        if depth == 0, let g = squareFactorsTakenOut(f), g != f { return limit(of: g, depth: 1) }
        guard depth <= Self.maximumDepth else { return nil }
        let n = CanonicalForm(polynomial: f.numerator), d = CanonicalForm(polynomial: f.denominator)
        guard let ln = polynomialLimit(f.numerator, depth: depth) else { return nil }
        if f.denominator.isOne { return ln }
        guard let ld = polynomialLimit(f.denominator, depth: depth) else { return nil }
        switch (ln, ld) {
        case (.finite(let a), .finite(let b)):
            let bBall = b.ball(at: [:], precision: 256)
            if bBall.isCertainlyNonzero, let q = try? a / b { return .finite(q) }
            guard b.isZero || ZeroTest().test(b).isProvenZero else { return nil }
            if a.isZero || ZeroTest().test(a).isProvenZero {
                // 0/0: L'Hôpital.
                guard let dn = n.flatMap({ try? $0.derivative(withRespectTo: variable, assuming: assumptions) }),
                      let dd = d.flatMap({ try? $0.derivative(withRespectTo: variable, assuming: assumptions) }),
                      !dd.isZero, let q = try? dn / dd else { return nil }
                return limit(of: q, depth: depth + 1)
            }
            guard let sa = Self.sign(of: a), let sd = d.flatMap({ sideSign(of: $0) }) else { return nil }
            return sa * sd > 0 ? .positiveInfinity : .negativeInfinity
        case (.positiveInfinity, .finite(let b)), (.negativeInfinity, .finite(let b)):
            let s = ln == .positiveInfinity ? 1 : -1
            if let sb = Self.sign(of: b) { return s * sb > 0 ? .positiveInfinity : .negativeInfinity }
            guard b.isZero, let sd = d.flatMap({ sideSign(of: $0) }) else { return nil }
            return s * sd > 0 ? .positiveInfinity : .negativeInfinity
        case (.finite, .positiveInfinity), (.finite, .negativeInfinity):
            return .finite(.zero)
        default:
            return nil
        }
    }

    /// f with each √R whose radicand has a zero of order m ≥ 2 at a rational p
    /// rewritten as |t − p|^k·√(R/(t − p)^(2k)), k = ⌊m/2⌋, where |t − p| =
    /// side·(t − p) on the side of the limit: an identity there, which lets the
    /// vanishing factors cancel (t(1 − t)/√(t²(1 − t)²·Q) → 1/√Q as t → 0⁺).
    func squareFactorsTakenOut(_ f: CanonicalForm) -> CanonicalForm? {
        guard let p = point.rationalValue else { return nil }
        let linear = try? CanonicalForm.symbol(variable) - CanonicalForm(p)
        guard let linear else { return nil }
        var replacements: [String: CanonicalForm] = [:]
        for kernel in f.kernels {
            guard case .sqrt(let r) = kernel, r.isPolynomial, let u = r.numerator.univariate(in: variable) else { continue }
            var rest = u, m = 0
            let factor = Polynomial(coefficients: [-p, Rational(1)])
            while m < 64, !rest.isZero, rest.evaluate(at: p).isZero, let (q, _) = try? rest.quotientAndRemainder(dividingBy: factor) {
                rest = q; m += 1
            }
            guard m >= 2 else { continue }
            let k = m / 2
            guard let divisor = try? linear.power(2 * k), let inner = try? r / divisor, let root = try? CanonicalForm.sqrt(inner),
                  let outside = try? linear.scaled(by: Rational(side)).power(k), let value = try? outside * root else { continue }
            replacements[kernel.key] = value
        }
        guard !replacements.isEmpty else { return nil }
        return try? f.replacingKernels(replacements)
    }

    /// f(p) when f is continuous at p.
    /// Forms larger than this are not substituted into for a limit: substitution
    /// re-simplifies the printed form, and a det of 2,000 terms at a point built from
    /// π, log 3 and atan values took half a minute (the limit is then unknown).
    static let maximumSubstitutionTerms = 300

    func continuousValue(_ f: CanonicalForm) -> CanonicalForm? {
        if Deadline.exceeded != nil { return nil }
        guard f.numerator.termCount + f.denominator.termCount <= Self.maximumSubstitutionTerms else { return nil }
        guard let v = try? f.substituting([variable: point], assuming: assumptions) else { return nil }
        // A value over parameters cannot be checked by a ball; the substitution itself
        // throws on a zero divisor or a negative constant under √.
        if !v.symbols.isEmpty { return v }
        return v.ball(at: [:], precision: 256).isFinite ? v : nil
    }

    /// The limit of a polynomial in kernels: each kernel's limit, then the polynomial
    /// at those values; one kernel tending to ±∞, appearing linearly with a
    /// coefficient of known sign, gives ±∞.
    func polynomialLimit(_ p: MultivariatePolynomial, depth: Int) -> Limit? {
        var values: [String: CanonicalForm] = [:]
        var infinite: [(key: String, limit: Limit)] = []
        for key in p.usedVariables {
            guard let kernelForm = CanonicalForm.kernelForm(key: key, in: p),
                  let l = kernelLimit(kernelForm, depth: depth) else { return nil }
            if let v = l.finiteValue { values[key] = v } else { infinite.append((key, l)) }
        }
        guard let form = CanonicalForm(polynomial: p) else { return nil }
        if infinite.isEmpty {
            guard let v = try? form.replacingKernels(values) else { return nil }
            return .finite(v)
        }
        // a·k + b with k → ±∞ and a → a₀ ≠ 0.
        guard infinite.count == 1, let i = p.ring.index(of: infinite[0].key), p.degrees[i] == 1,
              let a = try? CanonicalForm(numerator: p.derivative(withRespectTo: infinite[0].key), denominator: p.ring.one),
              !a.kernelKeys.contains(infinite[0].key), let a0 = try? a.replacingKernels(values),
              let sa = Self.sign(of: a0) else { return nil }
        let s = (infinite[0].limit == .positiveInfinity ? 1 : -1) * sa
        return s > 0 ? .positiveInfinity : .negativeInfinity
    }

    /// The limit of a kernel: a symbol's value, or the limit of its argument carried
    /// through its function (`KernelFacts.limit`: atan → ±π/2, exp → 0 at −∞, log → −∞
    /// at 0⁺).
    func kernelLimit(_ k: (kernel: Kernel, form: CanonicalForm), depth: Int) -> Limit? {
        switch k.kernel {
        case .symbol(let name): return name == variable ? .finite(point) : .finite(k.form)
        case .pi: return .finite(.pi)
        case let kernel:
            guard let facts = kernel.facts, let a = kernel.argument, let l = limit(of: a, depth: depth) else { return nil }
            return facts.limit(l)
        }
    }

    /// The sign of g on (p, p + δ) (or (p − δ, p)) for small δ, where g(p) = 0: the
    /// sign of its first derivative that is proven nonzero at p, times side^k.
    func sideSign(of g: CanonicalForm) -> Int? {
        var derivative = g
        for k in 1...Self.maximumDerivativeOrder {
            guard let next = try? derivative.derivative(withRespectTo: variable, assuming: assumptions) else { return nil }
            derivative = next
            guard let value = continuousValue(derivative) else { return nil }
            if let s = Self.sign(of: value) { return k % 2 == 1 ? s * side : s }
            guard value.isZero || ZeroTest().test(value).isProvenZero else { return nil }
        }
        return nil
    }

    /// The sign of a constant, proven by a ball (nil for 0 or undecided).
    static func sign(of c: CanonicalForm) -> Int? {
        if let r = c.rationalValue { return r.isZero ? nil : r.signum }
        for precision in [256, 1024] {
            let b = c.ball(at: [:], precision: precision)
            if b.isCertainlyPositive { return 1 }
            if b.isCertainlyNegative { return -1 }
        }
        return nil
    }
}

extension CanonicalForm {
    /// A polynomial of a kernel ring as a form (denominator 1).
    init?(polynomial p: MultivariatePolynomial) {
        guard let f = try? CanonicalForm(numerator: p, denominator: p.ring.one) else { return nil }
        self = f
    }

    /// The kernel behind a ring variable, with its form.
    static func kernelForm(key: String, in p: MultivariatePolynomial) -> (kernel: Kernel, form: CanonicalForm)? {
        guard let i = p.ring.index(of: key) else { return nil }
        var exponents = [Int](repeating: 0, count: p.ring.variables.count)
        exponents[i] = 1
        let monomial = p.ring.polynomial(terms: [.init(coefficient: .one, exponents: exponents)])
        guard let form = CanonicalForm(polynomial: monomial), let kernel = form.kernels.first else { return nil }
        return (kernel, form)
    }
}
