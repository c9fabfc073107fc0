import Exact

extension Function {
    /// The logistic function 1/(1 + e⁻ˣ).
    public static let sigmoid = Function("sigmoid")
}

extension FunctionSpec {
    /// σ(x) = 1/(1 + e⁻ˣ), rewritten through exp; σ′ = σ(1 − σ).
    static let sigmoid = FunctionSpec(
        function: .sigmoid, latexName: "\\operatorname{sigmoid}", suggestedFrom: ["logistic", "expit", "sigm"],
        exactValue: exactOnlyAtZero(Rational(1, 2)),
        ball: { Ball.sigmoid($0) },
        derivative: { _, du, whole, b throws(DifferentiationError) in
            try b.multiply(b.multiply(whole, b.subtract(b.number(1), whole)), du)
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.sigmoid(a) })
}
