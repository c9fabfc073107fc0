// Substitution, free variables and size of expression trees.
//
// Binding. `diff(u, x)` binds its variable x inside u, the way `∫ … dx` or `λx. …`
// do: `x` inside `u` is a placeholder for "the variable we differentiate by", not a
// reference to an outer `x`. So substitution does not replace `x` inside `u`, and `x`
// is not a free variable of `diff(u, x)` (unless it also occurs outside). Every other
// variable inside `u` is free and is replaced, and a replacement may mention `x`: with
// `alpha ↦ cos(pi*t/2)`, `diff(alpha, t)` becomes `diff(cos(pi*t/2), t)`, the
// derivative of the schedule, which is what a schedule author means by it (`alpha`
// stands for α(t)). In SymPy terms this is substitution of a function of t, a total
// derivative, not SymPy's `Subs` of an independent symbol.
//
// Pitfall: the value of an *unevaluated* `diff(u, x)` still depends on the point x at
// which the derivative is taken — `diff(x^2, x)` is 2x. Binding only says that a
// substitution cannot reach inside; it does not make the value independent of x. The
// variables an evaluation needs are those of the expanded tree,
// `try e.expandingDerivatives().freeVariables` ({x} here, {} for `diff(y, x)`), which
// is also what `BallEvaluator` asks values for.

extension Expr {
    /// Replaces every free occurrence of each variable in `bindings` by its expression,
    /// simultaneously: `{x ↦ y, y ↦ x}` swaps x and y (a replacement is never itself
    /// rewritten).
    ///
    /// Inside `diff(u, v)` the variable v is bound (see the file comment): a binding for
    /// v is ignored in u, the others apply. Nodes that are kept keep their source
    /// ranges; an inserted replacement keeps the ranges it was parsed with, which may
    /// refer to another source text than the rest of the tree.
    public func substituting(_ bindings: [String: Expr]) -> Expr {
        if bindings.isEmpty { return self }
        switch kind {
        case .number, .pi:
            return self
        case .variable(let name):
            return bindings[name] ?? self
        case .negation(let x):
            return Expr(.negation(x.substituting(bindings)), range: range)
        case .binary(let op, let l, let r):
            return Expr(.binary(op, l.substituting(bindings), r.substituting(bindings)), range: range)
        case .function(let f, let x):
            return Expr(.function(f, x.substituting(bindings)), range: range)
        case .application(let name, let x):
            // The applied name is a function, not a variable: only its argument changes.
            return Expr(.application(name, x.substituting(bindings)), range: range)
        case .derivative(let x, let variable):
            var inner = bindings
            inner[variable] = nil
            return Expr(.derivative(x.substituting(inner), variable: variable), range: range)
        }
    }

    /// The variables that occur free: every `.variable` name, except that the
    /// differentiation variable of a `diff(u, v)` node is bound inside u. These are
    /// exactly the names `substituting` can replace: a substitution whose keys miss
    /// this set returns an equal tree.
    ///
    /// Not the same as the variables a *value* depends on: `diff(x^2, x)` has no free
    /// variable but its value 2x needs x. For evaluation, use
    /// `try expandingDerivatives().freeVariables`.
    public var freeVariables: Set<String> {
        var names = Set<String>()
        collectFreeVariables(into: &names, bound: [:])
        return names
    }

    /// `bound` counts how many enclosing `diff` nodes bind each name (the same variable
    /// may be bound twice: `diff(diff(u, t), t)`).
    private func collectFreeVariables(into names: inout Set<String>, bound: [String: Int]) {
        switch kind {
        case .number, .pi:
            return
        case .variable(let name):
            if bound[name, default: 0] == 0 { names.insert(name) }
        case .negation(let x), .function(_, let x), .application(_, let x):
            x.collectFreeVariables(into: &names, bound: bound)
        case .binary(_, let l, let r):
            l.collectFreeVariables(into: &names, bound: bound)
            r.collectFreeVariables(into: &names, bound: bound)
        case .derivative(let x, let variable):
            var inner = bound
            inner[variable, default: 0] += 1
            x.collectFreeVariables(into: &names, bound: inner)
        }
    }

    /// The number of nodes of the tree, counting a subtree once for every place it
    /// occurs. Trees are immutable values and may share subtrees in memory (the
    /// derivative of u·v holds u and v twice), so this is the size that printing,
    /// evaluation or simplification pay for, which can be far larger than the memory
    /// the tree uses.
    public var nodeCount: Int {
        switch kind {
        case .number, .variable, .pi:
            return 1
        case .negation(let x), .function(_, let x), .derivative(let x, _), .application(_, let x):
            return x.nodeCount + 1
        case .binary(_, let l, let r):
            return l.nodeCount + r.nodeCount + 1
        }
    }
}
