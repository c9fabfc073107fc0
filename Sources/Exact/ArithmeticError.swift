/// Errors raised by exact arithmetic on inputs that have no exact answer or whose answer
/// would not fit the budgets below.
///
/// Every operation that can fail on user-supplied values has a throwing form; the
/// operator forms (`/`, `%`) trap on a zero divisor as documented at each operator,
/// the same contract as Swift's `Int`.
public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A division, reciprocal or remainder by zero.
    case divisionByZero
    /// A result that would exceed `ExactBudget.maximumBits` bits, or an exponent past
    /// `ExactBudget.maximumExponent`.
    case tooLarge(String)
    /// Text that is not a number in the accepted syntax.
    case invalidNumber(String)

    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        case .tooLarge(let what): return "result too large: \(what)"
        case .invalidNumber(let text): return "not a number: '\(text)'"
        }
    }
}

/// Explicit limits on exact arithmetic, so that hostile input (`2^1000000000`,
/// `1e999999999`) gets an error instead of exhausting memory.
public enum ExactBudget {
    /// The largest integer, numerator or denominator sched will build: 2^24 bits
    /// (about five million decimal digits, 2 MiB).
    public static let maximumBits = 1 << 24
    /// The largest decimal exponent accepted when parsing (`1e100000`).
    public static let maximumDecimalExponent = 100_000
}
