import CFlintArb

// Field operations on balls.
//
// Each result is rounded to the larger working precision of the two operands, and its
// radius covers both the operands' radii (propagated to first order and bounded
// rigorously) and that rounding. Propagation is what makes long computations lose
// accuracy: x − x is not [0 ± 0] but [0 ± 2r], because ball arithmetic cannot know
// the two operands are the same number (the "dependency problem"). Rewriting an
// expression so that each variable occurs once gives tighter balls.
//
// Mixed operations with `Int` and `Rational` convert the scalar at the ball's
// precision (exactly for an `Int`), so `1 + x` works at `x.precision`.

extension Ball {
    static func binary(_ a: Ball, _ b: Ball,
                       _ op: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void) -> Ball {
        let precision = Swift.max(a.precision, b.precision)
        return make(precision: precision) { op($0, a.pointer, b.pointer, precision) }
    }

    public static func + (a: Ball, b: Ball) -> Ball { binary(a, b) { arb_add($0, $1, $2, $3) } }
    public static func - (a: Ball, b: Ball) -> Ball { binary(a, b) { arb_sub($0, $1, $2, $3) } }
    public static func * (a: Ball, b: Ball) -> Ball { binary(a, b) { arb_mul($0, $1, $2, $3) } }

    /// a / b. When `b` contains 0 the quotient is unbounded, and the result is the
    /// indeterminate ball `[NaN ± ∞]` (Arb's answer, checked here for `1/[0 ± 0]` and
    /// `1/[0 ± 10⁻¹⁰]`); use `divided(by:)` to get a thrown error instead.
    public static func / (a: Ball, b: Ball) -> Ball { binary(a, b) { arb_div($0, $1, $2, $3) } }

    /// −a, exactly (negation does not round).
    public static prefix func - (a: Ball) -> Ball {
        make(precision: a.precision) { arb_neg($0, a.pointer) }
    }

    public static func += (a: inout Ball, b: Ball) { a = a + b }
    public static func -= (a: inout Ball, b: Ball) { a = a - b }
    public static func *= (a: inout Ball, b: Ball) { a = a * b }
    public static func /= (a: inout Ball, b: Ball) { a = a / b }

    /// self / divisor; throws `BallError.indeterminate` when the divisor contains 0 or
    /// either operand is indeterminate.
    public func divided(by divisor: Ball) throws(BallError) -> Ball {
        guard divisor.isCertainlyNonzero else { throw .indeterminate("division by a ball containing 0: \(divisor)") }
        return try (self / divisor).checkedFinite("division")
    }

    /// 1/self; indeterminate when self contains 0.
    public var reciprocal: Ball { Ball.make(precision: precision) { arb_inv($0, pointer, precision) } }

    /// self itself, or a thrown `BallError.indeterminate(operation)` when self is not
    /// finite. Turns the indeterminate-ball convention into an error at the point where
    /// a caller needs a usable number: `try Ball.log(x).checkedFinite("log")`.
    public func checkedFinite(_ operation: String) throws(BallError) -> Ball {
        guard isFinite else { throw .indeterminate(operation) }
        return self
    }

    /// self^exponent for any integer exponent, by repeated squaring (`arb_pow_fmpz`).
    ///
    /// Domain: every ball for exponent ≥ 0 (x⁰ = 1, including 0⁰); for a negative
    /// exponent, balls not containing 0 — otherwise the result is indeterminate.
    /// Repeated squaring takes O(log n) roundings instead of n, so it is tighter than
    /// n multiplications. Note that Arb does not exploit evenness: `[0 ± 1]²` comes out
    /// as `[± 1.01]`, not `[0, 1]`; the enclosure is valid, just not sharp.
    public func power(_ exponent: Int) -> Ball {
        BigInt(exponent).withFMPZ { e in
            Ball.make(precision: precision) { arb_pow_fmpz($0, pointer, e, precision) }
        }
    }
}

// MARK: - Mixed operations with integers and rationals

extension Ball {
    public static func + (a: Ball, b: Int) -> Ball { a + Ball(b, precision: a.precision) }
    public static func + (a: Int, b: Ball) -> Ball { Ball(a, precision: b.precision) + b }
    public static func - (a: Ball, b: Int) -> Ball { a - Ball(b, precision: a.precision) }
    public static func - (a: Int, b: Ball) -> Ball { Ball(a, precision: b.precision) - b }
    public static func * (a: Ball, b: Int) -> Ball { a * Ball(b, precision: a.precision) }
    public static func * (a: Int, b: Ball) -> Ball { Ball(a, precision: b.precision) * b }
    public static func / (a: Ball, b: Int) -> Ball { a / Ball(b, precision: a.precision) }
    public static func / (a: Int, b: Ball) -> Ball { Ball(a, precision: b.precision) / b }

    public static func + (a: Ball, b: Rational) -> Ball { a + Ball(b, precision: a.precision) }
    public static func + (a: Rational, b: Ball) -> Ball { Ball(a, precision: b.precision) + b }
    public static func - (a: Ball, b: Rational) -> Ball { a - Ball(b, precision: a.precision) }
    public static func - (a: Rational, b: Ball) -> Ball { Ball(a, precision: b.precision) - b }
    public static func * (a: Ball, b: Rational) -> Ball { a * Ball(b, precision: a.precision) }
    public static func * (a: Rational, b: Ball) -> Ball { Ball(a, precision: b.precision) * b }
    public static func / (a: Ball, b: Rational) -> Ball { a / Ball(b, precision: a.precision) }
    public static func / (a: Rational, b: Ball) -> Ball { Ball(a, precision: b.precision) / b }
}
