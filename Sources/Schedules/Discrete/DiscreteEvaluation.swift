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
    /// Per step (index: step − first): why the coefficients as written have no value
    /// there, if they have none.
    private var coefficientFailures: [StepFailure?] = []
    /// α, σ, c, d and det A at every step, computed once: every quantity's
    /// definedness conditions use them.
    private var coefficientValues: [String: [Result<StepValue, StepFailure>]] = [:]

    static let coefficientNames = ["alpha", "sigma", "c", "d", "det"]

    /// What evaluating a form needs, computed once per form (finding a form's symbols
    /// walks its kernels).
    struct FormPlan: Sendable {
        var form: CanonicalForm
        var symbols: Set<String>
        /// Kernel key → symbol name, when every kernel is a symbol (a rational function).
        var rationalKernels: [String: String]?
    }

    /// The forms, their plans, and the forms re-simplified at the steps where a let
    /// is applied: what does not depend on the precision.
    public struct SymbolicPart: Sendable {
        public let forms: [String: Result<CanonicalForm, SimplificationError>]
        let plans: [String: FormPlan]
        /// quantity → step → the plan with `abar@step` replaced by `abar`.
        let specialised: [String: [Int: FormPlan?]]

        init(_ schedule: DiscreteSchedule) {
            forms = DiscreteEvaluation.quantityForms(schedule)
            var plans: [String: FormPlan] = [:]
            var specialised: [String: [Int: FormPlan?]] = [:]
            for (name, result) in forms {
                guard case .success(let f) = result else { continue }
                let plan = DiscreteEvaluation.plan(f)
                plans[name] = plan
                let steps = Set(plan.symbols.compactMap { symbol in symbol.firstIndex(of: "@").flatMap { Int(symbol[symbol.index(after: $0)...]) } })
                for k in steps {
                    let here = plan.symbols.filter { $0.hasSuffix("@\(k)") }
                    let bindings = Dictionary(uniqueKeysWithValues: here.map { ($0, CanonicalForm.symbol(String($0.prefix { $0 != "@" }))) })
                    specialised[name, default: [:]][k] = (try? Simplifier(bindings: bindings).canonicalForm(of: f.expression))
                        .map(DiscreteEvaluation.plan)
                }
            }
            self.plans = plans
            self.specialised = specialised
        }
    }

    public let symbolic: SymbolicPart
    var plans: [String: FormPlan] { symbolic.plans }

    static func plan(_ form: CanonicalForm) -> FormPlan {
        var names: [String: String]? = [:]
        for (key, kernel) in zip(form.kernelKeys.sorted(), form.kernels) {
            if case .symbol(let name) = kernel { names?[key] = name } else { names = nil }
        }
        return FormPlan(form: form, symbols: form.symbols, rationalKernels: names)
    }

    public static let quantityNames = UnifiedModel.quantityNames

    /// `forms`: the quantity forms of an evaluation of the same schedule at another
    /// precision (they do not depend on it).
    public init(_ schedule: DiscreteSchedule, precision: Int = 128, symbolic known: SymbolicPart? = nil) {
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
        symbolic = known ?? SymbolicPart(schedule)
        forms = symbolic.forms
        let e = evaluator
        let written = [("alpha", schedule.alpha), ("sigma", schedule.sigma), ("c", schedule.c), ("d", schedule.d)]
        var table: [String: [Result<StepValue, StepFailure>]] = [:]
        for (name, _) in written { table[name] = [] }
        var failures: [StepFailure?] = []
        for k in schedule.first...schedule.last {
            do throws(StepFailure) {
                let values = try written.map { pair throws(StepFailure) in try e.value(pair.1, at: k) }
                failures.append(nil)
                for ((name, _), v) in zip(written, values) {
                    // The value as written is an enclosure wherever it is defined; the
                    // canonical form decides what it leaves open (√ᾱ − √ᾱ₉₉₉ at 999).
                    if v.sign != nil, !(plans[name]?.symbols.contains { $0.hasSuffix("@\(k)") } ?? false) {
                        table[name]!.append(.success(v))
                    } else {
                        table[name]!.append(Result { () throws(StepFailure) in try formValue(name, at: k) })
                    }
                }
            } catch {
                failures.append(error)
                for (name, _) in written { table[name]!.append(.failure(error)) }
            }
        }
        coefficientFailures = failures
        table["det"] = (schedule.first...schedule.last).map { k in Result { () throws(StepFailure) in try formValue("det", at: k) } }
        coefficientValues = table
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
        let i = step - schedule.first
        guard i >= 0, i < coefficientFailures.count else { return .failure(.undefined("step \(step) is outside the steps")) }
        do throws(StepFailure) {
            // The coefficients as written must be defined at the step.
            if let failure = coefficientFailures[i] { throw failure }
            for condition in Self.conditions[quantity] ?? [] {
                let signs = try condition.map { name throws(StepFailure) in try coefficientValues[name]![i].get().sign }
                if signs.allSatisfy({ $0 == 0 }) {
                    throw .undefined("\(condition.joined(separator: " = ")) = 0 there, where \(quantity) is undefined")
                }
                if signs.contains(where: { $0 == nil }), !signs.contains(where: { $0 == 1 || $0 == -1 }) {
                    throw .unknown("whether \(condition.joined(separator: " and ")) vanish there is not decided at this precision")
                }
            }
            if let cached = coefficientValues[quantity] { return cached[i] }
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
        guard var plan = plans[quantity] else { throw .unknown("\(quantity) has no canonical form") }
        // A let applied at this very step (abar@999 at 999) is the let itself: the
        // form simplified again with it, so that √ᾱ₉₉₉ − √ᾱ₉₉₉ is exactly 0.
        if let specialised = symbolic.specialised[quantity]?[step] {
            guard let specialised else { throw .unknown("\(quantity) could not be simplified at step \(step)") }
            plan = specialised
        }
        var symbolValues: [String: StepValue] = [:]
        let e = evaluator
        for name in plan.symbols { symbolValues[name] = try e.value(.variable(name), at: step) }
        if let kernels = plan.rationalKernels, let exact = Self.exactValue(plan.form, kernels, symbolValues) {
            return .exactOrBall(exact, precision: precision)
        }
        let ball = plan.form.ball(atBalls: symbolValues.mapValues { $0.ball(precision: precision) }, precision: precision)
        if ball.isFinite, ball.isCertainlyNonzero || ball.isExactlyZero { return .ball(ball) }
        // The enclosure contains 0 (1 − e^μ/e^μ, log 35 − log 35): substitute the
        // exact values symbolically; a canonical form that is 0 is identically 0.
        if let exact = Self.substitutingExactValues(plan.form, symbolValues) {
            if let r = exact.rationalValue { return .exactOrBall(r, precision: precision) }
            let b = exact.ball(atBalls: symbolValues.mapValues { $0.ball(precision: precision) }, precision: precision)
            if b.isFinite { return .ball(b) }
        }
        guard ball.isFinite else { throw .unknown("\(quantity) has no finite enclosure at \(precision) bits") }
        return .ball(ball)
    }

    /// Exact symbol values above this many bits are not substituted symbolically.
    static let maximumSubstitutedBits = 4096

    /// The form with its exactly known symbols replaced by their values and simplified.
    static func substitutingExactValues(_ form: CanonicalForm, _ values: [String: StepValue]) -> CanonicalForm? {
        var bindings: [String: CanonicalForm] = [:]
        for (name, v) in values {
            if let r = v.rational, r.bitSize <= maximumSubstitutedBits { bindings[name] = CanonicalForm(r) }
        }
        guard !bindings.isEmpty else { return nil }
        return try? Simplifier(bindings: bindings).canonicalForm(of: form.expression)
    }

    /// The exact value of a rational function of the symbols, when every symbol is exact.
    static func exactValue(_ form: CanonicalForm, _ kernels: [String: String], _ values: [String: StepValue]) -> Rational? {
        var byKey: [String: Rational] = [:]
        for (key, name) in kernels {
            guard let r = values[name]?.rational else { return nil }
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
