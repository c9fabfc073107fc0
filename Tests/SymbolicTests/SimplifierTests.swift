import Exact
import Testing
@testable import Symbolic
import SchedTestSupport

/// Simplifies text and prints the result in the input syntax.
func simplified(_ text: String, assuming assumptions: Assumptions = .none) throws -> String {
    printASCII(try Simplifier(assuming: assumptions).simplify(try parse(text)))
}

func zeroTest(_ text: String, assuming assumptions: Assumptions = .none) throws -> ZeroTestResult {
    ZeroTest(assuming: assumptions).test(try parse(text))
}

@Suite struct SimplifierTests {
    /// The identities of the acceptance list, each proven zero.
    @Test(arguments: [
        "sin(t)^2 + cos(t)^2 - 1",
        "(t^2 - 1)/(t - 1) - (t + 1)",
        "sqrt(1 - t^2)^2 - (1 - t^2)",
        "diff(cos(pi t/2), t) + pi/2 sin(pi t/2)",
        "exp(2 log(t)) - t^2",
        "sigmoid(x) + sigmoid(-x) - 1",
        "tanh(x) - (exp(2x) - 1)/(exp(2x) + 1)",
        "cosh(x)^2 - sinh(x)^2 - 1",
        "exp(x)^2 - exp(2x)",
        "sqrt(2) sqrt(3) - sqrt(6)",
        "1/sqrt(2) - sqrt(2)/2",
        "atan(-x) + atan(x)",
        "tan(t) cos(t) - sin(t)",
        "log(12) - 2 log(2) - log(3)",
        "exp(log(x)/2) - sqrt(x)",
        "x^(1/3) x^(2/3) - x",
        "sin(t + pi/2) - cos(t)",
        "cos(t + pi) + cos(t)",
        "sin(pi/6) - 1/2",
        "cos(pi/4) - sqrt(2)/2",
        "diff(atan(t^2), t) - 2t/(1 + t^4)",
        "diff(sqrt(1 - t^2), t) + t/sqrt(1 - t^2)",
        "diff(log(1 + t^2), t) - 2t/(1 + t^2)",
        "diff(sigmoid(t), t) - sigmoid(t) (1 - sigmoid(t))",
        "diff(tanh(t), t) - (1 - tanh(t)^2)",
    ])
    func provenZero(_ text: String) throws {
        #expect(try simplified(text) == "0", "\(text)")
        #expect(try zeroTest(text).isProvenZero)
    }

    /// The EDM covariance Cov = c·σd² + s·d is 0 for every s > 0 and σd > 0.
    @Test func edmCovarianceVanishes() throws {
        let cSkip = "(sigma_d^2/(s^2 + sigma_d^2))"
        let cOut = "(s sigma_d/sqrt(s^2 + sigma_d^2))"
        let c = "((1 - \(cSkip))/\(cOut))"
        let d = "(-s*\(cSkip)/\(cOut))"
        let positive = Assumptions(positive: ["s", "sigma_d"])
        #expect(try simplified("\(c) sigma_d^2 + s*\(d)", assuming: positive) == "0")
        #expect(try simplified("\(c) sigma_d^2 + s*\(d)") == "0")
        #expect(try simplified(c) == "s/(sigma_d*sqrt(s^2 + sigma_d^2))")
        #expect(try simplified(d) == "-sigma_d/sqrt(s^2 + sigma_d^2)")
        // With another data variance (1 instead of σd²) the covariance is not zero.
        let other = try zeroTest("\(c) + s*\(d)", assuming: positive)
        #expect(other.isProvenNonzero, "\(other)")
    }

    /// Identities that need the stronger normalisation of the zero test.
    @Test(arguments: [
        "sin(2t) - 2 sin(t) cos(t)",
        "cos(2t) - (cos(t)^2 - sin(t)^2)",
        "cos(t)^4 - sin(t)^4 - cos(2t)",
        "sin(3t) - (3 sin(t) - 4 sin(t)^3)",
        "sin(t + s) - sin(t) cos(s) - cos(t) sin(s)",
        "sin(t/2)^2 - (1 - cos(t))/2",
    ])
    func provenZeroAfterExpansion(_ text: String) throws {
        let result = try zeroTest(text)
        #expect(result.isProvenZero, "\(text): \(result)")
    }

