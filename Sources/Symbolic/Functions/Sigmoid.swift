import Exact

extension Function {
    /// The logistic function 1/(1 + e⁻ˣ).
    public static let sigmoid = Function("sigmoid")
}

extension FunctionSpec {
    /// σ(x) = 1/(1 + e⁻ˣ), rewritten through exp; σ′ = σ(1 − σ).
    static let sigmoid = FunctionSpec(
        function: .sigmoid, latexName: "\\operatorname{sigmoid}", suggestedFrom: ["logistic", "expit", "sigm"],
        numpy: NumPyPrinting(call: { "(1/(1 + np.exp(-(\($0)))))" }),
        // e^(−|x|) never overflows: 1/(1 + e^(−x)) for x ≥ 0, e^x/(1 + e^x) below.
        numpyStable: NumPyPrinting(call: { "_sigmoid(\($0))" }, helper: (name: "_sigmoid", definition: """
            def _sigmoid(x):
                \"\"\"The logistic function 1/(1 + exp(-x)), without overflow for any x.\"\"\"
                e = np.exp(-np.abs(x))
                return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
            """)),
        exactValue: exactOnlyAtZero(Rational(1, 2)),
        ball: { Ball.sigmoid($0) },
        derivative: { _, du, whole, b throws(DifferentiationError) in
            try b.multiply(b.multiply(whole, b.subtract(b.number(1), whole)), du)
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.sigmoid(a) })
}
