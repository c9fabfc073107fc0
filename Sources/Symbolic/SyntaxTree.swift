import Exact

/// The binary operators. Juxtaposition (`2t`) is `.multiply`: the tree does not record
/// how a product was written, so `2t`, `2*t`, `2·t` and `2×t` are the same tree.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
}

/// A parsed expression: a small, immutable syntax tree.
///
/// Named `Expr` (as in SymPy and swift-syntax's `ExprSyntax`) rather than `Expression`
/// because Foundation declares an `Expression` type, and every file importing both
/// modules would otherwise have to qualify the name.
///
/// Every node carries the source range it was parsed from, for diagnostics in later
/// stages, but equality and hashing ignore ranges: two trees are equal when they have
/// the same structure, however they were spelled or whether they were parsed at all.
/// That is what the round-trip property `parse(printASCII(e)) == e` needs.
///
/// The parser folds nothing: `-2` is `.negation(.number(2))`, `3/4` is a division of two
/// literals, `√x` is `.function(.sqrt, x)`, `t²` is `t ^ 2`, parentheses leave no node.
/// Number literals from the parser are therefore non-negative terminating decimals;
/// trees built in code may hold any rational (see `printASCII`).
public struct Expr: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// An exact number; `0.1` is exactly 1/10.
        case number(Rational)
        /// A variable, by canonical ASCII name (`sigma_d` for `σ_d`; see `Names`).
        case variable(String)
        /// The constant π, written `pi` or `π`.
        case pi
        /// Unary minus.
        case negation(Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// A known function applied to one argument; `√x` is `.function(.sqrt, x)`.
        case function(Function, Expr)
        /// `diff(expression, variable)`: the derivative with respect to a variable.
        case derivative(Expr, variable: String)
        /// `alpha(1/2)`: a named function of time (a schedule's quantity or `let`)
        /// at the argument — its value with the time variable replaced by the
        /// argument (`Simplifier.timeVariable`). The parser builds it only for names
        /// its caller declares applicable (`ApplicableNames`); the argument's range
        /// includes the parentheses.
        case application(String, Expr)
    }

    public var kind: Kind
    /// Where the node was parsed from; nil for trees built in code.
    public var range: SourceRange?

    public init(_ kind: Kind, range: SourceRange? = nil) {
        self.kind = kind
        self.range = range
    }

    public static func == (a: Expr, b: Expr) -> Bool { a.kind == b.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// Structural equality, ignoring source ranges. The same as `==`; the name states
    /// the intent at call sites.
    public func isStructurallyEqual(to other: Expr) -> Bool { self == other }

    // MARK: Building trees in code

    public static func number(_ value: Rational) -> Expr { Expr(.number(value)) }
    public static func number(_ value: Int) -> Expr { Expr(.number(Rational(value))) }
    public static func variable(_ name: String) -> Expr { Expr(.variable(name)) }
    public static var pi: Expr { Expr(.pi) }
    public static func negation(_ operand: Expr) -> Expr { Expr(.negation(operand)) }
    public static func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr) -> Expr {
        Expr(.binary(op, lhs, rhs))
    }
    public static func function(_ function: Function, _ argument: Expr) -> Expr {
        Expr(.function(function, argument))
    }
    public static func derivative(_ expression: Expr, variable: String) -> Expr {
        Expr(.derivative(expression, variable: variable))
    }
    public static func application(_ name: String, _ argument: Expr) -> Expr {
        Expr(.application(name, argument))
    }

    /// The number of levels of the tree (a leaf has height 1).
    public var height: Int {
        switch kind {
        case .number, .variable, .pi: return 1
        case .negation(let e), .function(_, let e), .derivative(let e, _), .application(_, let e): return e.height + 1
        case .binary(_, let l, let r): return max(l.height, r.height) + 1
        }
    }
}

extension Expr: CustomStringConvertible {
    /// The ASCII rendering, `printASCII(self)`.
    public var description: String { printASCII(self) }
}