    @Test(arguments: [
        ("t - 1", ["t"]),
        ("sin(t)^2 - cos(t)^2", ["t"]),
        ("exp(t) - 1 - t", ["t"]),
        ("sqrt(t^2)", ["t"]),
        ("pi - 355/113", [String]()),
    ])
    func provenNonzeroWithWitness(_ text: String, symbols: [String]) throws {
        let result = try zeroTest(text)
        guard case .nonzero(let point, _) = result else { Issue.record("\(text): \(result)"); return }
        #expect(Set(point.keys) == Set(symbols))
    }

    @Test func assumptionsJustifyRootsOfSquares() throws {
        #expect(try simplified("sqrt(x^2)") == "sqrt(x^2)")
        #expect(try simplified("sqrt(x^2)", assuming: Assumptions(positive: ["x"])) == "x")
        #expect(try simplified("sqrt(4 s^2 t^3)", assuming: Assumptions(positive: ["s", "t"])) == "2*s*t*sqrt(t)")
        #expect(try simplified("log(exp(x))") == "x")
    }

    @Test(arguments: [
        ("cos(pi/4)", "sqrt(2)/2"), ("sin(pi/3)", "sqrt(3)/2"), ("cos(2 pi/3)", "-1/2"), ("sin(-pi/6)", "-1/2"),
        ("cos(pi)", "-1"), ("sin(7 pi/4)", "-sqrt(2)/2"), ("sqrt(9/4)", "3/2"), ("sqrt(8)", "2*sqrt(2)"),
        ("sqrt(12/5)", "2*sqrt(15)/5"), ("exp(0)", "1"), ("log(1)", "0"), ("atan(1)", "pi/4"), ("atan(sqrt(3))", "pi/3"),
        ("0.1 + 0.2", "3/10"), ("2^10", "1024"), ("8^(1/3)", "2"), ("(-2)^3", "-8"), ("4^(-1/2)", "1/2"),
        ("tan(pi/4)", "1"), ("sin(pi/5)", "sin(pi/5)"), ("cos(-t)", "cos(t)"), ("sin(-t)", "-sin(t)"),
    ])
    func exactSpecialValues(_ text: String, expected: String) throws {
        #expect(try simplified(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("(2t-1)/sqrt(2((1-t)^2+t^2))", "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)"),
        ("(1-t)^3", "(1 - t)^3"),
        ("-(1-t)^3", "(t - 1)^3"),
        ("pi/2 t", "pi*t/2"),
        ("x^(1/3)", "x^(1/3)"),
        ("(x^2-1)/(x+1)", "x - 1"),
        ("-s sigma/2", "-s*sigma/2"),
        ("1 - t^2", "1 - t^2"),
        ("exp(2t)/exp(t)", "exp(t)"),
        ("1/exp(t)", "exp(-t)"),
        ("sigmoid(x)", "1/(exp(-x) + 1)"),
        ("diff(x^x, x)", "exp(x*log(x))*(log(x) + 1)"),
        ("sqrt(t)^3", "t*sqrt(t)"),
        ("cos(t)^2", "1 - sin(t)^2"),
    ])
    func readableCanonicalForms(_ text: String, expected: String) throws {
        #expect(try simplified(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("1/(t - t)", "division by zero: the divisor t - t simplifies to 0"),
        ("1/(sin(t)^2 + cos(t)^2 - 1)", "division by zero: the divisor sin(t)^2 + cos(t)^2 - 1 simplifies to 0"),
        ("sqrt(-2)", "square root of the negative number -2"),
        ("log(0)", "logarithm of the non-positive number 0"),
        ("log(-3)", "logarithm of the non-positive number -3"),
        ("tan(pi/2)", "division by zero: tan is undefined at this argument (its cosine is 0)"),
        ("0^(-1)", "division by zero: 0 to a negative power"),
        ("(t^1000)^11", "too large: exponent 11 of a non-constant expression of degree 1000 (limit: degree 10000)"),
    ])
    func errorsCarryTheirLocation(_ text: String, message: String) throws {
        let e = try parse(text)
        do {
            _ = try Simplifier().canonicalForm(of: e)
            Issue.record("\(text) simplified")
        } catch {
            #expect(error.description == message)
            #expect(error.range != nil)
        }
    }

    /// simplify(simplify(e)) == simplify(e), as text, over generated expressions.
    @Test func idempotentOnGeneratedExpressions() throws {
        var generator = ScheduleLikeExpressions(seed: 42)
        var checked = 0
        for _ in 0..<400 {
            let e = generator.expression(depth: 4)
            guard let once = try? Simplifier().simplify(e) else { continue }
            let text = printASCII(once)
            let twice = try Simplifier().simplify(try parse(text))
            #expect(printASCII(twice) == text, "\(printASCII(e))")
            checked += 1
        }
        #expect(checked > 350)
    }
}
