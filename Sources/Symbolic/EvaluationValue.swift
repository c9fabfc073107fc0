import Exact

/// A value met while evaluating an expression: exact whenever exact arithmetic can
/// say it, a ball otherwise.
///
/// Why not balls throughout: a ball can only ever prove a sign, never a zero. With
/// balls alone `1/(t − t)` at t = 1/3 is "possibly a division by zero" at every
/// precision (1/3 is not a binary number, so t − t is [0 ± ε]), and `1/cos(pi/2)` the
/// same. Evaluating the rational parts in Q and tracking rational multiples of π
/// decides those exactly — and they are exactly the points a schedule author asks
/// about (t = 0, t = 1, cos(π t/2) at t = 1) — and keeps `(1/3 + 1/6)·2` an exact 1.
///
/// Invariant: `piMultiple(q)` has q ≠ 0 (0·π is `exact(0)`); every `ball` is finite.
enum EvaluationValue {
    /// An exact rational.
    case exact(Rational)
    /// q·π for a nonzero rational q — irrational, hence never 0 and never an integer.
    case piMultiple(Rational)
    /// A finite enclosure.
    case ball(Ball)

    static func times(pi q: Rational) -> EvaluationValue { q.isZero ? .exact(0) : .piMultiple(q) }

    /// An enclosure at `precision` bits.
    func ball(precision: Int) -> Ball {
        switch self {
        case .exact(let r): return Ball(r, precision: precision)
        case .piMultiple(let q): return Ball.pi(precision: precision) * q
        case .ball(let b): return b
        }
    }

    /// The exact value, when it is a rational.
    var rational: Rational? {
        if case .exact(let r) = self { return r }
        return nil
    }

    var isExactZero: Bool { rational?.isZero == true }

    /// The sign when it is proved: 1, −1 or 0; nil when the enclosure straddles 0.
    var provedSign: Int? {
        switch self {
        case .exact(let r): return r.signum
        case .piMultiple(let q): return q.signum
        case .ball(let b):
            if b.isExactlyZero { return 0 }
            if b.isCertainlyPositive { return 1 }
            if b.isCertainlyNegative { return -1 }
            return nil
        }
    }

    /// True when the value is proved ≤ 0 (a ball whose upper end is ≤ 0).
    var isCertainlyNonPositive: Bool {
        if let s = provedSign { return s <= 0 }
        if case .ball(let b) = self, let upper = b.upperBound { return !upper.isPositive }
        return false
    }
}

// MARK: - Exact arithmetic with a size budget

extension EvaluationValue {
    /// An exact result when it has at most `exactBits` bits, else its enclosure — exact
    /// arithmetic stays exact only while it stays cheap.
    static func exact(_ r: Rational, exactBits: Int, precision: Int) -> EvaluationValue {
        r.bitSize <= exactBits ? .exact(r) : .ball(Ball(r, precision: precision))
    }

    static func sum(_ a: EvaluationValue, _ b: EvaluationValue, exactBits: Int, precision: Int) -> EvaluationValue {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): return exact(x + y, exactBits: exactBits, precision: precision)
        case (.piMultiple(let p), .piMultiple(let q)): return times(pi: p + q)
        case (.exact(let x), _) where x.isZero: return b
        case (_, .exact(let y)) where y.isZero: return a
        default: return .ball(a.ball(precision: precision) + b.ball(precision: precision))
        }
    }

    static func negation(_ a: EvaluationValue) -> EvaluationValue {
        switch a {
        case .exact(let x): return .exact(-x)
        case .piMultiple(let q): return .piMultiple(-q)
        case .ball(let b): return .ball(-b)
        }
    }

    static func product(_ a: EvaluationValue, _ b: EvaluationValue, exactBits: Int, precision: Int) -> EvaluationValue {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): return exact(x * y, exactBits: exactBits, precision: precision)
        // 0·y = 0 exactly: y is a finite value (every evaluated operand is).
        case (.exact(let x), _) where x.isZero: return a
        case (_, .exact(let y)) where y.isZero: return b
        case (.exact(let x), .piMultiple(let q)), (.piMultiple(let q), .exact(let x)): return .piMultiple(x * q)
        default: return .ball(a.ball(precision: precision) * b.ball(precision: precision))
        }
    }

    /// a/b for a divisor already proved nonzero.
    static func quotient(_ a: EvaluationValue, _ b: EvaluationValue, exactBits: Int, precision: Int) -> EvaluationValue {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): return exact(x / y, exactBits: exactBits, precision: precision)
        case (.exact(let x), _) where x.isZero: return a
        case (.piMultiple(let p), .exact(let y)): return .piMultiple(p / y)
        case (.piMultiple(let p), .piMultiple(let q)): return exact(p / q, exactBits: exactBits, precision: precision)
        default: return .ball(a.ball(precision: precision) / b.ball(precision: precision))
        }
    }
}

// MARK: - Exact values of functions

extension EvaluationValue {
    /// sin(qπ) when it is rational: q a multiple of 1/6 with sin ∈ {0, ±1/2, ±1}.
    static func sinOfPiTimes(_ q: Rational) -> Rational? {
        guard let k = residue(6 * q, modulo: 12) else { return nil }
        // sin(kπ/6) for k = 0…11; nil for the irrational ±√3/2.
        let table: [Rational?] = [0, Rational(1, 2), nil, 1, nil, Rational(1, 2),
                                  0, Rational(-1, 2), nil, -1, nil, Rational(-1, 2)]
        return table[k]
    }

    /// r mod m in 0..<m when r is an integer, else nil.
    static func residue(_ r: Rational, modulo m: Int) -> Int? {
        guard r.isInteger, let (_, rest) = try? r.numerator.flooredDivision(by: BigInt(m)) else { return nil }
        return rest.exactInt
    }

    /// True when `x` is exactly an odd multiple of π/2, a pole of tan.
    var isPoleOfTan: Bool {
        guard case .piMultiple(let q) = self else { return false }
        return EvaluationValue.residue(2 * q, modulo: 2) == 1
    }
}
