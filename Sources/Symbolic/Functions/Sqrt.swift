import Exact

extension Function {
    /// The principal square root, defined for x ≥ 0.
    public static let sqrt = Function("sqrt")
}

extension FunctionSpec {
    /// √x: a kernel √R for R not a constant perfect square (see `CanonicalForm.sqrt`);
    /// (√R)′ = R′/(2√R); nonnegative, zero exactly where R is (of unknown order).
    static let sqrt = FunctionSpec(
        function: .sqrt, latexName: "\\sqrt", suggestedFrom: ["root"],
        numpy: .ufunc("sqrt"),
        exactValue: { x in
            guard case .exact(let r) = x else { return nil }
            return r.exactSquareRoot().map { .exact($0) }
        },
        ball: { Ball.sqrt($0) },
        evaluationDomain: EvaluationDomain(isCertainlyOutside: { $0.provedSign == -1 }, violation: "sqrt of a negative number"),
        derivative: { _, du, whole, b throws(DifferentiationError) in try b.divide(du, b.multiply(b.number(2), whole)) },
        canonical: { a, assumptions throws(SimplificationError) in try CanonicalForm.sqrt(a, assuming: assumptions) },
        argumentConditions: { a in [.nonnegative(a)] },
        kernel: KernelFacts(
            rank: 2,
            derivative: { _, da, k throws(SimplificationError) in try da / k.scaled(by: 2) },
            range: .nonnegativePositiveWhereArgumentIs,
            zeros: .whereArgumentEquals(.zero, keepsMultiplicity: false),
            limit: { l in
                switch l {
                case .finite(let v):
                    if v.isZero { return .finite(.zero) }
                    guard Limit.isCertainlyPositive(v) else { return nil }
                    return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.sqrt(v) }
                case .positiveInfinity: return .positiveInfinity
                case .negativeInfinity: return nil
                }
            }))
}
