import Exact

extension Function {
    /// The natural logarithm, defined for x > 0.
    public static let log = Function("log")
}

extension FunctionSpec {
    /// log x: a kernel log(a), with log(exp a) = a and rationals split over their primes
    /// (see `CanonicalForm.log`); log(a)′ = a′/a; zero where a = 1; → −∞ at 0⁺.
    static let log = FunctionSpec(
        function: .log, latexName: "\\log", latexExponent: .afterCall, suggestedFrom: ["ln"],
        numpy: .ufunc("log"),
        exactValue: { x in
            if case .exact(let r) = x, r.isOne { return .exact(0) }
            return nil
        },
        ball: { Ball.log($0) },
        evaluationDomain: EvaluationDomain(isCertainlyOutside: { $0.isCertainlyNonPositive }, violation: "log of a number that is not positive"),
        derivative: { u, du, _, b throws(DifferentiationError) in try b.divide(du, u) },
        canonical: { a, assumptions throws(SimplificationError) in try CanonicalForm.log(a, assuming: assumptions) },
        argumentConditions: { a in [.positive(a)] },
        kernel: KernelFacts(
            rank: 4,
            derivative: { a, da, _ throws(SimplificationError) in try da / a },
            zeros: .whereArgumentEquals(.one, keepsMultiplicity: true),
            limit: { l in
                switch l {
                case .finite(let v):
                    if v.isZero { return .negativeInfinity }
                    guard Limit.isCertainlyPositive(v) else { return nil }
                    return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.log(v) }
                case .positiveInfinity: return .positiveInfinity
                case .negativeInfinity: return nil
                }
            },
            exponential: { u in u }))
}
