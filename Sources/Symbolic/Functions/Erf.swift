import Exact

extension Function {
    /// The error function erf x = (2/√π)∫₀ˣ e^(−s²) ds, in (−1, 1).
    public static let erf = Function("erf")
}

extension FunctionSpec {
    /// erf x: odd, erf 0 = 0, a kernel erf(a) otherwise; erf′(x) = (2/√π)·e^(−x²) > 0,
    /// so erf(a) is zero exactly where a is, with the same order; → ±1 as a → ±∞.
    /// Evaluated by Arb's `arb_hypgeom_erf`.
    static let erf = FunctionSpec(
        function: .erf, latexName: "\\operatorname{erf}",
        numpy: NumPyPrinting(call: { "_erf(\($0))" }, helper: (name: "_erf", definition: """
            def _erf(x):
                \"\"\"erf, elementwise (NumPy has none): math.erf, accurate to a few ulps.\"\"\"
                import math
                return np.vectorize(math.erf, otypes=[np.float64])(x)
            """)),
        exactValue: exactOnlyAtZero(0),
        ball: { Ball.erf($0) },
        derivative: { u, du, _, b throws(DifferentiationError) in
            // 2·exp(−u²)/√π · u′
            let gaussian = try b.function(.exp, b.negation(b.power(u, b.number(2))))
            let factor = try b.divide(b.multiply(b.number(2), gaussian), b.function(.sqrt, b.make(.pi, nodes: 1)))
            return try b.multiply(factor, du)
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.erf(a) },
        kernel: KernelFacts(
            derivative: { a, da, _ throws(SimplificationError) in
                try da * CanonicalForm.exp(-a.power(2)).scaled(by: 2) / CanonicalForm.sqrt(.pi)
            },
            zeros: .whereArgumentEquals(.zero, keepsMultiplicity: true),
            limit: { l in
                switch l {
                case .finite(let v): return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.erf(v) }
                case .positiveInfinity: return .finite(.one)
                case .negativeInfinity: return .finite(CanonicalForm(-1))
                }
            }))
}

extension CanonicalForm {
    /// erf(x): erf(0) = 0; odd, so the argument's leading coefficient is made positive
    /// (erf(−t) = −erf(t)); otherwise one kernel.
    public static func erf(_ x: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        if x.isZero { return .zero }
        if x.hasNegativeLeadingCoefficient { return -CanonicalForm(kernel: .applied(.erf, -x)) }
        return CanonicalForm(kernel: .applied(.erf, x))
    }
}
