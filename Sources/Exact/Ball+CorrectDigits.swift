// Evaluating an expression to a requested number of correct digits.
//
// Working precision bounds the rounding of each step, not the accuracy of the result:
// cancellation, ill-conditioning and long chains of operations all eat bits. Rather
// than predicting the loss, evaluate, look at the result's relative accuracy
// (`arb_rel_accuracy_bits`), and if it falls short evaluate again at a higher
// precision. Ball arithmetic makes this sound: every attempt returns a valid enclosure,
// so the loop stops exactly when the enclosure is narrow enough, and the digits it
// prints are right.
//
// Some values can never be printed this way: a value that is exactly 0 but is not
// computed as the exact ball 0 (sin π) stays a ball around 0 at every precision, and has
// no correct leading digit. The precision bound stops the loop, and the result reports
// that the digits were not reached.

extension Ball {
    /// The outcome of `Ball.evaluate(toCorrectDigits:…)`.
    public struct CorrectDigitsResult: Sendable, CustomStringConvertible {
        /// The last ball computed: the most accurate enclosure found.
        public let ball: Ball
        /// The number of significant digits that was asked for.
        public let digits: Int
        /// True when `ball` has `digits` correct digits (`ball.hasCorrectDigits(digits)`).
        public let hasRequestedDigits: Bool

        /// The working precision of the last evaluation, in bits.
        public var precision: Int { ball.precision }

        /// `ball.decimalString(digits:)`: the plain decimal when the digits were reached,
        /// the ball with its radius otherwise.
        public var description: String { ball.decimalString(digits: digits) }

        /// The plain decimal with `digits` correct digits, or a thrown
        /// `BallError.insufficientPrecision` when they were not reached.
        public func decimalString() throws(BallError) -> String {
            guard hasRequestedDigits else {
                throw .insufficientPrecision(digits: digits, maximumPrecision: ball.precision)
            }
            return ball.decimalString(digits: digits)
        }
    }

    /// Evaluates `expression(precision)` at increasing working precision until the
    /// ball it returns has `digits` correct significant digits, or the precision would
    /// exceed `maximumPrecision`.
    ///
    /// The first attempt uses `startingPrecision`, by default the bits that `digits`
    /// decimal digits need plus 32 guard bits. Each further attempt doubles the
    /// precision, or more when the last result's `relativeAccuracyBits` shows a larger
    /// deficit (a loss of k bits to cancellation at one precision is usually a loss of k
    /// bits at the next). The last attempt runs at exactly `maximumPrecision`.
    ///
    /// `expression` must build its whole computation at the precision it is given —
    /// constants included (`Ball.pi(precision: p)`, `Ball(r, precision: p)`): a
    /// constant built once at 128 bits caps the accuracy of every attempt.
    ///
    /// Errors thrown by `expression` are rethrown unchanged.
    public static func evaluate<E: Error>(
        toCorrectDigits digits: Int,
        startingPrecision: Int? = nil,
        maximumPrecision: Int = 1 << 16,
        _ expression: (_ precision: Int) throws(E) -> Ball
    ) throws(E) -> CorrectDigitsResult {
        precondition(digits >= 1, "evaluate(toCorrectDigits:) needs at least one digit")
        checkPrecision(maximumPrecision)
        let neededBits = bits(forDecimalDigits: digits)
        var precision = Swift.min(startingPrecision ?? Swift.max(64, neededBits + 32), maximumPrecision)
        checkPrecision(precision)
        while true {
            let ball = try expression(precision)
            if ball.hasCorrectDigits(digits) {
                return CorrectDigitsResult(ball: ball, digits: digits, hasRequestedDigits: true)
            }
            if precision >= maximumPrecision {
                return CorrectDigitsResult(ball: ball, digits: digits, hasRequestedDigits: false)
            }
            var next = 2 * precision
            let accuracy = ball.relativeAccuracyBits
            if ball.isFinite && accuracy > -precision {
                // Short by (neededBits − accuracy) bits; ask for that much more, with margin.
                next = Swift.max(next, precision + (neededBits - accuracy) + 32)
            }
            precision = Swift.min(next, maximumPrecision)
        }
    }
}
