import Exact

/// A tree together with its `nodeCount`, so that sizes are added up while a tree is
/// built instead of recounted (recounting at every step would be quadratic).
struct SizedExpression {
    let expression: Expr
    let nodes: Int

    init(_ expression: Expr, nodes: Int) {
        self.expression = expression
        self.nodes = nodes
    }

    /// A leaf (number, variable, π): one node.
    init(leaf: Expr) {
        self.init(leaf, nodes: 1)
    }

    var kind: Expr.Kind { expression.kind }

    /// True for the literal 0 — which is what the derivative of every subtree that does
    /// not mention the variable folds to (see `FoldingBuilder`).
    var isZero: Bool { FoldingBuilder.literal(expression)?.isZero == true }
}

/// Builds nodes for derived expressions with light, local folding, and enforces a
/// node budget.
///
/// Folding rules (applied only to the node being built, never recursively):
///
/// - literals: an operation on two *literals* gives the number — a literal being a
///   `.number`, or a negation, sum, difference, product or quotient of literals (`-2`
///   and `1/2` as the parser writes them), and for `^` an integer exponent of
///   magnitude ≤ 64 with a small result;
/// - `0 + x → x`, `x + 0 → x`, `x − 0 → x`, `0 − x → −x`;
/// - `0·x → 0`, `x·0 → 0`, `1·x → x`, `x·1 → x`, `(−1)·x → −x`, `x·(−1) → −x`;
/// - `0/x → 0` (x not the literal 0: `0/0` is kept so that evaluation reports it),
///   `x/1 → x`;
/// - `x^1 → x`, `x^0 → 1`;
/// - `−(−x) → x`, and `−c` for a literal c is the number −c.
///
/// That is enough to make the derivative of anything that does not mention the
/// variable fold to the literal 0 (the one exception: a quotient by the literal 0,
/// whose derivative keeps its `0/0`) — the differentiator relies on it to pick the
/// cheaper rule for `u^v` — and to keep results readable (`cos(t)`, not
/// `cos(t)*1 + 0`). Everything else (collecting terms, cancelling, x·x → x²) is the
/// canonical simplifier's job.
///
/// Pitfall: `0·x → 0` and `x^0 → 1` drop x, and with it any point where x is
/// undefined (`0·log(−1)` folds to 0). In a derivative the dropped factor is always
/// the derivative of a part that does not depend on the variable, so the folded value
/// is the right partial derivative wherever the differentiated function is defined;
/// `BallEvaluator` checks that the function itself is defined before it evaluates its
/// derivative.
struct FoldingBuilder {
    /// The largest `nodeCount` a built tree may have.
    let maximumNodes: Int
    /// The source range given to new nodes: that of the node they are derived from.
    var range: SourceRange?
    /// The source range reported when the budget runs out.
    var reportRange: SourceRange?

    /// Leaves at most this deep are examined by `literal(_:)`.
    static let literalDepth = 8

    // MARK: Literals

    /// The value of `e` when it is a literal: a number, or negations and + − · / of
    /// literals, up to `literalDepth` levels; nil otherwise (and for a zero divisor).
    static func literal(_ e: Expr, depth: Int = literalDepth) -> Rational? {
        switch e.kind {
        case .number(let r):
            return r
        case .negation(let x):
            guard depth > 0, let v = literal(x, depth: depth - 1) else { return nil }
            return -v
        case .binary(let op, let l, let r) where op != .power:
            guard depth > 0, let a = literal(l, depth: depth - 1), let b = literal(r, depth: depth - 1) else {
                return nil
            }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return try? a.divided(by: b)
            case .power: return nil
            }
        default:
            return nil
        }
    }

    /// A literal integer power a^n, when |n| ≤ 64 and the result stays under 4096
    /// bits; nil otherwise (0 to a negative power included).
    static func literalPower(_ a: Rational, _ n: Rational) -> Rational? {
        guard n.isInteger, let k = n.numerator.exactInt, abs(k) <= 64, a.bitSize * abs(k) <= 4096 else { return nil }
        return try? a.power(k)
    }

    // MARK: Building

    /// A new node of `nodes` nodes, or the budget error.
    func make(_ kind: Expr.Kind, nodes: Int) throws(DifferentiationError) -> SizedExpression {
        guard nodes <= maximumNodes else { throw .resultTooLarge(limit: maximumNodes, range: reportRange) }
        return SizedExpression(Expr(kind, range: range), nodes: nodes)
    }

    func number(_ value: Rational) -> SizedExpression {
        SizedExpression(leaf: Expr(.number(value), range: range))
    }

    func number(_ value: Int) -> SizedExpression { number(Rational(value)) }

    func negation(_ x: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        if let v = FoldingBuilder.literal(x.expression) { return number(-v) }
        if case .negation(let inner) = x.kind { return SizedExpression(inner, nodes: x.nodes - 1) }
        return try make(.negation(x.expression), nodes: x.nodes + 1)
    }

    func add(_ a: SizedExpression, _ b: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        let va = FoldingBuilder.literal(a.expression), vb = FoldingBuilder.literal(b.expression)
        if let va, let vb { return number(va + vb) }
        if va?.isZero == true { return b }
        if vb?.isZero == true { return a }
        return try make(.binary(.add, a.expression, b.expression), nodes: a.nodes + b.nodes + 1)
    }

    func subtract(_ a: SizedExpression, _ b: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        let va = FoldingBuilder.literal(a.expression), vb = FoldingBuilder.literal(b.expression)
        if let va, let vb { return number(va - vb) }
        if vb?.isZero == true { return a }
        if va?.isZero == true { return try negation(b) }
        return try make(.binary(.subtract, a.expression, b.expression), nodes: a.nodes + b.nodes + 1)
    }

    func multiply(_ a: SizedExpression, _ b: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        let va = FoldingBuilder.literal(a.expression), vb = FoldingBuilder.literal(b.expression)
        if let va, let vb { return number(va * vb) }
        if va?.isZero == true || vb?.isZero == true { return number(0) }
        if va?.isOne == true { return b }
        if vb?.isOne == true { return a }
        if let va, va == -1 { return try negation(b) }
        if let vb, vb == -1 { return try negation(a) }
        return try make(.binary(.multiply, a.expression, b.expression), nodes: a.nodes + b.nodes + 1)
    }

    func divide(_ a: SizedExpression, _ b: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        let va = FoldingBuilder.literal(a.expression), vb = FoldingBuilder.literal(b.expression)
        if vb?.isZero != true {
            if let va, let vb { return number(va / vb) }
            if va?.isZero == true { return number(0) }
            if vb?.isOne == true { return a }
        }
        return try make(.binary(.divide, a.expression, b.expression), nodes: a.nodes + b.nodes + 1)
    }

    func power(_ a: SizedExpression, _ b: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        let va = FoldingBuilder.literal(a.expression), vb = FoldingBuilder.literal(b.expression)
        if let vb {
            if vb.isOne { return a }
            if vb.isZero { return number(1) }
            if let va, let value = FoldingBuilder.literalPower(va, vb) { return number(value) }
        }
        return try make(.binary(.power, a.expression, b.expression), nodes: a.nodes + b.nodes + 1)
    }

    func function(_ f: Function, _ x: SizedExpression) throws(DifferentiationError) -> SizedExpression {
        try make(.function(f, x.expression), nodes: x.nodes + 1)
    }
}
