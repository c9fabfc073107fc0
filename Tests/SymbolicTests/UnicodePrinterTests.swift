import Exact
import Testing
@testable import Symbolic

/// One printer expectation: an input (parsed from ASCII text, or a tree built in code)
/// and the exact text a printer must produce for it.
struct PrinterCase: Sendable, CustomTestStringConvertible {
    let expression: Expr
    let expected: String
    let label: String

    init(_ source: String, _ expected: String) {
        expression = try! Expr(parsing: source)
        self.expected = expected
        label = source
    }

    init(built expression: Expr, _ expected: String) {
        self.expression = expression
        self.expected = expected
        label = "built " + printASCII(expression)
    }

    var testDescription: String { label }
}

@Suite struct UnicodePrinterTests {
    static let parsedCases: [PrinterCase] = [
        PrinterCase("cos(pi t/2)", "cos(πt/2)"),
        PrinterCase("cos(pi/2 t)", "cos((π/2)t)"),
        PrinterCase("sqrt(1 - alpha^2)", "√(1 − α²)"),
        PrinterCase("sigma_d^2/(s^2 + sigma_d^2)", "σ_d²/(s² + σ_d²)"),
        PrinterCase("(2*t - 1)/sqrt(4*t^2 - 4*t + 2)", "(2t − 1)/√(4t² − 4t + 2)"),
        PrinterCase("-t^2", "−t²"),
        PrinterCase("(-t)^2", "(−t)²"),
        PrinterCase("2^3^2", "2^3²"),
        PrinterCase("(2^3)^2", "(2³)²"),
        PrinterCase("exp(-t)", "exp(−t)"),
        PrinterCase("1/(1+exp(-x))", "1/(1 + exp(−x))"),
        PrinterCase("diff(cos(pi t/2), t)", "diff(cos(πt/2), t)"),
        PrinterCase("beta_min t + (beta_max - beta_min) t^2/2", "β_min t + (β_max − β_min)t²/2"),
        PrinterCase("x0", "x₀"),
        PrinterCase("t12 + x_1 + alpha2", "t₁₂ + x_1 + α₂"),
        PrinterCase("eps", "eps"),
        PrinterCase("epsilon", "ε"),
        PrinterCase("lambda_min", "λ_min"),
        PrinterCase("Gamma + Alpha + omicron + Sigma", "Γ + Alpha + omicron + Σ"),
        PrinterCase("sigma_alpha + alphabet", "σ_alpha + alphabet"),
        PrinterCase("2*3", "2·3"),
        PrinterCase("2 pi t", "2πt"),
        PrinterCase("sigma_d sin(t)", "σ_d sin(t)"),
        PrinterCase("2 sin(t) cos(t)", "2 sin(t) cos(t)"),
        PrinterCase("x0 t", "x₀ t"),
        PrinterCase("t sigma", "tσ"),
        PrinterCase("2 e + 2 e1", "2 e + 2 e₁"),
        PrinterCase("1e-30 t", "1e-30 t"),
        PrinterCase("0.5 t^0.5", "0.5t^0.5"),
        // A name before `(` is applied, so a product with a group prints with `·`.
        PrinterCase("t*(1 - t)", "t·(1 − t)"),
        PrinterCase("tau*(1 - t)", "τ·(1 − t)"),
        PrinterCase("x0*(1 - t)", "x₀·(1 − t)"),
        PrinterCase("pi (1 - t)", "π(1 − t)"),
        PrinterCase("(t+1)(t-1)", "(t + 1)(t − 1)"),
        PrinterCase("sigma^2 (1 - t)^2", "σ²(1 − t)²"),
        PrinterCase("sine*(t)", "sine t"),
        PrinterCase("t^2 * 3", "t²·3"),
        PrinterCase("t * 2^s", "t·2^s"),
        PrinterCase("2^t * s", "2^t·s"),
        PrinterCase("sqrt(2) t", "√2·t"),
        PrinterCase("t^-1", "t⁻¹"),
        PrinterCase("(t+1)^10", "(t + 1)¹⁰"),
        PrinterCase("t^1000", "t^1000"),
        PrinterCase("t^(1/2)", "t^(1/2)"),
        PrinterCase("2^(-t)", "2^(−t)"),
        PrinterCase("sigma_min^(2(1-t))", "σ_min^(2(1 − t))"),
        PrinterCase("sqrt(t^2)", "√(t²)"),
        PrinterCase("sqrt(t)^2", "(√t)²"),
        PrinterCase("sqrt(sin(t))", "√sin(t)"),
        PrinterCase("sin(t)^2", "sin(t)²"),
        PrinterCase("a/b/c", "(a/b)/c"),
        PrinterCase("a/(b c)", "a/(b c)"),
        PrinterCase("1/(2 t)", "1/(2t)"),
        PrinterCase("a - (b - c)", "a − (b − c)"),
        PrinterCase("a + -b", "a + (−b)"),
        PrinterCase("a + -2 t", "a + (−2t)"),
        PrinterCase("--t", "−(−t)"),
        PrinterCase("2 (-t)", "2(−t)"),
        PrinterCase("diff(sigma^2, sigma) + diff(t, sigma_d)", "diff(σ², σ) + diff(t, σ_d)"),
        PrinterCase("atan(t) + sigmoid(t) + log(t) + tanh(t)", "atan(t) + sigmoid(t) + log(t) + tanh(t)"),
    ]

