import Exact

/// An expression prepared for repeated evaluation at one point: variables replaced by
/// their values, every `diff` node paired with its expanded derivative.
///
/// `BallEvaluator` evaluates the same tree at several precisions; the plan does the
/// precision-independent work once — looking up variables (so that a missing one is
/// reported before any arithmetic, at its first occurrence in source order) and
/// differentiating, which can be far costlier than one evaluation.
///
/// A `diff(u, x)` node keeps u next to its derivative, and evaluation computes both:
/// a derivative exists only where the function is defined, and the folded derivative
/// expression can be defined where u is not (the derivative of log(t − t − 1) folds
/// to 0 while log(−1) has no real value). Evaluating u first reports that domain
/// error instead of returning the meaningless 0.
indirect enum EvaluationPlan {
    /// A number literal or a variable's value.
    case rational(Rational)
    case pi
    case negation(EvaluationPlan)
    case binary(BinaryOperator, EvaluationPlan, EvaluationPlan, range: SourceRange?)
    case function(Function, EvaluationPlan, range: SourceRange?)
    /// `diff(u, x)`: evaluate `function` (u) for its domain, then return `derivative`.
    case derivative(function: EvaluationPlan, derivative: EvaluationPlan)

    init(compiling e: Expr, values: [String: Rational], maximumDerivativeNodes: Int) throws(EvaluationError) {
        func compile(_ e: Expr) throws(EvaluationError) -> EvaluationPlan {
            switch e.kind {
            case .number(let r):
                return .rational(r)
            case .variable(let name):
                guard let value = values[name] else { throw .unboundVariable(name: name, range: e.range) }
                return .rational(value)
            case .application(let name, _):
                // A quantity at a time has no value here: only a schedule binds it.
                throw .unboundVariable(name: name, range: e.range)
            case .pi:
                return .pi
            case .negation(let x):
                return .negation(try compile(x))
            case .binary(let op, let l, let r):
                return .binary(op, try compile(l), try compile(r), range: e.range)
            case .function(let f, let x):
                return .function(f, try compile(x), range: e.range)
            case .derivative(let x, let variable):
                let function = try compile(x)
                let derivative: Expr
                do throws(DifferentiationError) {
                    derivative = try x.derivative(withRespectTo: variable, maximumNodes: maximumDerivativeNodes)
                } catch {
                    switch error {
                    case .resultTooLarge(let limit, let range):
                        throw .budgetExceeded("derivative with more than \(limit) nodes", range: range ?? e.range)
                    case .unknownFunction(let name, let range):
                        throw .unboundVariable(name: name, range: range ?? e.range)
                    }
                }
                return .derivative(function: function, derivative: try compile(derivative))
            }
        }
        self = try compile(e)
    }
}
