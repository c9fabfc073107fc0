import Exact

/// A simplification failure at a place in the input.
public struct LocatedSimplificationError: Error, Sendable, CustomStringConvertible {
    public var error: SimplificationError
    /// The subexpression that failed; nil for trees built in code.
    public var range: SourceRange?

    public var description: String { error.description }
}

/// Turns expression trees into canonical forms and back.
///
/// `simplify(e)` is deterministic and idempotent: the printed result, parsed and
/// simplified again, prints the same.
public struct Simplifier: Sendable {
    public var assumptions: Assumptions
    /// Names replaced by values while simplifying (`--at t=1/2`).
    public var bindings: [String: CanonicalForm]
    /// Where each bound value is defined (a `let` whose value divides by t − 1 brings
    /// t ≠ 1 to every expression that uses it).
    public var bindingDefinedness: [String: Definedness]
    /// Collects the conditions of `definedForm(of:)`; nil when nobody asked.
    private var sink: DefinednessSink?
    /// The variable that the argument of an application replaces: `alpha(1/2)` is
    /// the binding of `alpha` with `timeVariable` = 1/2. nil where nothing depends
    /// on a time (no name can be applied).
    ///
    /// The binding is substituted as it is, simplified under `assumptions`; the
    /// caller vouches that the argument lies where those assumptions hold (the
    /// schedule's domain).
    public var timeVariable: String?

    public init(assuming assumptions: Assumptions = .none, bindings: [String: CanonicalForm] = [:],
                bindingDefinedness: [String: Definedness] = [:], timeVariable: String? = nil) {
        self.assumptions = assumptions
        self.bindings = bindings
        self.bindingDefinedness = bindingDefinedness
        self.timeVariable = timeVariable
    }

    /// The canonical form of `e` and the conditions under which `e` *as written* is
    /// defined: every divisor nonzero, every radicand nonnegative, every logarithm's
    /// argument positive, tan away from its poles — including the conditions of the
    /// bound names it uses. The form equals `e` exactly where they all hold.
    public func definedForm(of e: Expr) throws(LocatedSimplificationError) -> (form: CanonicalForm, definedness: Definedness) {
        var collecting = self
        let sink = DefinednessSink()
        collecting.sink = sink
        let form = try collecting.canonicalForm(of: e)
        return (form, sink.definedness)
    }

    /// The canonical form of `e`, with its constant algebraic coefficients decided
    /// exactly (`reducingAlgebraicConstants`: cos(π/5) − 1/4 − √5/4 is 0); errors carry
    /// the range of the failing subexpression.
    public func canonicalForm(of e: Expr) throws(LocatedSimplificationError) -> CanonicalForm {
        do {
            let f = try form(e)
            return try located(e) { () throws(SimplificationError) -> CanonicalForm in try f.reducingAlgebraicConstants() }
        } catch let error as LocatedSimplificationError {
            throw error
        } catch let error as SimplificationError {
            throw LocatedSimplificationError(error: error, range: e.range)
        } catch {
            throw LocatedSimplificationError(error: .domain("\(error)"), range: e.range)
        }
    }

    /// The simplified expression: the canonical form, presented as a person would
    /// write it.
    public func simplify(_ e: Expr) throws(LocatedSimplificationError) -> Expr {
        try canonicalForm(of: e).expression
    }

    private func located<T>(_ e: Expr, _ body: () throws(SimplificationError) -> T) throws -> T {
        do { return try body() } catch { throw LocatedSimplificationError(error: error, range: e.range) }
    }