    static let builtCases: [PrinterCase] = [
        PrinterCase(built: .number(Rational(3, 4)), "0.75"),
        PrinterCase(built: .number(Rational(1, 3)), "1/3"),
        PrinterCase(built: .number(Rational(-3, 4)), "−0.75"),
        PrinterCase(built: .number(Rational(-2, 3)), "−2/3"),
        PrinterCase(built: .binary(.multiply, .number(-2), .variable("t")), "−2t"),
        PrinterCase(built: .binary(.multiply, .number(Rational(1, 3)), .variable("t")), "(1/3)t"),
        PrinterCase(built: .binary(.multiply, .variable("t"), .number(Rational(1, 3))), "t·(1/3)"),
        PrinterCase(built: .application("alpha", .number(Rational(1, 2))), "α(0.5)"),
        PrinterCase(built: .binary(.multiply, .variable("t"), .application("rho", .variable("s"))), "tρ(s)"),
        PrinterCase(built: .binary(.multiply, .number(2), .number(-2)), "2(−2)"),
        PrinterCase(built: .binary(.add, .variable("t"), .number(-2)), "t + (−2)"),
        PrinterCase(built: .binary(.power, .variable("t"), .number(-2)), "t⁻²"),
        PrinterCase(built: .binary(.power, .number(Rational(-1, 3)), .number(2)), "(−1/3)²"),
        PrinterCase(built: .function(.sqrt, .number(Rational(1, 3))), "√(1/3)"),
    ]

    @Test(arguments: parsedCases + builtCases)
    func prints(_ c: PrinterCase) {
        #expect(printUnicode(c.expression) == c.expected)
    }

    /// Every parsed example reads back as the tree it was printed from.
    @Test(arguments: parsedCases)
    func examplesRoundTrip(_ c: PrinterCase) throws {
        #expect(try Expr(parsing: c.expected) == c.expression)
    }

    /// The guarantee: `parse(printUnicode(e)) == e` for trees the parser can produce.
    /// There are no exceptions among them; the ASCII round trip is checked alongside to
    /// show that the generator does produce such trees.
    @Test func randomTreesRoundTrip() {
        var generator = PrinterTreeGenerator(seed: 0x5EED_0001)
        var failures = 0
        for e in generator.expressions(3000) {
            #expect((try? Expr(parsing: printASCII(e))) == e, "generator: \(printASCII(e))")
            let text = printUnicode(e)
            let back = try? Expr(parsing: text)
            if back != e {
                failures += 1
                if failures <= 20 {
                    Issue.record("\(printASCII(e)) printed as \(text), read back as \(back.map(printASCII) ?? "an error")")
                }
            }
        }
        #expect(failures == 0)
    }

    /// Trees built in code (any rational) print as text that parses, to a tree that
    /// prints the same: the printout is a fixed point after one round.
    @Test func builtTreesPrintParseableText() {
        var generator = PrinterTreeGenerator(seed: 0x5EED_0002, parserProducible: false)
        for e in generator.expressions(2000) {
            let text = printUnicode(e)
            guard let back = try? Expr(parsing: text) else {
                Issue.record("\(printASCII(e)) printed as \(text), which does not parse")
                continue
            }
            #expect(printUnicode(back) == text, "\(printASCII(e))")
        }
    }
}
