import Exact
import Symbolic

/// A closed rational interval [lower, upper] proven to contain one real number — a
/// zero, a cut point or an end of the domain — that can be narrowed on demand.
///
/// - A rational is its own bracket [r, r].
/// - An irrational closed form (π/2, √2/2) is bracketed by its Arb ball; narrowing
///   raises the precision.
/// - An enclosure with a minimal polynomial p (p changes sign across it and has
///   exactly one root inside) narrows by exact bisection on the sign of p.
/// - An enclosure without one (from ball root isolation) cannot be narrowed here.
///
/// Comparing brackets is how exact points and enclosures are ordered and separated
/// without trusting an approximation: two numbers whose brackets are disjoint are
/// distinct, and the one with the lower bracket is the smaller.
struct PointBracket: Sendable {
    enum Source: Sendable {
        case rational
        case closedForm(CanonicalForm, precision: Int)
        case algebraic(Polynomial, signAtLower: Int)
        case fixed
    }

    private(set) var lower: Rational
    private(set) var upper: Rational
    private(set) var source: Source

    static let initialPrecision = 256
    static let maximumPrecision = 8192
    /// Bisections of an algebraic enclosure per call of `narrow()`.
    static let bisectionsPerStep = 16

    init?(exact f: CanonicalForm) {
        if let r = f.rationalValue {
            lower = r; upper = r; source = .rational
            return
        }
        let b = f.ball(at: [:], precision: Self.initialPrecision)
        guard let l = b.lowerBound, let u = b.upperBound else { return nil }
        lower = l; upper = u; source = .closedForm(f, precision: Self.initialPrecision)
    }

    init?(_ point: ZeroPoint) {
        switch point.location {
        case .exact(let f):
            self.init(exact: f)
        case .enclosure(let l, let u, let minimal):
            self.init(lower: l, upper: u, minimalPolynomial: minimal)
        }
    }

    /// An open enclosure (l, u) of one zero; bisectable when p changes sign across it.
    init(lower l: Rational, upper u: Rational, minimalPolynomial p: Polynomial?) {
        lower = l; upper = u
        let signAtLower = p?.evaluate(at: l).signum ?? 0
        if let p, signAtLower != 0, p.evaluate(at: u).signum == -signAtLower {
            source = .algebraic(p, signAtLower: signAtLower)
        } else {
            source = .fixed
        }
    }

    var isPoint: Bool { lower == upper }

    /// True when this bracket lies strictly below `other` (so the numbers differ).
    func isStrictlyBelow(_ other: PointBracket) -> Bool { upper < other.lower }

    /// Narrows the bracket; false when it cannot be narrowed any more.
    mutating func narrow() -> Bool {
        switch source {
        case .rational, .fixed:
            return false
        case .closedForm(let f, let precision):
            guard precision < Self.maximumPrecision else { return false }
            let p = precision * 4
            let b = f.ball(at: [:], precision: p)
            source = .closedForm(f, precision: p)
            guard let l = b.lowerBound, let u = b.upperBound else { return false }
            lower = Rational.max(lower, l); upper = Rational.min(upper, u)
            return true
        case .algebraic(let p, let signAtLower):
            for _ in 0..<Self.bisectionsPerStep {
                let m = (lower + upper).timesPowerOfTwo(-1)
                // p(m) ≠ 0: an irreducible polynomial of degree ≥ 2 has no rational root.
                if p.evaluate(at: m).signum == signAtLower { lower = m } else { upper = m }
            }
            return true
        }
    }

    /// Narrows `a` and `b` until `a` lies strictly below `b` (true), `b` strictly below
    /// `a` (false), or neither can be narrowed further (nil).
    static func separate(_ a: inout PointBracket, _ b: inout PointBracket, rounds: Int = 64) -> Bool? {
        for _ in 0..<rounds {
            if a.isStrictlyBelow(b) { return true }
            if b.isStrictlyBelow(a) { return false }
            let narrowedA = a.narrow(), narrowedB = b.narrow()
            if !narrowedA && !narrowedB { break }
        }
        if a.isStrictlyBelow(b) { return true }
        if b.isStrictlyBelow(a) { return false }
        return nil
    }

    /// A decimal with `digits` correct significant digits: narrowed until both ends
    /// round to the same text; nil when it cannot be narrowed that far.
    mutating func decimal(significantDigits digits: Int) -> String? {
        for _ in 0..<64 {
            let a = lower.decimalString(significantDigits: digits), b = upper.decimalString(significantDigits: digits)
            if a == b { return a }
            if !narrow() { return nil }
        }
        return nil
    }

    /// The enclosure of `point` narrowed to this bracket (an exact point is unchanged).
    func narrowed(_ point: ZeroPoint, approximation: String? = nil) -> ZeroPoint {
        guard case .enclosure(_, _, let minimal) = point.location else { return point }
        return ZeroPoint(location: .enclosure(lower: lower, upper: upper, minimalPolynomial: minimal),
                         multiplicity: point.multiplicity, approximation: approximation ?? point.approximation)
    }
}

extension Rational {
    /// The rational with the smallest denominator (then numerator) strictly between
    /// `a` and `b` (a < b; nil stands for −∞ or +∞), by continued fractions.
    static func simplest(above a: Rational?, below b: Rational?) -> Rational {
        switch (a, b) {
        case (nil, nil): return .zero
        case (let a?, nil): return a.isNegative ? .zero : Rational(a.floor) + .one
        case (nil, let b?): return b.isPositive ? .zero : Rational(b.ceiling) - .one
        case (let a?, let b?):
            if a.isNegative && b.isPositive { return .zero }
            if !a.isNegative { return simplestBetween(a, b) }
            return -simplestBetween(-b, -a)
        }
    }

    /// For 0 ≤ a < b: x = n + 1/y with n = ⌊a⌋ and y the simplest rational in
    /// (1/(b − n), 1/(a − n)).
    private static func simplestBetween(_ a: Rational, _ b: Rational) -> Rational {
        let n = Rational(a.floor)
        if n + .one < b { return n + .one }
        if a == n {
            // x = n + 1/y ∈ (n, b) with b ≤ n + 1 ⇔ y > 1/(b − n): the least integer y.
            return n + .one / (Rational((.one / (b - n)).floor) + .one)
        }
        return n + .one / simplestBetween(.one / (b - n), .one / (a - n))
    }
}
