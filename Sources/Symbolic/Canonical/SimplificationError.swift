import Exact

/// Why an expression has no canonical form.
public enum SimplificationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A division whose divisor simplifies to 0 (`1/(t - t)`, `1/(sin(t)^2 + cos(t)^2 - 1)`).
    case divisionByZero(String)
    /// A function applied outside its real domain everywhere (`sqrt(-2)`, `log(0)`).
    case domain(String)
    /// Past a budget: degree, term count, exponent or nesting.
    case tooLarge(String)
    /// Past the time budget of the computation (`Deadline`).
    case timeBudgetExceeded(DeadlineExceeded)

    public var description: String {
        switch self {
        case .divisionByZero(let what): return "division by zero: \(what)"
        case .domain(let what): return what
        case .tooLarge(let what): return "too large: \(what)"
        case .timeBudgetExceeded(let e): return e.description
        }
    }

    /// Throws `timeBudgetExceeded` once the current deadline has passed.
    static func checkDeadline() throws(SimplificationError) {
        if let e = Deadline.exceeded { throw .timeBudgetExceeded(e) }
    }

    init(_ error: ArithmeticError) {
        switch error {
        case .divisionByZero: self = .divisionByZero("the divisor is 0")
        case .tooLarge(let what): self = .tooLarge(what)
        case .invalidNumber(let what): self = .domain(what)
        }
    }
}

/// Limits on canonicalisation.
public enum SimplificationBudget {
    /// Largest |n| in an integer power of a non-constant expression (the parser's
    /// limit on exponent literals).
    public static let maximumExponent = 10_000
    /// Largest total degree of a numerator or denominator built by a power.
    public static let maximumDegree = PolynomialBudget.maximumDegree
    /// Largest multiple k in sin(k·x) expanded by the zero test.
    public static let maximumAngleMultiple = 64
    /// Largest number of terms in a numerator or denominator.
    public static let maximumTerms = 20_000
}
