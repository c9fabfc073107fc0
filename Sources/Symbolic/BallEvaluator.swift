import Exact

/// Rigorous numerical evaluation of expressions at rational points, with Arb balls.
///
/// ## What the result promises
///
/// The returned ball contains the exact real value of the expression at the point. If
/// no such ball can be given, the evaluator throws an `EvaluationError`; it never
/// returns a number that might be wrong, and never Arb's indeterminate `[NaN ± ∞]`.
///
/// Rational parts are computed exactly in Q, and rational multiples of π are tracked
/// as such (`EvaluationValue`): `1/(t − t)` is a *certain* division by zero at any
/// rational t, `tan(pi/2)` a certain pole, `sin(pi)` exactly 0, `(1/3 + 1/6)·2`
/// exactly 1. Everything else is ball arithmetic at the working precision.
///
/// ## Domains (real numbers only; no complex intermediate values)
///
/// - `a/b`: b ≠ 0. `sqrt(x)`: x ≥ 0. `log(x)`: x > 0. `tan(x)`: x ≠ π/2 + kπ. The
///   other functions are defined everywhere.
/// - `x^n` for an integer n (a literal, or any exponent whose value is exactly an
///   integer): every x, computed as an exact integer power (by repeated squaring for
///   balls), so `(−2)^3 = −8` and `(t − 2)^2` is fine at every t; x ≠ 0 when n < 0;
///   `0^0 = 1`, as in SymPy and Arb. |n| is limited to `maximumIntegerExponent`.
/// - `x^y` for a non-integer y: x > 0, or x = 0 with y > 0 (giving 0). The value is
///   the principal power exp(y·log x).
///
/// Decision on odd roots: `(−8)^(1/3)` is a domain error, not −2. The principal power
/// of a negative number is complex (SymPy gives 1 + √3·i), the real cube root is a
/// different function, and choosing it would also make x^(2/6) differ from x^(1/3).
/// A real root should be written as a function when the language gets one.
///
/// ## Certain and possible domain errors
///
/// Balls decide a sign only when the enclosure excludes 0. When an argument's
/// enclosure straddles the boundary of a domain, the error is `.possible`: at a fixed
/// precision immediately; in `evaluate(_:at:correctDigits:)` only after the largest
/// precision still straddles (the point may be inside the domain but too close to the
/// boundary, or exactly on it without exact arithmetic being able to prove it). An
/// exactly known violation — an exact zero divisor, a `log` argument whose whole
/// enclosure is ≤ 0 — is `.certain` at once.
///
/// ## Derivatives
///
/// `diff(u, x)` nodes are expanded symbolically before evaluation (at most
/// `maximumDerivativeNodes` nodes each), and u itself is evaluated too: a derivative
/// is only reported where the function is defined (see `EvaluationPlan`).
public struct BallEvaluator: Sendable {
    /// The largest working precision tried by `evaluate(_:at:correctDigits:)`, in bits.
    public var maximumPrecision: Int
    /// The node budget of each expanded derivative.
    public var maximumDerivativeNodes: Int
    /// The largest |n| for an integer exponent. Balls could take far more (x^n costs
    /// O(log n) multiplications), but exact results grow linearly with n, and such an
    /// exponent in a schedule is a mistake rather than an intention.
    public var maximumIntegerExponent: Int
    /// Exact rationals larger than this (numerator plus denominator bits) continue as
    /// balls, so that exact arithmetic stays cheap.
    public var maximumExactBits: Int

    public init(
        maximumPrecision: Int = 1 << 16,
        maximumDerivativeNodes: Int = Expr.defaultMaximumDerivativeNodes,
        maximumIntegerExponent: Int = 1_000_000,
        maximumExactBits: Int = 1 << 16
    ) {
        self.maximumPrecision = maximumPrecision
        self.maximumDerivativeNodes = maximumDerivativeNodes
        self.maximumIntegerExponent = maximumIntegerExponent
        self.maximumExactBits = maximumExactBits
    }

    /// An enclosure of the value of `e` with the variables set to `values`, computed at
    /// `precision` bits. A wide ball is a valid answer (cancellation eats digits); use
    /// `evaluate(_:at:correctDigits:)` to get a guaranteed number of digits.
    ///
    /// Precondition: `precision` in 2…`Ball.maximumPrecision`.
    public func evaluate(_ e: Expr, at values: [String: Rational], precision: Int) throws(EvaluationError) -> Ball {
        precondition(precision >= 2 && precision <= Ball.maximumPrecision,
                     "precision \(precision) outside 2...\(Ball.maximumPrecision) bits")
        let plan = try EvaluationPlan(compiling: e, values: values, maximumDerivativeNodes: maximumDerivativeNodes)
        return try BallEvaluation(settings: self, precision: precision).value(plan).ball(precision: precision)
    }

