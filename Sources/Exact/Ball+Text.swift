import CFlintArb

// Decimal text of balls.
//
// Arb prints a ball as "[3.14159 +/- 2.65e-6]": a decimal midpoint with at most the
// requested number of significant digits, and a decimal upper bound for the radius. Its
// printer keeps only the midpoint digits that are right: the printed decimal d is
// within one unit in its last place of every number in the ball. So "3.14159" means
// the value is in [3.14158, 3.14160]; that is the meaning of "correct digits" here (as
// in Arb and MPFR's faithful output). It is not "correctly rounded": a value
// 3.1415899999… can be printed 3.14159.

extension Ball {
    /// Arb's text for this ball with at most `digits` midpoint digits (`arb_get_str`).
    func arbString(digits: Int, flags: UInt) -> String {
        guard let cString = arb_get_str(pointer, digits, flags) else { return "?" }
        defer { flint_free(cString) }
        return String(cString: cString)
    }

    /// Number of significant digits in a decimal like "-1.2340e-7" (5) or "0.00125" (3):
    /// the digits of the mantissa after leading zeros.
    static func significantDigitCount(_ text: String) -> Int {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        return mantissa.filter(\.isNumber).drop { $0 == "0" }.count
    }

    /// The text `decimalString(digits:)` prints without a radius when the ball is
    /// accurate enough, nil when it is not.
    func plainDecimalString(digits: Int) -> String? {
        guard isFinite else { return nil }
        if isExactlyZero { return "0" }
        // A ball containing 0 has no correct leading digit, even when Arb can print
        // "0e-38" for it within one unit in the last place.
        guard !containsZero else { return nil }
        let text = arbString(digits: digits, flags: sched_arb_str_no_radius())
        guard !text.hasPrefix("["), Ball.significantDigitCount(text) == digits else { return nil }
        return text
    }

    /// True when `decimalString(digits:)` prints `digits` significant digits with no
    /// radius: every number in the ball is within one unit in the last place of that
    /// decimal. Always true for the exact ball 0 (printed "0"); false for any other ball
    /// containing 0 and for an indeterminate ball.
    public func hasCorrectDigits(_ digits: Int) -> Bool {
        precondition(digits >= 1, "hasCorrectDigits needs at least one digit")
        return plainDecimalString(digits: digits) != nil
    }

    /// The value with `digits` correct significant digits when the ball is accurate
    /// enough ("3.14159265358979323846264338328" for π at 128 bits and 30 digits);
    /// otherwise Arb's form with a radius, showing as many midpoint digits as are
    /// right ("[3.14159 +/- 2.65e-6]", "[+/- 1.01]" when not even the first is), so
    /// that the reader is never shown a wrong digit without its error bound. An exact
    /// ball prints its value rounded to `digits` digits ("0.125000" for 1/8 at 6
    /// digits); the exact ball 0 prints "0"; an indeterminate ball prints "nan".
    ///
    /// Precondition: `digits >= 1`.
    public func decimalString(digits: Int) -> String {
        precondition(digits >= 1, "decimalString needs at least one digit")
        return plainDecimalString(digits: digits) ?? arbString(digits: digits, flags: 0)
    }
}

extension Ball: CustomStringConvertible {
    /// Arb's text with as many digits as the working precision holds (about
    /// precision · log₁₀ 2), e.g. "[0.3333333333333333333333333333333333333 +/- 3.83e-39]";
    /// "nan" for an indeterminate ball.
    public var description: String {
        arbString(digits: Ball.decimalDigits(forBits: precision), flags: 0)
    }

    /// ⌈bits · log₁₀ 2⌉: the decimal digits a binary precision can hold.
    static func decimalDigits(forBits bits: Int) -> Int {
        Swift.max(1, Int((Double(bits) * 0.301_029_995_663_981_2).rounded(.up)))
    }

    /// ⌈digits · log₂ 10⌉: the bits needed to hold a number of decimal digits.
    static func bits(forDecimalDigits digits: Int) -> Int {
        Int((Double(digits) * 3.321_928_094_887_362).rounded(.up))
    }
}
