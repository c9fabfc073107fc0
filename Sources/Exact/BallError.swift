/// Errors of ball arithmetic, raised only by the throwing forms (`divided(by:)`,
/// `checkedFinite(_:)`, …); the plain operations return an indeterminate ball instead.
public enum BallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The result carries no information: an input outside the operation's domain
    /// (division by a ball containing 0, `log` of a ball reaching 0, …) or an input that
    /// was itself indeterminate. The payload names the operation.
    case indeterminate(String)
    /// `Ball.evaluate(toCorrectDigits:…)` could not reach the digits asked for within
    /// its precision bound — typically because the exact value is 0 (a ball around 0
    /// never has a correct leading digit) or the expression is ill-conditioned.
    case insufficientPrecision(digits: Int, maximumPrecision: Int)

    public var description: String {
        switch self {
        case .indeterminate(let operation):
            return "indeterminate result: \(operation)"
        case .insufficientPrecision(let digits, let maximumPrecision):
            return "could not get \(digits) correct digits within \(maximumPrecision) bits of precision"
        }
    }
}