    private func form(_ e: Expr) throws -> CanonicalForm {
        switch e.kind {
        case .number(let r): return CanonicalForm(r)
        case .variable(let name):
            if let sink, let conditions = bindingDefinedness[name] { sink.definedness.formUnion(conditions) }
            return bindings[name] ?? .symbol(name)
        case .pi: return .pi
        case .negation(let x): return -(try form(x))
        case .binary(let op, let l, let r):
            let a = try form(l), b = try form(r)
            return try located(e) { () throws(SimplificationError) -> CanonicalForm in
                switch op {
                case .add: return try a + b
                case .subtract: return try a - b
                case .multiply: return try a * b
                case .divide:
                    if b.isZero || b.hasExactlyZeroAlgebraicValue {
                        throw SimplificationError.divisionByZero("the divisor \(printASCII(r)) simplifies to 0")
                    }
                    sink?.definedness.insert(.nonzero(b))
                    return try a / b
                case .power:
                    if let sink, let condition = Self.powerCondition(base: a, exponent: b) { sink.definedness.insert(condition) }
                    if let root = try Self.quadraticRoot(base: a, exponent: b) { return root }
                    return try CanonicalForm.power(a, b, assuming: assumptions)
                }
            }
        case .function(let f, let argument):
            // Equal constant arguments give one kernel: sin(t·cos(π/5)) is sin(t(1 + √5)/4).
            let written = try form(argument)
            let a = try located(argument) { () throws(SimplificationError) -> CanonicalForm in
                try written.reducingAlgebraicConstants()
            }
            return try located(e) { () throws(SimplificationError) -> CanonicalForm in
                let spec = f.spec
                if let sink {
                    for condition in try spec.argumentConditions(a) { sink.definedness.insert(condition) }
                }
                // Denesting where the value has degree ≤ 2: √(3 + 2√2) = 1 + √2.
                if f == .sqrt, let root = try Self.quadraticRoot(base: a, exponent: CanonicalForm(Rational(1, 2))) { return root }
                return try spec.canonical(a, assumptions)
            }
        case .application(let name, let argument):
            let a = try form(argument)
            return try located(e) { () throws(SimplificationError) -> CanonicalForm in
                try application(name, at: a, written: argument)
            }
        case .derivative(let inner, let variable):
            // Differentiate before substituting: diff(t^2, t) at t = 1/2 is 1, not 0.
            var unbound = self
            unbound.bindings[variable] = nil
            let a = try unbound.form(inner)
            let derivative = try located(e) { () throws(SimplificationError) -> CanonicalForm in
                try a.derivative(withRespectTo: variable, assuming: assumptions)
            }
            // A derivative needs more than its argument: (√t)′ = 1/(2√t) is undefined at 0.
            sink?.definedness.formUnion(Definedness.structural(of: derivative))
            guard let value = bindings[variable] else { return derivative }
            return try located(e) { () throws(SimplificationError) -> CanonicalForm in
                try derivative.substituting([variable: value])
            }
        }
    }

    /// `name` at `a`: its binding with the time variable replaced by `a`. An unbound
    /// name is a symbol, which is its own value at the time variable and unknown at
    /// any other point.
    private func application(_ name: String, at a: CanonicalForm, written argument: Expr) throws(SimplificationError) -> CanonicalForm {
        guard let t = timeVariable else {
            throw .domain("'\(name)' is not a function here: nothing depends on a time variable")
        }
        guard let value = bindings[name] else {
            if a == .symbol(t) { return .symbol(name) }
            throw .domain("the value of '\(name)' is not known here, so '\(name)(\(printASCII(argument)))' cannot be evaluated")
        }
        // Q(a) is defined where Q's conditions hold at a.
        if let sink, let conditions = bindingDefinedness[name] {
            for condition in conditions.conditions {
                if let moved = try? condition.substituting([t: a], assuming: assumptions) { sink.definedness.insert(moved) }
            }
        }
        return try value.substituting([t: a], assuming: assumptions)
    }
}

extension Simplifier {
    /// The condition under which base^exponent is defined: a negative integer power
    /// needs base ≠ 0, a half-integer one base ≥ 0 (> 0 when negative), any other
    /// (exp(y·log x)) base > 0; a positive constant base needs nothing.
    static func powerCondition(base a: CanonicalForm, exponent b: CanonicalForm) -> DefinednessCondition? {
        if let c = a.rationalValue, c.isPositive { return nil }
        guard let q = b.rationalValue else { return .positive(a) }
        if q.isInteger { return q.isNegative ? .nonzero(a) : nil }
        if q.denominator == BigInt(2) { return q.isNegative ? .positive(a) : .nonnegative(a) }
        return .positive(a)
    }
}

extension Simplifier {
    /// c^(m/n) for a positive algebraic constant c when the exact value has degree ≤ 2:
    /// (7 + 5√2)^(1/3) = 1 + √2, √(3 + 2√2) = 1 + √2. nil otherwise (integer or symbolic exponents, other
    /// bases, higher degrees), and the power is built as usual.
    static func quadraticRoot(base a: CanonicalForm, exponent b: CanonicalForm) throws(SimplificationError) -> CanonicalForm? {
        guard let q = b.rationalValue, !q.isInteger, a.rationalValue == nil,
              let n = q.denominator.exactInt, let m = q.numerator.exactInt,
              let value = a.algebraicValue(), value.signum > 0,
              let power = try? value.root(n).power(m) else { return nil }
        return try CanonicalForm.quadraticForm(of: power)
    }
}

/// Where `Simplifier.definedForm(of:)` collects conditions while it recurses.
private final class DefinednessSink: @unchecked Sendable {
    var definedness = Definedness()
}
