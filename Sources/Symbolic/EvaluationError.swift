import Exact

/// Which rule of the real domain an evaluation broke.
public enum DomainViolation: Hashable, Sendable, CustomStringConvertible {
    /// A divisor that is 0, or 0 raised to a negative power.
    case divisionByZero
    /// A function outside its domain (`FunctionSpec.evaluationDomain`): `sqrt` of a
    /// negative number, `log` of a number ≤ 0, `tan` at a pole π/2 + kπ.
    case function(Function)
    /// x^y with x < 0 and y not an integer: no real value (SymPy's principal branch
    /// would be complex), even when y = p/q with q odd — see `BallEvaluator`.
    case nonIntegerPowerOfNegative

    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        case .function(let f): return f.spec.evaluationDomain?.violation ?? "\(f.name) outside its domain"
        case .nonIntegerPowerOfNegative: return "non-integer power of a negative number"
        }
    }
}

/// How sure a domain error is.
public enum Certainty: Hashable, Sendable {
    /// Proved: the value is outside the domain (a divisor that is exactly 0, a `log`
    /// argument whose whole enclosure is ≤ 0, tan of an exact odd multiple of π/2).
    case certain
    /// Not excluded: the enclosure of the argument straddles the boundary of the domain
    /// even at the largest precision tried, so the value may be outside it — or may be
    /// inside and too close to the boundary to tell (1/(1 − sin²t − cos²t) is a
    /// division by zero that balls can never prove, only fail to exclude).
    case possible
}

/// Why `BallEvaluator` returned no value. It never returns a wrong number instead: a
/// ball Arb would mark indeterminate (`[NaN ± ∞]`) is one of these errors.
public enum EvaluationError: Error, Sendable, CustomStringConvertible {
    /// A variable with no value; `range` is where it occurs (its first occurrence, in
    /// source order, that evaluation reaches).
    case unboundVariable(name: String, range: SourceRange?)
    /// The value is, or may be, outside the domain of an operation; `range` is the
    /// operation's node: the division, the power, the function call. Inside a
    /// derivative it is the node the failing part was derived from.
    case domainError(DomainViolation, certainty: Certainty, range: SourceRange?)
    /// The precision ran out: the requested digits were not reached within
    /// `precision` bits (typically because the exact value is 0 but not computed as
    /// an exact 0: sin(1) − sin(1)), or, at a fixed precision, an operation's result
    /// carried no information. `enclosure` is the best ball found, when there is one;
    /// `range` the node that lost all information, when that is what happened.
    case precisionExhausted(digits: Int?, precision: Int, enclosure: Ball?, range: SourceRange?)
    /// An explicit budget was exceeded: a derivative too large, or an integer exponent
    /// beyond `BallEvaluator.maximumIntegerExponent`.
    case budgetExceeded(String, range: SourceRange?)

    /// The source range of the node the error is about, if the tree was parsed.
    public var range: SourceRange? {
        switch self {
        case .unboundVariable(_, let range), .domainError(_, _, let range),
             .precisionExhausted(_, _, _, let range), .budgetExceeded(_, let range):
            return range
        }
    }

    public var description: String {
        let place = range.map { " at \($0)" } ?? ""
        switch self {
        case .unboundVariable(let name, _):
            return "no value for variable '\(name)'\(place)"
        case .domainError(let violation, let certainty, _):
            switch certainty {
            case .certain: return "\(violation)\(place)"
            case .possible: return "possible \(violation)\(place): the enclosure straddles the boundary of the domain"
            }
        case .precisionExhausted(let digits, let precision, let enclosure, _):
            let got = enclosure.map { "; best enclosure \($0)" } ?? ""
            if let digits {
                return "could not get \(digits) correct digits within \(precision) bits of precision\(place)\(got)"
            }
            return "no information left at \(precision) bits of precision\(place)\(got)"
        case .budgetExceeded(let what, _):
            return "budget exceeded\(place): \(what)"
        }
    }
}
