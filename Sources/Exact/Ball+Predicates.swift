import CFlintArb

// One-sided tests on balls.
//
// A ball stands for "some unknown number in [m − r, m + r]", so a question about that
// number has three answers: certainly yes, certainly no, or unknown. The `isCertainly…`
// predicates answer "certainly yes"; their `false` means "not proved". The
// `contains…`/`overlaps` predicates answer "possibly": `containsZero` is true as soon as
// 0 cannot be excluded. An indeterminate ball contains everything and is certainly
// nothing.

extension Ball {
    /// True when 0 lies in the ball (always true for an indeterminate ball). A ball that
    /// contains 0 may still enclose a nonzero number; only `isCertainlyNonzero` proves
    /// that it does.
    public var containsZero: Bool { arb_contains_zero(pointer) != 0 }

    /// True when every number in the ball is > 0.
    public var isCertainlyPositive: Bool { arb_is_positive(pointer) != 0 }

    /// True when every number in the ball is < 0.
    public var isCertainlyNegative: Bool { arb_is_negative(pointer) != 0 }

    /// True when 0 is not in the ball.
    public var isCertainlyNonzero: Bool { arb_is_nonzero(pointer) != 0 }

    /// True when the radius is 0: the ball is a single binary floating-point number.
    /// False for an indeterminate ball.
    public var isExact: Bool { arb_is_exact(pointer) != 0 }

    /// True when the ball is exactly the number 0 (`[0 ± 0]`).
    public var isExactlyZero: Bool { arb_is_zero(pointer) != 0 }

    /// True when the rational `value` lies in the ball. True for every value when the
    /// ball is indeterminate.
    public func contains(_ value: Rational) -> Bool {
        value.withFMPQ { arb_contains_fmpq(pointer, $0) != 0 }
    }

    /// True when the ball `other` lies entirely inside this ball.
    public func contains(_ other: Ball) -> Bool { arb_contains(pointer, other.pointer) != 0 }

    /// True when the two balls have a point in common — i.e. they may enclose the same
    /// number. Two enclosures of the same exact value always overlap, so `!overlaps`
    /// proves two values different.
    public func overlaps(_ other: Ball) -> Bool { arb_overlaps(pointer, other.pointer) != 0 }
}