    /// The value of `e` with `digits` correct significant digits: evaluates at
    /// increasing precision (`Ball.evaluate(toCorrectDigits:…)`) up to
    /// `maximumPrecision`. The result always has `hasRequestedDigits == true`; when the
    /// digits are not reached, `EvaluationError.precisionExhausted` is thrown with the
    /// best enclosure. A possible domain error or an uninformative intermediate result
    /// makes the loop go on to a higher precision, and is only reported if it persists
    /// at `maximumPrecision`.
    ///
    /// Precondition: `digits >= 1`.
    public func evaluate(
        _ e: Expr, at values: [String: Rational], correctDigits digits: Int
    ) throws(EvaluationError) -> Ball.CorrectDigitsResult {
        precondition(digits >= 1, "evaluate(correctDigits:) needs at least one digit")
        let plan = try EvaluationPlan(compiling: e, values: values, maximumDerivativeNodes: maximumDerivativeNodes)
        let maximumPrecision = self.maximumPrecision
        let result = try Ball.evaluate(toCorrectDigits: digits, maximumPrecision: maximumPrecision) {
            (precision: Int) throws(EvaluationError) -> Ball in
            do throws(EvaluationError) {
                return try BallEvaluation(settings: self, precision: precision).value(plan).ball(precision: precision)
            } catch {
                switch error {
                case .domainError(_, .possible, _), .precisionExhausted:
                    // Not decided at this precision: an indeterminate ball makes the loop retry.
                    if precision < maximumPrecision { return Ball.indeterminate(precision: precision) }
                    if case .precisionExhausted(_, _, let enclosure, let range) = error {
                        throw .precisionExhausted(digits: digits, precision: precision, enclosure: enclosure, range: range)
                    }
                default:
                    break
                }
                throw error
            }
        }
        guard result.hasRequestedDigits else {
            throw .precisionExhausted(digits: digits, precision: result.precision, enclosure: result.ball, range: e.range)
        }
        return result
    }
}

/// One evaluation of a plan at one precision.
struct BallEvaluation {
    let settings: BallEvaluator
    let precision: Int

    var exactBits: Int { settings.maximumExactBits }

    func value(_ plan: EvaluationPlan) throws(EvaluationError) -> EvaluationValue {
        switch plan {
        case .rational(let r):
            return .exact(r, exactBits: exactBits, precision: precision)
        case .pi:
            return .piMultiple(1)
        case .negation(let x):
            return .negation(try value(x))
        case .binary(let op, let l, let r, let range):
            let a = try value(l), b = try value(r)
            return try binary(op, a, b, range: range)
        case .function(let f, let x, let range):
            return try function(f, value(x), range: range)
        case .derivative(let function, let derivative):
            _ = try value(function)
            return try value(derivative)
        }
    }

    /// `v` itself when it is not a ball without information; the error otherwise.
    func checked(_ v: EvaluationValue, range: SourceRange?) throws(EvaluationError) -> EvaluationValue {
        if case .ball(let b) = v, !b.isFinite {
            throw .precisionExhausted(digits: nil, precision: precision, enclosure: nil, range: range)
        }
        return v
    }

    // MARK: Arithmetic

    func binary(_ op: BinaryOperator, _ a: EvaluationValue, _ b: EvaluationValue, range: SourceRange?) throws(EvaluationError) -> EvaluationValue {
        switch op {
        case .add:
            return try checked(.sum(a, b, exactBits: exactBits, precision: precision), range: range)
        case .subtract:
            return try checked(.sum(a, .negation(b), exactBits: exactBits, precision: precision), range: range)
        case .multiply:
            return try checked(.product(a, b, exactBits: exactBits, precision: precision), range: range)
        case .divide:
            switch b.provedSign {
            case 0?: throw .domainError(.divisionByZero, certainty: .certain, range: range)
            case nil: throw .domainError(.divisionByZero, certainty: .possible, range: range)
            default: return try checked(.quotient(a, b, exactBits: exactBits, precision: precision), range: range)
            }
        case .power:
            return try power(a, b, range: range)
        }
    }

    /// Whether an exponent is an integer: proved so (with its value), proved not, or
    /// undecided (a ball that contains an integer but is not exactly one).
    enum Integerness {
        case integer(BigInt)
        case nonInteger
        case unknown
    }

