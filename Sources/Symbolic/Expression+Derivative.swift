import Exact

// Symbolic differentiation.
//
// Rules (u, v subexpressions, ′ the derivative with respect to the variable x):
//
//     x′ = 1, y′ = 0 for another variable y, c′ = π′ = 0
//     (−u)′ = −u′,  (u ± v)′ = u′ ± v′,  (u·v)′ = u′·v + u·v′
//     (u/v)′ = (u′·v − u·v′)/v²,  or u′/v when v′ = 0
//     (u^c)′ = c·u^(c−1)·u′                      when c′ = 0 (power rule)
//     (c^v)′ = c^v·log(c)·v′                     when c′ = 0
//     (u^v)′ = u^v·(v′·log(u) + v·u′/u)          otherwise
//     f(u)′ = f′(u)·u′ (chain rule) with
//       sqrt′(u) = 1/(2·sqrt(u))    exp′ = exp     log′(u) = 1/u
//       sin′ = cos    cos′ = −sin   tan′ = 1 + tan²   atan′(u) = 1/(1 + u²)
//       sinh′ = cosh  cosh′ = sinh  tanh′ = 1 − tanh²  sigmoid′ = sigmoid·(1 − sigmoid)
//
// "c′ = 0" is decided structurally: thanks to `FoldingBuilder`'s rules the derivative
// of every subtree that does not mention x folds to the literal 0, so the rule chosen
// for u^v depends on which of u and v mention x, as in SymPy.
//
// Domains. The rules are the textbook ones; they are valid wherever the function is
// differentiable, and the derivative expression may be undefined where the function
// is defined but not differentiable (sqrt(t) at 0 gives 1/(2·sqrt(0))). The general
// power rule contains log(u): it is meant for positive bases, like the principal
// branch it differentiates, so (−2)^t — defined at integer t — has an undefined
// derivative everywhere, which is right in the reals. tan′ is written 1 + tan² rather
// than 1/cos² so that it has the domain of tan.
//
// `diff(u, y)` nodes inside the tree are expanded inside-out: the derivative of
// `diff(u, y)` with respect to x is the derivative of (the expanded derivative of u
// with respect to y) with respect to x.
//
// New nodes get the source range of the node they are derived from (the derivative
// of `sqrt(t)` carries the range of `sqrt(t)`), so that an evaluation error inside a
// derivative points at the part of the input it came from; subtrees of the input that
// are reused keep their own ranges.

extension Expr {
    /// The default budget for derivatives: 100,000 nodes (`nodeCount`). Far above any
    /// schedule formula's derivatives, far below what exhausts memory or time.
    public static let defaultMaximumDerivativeNodes = 100_000

    /// The derivative with respect to the variable `name`, with every `diff` node
    /// inside expanded first, and light local folding (see `FoldingBuilder`): the
    /// result is correct but not simplified.
    ///
    /// Throws `DifferentiationError.resultTooLarge` when a tree with more than
    /// `maximumNodes` nodes would be built.
    public func derivative(
        withRespectTo name: String,
        maximumNodes: Int = Expr.defaultMaximumDerivativeNodes
    ) throws(DifferentiationError) -> Expr {
        let differentiator = Differentiator(maximumNodes: maximumNodes)
        return try differentiator.derive(self, name, context: range).derivative.expression
    }

    /// The tree with every `diff(u, x)` node replaced by the derivative of u with
    /// respect to x (innermost first). A tree without `diff` nodes is returned as is.
    ///
    /// Throws `DifferentiationError.resultTooLarge` when a derivative would have more
    /// than `maximumNodes` nodes.
    public func expandingDerivatives(
        maximumNodes: Int = Expr.defaultMaximumDerivativeNodes
    ) throws(DifferentiationError) -> Expr {
        try Differentiator(maximumNodes: maximumNodes).expand(self, context: range).value.expression
    }

    /// True when the tree contains a `diff` node.
    public var containsDerivative: Bool {
        switch kind {
        case .number, .variable, .pi: return false
        case .derivative: return true
        case .negation(let x), .function(_, let x), .application(_, let x): return x.containsDerivative
        case .binary(_, let l, let r): return l.containsDerivative || r.containsDerivative
        }
    }
}

/// The differentiation rules of the file comment, over `SizedExpression` so that the
/// node budget is enforced as the result grows.
struct Differentiator {
    let maximumNodes: Int

    /// A subtree with its `diff` nodes expanded. `changed` is false when `value` is
    /// the original subtree, which is then reused as is (same ranges, shared storage).
    struct Expanded {
        var value: SizedExpression
        var changed: Bool
    }

    /// A subtree with `diff` nodes expanded, and its derivative.
    struct Derived {
        var value: SizedExpression
        var changed: Bool
        var derivative: SizedExpression
    }

    func builder(for e: Expr, context: SourceRange?) -> FoldingBuilder {
        FoldingBuilder(maximumNodes: maximumNodes, range: e.range, reportRange: context)
    }

