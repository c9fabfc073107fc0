import Exact

extension Function {
    public static let cosh = Function("cosh")
}

extension FunctionSpec {
    /// cosh x = (eˣ + e⁻ˣ)/2, rewritten through exp; cosh′ = sinh.
    static let cosh = FunctionSpec(
        function: .cosh, latexName: "\\cosh",
        numpy: .ufunc("cosh"),
        exactValue: exactOnlyAtZero(1),
        ball: { Ball.cosh($0) },
        derivative: { u, du, _, b throws(DifferentiationError) in try b.multiply(b.function(.sinh, u), du) },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.cosh(a) })
}
