import Symbolic

/// Walks over expression trees: the names they use, and substitution of names.
/// Trees are at most a few hundred levels high (`ParserLimits.maximumHeight`), so
/// plain recursion is safe.
enum ExprWalk {
    /// Every variable occurrence, left to right, with its range. The name of an
    /// application is not a variable (see `applications(in:)`); its argument's are.
    static func variables(in e: Expr) -> [(name: String, range: SourceRange?)] {
        var out: [(name: String, range: SourceRange?)] = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .number, .pi: break
            case .variable(let name): out.append((name, e.range))
            case .negation(let x), .function(_, let x), .derivative(let x, _), .application(_, let x): walk(x)
            case .binary(_, let l, let r):
                walk(l)
                walk(r)
            }
        }
        walk(e)
        return out
    }

    /// Every application `name(argument)`, left to right, with the node's range.
    static func applications(in e: Expr) -> [(name: String, argument: Expr, range: SourceRange?)] {
        var out: [(name: String, argument: Expr, range: SourceRange?)] = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .number, .pi, .variable: break
            case .application(let name, let x):
                out.append((name, x, e.range))
                walk(x)
            case .negation(let x), .function(_, let x), .derivative(let x, _): walk(x)
            case .binary(_, let l, let r):
                walk(l)
                walk(r)
            }
        }
        walk(e)
        return out
    }

    /// The variables of `diff(f, x)` nodes, left to right, with the node's range.
    static func derivativeVariables(in e: Expr) -> [(name: String, range: SourceRange?)] {
        var out: [(name: String, range: SourceRange?)] = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .number, .pi, .variable: break
            case .negation(let x), .function(_, let x), .application(_, let x): walk(x)
            case .derivative(let x, let v):
                out.append((v, e.range))
                walk(x)
            case .binary(_, let l, let r):
                walk(l)
                walk(r)
            }
        }
        walk(e)
        return out
    }

    /// `e` with every variable in `replacements` replaced by its tree, and every
    /// application of a replaced name `k(a)` by k's tree at time a (`atTime`). The
    /// root of a replacement takes the range of the name it replaces.
    static func substituting(_ replacements: [String: Expr], in e: Expr, time: String,
                             quantities: Set<String>) -> Expr {
        if replacements.isEmpty { return e }
        func walk(_ e: Expr) -> Expr {
            switch e.kind {
            case .number, .pi: return e
            case .variable(let name):
                guard let r = replacements[name] else { return e }
                return Expr(r.kind, range: e.range)
            case .application(let name, let x):
                guard let r = replacements[name] else { return Expr(.application(name, walk(x)), range: e.range) }
                let value = atTime(walk(x), in: r, time: time, quantities: quantities)
                return Expr(value.kind, range: e.range)
            case .negation(let x): return Expr(.negation(walk(x)), range: e.range)
            case .function(let f, let x): return Expr(.function(f, walk(x)), range: e.range)
            case .derivative(let x, let v): return Expr(.derivative(walk(x), variable: v), range: e.range)
            case .binary(let op, let l, let r): return Expr(.binary(op, walk(l), walk(r)), range: e.range)
            }
        }
        return walk(e)
    }

    /// `value` (a function of `time`, such as a let's canonical presentation) at the
    /// time `point`: the time variable becomes `point`, and each quantity name `Q`
    /// (a function of time too) becomes `Q(point)`. Inside `diff(f, time)` the time
    /// is bound and left alone, as in `Expr.substituting`.
    static func atTime(_ point: Expr, in value: Expr, time: String, quantities: Set<String>) -> Expr {
        func walk(_ e: Expr) -> Expr {
            switch e.kind {
            case .number, .pi: return e
            case .variable(let name):
                if name == time { return point }
                return quantities.contains(name) ? Expr(.application(name, point), range: e.range) : e
            case .application(let name, let x): return Expr(.application(name, walk(x)), range: e.range)
            case .negation(let x): return Expr(.negation(walk(x)), range: e.range)
            case .function(let f, let x): return Expr(.function(f, walk(x)), range: e.range)
            case .derivative(let x, let v):
                return v == time ? e : Expr(.derivative(walk(x), variable: v), range: e.range)
            case .binary(let op, let l, let r): return Expr(.binary(op, walk(l), walk(r)), range: e.range)
            }
        }
        return walk(value)
    }

    /// The direct subtrees of `e`.
    static func children(_ e: Expr) -> [Expr] {
        switch e.kind {
        case .number, .pi, .variable: return []
        case .negation(let x), .function(_, let x), .derivative(let x, _), .application(_, let x): return [x]
        case .binary(_, let l, let r): return [l, r]
        }
    }
}
