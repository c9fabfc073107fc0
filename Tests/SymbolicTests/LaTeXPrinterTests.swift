import Exact
import Testing
@testable import Symbolic

@Suite struct LaTeXPrinterTests {
    static let parsedCases: [PrinterCase] = [
        PrinterCase("cos(pi t/2)", #"\cos\left(\frac{\pi t}{2}\right)"#),
        PrinterCase("cos(pi/2 t)", #"\cos\left(\frac{\pi}{2} t\right)"#),
        PrinterCase("sqrt(1 - alpha^2)", #"\sqrt{1 - \alpha^{2}}"#),
        PrinterCase("sigma_d^2/(s^2 + sigma_d^2)", #"\frac{\sigma_{d}^{2}}{s^{2} + \sigma_{d}^{2}}"#),
        PrinterCase("(2*t - 1)/sqrt(4*t^2 - 4*t + 2)", #"\frac{2 t - 1}{\sqrt{4 t^{2} - 4 t + 2}}"#),
        PrinterCase("-t^2", #"- t^{2}"#),
        PrinterCase("(-t)^2", #"\left(- t\right)^{2}"#),
        PrinterCase("2^3^2", #"2^{3^{2}}"#),
        PrinterCase("(2^3)^2", #"\left(2^{3}\right)^{2}"#),
        PrinterCase("exp(-t)", #"e^{- t}"#),
        PrinterCase("1/(1+exp(-x))", #"\frac{1}{1 + e^{- x}}"#),
        PrinterCase("exp(t)^2", #"\left(e^{t}\right)^{2}"#),
        PrinterCase("diff(cos(pi t/2), t)", #"\frac{d}{d t} \cos\left(\frac{\pi t}{2}\right)"#),
        PrinterCase("diff(2 t, t)", #"\frac{d}{d t} 2 t"#),
        PrinterCase("diff(-2 t, t) + diff(t + 1, t)", #"\frac{d}{d t} \left(- 2 t\right) + \frac{d}{d t} \left(t + 1\right)"#),
        PrinterCase("diff(sigma^2, sigma_d)", #"\frac{d}{d \sigma_{d}} \sigma^{2}"#),
        PrinterCase("diff(t^2, t) s", #"\left(\frac{d}{d t} t^{2}\right) s"#),
        PrinterCase("beta_min t + (beta_max - beta_min) t^2/2",
                    #"\beta_{min} t + \frac{\left(\beta_{max} - \beta_{min}\right) t^{2}}{2}"#),
        PrinterCase("x0", #"x_{0}"#),
        PrinterCase("t12 + x_1 + alpha2", #"t_{12} + x_{1} + \alpha_{2}"#),
        PrinterCase("eps", #"eps"#),
        PrinterCase("epsilon", #"\epsilon"#),
        PrinterCase("lambda + lambda_min", #"\lambda + \lambda_{min}"#),
        PrinterCase("sigma_alpha + x_alpha_2", #"\sigma_{\alpha} + x_{\alpha 2}"#),
        PrinterCase("Gamma + Alpha + omicron", #"\Gamma + \mathrm{A} + o"#),
        PrinterCase("x__a^2", #"\left(x^{a}\right)^{2}"#),
        PrinterCase("_x + x_", #"\mathit{\_x} + \mathit{x\_}"#),
        PrinterCase("2*3", #"2 \cdot 3"#),
        PrinterCase("2 pi t", #"2 \pi t"#),
        PrinterCase("t^2 * 3", #"t^{2} \cdot 3"#),
        PrinterCase("t * 2^s", #"t \cdot 2^{s}"#),
        PrinterCase("sigma_d sin(t)", #"\sigma_{d} \sin\left(t\right)"#),
        PrinterCase("sin(t)^2 + cos(t)^2", #"\sin^{2}\left(t\right) + \cos^{2}\left(t\right)"#),
        PrinterCase("log(t)^2", #"\log\left(t\right)^{2}"#),
        PrinterCase("sin(t)^-1", #"\left(\sin\left(t\right)\right)^{- 1}"#),
        PrinterCase("atan(t)^2 + sigmoid(t)", #"\operatorname{atan}^{2}\left(t\right) + \operatorname{sigmoid}\left(t\right)"#),
        PrinterCase("tanh(t) cosh(t) sinh(t) tan(t)",
                    #"\tanh\left(t\right) \cosh\left(t\right) \sinh\left(t\right) \tan\left(t\right)"#),
        PrinterCase("a - (b - c)", #"a - \left(b - c\right)"#),
        PrinterCase("a + -b", #"a + \left(- b\right)"#),
        PrinterCase("a + -2 t", #"a + \left(- 2 t\right)"#),
        PrinterCase("--t", #"- \left(- t\right)"#),
        PrinterCase("a/b/c", #"\frac{\frac{a}{b}}{c}"#),
        PrinterCase("sqrt(t)^2", #"\left(\sqrt{t}\right)^{2}"#),
        PrinterCase("(t+1)(t-1)", #"\left(t + 1\right) \left(t - 1\right)"#),
        PrinterCase("t^(x+1)", #"t^{x + 1}"#),
        PrinterCase("sigma_min^(2(1-t))", #"\sigma_{min}^{2 \left(1 - t\right)}"#),
        PrinterCase("e^t exp(t)", #"e^{t} \exp\left(t\right)"#),
        PrinterCase("0.5 t^0.5", #"0.5 t^{0.5}"#),
        PrinterCase("1e-30 t", #"10^{-30} t"#),
        PrinterCase("2.5e-40", #"2.5 \cdot 10^{-40}"#),
    ]

    static let builtCases: [PrinterCase] = [
        PrinterCase(built: .number(Rational(3, 4)), #"0.75"#),
        PrinterCase(built: .number(Rational(1, 3)), #"\frac{1}{3}"#),
        PrinterCase(built: .number(Rational(-3, 4)), #"-0.75"#),
        PrinterCase(built: .number(Rational(-1, 3)), #"- \frac{1}{3}"#),
        PrinterCase(built: .binary(.multiply, .number(-2), .variable("t")), #"-2 t"#),
        PrinterCase(built: .binary(.multiply, .number(2), .number(Rational(1, 3))), #"2 \cdot \frac{1}{3}"#),
        PrinterCase(built: .binary(.multiply, .variable("t"), .number(Rational(1, 3))), #"t \frac{1}{3}"#),
        PrinterCase(built: .binary(.add, .variable("t"), .number(-2)), #"t + \left(-2\right)"#),
        PrinterCase(built: .binary(.power, .variable("t"), .number(-2)), #"t^{-2}"#),
        PrinterCase(built: .binary(.power, .number(Rational(1, 3)), .number(2)), #"\left(\frac{1}{3}\right)^{2}"#),
        PrinterCase(built: .binary(.power, .number(Rational(-1, 3)), .number(2)), #"\left(- \frac{1}{3}\right)^{2}"#),
        PrinterCase(built: .negation(.number(-2)), #"- \left(-2\right)"#),
    ]

    /// Inline style: every quotient, including the `d/dt` of a derivative, is `\tfrac`.
    static let inlineCases: [PrinterCase] = [
        PrinterCase("cos(pi t/2)", #"\cos\left(\tfrac{\pi t}{2}\right)"#),
        PrinterCase("diff(1/t, t)", #"\tfrac{d}{d t} \tfrac{1}{t}"#),
        PrinterCase("2 (1/2)", #"2 \cdot \tfrac{1}{2}"#),
        PrinterCase(built: .number(Rational(-1, 3)), #"- \tfrac{1}{3}"#),
    ]

    @Test(arguments: parsedCases + builtCases)
    func prints(_ c: PrinterCase) {
        #expect(printLaTeX(c.expression) == c.expected)
    }

    @Test(arguments: inlineCases)
    func printsInline(_ c: PrinterCase) {
        #expect(printLaTeX(c.expression, style: .inline) == c.expected)
    }

    /// exp is `e^{x}` unless a variable `e` is around, whose powers would look the same.
    @Test func expSwitchesToCommandNextToVariableE() throws {
        #expect(printLaTeX(try Expr(parsing: "exp(t) + e1^t")) == #"e^{t} + e_{1}^{t}"#)
        #expect(printLaTeX(try Expr(parsing: "exp(t) + e^t")) == #"\exp\left(t\right) + e^{t}"#)
        #expect(printLaTeX(try Expr(parsing: "diff(exp(t), e)")) == #"\frac{d}{d e} \exp\left(t\right)"#)
    }

    /// Greek names as SymPy prints them: commands, `\mathrm` capitals, `o` for omicron.
    @Test func greekNames() {
        let expected: [String: String] = [
            "alpha": #"\alpha"#, "lamda": #"\lambda"#, "Lamda": #"\Lambda"#, "omicron": "o",
            "Omicron": #"\mathrm{O}"#, "Eta": #"\mathrm{H}"#, "Upsilon": #"\Upsilon"#, "pi_1": #"\pi_{1}"#,
            "Pi": #"\Pi"#, "phi": #"\phi"#, "varphi": "varphi", "ALPHA": "ALPHA",
        ]
        for (name, latex) in expected {
            #expect(printLaTeX(.variable(name)) == latex, "\(name)")
        }
    }
}
