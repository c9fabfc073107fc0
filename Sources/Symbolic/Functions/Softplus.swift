import Exact

extension Function {
    /// softplus x = log(1 + eˣ), a smooth positive ramp.
    public static let softplus = Function("softplus")
}

extension FunctionSpec {
    /// softplus x = log(1 + eˣ): defined everywhere and positive; softplus′ = σ, the
    /// sigmoid; → 0 at −∞ and like x at +∞.
    ///
    /// Evaluated in the form max(x, 0) + log1p(e^(−|x|)): the exponential never grows,
    /// and log1p keeps the relative accuracy of softplus(−50) ≈ 2·10⁻²² where log(1 + e⁻⁵⁰)
    /// would round 1 + e⁻⁵⁰ and lose the value (and its sign) entirely.
    static let softplus = FunctionSpec(
        function: .softplus, latexName: "\\operatorname{softplus}", suggestedFrom: ["log1pexp"],
        numpy: NumPyPrinting(call: { "np.log(1 + np.exp(\($0)))" }),
        // logaddexp(0, x) = max(x, 0) + log1p(e^(−|x|)): no overflow, no lost tail.
        numpyStable: NumPyPrinting(call: { "np.logaddexp(0, \($0))" }),
        ball: { x in
            if let lower = x.lowerBound, !lower.isNegative { return x + Ball.log1p(Ball.exp(-x)) }
            return Ball.log1p(Ball.exp(x))
        },
        derivative: { u, du, _, b throws(DifferentiationError) in try b.multiply(b.function(.sigmoid, u), du) },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.softplus(a) },
        kernel: KernelFacts(
            derivative: { a, da, _ throws(SimplificationError) in try da * CanonicalForm.sigmoid(a) },
            range: .positive,
            zeros: .none,
            limit: { l in
                switch l {
                case .finite(let v): return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.softplus(v) }
                case .positiveInfinity: return .positiveInfinity
                case .negativeInfinity: return .finite(.zero)
                }
            }))
}

extension CanonicalForm {
    /// softplus(x): softplus(0) = log 2; softplus(log u) = log(1 + u) (u > 0 where
    /// log u is defined); otherwise one kernel. The identity softplus(−a) =
    /// softplus(a) − a is not applied: it would turn softplus(−1/t), which tends to 0 as
    /// t → 0⁺, into the ∞ − ∞ of softplus(1/t) − 1/t.
    public static func softplus(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if x.isZero { return try log(CanonicalForm(2)) }
        if x.isPolynomial, x.numerator.termCount == 1, let only = x.numerator.terms.first,
           only.coefficient.isOne, only.exponents.reduce(0, +) == 1, let i = only.exponents.firstIndex(of: 1),
           case .log(let u) = KernelTable.shared.kernel(forKey: x.numerator.ring.variables[i]) {
            return try log(.one + u)
        }
        return CanonicalForm(kernel: .applied(.softplus, x))
    }
}
