/// Why a derivative could not be built.
///
/// Symbolic differentiation never fails mathematically — every expression of the
/// language has a derivative *expression* (whether that expression is defined at a
/// given point is a question for evaluation). What can fail is size: the product rule
/// doubles a subtree, the quotient rule and the general power rule more, so each
/// nesting of `diff` can multiply the size of the tree, and `diff(diff(diff(…)))` of a
/// modest expression grows exponentially. A budget on the number of nodes turns that
/// into this error instead of exhausting memory or time downstream.
public enum DifferentiationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The derivative would have more than `limit` nodes (`Expr.nodeCount`).
    /// `range` is where the growing derivative was asked for: the innermost `diff(…)`
    /// being expanded, or the differentiated expression itself; nil for trees built
    /// in code.
    case resultTooLarge(limit: Int, range: SourceRange?)
    /// `diff(alpha(s^2), s)` on a bare tree: what `alpha` is as a function of time
    /// only a schedule knows (the simplifier differentiates it there). `range` is the
    /// application's.
    case unknownFunction(name: String, range: SourceRange?)

    public var description: String {
        switch self {
        case .unknownFunction(let name, let range):
            let place = range.map { " at \($0)" } ?? ""
            return "the derivative of '\(name)'\(place) is not known outside a schedule"
        case .resultTooLarge(let limit, let range):
            let place = range.map { " at \($0)" } ?? ""
            return "derivative too large\(place): more than \(limit) nodes"
        }
    }
}
