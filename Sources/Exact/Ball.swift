import CFlintArb

/// Owns one Arb `arb_t` (a midpoint `arf_t` and a radius `mag_t`): allocated and
/// initialised in `init`, cleared in `deinit`.
///
/// A storage is written exactly once, by the `Ball.make` call that creates it, and is
/// only read afterwards; that immutability is what makes sharing it between copies of
/// a `Ball`, and between threads, sound (hence `@unchecked Sendable`).
final class ArbStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<arb_struct>

    init() {
        pointer = .allocate(capacity: 1)
        arb_init(pointer)
    }

    deinit {
        arb_clear(pointer)
        pointer.deallocate()
    }
}

/// A real number known to lie in a ball `[m ± r]`: a binary floating-point midpoint
/// `m` and a radius `r ≥ 0`, computed with Arb's ball arithmetic.
///
/// ## What a ball promises
///
/// Every operation returns a ball that contains the exact result for *every* real
/// number in the operand balls. Rounding errors are not lost: they are added to the
/// radius. So a ball never lies, but it can be uninformative — after many operations,
/// or near a singularity, the radius may grow until the ball says little. Whether a
/// result is good enough is decided by looking at it (`radius`,
/// `relativeAccuracyBits`, `hasCorrectDigits(_:)`), not assumed.
///
/// The predicates are therefore one-sided: `isCertainlyPositive == false` means
/// "not proved positive", not "non-positive". A ball `[0 ± 10⁻⁴⁰]` is neither
/// certainly positive nor certainly negative, even if the value it encloses is
/// `10⁻⁵⁰`; only more precision (or exact arithmetic) can decide such a sign.
///
/// ## Precision
///
/// `precision` is the working precision in bits with which operations on the ball
/// round their midpoints (128 bits ≈ 38 decimal digits). A binary operation works at
/// the larger precision of its operands. Precision bounds the accuracy of a single
/// step, not of a whole computation: cancellation (`(1 + 10⁻⁵⁰) − 1` at 128 bits) can
/// leave a result with no correct digit at all, and the ball shows it with a large
/// relative radius. `Ball.evaluate(toCorrectDigits:…)` reruns a computation at
/// increasing precision until its result has the digits asked for.
///
/// ## Outside the domain
///
/// Arb never returns a silently clamped or wrong number. When an input ball reaches
/// outside the domain of an operation — division by a ball containing 0, `log` of a
/// ball containing 0 or negative numbers, `sqrt` of a ball with a negative part, `tan`
/// of a ball containing a pole — the result is *indeterminate*: Arb's `[NaN ± ∞]`,
/// printed `nan`, which contains every real number and satisfies none of the
/// `isCertainly…` predicates. `isIndeterminate` detects it, `checkedFinite(_:)` turns
/// it into a thrown `BallError`, and so do the throwing forms like `divided(by:)`.
///
/// `Ball` has value semantics: balls are immutable, every operation makes a new one.
public struct Ball: Sendable {
    let storage: ArbStorage

    /// The working precision in bits used to round results of operations on this ball.
    public let precision: Int

    /// The working precision of `Ball(_:)` and `Ball.pi()` when none is given: 128 bits,
    /// about 38 decimal digits.
    public static let defaultPrecision = 128

    /// The largest working precision accepted: 2^24 bits, about five million decimal
    /// digits — the same budget as exact integers (`ExactBudget.maximumBits`).
    public static let maximumPrecision = ExactBudget.maximumBits

    init(storage: ArbStorage, precision: Int) {
        self.storage = storage
        self.precision = precision
    }

    /// Builds a ball by running `body` on a freshly initialised `arb_t` (value 0).
    static func make(precision: Int, _ body: (UnsafeMutablePointer<arb_struct>) -> Void) -> Ball {
        let s = ArbStorage()
        body(s.pointer)
        return Ball(storage: s, precision: precision)
    }

    var pointer: UnsafeMutablePointer<arb_struct> { storage.pointer }

    static func checkPrecision(_ precision: Int) {
        precondition(precision >= 2 && precision <= maximumPrecision,
                     "Ball precision \(precision) outside 2...\(maximumPrecision) bits")
    }
}

// MARK: - Construction

extension Ball {
    /// The integer `value`, exactly (radius 0): every machine integer is a binary
    /// floating-point number.
    public init(_ value: Int, precision: Int = Ball.defaultPrecision) {
        Ball.checkPrecision(precision)
        self = Ball.make(precision: precision) { arb_set_si($0, value) }
    }

    /// A ball that certainly contains the rational `value`.
    ///
    /// A rational with a power-of-two denominator that fits in `precision` bits is
    /// represented exactly; any other (1/3, 1/10) has no finite binary expansion, so the
    /// midpoint is `value` rounded to `precision` bits and the radius covers the
    /// rounding error (Arb rounds outwards: the enclosure is guaranteed, not just
    /// "close").
    public init(_ value: Rational, precision: Int = Ball.defaultPrecision) {
        Ball.checkPrecision(precision)
        self = value.withFMPQ { q in Ball.make(precision: precision) { arb_set_fmpq($0, q, precision) } }
    }