    static func integerness(_ v: EvaluationValue) -> Integerness {
        switch v {
        case .exact(let r):
            return r.isInteger ? .integer(r.numerator) : .nonInteger
        case .piMultiple:
            return .nonInteger
        case .ball(let b):
            guard let lower = b.lowerBound, let upper = b.upperBound else { return .unknown }
            if b.isExact, lower.isInteger { return .integer(lower.numerator) }
            // Inside one open interval (k, k + 1): no integer.
            if !lower.isInteger, !upper.isInteger, lower.floor == upper.floor { return .nonInteger }
            return .unknown
        }
    }

    func power(_ base: EvaluationValue, _ exponent: EvaluationValue, range: SourceRange?) throws(EvaluationError) -> EvaluationValue {
        switch BallEvaluation.integerness(exponent) {
        case .integer(let n):
            return try integerPower(base, n, range: range)
        case .nonInteger:
            return try realPower(base, exponent, provedNonInteger: true, range: range)
        case .unknown:
            return try realPower(base, exponent, provedNonInteger: false, range: range)
        }
    }

    /// base^n, n an integer: any base, exactly when the base is exact and the result
    /// small; 0 excluded for n < 0.
    func integerPower(_ base: EvaluationValue, _ n: BigInt, range: SourceRange?) throws(EvaluationError) -> EvaluationValue {
        let limit = settings.maximumIntegerExponent
        guard let k = n.exactInt, k != Int.min, abs(k) <= limit else {
            throw .budgetExceeded("integer exponent \(n) beyond ±\(limit)", range: range)
        }
        if k == 0 { return .exact(1) }
        if k < 0 {
            switch base.provedSign {
            case 0?: throw .domainError(.divisionByZero, certainty: .certain, range: range)
            case nil: throw .domainError(.divisionByZero, certainty: .possible, range: range)
            default: break
            }
        }
        if case .exact(let b) = base {
            let (bits, overflow) = b.bitSize.multipliedReportingOverflow(by: abs(k))
            if !overflow, bits <= exactBits, let result = try? b.power(k) {
                return .exact(result, exactBits: exactBits, precision: precision)
            }
        }
        return try checked(.ball(base.ball(precision: precision).power(k)), range: range)
    }

    /// base^y for a y not proved to be an integer: the principal power, which needs a
    /// positive base (or 0 with y > 0).
    func realPower(
        _ base: EvaluationValue, _ exponent: EvaluationValue, provedNonInteger: Bool, range: SourceRange?
    ) throws(EvaluationError) -> EvaluationValue {
        switch base.provedSign {
        case 1?:
            if case .exact(let r) = exponent {
                if case .exact(let b) = base, r.denominator == BigInt(2), let root = b.exactSquareRoot(),
                   let k = r.numerator.exactInt, abs(k) <= 64, let result = try? root.power(k) {
                    return .exact(result, exactBits: exactBits, precision: precision)
                }
                return try checked(.ball(base.ball(precision: precision).power(r)), range: range)
            }
            let x = base.ball(precision: precision), y = exponent.ball(precision: precision)
            return try checked(.ball(Ball.exp(y * Ball.log(x))), range: range)
        case 0?:
            switch exponent.provedSign {
            case 1?: return .exact(0)
            case .some(-1): throw .domainError(.divisionByZero, certainty: .certain, range: range)
            default: throw .domainError(.divisionByZero, certainty: .possible, range: range)
            }
        case .some(-1):
            throw .domainError(.nonIntegerPowerOfNegative, certainty: provedNonInteger ? .certain : .possible, range: range)
        default:
            // The base straddles 0: it may be negative, or 0.
            let violation: DomainViolation = exponent.provedSign == -1 ? .divisionByZero : .nonIntegerPowerOfNegative
            throw .domainError(violation, certainty: .possible, range: range)
        }
    }

    // MARK: Functions

    func function(_ f: Function, _ x: EvaluationValue, range: SourceRange?) throws(EvaluationError) -> EvaluationValue {
        let spec = f.spec
        // Points outside the domain that are known exactly.
        if let domain = spec.evaluationDomain, domain.isCertainlyOutside(x) {
            throw .domainError(.function(f), certainty: .certain, range: range)
        }
        if let exact = spec.exactValue(x) { return exact }
        let y = spec.ball(x.ball(precision: precision))
        // Arb gives [NaN ± ∞] as soon as the ball reaches outside the domain.
        if !y.isFinite, spec.evaluationDomain != nil {
            throw .domainError(.function(f), certainty: .possible, range: range)
        }
        return try checked(.ball(y), range: range)
    }
}
