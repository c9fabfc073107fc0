import Exact

extension Function {
    public static let tanh = Function("tanh")
}

extension FunctionSpec {
    /// tanh x = (e²ˣ − 1)/(e²ˣ + 1), rewritten through exp; tanh′ = 1 − tanh².
    static let tanh = FunctionSpec(
        function: .tanh, latexName: "\\tanh",
        numpy: .ufunc("tanh"),
        exactValue: exactOnlyAtZero(0),
        ball: { Ball.tanh($0) },
        derivative: { _, du, whole, b throws(DifferentiationError) in
            try b.multiply(b.subtract(b.number(1), b.power(whole, b.number(2))), du)
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.tanh(a) })
}
