import Exact

extension Function {
    /// The exponential eˣ.
    public static let exp = Function("exp")
}

extension FunctionSpec {
    /// eˣ: a kernel exp(a), with exp(a)·exp(b) = exp(a + b) and exp(n·log u) = uⁿ
    /// (see `CanonicalForm.exp`); positive; → 0 as a → −∞.
    static let exp = FunctionSpec(
        function: .exp, latexName: "\\exp", latexExponent: .afterCall,
        numpy: .ufunc("exp"),
        exactValue: exactOnlyAtZero(1),
        ball: { Ball.exp($0) },
        derivative: { _, du, whole, b throws(DifferentiationError) in try b.multiply(whole, du) },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.exp(a) },
        kernel: KernelFacts(
            rank: 3,
            derivative: { _, da, k throws(SimplificationError) in try da * k },
            range: .positive,
            zeros: .none,
            limit: { l in
                switch l {
                case .finite(let v): return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.exp(v) }
                case .positiveInfinity: return .positiveInfinity
                case .negativeInfinity: return .finite(.zero)
                }
            }))
}
