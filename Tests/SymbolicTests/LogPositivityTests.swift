import Exact
import Symbolic
import Testing

/// log and symbolic powers of products of positive symbols: log(p^a q^b) splits into
/// a·log p + b·log q when each factor is known positive (assumed, π, exp, √), so the
/// laws of A–S 4.1.7–4.1.12 hold; without the assumption nothing splits
/// (log(x²) = 2 log|x|, not 2 log x, for x < 0).
@Suite struct LogPositivityTests {
    let positive = Assumptions(positive: ["p", "q"])

    @Test func productsQuotientsAndPowersSplit() throws {
        #expect(try simplified("log(p q) - log(p) - log(q)", assuming: positive) == "0")
        #expect(try simplified("log(p/q) - log(p) + log(q)", assuming: positive) == "0")
        #expect(try simplified("log(p^2 q^3)", assuming: positive) == "2*log(p) + 3*log(q)")
        #expect(try simplified("log(exp(t) p)", assuming: positive) == "t + log(p)")
        #expect(try simplified("p^x q^x - (p q)^x", assuming: positive) == "0")
        #expect(try simplified("(p^2)^x q^x - (p^2 q)^x", assuming: positive) == "0")
        #expect(try simplified("log(p^(1/2)) - log(p)/2", assuming: positive) == "0")
        // log √u = ½ log u needs no assumption: both are defined where u > 0.
        #expect(try simplified("log(sqrt(x^2 + 1))") == "log(x^2 + 1)/2")
    }

    @Test func nothingSplitsWithoutPositivity() throws {
        #expect(try simplified("log(x^2)") == "log(x^2)")
        #expect(try simplified("log(x y)") == "log(x*y)")
        // q positive but x not: the product stays inside one log.
        #expect(try simplified("log(x q)", assuming: positive) == "log(q*x)")
        #expect(!(try zeroTest("log(x^2) - 2 log(x)")).isProvenZero)
    }

    /// The split is an identity where the expression is defined: checked by balls at
    /// positive points against the unsplit logarithm.
    @Test func splitAgreesWithBallsAtPositivePoints() throws {
        let form = try Simplifier(assuming: positive).canonicalForm(of: try parse("log(p^3 q/(p + 1))"))
        for (p, q) in [(Rational(1, 3), Rational(7, 2)), (Rational(5), Rational(1, 9))] {
            let value = form.ball(at: ["p": p, "q": q], precision: 128)
            let direct = Ball.log(Ball(try p.power(3) * q / (p + Rational(1)), precision: 128))
            #expect((value - direct).containsZero && value.isFinite)
        }
    }
}
