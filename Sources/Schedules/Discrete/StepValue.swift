import Exact
import Symbolic

/// A value at one step: an exact rational, or a certified enclosure (an Arb ball)
/// when the value is irrational or too large to keep exactly.
public enum StepValue: Sendable {
    case exact(Rational)
    case ball(Ball)

    /// Exact rationals above this many bits (numerator plus denominator) continue as
    /// balls. DDPM's linear β over 1,000 steps gives ᾱ of about 30,000 bits.
    public static let maximumExactBits = 1 << 20

    public func ball(precision: Int) -> Ball {
        switch self {
        case .exact(let r): return Ball(r, precision: precision)
        case .ball(let b): return b
        }
    }

    public var rational: Rational? {
        if case .exact(let r) = self { return r }
        return nil
    }

    /// The sign when it is proven: −1, 0 or 1; nil when the ball contains 0 and is not 0.
    public var sign: Int? {
        switch self {
        case .exact(let r): return r.signum
        case .ball(let b):
            if b.isCertainlyPositive { return 1 }
            if b.isCertainlyNegative { return -1 }
            if b.isExactlyZero { return 0 }
            return nil
        }
    }

    /// True when the value is proven to be 0.
    public var isProvenZero: Bool { sign == 0 }

    /// The decimal text with `digits` significant digits; correct digits only.
    public func decimal(digits: Int) -> String {
        switch self {
        case .exact(let r): return r.decimalString(significantDigits: digits)
        case .ball(let b): return b.isExactlyZero ? "0" : b.decimalString(digits: digits)
        }
    }

    static func exactOrBall(_ r: Rational, precision: Int) -> StepValue {
        r.bitSize <= maximumExactBits ? .exact(r) : .ball(Ball(r, precision: precision))
    }
}

/// Why a value at a step is missing.
public enum StepFailure: Error, Sendable, Hashable {
    /// Proven undefined there (a division by an exact zero, the square root of a
    /// negative number): never a zero or a value.
    case undefined(String)
    /// Not decided at the working precision (an enclosure straddles a domain boundary).
    case unknown(String)
}

/// Evaluates resolved expressions (see `DiscreteScheduleChecker`) at a step, exactly
/// in Q while every operation stays rational, with balls otherwise.
struct StepExpressionEvaluator {
    var stepName: String
    var first: Int
    var precision: Int
    /// The value of each let at each step (index: step − first).
    var letValues: [String: [Result<StepValue, StepFailure>]]

    func value(_ e: Expr, at step: Int) throws(StepFailure) -> StepValue {
        switch e.kind {
        case .number(let r): return .exact(r)
        case .pi: return .ball(.pi(precision: precision))
        case .variable(let name):
            if name == stepName { return .exact(Rational(step)) }
            return try letValue(name, at: step)
        case .negation(let x):
            switch try value(x, at: step) {
            case .exact(let r): return .exact(-r)
            case .ball(let b): return .ball(-b)
            }
        case .binary(let op, let l, let r):
            return try Self.binary(op, try value(l, at: step), try value(r, at: step), precision: precision)
        case .function(let f, let x):
            return try Self.function(f, try value(x, at: step), precision: precision)
        case .derivative, .application:
            throw .undefined("'\(e)' is not evaluated on a discrete domain")
        }
    }

    /// `abar` at `step`, or `abar@999` at 999.
    func letValue(_ name: String, at step: Int) throws(StepFailure) -> StepValue {
        var letName = name, index = step
        if let at = name.firstIndex(of: "@"), let k = Int(name[name.index(after: at)...]) {
            letName = String(name[..<at])
            index = k
        }
        guard let values = letValues[letName], index - first >= 0, index - first < values.count else {
            throw .undefined("'\(name)' has no value at step \(index)")
        }
        return try values[index - first].get()
    }

    static func binary(_ op: BinaryOperator, _ a: StepValue, _ b: StepValue, precision: Int) throws(StepFailure) -> StepValue {
        if case .exact(let x) = a, case .exact(let y) = b {
            switch op {
            case .add: return .exactOrBall(x + y, precision: precision)
            case .subtract: return .exactOrBall(x - y, precision: precision)
            case .multiply: return .exactOrBall(x * y, precision: precision)
            case .divide:
                guard !y.isZero else { throw .undefined("division by zero") }
                return .exactOrBall(x / y, precision: precision)
            case .power:
                if y.isInteger, let n = Int(y.numerator.description), abs(n) <= 1_000_000 {
                    if x.isZero, n < 0 { throw .undefined("0 to a negative power") }
                    if let p = try? x.power(n) { return .exactOrBall(p, precision: precision) }
                }
                if y.denominator.description == "2", let root = x.exactSquareRoot(), let n = Int(y.numerator.description),
                   let p = try? root.power(n) {
                    return .exactOrBall(p, precision: precision)
                }
            }
        }
        let x = a.ball(precision: precision), y = b.ball(precision: precision)
        let result: Ball
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide:
            guard y.isCertainlyNonzero else {
                if y.isExactlyZero { throw .undefined("division by zero") }
                throw .unknown("the divisor's enclosure contains 0")
            }
            result = x / y
        case .power:
            if case .exact(let e) = b, e.isInteger, let n = Int(e.numerator.description), abs(n) <= 1_000_000 {
                if n < 0, !x.isCertainlyNonzero { throw .unknown("the base's enclosure contains 0") }
                result = x.power(n)
            } else {
                guard x.isCertainlyPositive else {
                    if x.isCertainlyNegative { throw .undefined("a negative number to a non-integer power") }
                    throw .unknown("the base's enclosure contains 0")
                }
                result = Ball.exp(y * Ball.log(x))
            }
        }
        return try checked(result)
    }

    static func checked(_ b: Ball) throws(StepFailure) -> StepValue {
        guard b.isFinite else { throw .unknown("no finite enclosure at this precision") }
        return .ball(b)
    }

    static func function(_ f: Function, _ x: StepValue, precision: Int) throws(StepFailure) -> StepValue {
        switch f.name {
        case "sqrt":
            if case .exact(let r) = x {
                guard !r.isNegative else { throw .undefined("the square root of a negative number") }
                if let root = r.exactSquareRoot() { return .exact(root) }
            }
            let b = x.ball(precision: precision)
            if b.isCertainlyNegative { throw .undefined("the square root of a negative number") }
            if !b.isCertainlyPositive, !b.isExactlyZero { throw .unknown("the radicand's enclosure contains 0") }
            return try checked(Ball.sqrt(b))
        case "log", "logit":
            if case .exact(let r) = x, r.isOne, f.name == "log" { return .exact(.zero) }
            let b = x.ball(precision: precision)
            if f.name == "log" {
                if x.sign == 0 || x.sign == -1 { throw .undefined("the logarithm of a number ≤ 0") }
                guard b.isCertainlyPositive else { throw .unknown("the logarithm's argument contains 0") }
            }
            return try checked(f.spec.ball(b))
        case "exp", "sin", "cos", "tan", "sinh", "tanh", "atan":
            if case .exact(let r) = x, r.isZero {
                return .exact(f.name == "cos" ? .one : (f.name == "exp" ? .one : .zero))
            }
            return try checked(f.spec.ball(x.ball(precision: precision)))
        case "cosh":
            if case .exact(let r) = x, r.isZero { return .exact(.one) }
            return try checked(f.spec.ball(x.ball(precision: precision)))
        default:
            return try checked(f.spec.ball(x.ball(precision: precision)))
        }
    }
}