    /// The node `e` with its children replaced by their expanded values; `e` itself
    /// when no child changed.
    func rebuild(_ e: Expr, _ children: [Expanded], context: SourceRange?) throws(DifferentiationError) -> Expanded {
        let nodes = children.reduce(1) { $0 + $1.value.nodes }
        guard children.contains(where: \.changed) else {
            return Expanded(value: SizedExpression(e, nodes: nodes), changed: false)
        }
        let kind: Expr.Kind
        switch e.kind {
        case .negation: kind = .negation(children[0].value.expression)
        case .function(let f, _): kind = .function(f, children[0].value.expression)
        case .application(let name, _): kind = .application(name, children[0].value.expression)
        case .binary(let op, _, _): kind = .binary(op, children[0].value.expression, children[1].value.expression)
        default: preconditionFailure("rebuild of a leaf or diff node")
        }
        return Expanded(value: try builder(for: e, context: context).make(kind, nodes: nodes), changed: true)
    }

    // MARK: Expansion

    func expand(_ e: Expr, context: SourceRange?) throws(DifferentiationError) -> Expanded {
        switch e.kind {
        case .number, .variable, .pi:
            return Expanded(value: SizedExpression(leaf: e), changed: false)
        case .negation(let x), .function(_, let x), .application(_, let x):
            return try rebuild(e, [expand(x, context: context)], context: context)
        case .binary(_, let l, let r):
            return try rebuild(e, [expand(l, context: context), expand(r, context: context)], context: context)
        case .derivative(let x, let variable):
            let inner = e.range ?? context
            return Expanded(value: try derive(x, variable, context: inner).derivative, changed: true)
        }
    }

    // MARK: Differentiation

    func derive(_ e: Expr, _ x: String, context: SourceRange?) throws(DifferentiationError) -> Derived {
        let b = builder(for: e, context: context)
        switch e.kind {
        case .number, .pi:
            return Derived(value: SizedExpression(leaf: e), changed: false, derivative: b.number(0))
        case .variable(let name):
            return Derived(value: SizedExpression(leaf: e), changed: false, derivative: b.number(name == x ? 1 : 0))

        case .negation(let operand):
            let u = try derive(operand, x, context: context)
            let value = try rebuild(e, [expanded(u)], context: context)
            return Derived(value: value.value, changed: value.changed, derivative: try b.negation(u.derivative))

        case .binary(let op, let l, let r):
            let u = try derive(l, x, context: context)
            let v = try derive(r, x, context: context)
            let value = try rebuild(e, [expanded(u), expanded(v)], context: context)
            let d = try binaryDerivative(op, u, v, whole: value.value, b)
            return Derived(value: value.value, changed: value.changed, derivative: d)

        case .function(let f, let argument):
            let u = try derive(argument, x, context: context)
            let value = try rebuild(e, [expanded(u)], context: context)
            let d = u.derivative.isZero
                ? b.number(0)
                : try functionDerivative(f, u.value, du: u.derivative, whole: value.value, b)
            return Derived(value: value.value, changed: value.changed, derivative: d)

        case .derivative(let body, let variable):
            let inner = e.range ?? context
            let value = try derive(body, variable, context: inner).derivative
            let d = try derive(value.expression, x, context: inner).derivative
            return Derived(value: value, changed: true, derivative: d)

        case .application(let name, let argument):
            // Constant in x when its argument is (`alpha(1/2)`, like a name other than
            // x); otherwise the chain rule needs the function, which the tree lacks.
            let u = try derive(argument, x, context: context)
            guard u.derivative.isZero else { throw .unknownFunction(name: name, range: e.range ?? context) }
            let value = try rebuild(e, [expanded(u)], context: context)
            return Derived(value: value.value, changed: value.changed, derivative: b.number(0))
        }
    }

    private func expanded(_ d: Derived) -> Expanded { Expanded(value: d.value, changed: d.changed) }

    /// The derivative of `u op v`, whose (expanded) value is `whole`.
    private func binaryDerivative(
        _ op: BinaryOperator, _ u: Derived, _ v: Derived, whole: SizedExpression, _ b: FoldingBuilder
    ) throws(DifferentiationError) -> SizedExpression {
        let du = u.derivative, dv = v.derivative
        switch op {
        case .add:
            return try b.add(du, dv)
        case .subtract:
            return try b.subtract(du, dv)
        case .multiply:
            return try b.add(b.multiply(du, v.value), b.multiply(u.value, dv))
        case .divide:
            if dv.isZero { return try b.divide(du, v.value) }
            let numerator = try b.subtract(b.multiply(du, v.value), b.multiply(u.value, dv))
            return try b.divide(numerator, b.power(v.value, b.number(2)))
        case .power:
            switch (du.isZero, dv.isZero) {
            case (true, true):
                return b.number(0)
            case (false, true):
                // c·u^(c−1)·u′
                let reduced = try b.power(u.value, b.subtract(v.value, b.number(1)))
                return try b.multiply(b.multiply(v.value, reduced), du)
            case (true, false):
                // c^v·log(c)·v′
                return try b.multiply(b.multiply(whole, b.function(.log, u.value)), dv)
            case (false, false):
                // u^v·(v′·log(u) + v·u′/u)
                let logTerm = try b.multiply(dv, b.function(.log, u.value))
                let quotientTerm = try b.divide(b.multiply(v.value, du), u.value)
                return try b.multiply(whole, b.add(logTerm, quotientTerm))
            }
        }
    }

    /// f′(u)·u′ for u′ ≠ 0; `whole` is f(u). The rule is the function's
    /// (`FunctionSpec.derivative`).
    private func functionDerivative(
        _ f: Function, _ u: SizedExpression, du: SizedExpression, whole: SizedExpression, _ b: FoldingBuilder
    ) throws(DifferentiationError) -> SizedExpression {
        try f.spec.derivative(u, du, whole, b)
    }
}
