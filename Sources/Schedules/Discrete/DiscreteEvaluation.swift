import Exact
import Symbolic

/// Every quantity of the unified model at every step of a discrete-time schedule.
///
/// The lets are evaluated once, step by step (a cumulative product costs one
/// multiplication a step: O(steps)). The quantities (det A, ρ, SNR, …) are derived
/// symbolically once, as canonical forms over the step variable and the lets, so
/// that identities hold exactly at every step (v-prediction's det A = α² + σ² = ᾱ +
/// 1 − ᾱ = 1 whatever ᾱ is); each form is then evaluated at each step, exactly when
/// every value it uses is rational and rational operations suffice, as a certified
/// ball otherwise. A step where the coefficients *as written* are undefined, or a
/// quantity's formula divides by zero (SNR = α²/σ² where σ = 0), has no value there.
public struct DiscreteEvaluation: Sendable {
    public let schedule: DiscreteSchedule
    public let precision: Int
    /// Each let's value at each step (index: step − first).
    public let letValues: [String: [Result<StepValue, StepFailure>]]
    /// For each `min`/`max` let, the steps where the second argument was taken
    /// because it is strictly smaller (larger): the clipped steps.
    public let clippedSteps: [String: [Int]]
    /// The quantities' canonical forms over the step variable and the lets.
    public let forms: [String: Result<CanonicalForm, SimplificationError>]

    public static let quantityNames = UnifiedModel.quantityNames

    public init(_ schedule: DiscreteSchedule, precision: Int = 128) {
        self.schedule = schedule
        self.precision = precision
        var values: [String: [Result<StepValue, StepFailure>]] = [:]
        var clipped: [String: [Int]] = [:]
        for l in schedule.lets {
            let evaluator = StepExpressionEvaluator(stepName: schedule.stepName, first: schedule.first, precision: precision,
                                                    letValues: values)
            var sequence: [Result<StepValue, StepFailure>] = []
            sequence.reserveCapacity(schedule.count)
            func at(_ e: Expr, _ k: Int) -> Result<StepValue, StepFailure> {
                do throws(StepFailure) { return .success(try evaluator.value(e, at: k)) } catch { return .failure(error) }
            }
            switch l.kind {
            case .expression(let e):
                for k in schedule.first...schedule.last { sequence.append(at(e, k)) }
            case .list(let list):
                sequence = list.map { .success(.exact($0)) }
            case .cumulativeProduct(let e), .cumulativeSum(let e):
                let op: BinaryOperator
                if case .cumulativeProduct = l.kind { op = .multiply } else { op = .add }
                var running: Result<StepValue, StepFailure>?
                for k in schedule.first...schedule.last {
                    let term = at(e, k)
                    if let previous = running {
                        running = previous.flatMap { p in
                            term.flatMap { t in
                                do throws(StepFailure) {
                                    return .success(try StepExpressionEvaluator.binary(op, p, t, precision: precision))
                                } catch { return .failure(error) }
                            }
                        }
                    } else {
                        running = term
                    }
                    sequence.append(running!)
                }
            case .minimum(let a, let b), .maximum(let a, let b):
                var isMinimum = false
                if case .minimum = l.kind { isMinimum = true }
                for k in schedule.first...schedule.last {
                    let choice = Self.compare(at(a, k), at(b, k), precision: precision)
                    switch choice {
                    case .failure(let f): sequence.append(.failure(f))
                    case .success(let (x, y, order)):
                        // order: −1 x < y, 0 equal, 1 x > y.
                        let takeSecond = isMinimum ? order > 0 : order < 0
                        if takeSecond { clipped[l.name, default: []].append(k) }
                        sequence.append(.success(takeSecond ? y : x))
                    }
                }
            }
            values[l.name] = sequence
        }
        letValues = values
        clippedSteps = clipped
        forms = Self.quantityForms(schedule)
    }

    /// Compares two values: the order when it is proven.
    static func compare(_ a: Result<StepValue, StepFailure>, _ b: Result<StepValue, StepFailure>,
                        precision: Int) -> Result<(StepValue, StepValue, Int), StepFailure> {
        a.flatMap { x in
            b.flatMap { y in
                do throws(StepFailure) {
                    let difference = try StepExpressionEvaluator.binary(.subtract, x, y, precision: precision)
                    guard let sign = difference.sign else { return .failure(.unknown("the comparison is not decided at this precision")) }
                    return .success((x, y, sign))
                } catch { return .failure(error) }
            }
        }
    }

