import Exact

extension Function {
    public static let cos = Function("cos")
}

extension FunctionSpec {
    /// cos x = sin(x + π/2): exact at rational multiples of π/6 and π/4, even, a kernel
    /// cos(a) otherwise (see `CanonicalForm.cos`).
    static let cos = FunctionSpec(
        function: .cos, latexName: "\\cos",
        numpy: .ufunc("cos"),
        exactValue: { x in
            switch x {
            case .exact(let r) where r.isZero: return .exact(1)
            case .piMultiple(let q): return EvaluationValue.sinOfPiTimes(q + Rational(1, 2)).map { .exact($0) }
            default: return nil
            }
        },
        ball: { Ball.cos($0) },
        derivative: { u, du, _, b throws(DifferentiationError) in try b.multiply(b.negation(b.function(.sin, u)), du) },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.cos(a) },
        kernel: KernelFacts(
            rank: 6,
            derivative: { a, da, _ throws(SimplificationError) in try -(da * CanonicalForm.sin(a)) },
            zeros: .periodic(phase: Rational(1, 2)),
            limit: { l in
                guard case .finite(let v) = l else { return nil }
                return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.cos(v) }
            }))
}
