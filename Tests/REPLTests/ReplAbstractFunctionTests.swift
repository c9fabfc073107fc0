import REPL
import Testing

/// `function alpha` typed line by line in the REPL: the placeholder forward process
/// of an incomplete schedule keeps alpha the declared function.
@Suite struct ReplAbstractFunctionTests {
    @Test func aDeclaredAlphaBuildsTheGenericRow() {
        var s = ReplSession()
        let r = run(&s, ["function alpha", "x_t = alpha x0 + sqrt(1 - alpha^2) eps", "target = eps", "expect det == alpha", "rho"])
        #expect(r.allSatisfy { !$0.failed }, "\(r.map(\.errors))")
        #expect(r.map(\.output) == [
            "alpha: an unknown smooth function of t\n",
            "x_t = α·x₀ + √(1 − α²)·ε\n(still to give: the target (target = …))\n",
            "target = ε\ndet A = α\nρ = √(1 − α²)\n",
            "proven — det − (alpha) is 0: its canonical form is 0\n",
            "√(1 − α²)\n",
        ])
    }

    @Test func plotRefusesAnUnknownFunction() {
        var s = ReplSession()
        run(&s, ["function alpha", "x_t = alpha x0 + sqrt(1 - alpha^2) eps", "target = eps"])
        let reply = s.execute(":plot rho", lineNumber: 4)
        #expect(reply.failed)
        #expect(reply.errors.hasPrefix("<stdin>:4:1: error: schedule 'repl' uses the unknown function 'alpha': a plot needs a concrete function of time in its place\n"),
                "\(reply.errors)")
    }
}
