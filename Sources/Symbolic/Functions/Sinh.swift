import Exact

extension Function {
    public static let sinh = Function("sinh")
}

extension FunctionSpec {
    /// sinh x = (eˣ − e⁻ˣ)/2, rewritten through exp; sinh′ = cosh.
    static let sinh = FunctionSpec(
        function: .sinh, latexName: "\\sinh",
        numpy: .ufunc("sinh"),
        exactValue: exactOnlyAtZero(0),
        ball: { Ball.sinh($0) },
        derivative: { u, du, _, b throws(DifferentiationError) in try b.multiply(b.function(.cosh, u), du) },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.sinh(a) })
}
