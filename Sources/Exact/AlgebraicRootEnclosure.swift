/// An isolating interval of an irrational real algebraic number: the open interval
/// (lower, upper), with rational ends, contains exactly one root of
/// `minimalPolynomial` — a primitive, irreducible integer polynomial of degree ≥ 2,
/// so it is nonzero at every rational and in particular at both ends, where its
/// signs differ.
///
/// Refinement is bisection on the sign at the midpoint, exact in rational
/// arithmetic: each step halves the width and keeps the invariant.
public struct AlgebraicRootEnclosure: Sendable, Equatable, Hashable {
    public private(set) var lower: Rational
    public private(set) var upper: Rational
    public let minimalPolynomial: Polynomial
    /// sign(minimalPolynomial(lower)); the sign at `upper` is its opposite.
    let signAtLower: Int

    init(lower: Rational, upper: Rational, minimalPolynomial: Polynomial) {
        self.lower = lower
        self.upper = upper
        self.minimalPolynomial = minimalPolynomial
        signAtLower = minimalPolynomial.evaluate(at: lower).signum
        precondition(signAtLower != 0 && minimalPolynomial.evaluate(at: upper).signum == -signAtLower,
                     "not an isolating interval of a simple root")
    }

    public var width: Rational { upper - lower }
    public var midpoint: Rational { (lower + upper).timesPowerOfTwo(-1) }

    /// Halves the interval, keeping the root inside.
    public mutating func bisect() {
        let m = midpoint
        let s = minimalPolynomial.evaluate(at: m).signum
        // s ≠ 0: an irreducible polynomial of degree ≥ 2 has no rational root.
        if s == signAtLower { lower = m } else { upper = m }
    }

    /// Bisects until the width is at most `maximumWidth` (> 0).
    public func refined(toWidth maximumWidth: Rational) -> AlgebraicRootEnclosure {
        precondition(maximumWidth.isPositive, "refinement width must be positive")
        var e = self
        while e.width > maximumWidth { e.bisect() }
        return e
    }

    /// Bisects until the width is at most 2^−bits.
    public func refined(bits: Int) -> AlgebraicRootEnclosure {
        refined(toWidth: Rational.one.timesPowerOfTwo(-bits))
    }

    /// A decimal approximation with `digits` correct significant digits or better:
    /// the interval is refined until both ends round to the same text.
    public func decimalApproximation(significantDigits digits: Int = 17) -> String {
        var e = self
        for _ in 0..<4096 {
            let a = e.lower.decimalString(significantDigits: digits)
            let b = e.upper.decimalString(significantDigits: digits)
            if a == b { return a }
            e.bisect()
        }
        return e.midpoint.decimalString(significantDigits: digits)
    }
}

/// A real root of a polynomial with its multiplicity: a rational, exactly, or an
/// irrational algebraic number given by an isolating interval and its minimal
/// polynomial.
public struct RealRoot: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Value: Sendable, Equatable, Hashable {
        case rational(Rational)
        case algebraic(AlgebraicRootEnclosure)
    }

    public var value: Value
    public var multiplicity: Int

    public init(value: Value, multiplicity: Int) {
        self.value = value
        self.multiplicity = multiplicity
    }

    public var rationalValue: Rational? {
        if case .rational(let r) = value { return r }
        return nil
    }

    public var enclosure: AlgebraicRootEnclosure? {
        if case .algebraic(let e) = value { return e }
        return nil
    }

    /// Lower and upper ends of the certified location (equal for a rational root).
    public var bounds: (lower: Rational, upper: Rational) {
        switch value {
        case .rational(let r): return (r, r)
        case .algebraic(let e): return (e.lower, e.upper)
        }
    }

    public var description: String {
        let m = multiplicity > 1 ? " (multiplicity \(multiplicity))" : ""
        switch value {
        case .rational(let r): return r.description + m
        case .algebraic(let e):
            return "root of \(e.minimalPolynomial.description(variable: "x")) in (\(e.lower), \(e.upper)) ≈ \(e.decimalApproximation(significantDigits: 15))" + m
        }
    }
}
