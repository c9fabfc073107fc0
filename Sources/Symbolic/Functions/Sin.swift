import Exact

extension Function {
    public static let sin = Function("sin")
}

extension FunctionSpec {
    /// sin x: exact at rational multiples of π/6 and π/4, odd, a kernel sin(a) otherwise
    /// (see `CanonicalForm.sin`); sin² + cos² = 1 is applied by `CanonicalForm.reduced`.
    static let sin = FunctionSpec(
        function: .sin, latexName: "\\sin",
        numpy: .ufunc("sin"),
        exactValue: { x in
            switch x {
            case .exact(let r) where r.isZero: return .exact(0)
            case .piMultiple(let q): return EvaluationValue.sinOfPiTimes(q).map { .exact($0) }
            default: return nil
            }
        },
        ball: { Ball.sin($0) },
        derivative: { u, du, _, b throws(DifferentiationError) in try b.multiply(b.function(.cos, u), du) },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.sin(a) },
        kernel: KernelFacts(
            rank: 5,
            derivative: { a, da, _ throws(SimplificationError) in try da * CanonicalForm.cos(a) },
            zeros: .periodic(phase: .zero),
            limit: { l in
                guard case .finite(let v) = l else { return nil }
                return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.sin(v) }
            }))
}