    /// A ball that contains the whole closed interval `[lower, upper]`.
    ///
    /// Built as the union of the enclosures of the two ends. It is wider than the
    /// interval by the rounding of the ends to `precision` bits and, mainly, by the
    /// rounding of the radius: Arb stores radii with a 30-bit mantissa rounded upwards,
    /// so a ball of width w overshoots each end by up to about w · 2⁻³⁰. A ball is a
    /// tight enclosure of a number, a coarse one of a wide interval.
    /// Precondition: `lower <= upper`.
    public init(lower: Rational, upper: Rational, precision: Int = Ball.defaultPrecision) {
        precondition(lower <= upper, "Ball(lower:upper:) with lower > upper")
        let a = Ball(lower, precision: precision)
        let b = Ball(upper, precision: precision)
        self = withExtendedLifetime((a, b)) {
            Ball.make(precision: precision) { arb_union($0, a.pointer, b.pointer, precision) }
        }
    }

    /// An enclosure of π with a radius of about 2^−precision.
    ///
    /// Arb caches π per thread at the largest precision asked for so far, so repeated
    /// calls are cheap.
    public static func pi(precision: Int = Ball.defaultPrecision) -> Ball {
        checkPrecision(precision)
        return make(precision: precision) { arb_const_pi($0, precision) }
    }

    /// The indeterminate ball `[NaN ± ∞]`, the result Arb gives outside an operation's
    /// domain.
    public static func indeterminate(precision: Int = Ball.defaultPrecision) -> Ball {
        checkPrecision(precision)
        return make(precision: precision) { arb_indeterminate($0) }
    }

    /// The same enclosure, with another working precision for the operations that use
    /// this ball. The midpoint and radius are kept, not rounded: a ball built at 64
    /// bits does not become more accurate at 1000 bits, it only stops limiting the
    /// precision of later results.
    public func withPrecision(_ newPrecision: Int) -> Ball {
        Ball.checkPrecision(newPrecision)
        return Ball(storage: storage, precision: newPrecision)
    }
}

// MARK: - Midpoint, radius and bounds

extension Ball {
    /// True when both midpoint and radius are finite numbers, i.e. the ball is a
    /// bounded interval of the real line.
    public var isFinite: Bool { arb_is_finite(pointer) != 0 }

    /// True when the ball carries no information: its midpoint is NaN or its radius is
    /// infinite. This is what Arb returns outside an operation's domain (`[NaN ± ∞]`,
    /// printed `nan`), and also a ball `[m ± ∞]` obtained by computing with one.
    public var isIndeterminate: Bool {
        arf_is_nan(sched_arb_midref(pointer)) != 0 || mag_is_inf(sched_arb_radref(pointer)) != 0
    }

    /// Whether the exact rationals behind midpoint and radius are small enough to build:
    /// a finite ball whose binary exponents stay within the exact-arithmetic budget.
    /// (`exp(10^9)` is a fine ball, but its midpoint as a rational would have a
    /// billion-bit numerator.)
    var hasRepresentableEnds: Bool {
        sched_arb_exponents_within(pointer, ExactBudget.maximumBits) != 0
    }

    /// The midpoint, exactly (a dyadic rational m·2^e); nil for a ball that is not
    /// finite, or whose midpoint or radius exponent exceeds `ExactBudget.maximumBits`.
    public var midpoint: Rational? {
        guard hasRepresentableEnds else { return nil }
        return Rational.fromFMPQ { arf_get_fmpq($0, sched_arb_midref(pointer)) }
    }

    /// The radius, exactly (a dyadic rational, ≥ 0); nil under the same conditions as
    /// `midpoint`. Arb stores radii with a 30-bit mantissa, rounded upwards, so the
    /// radius is an upper bound of the error, accurate to about 9 decimal digits.
    public var radius: Rational? {
        guard hasRepresentableEnds else { return nil }
        return Rational.fromFMPQ { mag_get_fmpq($0, sched_arb_radref(pointer)) }
    }

    /// midpoint − radius, exactly: the smallest number in the ball.
    public var lowerBound: Rational? {
        guard let m = midpoint, let r = radius else { return nil }
        return m - r
    }

    /// midpoint + radius, exactly: the largest number in the ball.
    public var upperBound: Rational? {
        guard let m = midpoint, let r = radius else { return nil }
        return m + r
    }

    /// The `Double` nearest to the midpoint (ties to even). NaN for an indeterminate
    /// ball, ±infinity beyond the `Double` range. Says nothing about the radius: a ball
    /// `[+/- 3.5]` has `doubleValue` 0.
    public var doubleValue: Double { arf_get_d(sched_arb_midref(pointer), ARF_RND_NEAR) }

    /// −log₂ of the radius relative to the midpoint's magnitude: how many leading bits
    /// of the midpoint are known to be right. `Int.max` for an exact ball, negative
    /// when the radius exceeds the midpoint (e.g. a ball around 0), `-Int.max` for an
    /// indeterminate ball.
    public var relativeAccuracyBits: Int { arb_rel_accuracy_bits(pointer) }
}