    static func quantityForms(_ s: DiscreteSchedule) -> [String: Result<CanonicalForm, SimplificationError>] {
        // Expression lets are substituted, so that a let applied at a step cancels
        // with the let at that step (√ᾱ − √ᾱ₉₉₉ at 999); cumulative, list and
        // min/max lets stay symbols.
        var inline: [String: Expr] = [:]
        for l in s.lets {
            if case .expression(let e) = l.kind { inline[l.name] = e.substituting(inline) }
        }
        func expand(_ e: Expr) -> Expr { e.substituting(inline) }
        do {
            let simplifier = Simplifier()
            let model = UnifiedModel(
                domain: AnalysisDomain(variable: s.stepName, lower: CanonicalForm(s.first), upper: CanonicalForm(s.last),
                                       lowerClosed: true, upperClosed: true),
                alpha: try simplifier.canonicalForm(of: expand(s.alpha)), sigma: try simplifier.canonicalForm(of: expand(s.sigma)),
                c: try simplifier.canonicalForm(of: expand(s.c)), d: try simplifier.canonicalForm(of: expand(s.d)))
            return model.quantities()
        } catch {
            return Dictionary(uniqueKeysWithValues: quantityNames.map { ($0, .failure(error.error)) })
        }
    }

    var evaluator: StepExpressionEvaluator {
        StepExpressionEvaluator(stepName: schedule.stepName, first: schedule.first, precision: precision, letValues: letValues)
    }

    /// `quantity` at `step`: its value, or why there is none.
    public func value(of quantity: String, at step: Int) -> Result<StepValue, StepFailure> {
        let e = evaluator
        do throws(StepFailure) {
            // The coefficients as written must be defined at the step.
            for coefficient in [schedule.alpha, schedule.sigma, schedule.c, schedule.d] { _ = try e.value(coefficient, at: step) }
            for condition in Self.conditions[quantity] ?? [] {
                let signs = try condition.map { name throws(StepFailure) in try formValue(name, at: step).sign }
                if signs.allSatisfy({ $0 == 0 }) {
                    throw .undefined("\(condition.joined(separator: " = ")) = 0 there, where \(quantity) is undefined")
                }
                if signs.contains(where: { $0 == nil }), !signs.contains(where: { $0 == 1 || $0 == -1 }) {
                    throw .unknown("whether \(condition.joined(separator: " and ")) vanish there is not decided at this precision")
                }
            }
            return .success(try formValue(quantity, at: step))
        } catch { return .failure(error) }
    }

    /// The formula conditions of each quantity (UnifiedModel.formulaDefinedness): each
    /// list of names may not all be zero.
    static let conditions: [String: [[String]]] = [
        "rho": [["alpha", "sigma"], ["c", "d"]],
        "snr": [["sigma"]], "weight_x0": [["sigma"]], "weight_eps": [["alpha"]],
        "logsnr": [["sigma"], ["alpha"]],
        "amp_x0": [["det"]], "amp_eps": [["det"]],
    ]

    /// The value of a quantity's form at `step`, without the definedness checks.
    func formValue(_ quantity: String, at step: Int) throws(StepFailure) -> StepValue {
        guard case .success(var form)? = forms[quantity] else { throw .unknown("\(quantity) has no canonical form") }
        // A let applied at this very step (abar@999 at 999) is the let itself: the
        // form is simplified again with it, so that √ᾱ₉₉₉ − √ᾱ₉₉₉ is exactly 0.
        let here = form.symbols.filter { $0.hasSuffix("@\(step)") }
        if !here.isEmpty {
            let bindings = Dictionary(uniqueKeysWithValues: here.map { ($0, CanonicalForm.symbol(String($0.prefix { $0 != "@" }))) })
            guard let specialised = try? Simplifier(bindings: bindings).canonicalForm(of: form.expression) else {
                throw .unknown("\(quantity) could not be simplified at step \(step)")
            }
            form = specialised
        }
        var symbolValues: [String: StepValue] = [:]
        let e = evaluator
        for name in form.symbols { symbolValues[name] = try e.value(.variable(name), at: step) }
        if let exact = Self.exactValue(form, symbolValues) { return .exactOrBall(exact, precision: precision) }
        let ball = form.ball(atBalls: symbolValues.mapValues { $0.ball(precision: precision) }, precision: precision)
        guard ball.isFinite else { throw .unknown("\(quantity) has no finite enclosure at \(precision) bits") }
        return .ball(ball)
    }

    /// The exact value of a rational function of the symbols, when every symbol is exact.
    static func exactValue(_ form: CanonicalForm, _ values: [String: StepValue]) -> Rational? {
        var byKey: [String: Rational] = [:]
        for (key, kernel) in zip(form.kernelKeys.sorted(), form.kernels) {
            guard case .symbol(let name) = kernel, let r = values[name]?.rational else { return nil }
            byKey[key] = r
        }
        func evaluate(_ p: MultivariatePolynomial) -> Rational? {
            let variables = p.ring.variables.map { byKey[$0] }
            var sum = Rational.zero
            for term in p.terms {
                var product = term.coefficient
                for (i, power) in term.exponents.enumerated() where power > 0 {
                    guard let v = variables[i], let p = try? v.power(power) else { return nil }
                    product = product * p
                }
                sum = sum + product
            }
            return sum
        }
        guard let n = evaluate(form.numerator), let d = evaluate(form.denominator), !d.isZero else { return nil }
        return n / d
    }
}
