import Symbolic

/// What the fix-its may choose: the correlation of the target that S201 and S203
/// propose (`sched lint --fix-rho R`, default 1/√2).
public struct FixOptions: Sendable {
    public var rho: Expr

    public init(rho: Expr = FixOptions.defaultRho) { self.rho = rho }

    /// 1/√2: the target then shares its variance equally between x_t's direction and
    /// the direction u uncorrelated with x_t (k² = m²·Var(x0)).
    public static let defaultRho: Expr = ExpressionParser.parse("1/sqrt(2)").expression!
}
