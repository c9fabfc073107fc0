import Exact
import Testing
@testable import Symbolic

/// Precedence, associativity, juxtaposition and the Unicode spellings, checked
/// against trees built by hand (not against the printer, which could share a bug).
@Suite struct PrecedenceTests {
    let t = Expr.variable("t")
    func n(_ v: Int) -> Expr { .number(v) }
    func add(_ a: Expr, _ b: Expr) -> Expr { .binary(.add, a, b) }
    func sub(_ a: Expr, _ b: Expr) -> Expr { .binary(.subtract, a, b) }
    func mul(_ a: Expr, _ b: Expr) -> Expr { .binary(.multiply, a, b) }
    func div(_ a: Expr, _ b: Expr) -> Expr { .binary(.divide, a, b) }
    func pow(_ a: Expr, _ b: Expr) -> Expr { .binary(.power, a, b) }
    func neg(_ a: Expr) -> Expr { .negation(a) }

    @Test func powerBindsTighterThanUnaryMinus() throws {
        #expect(try parse("-t^2") == neg(pow(t, n(2))))
        #expect(try parse("-t**2") == neg(pow(t, n(2))))
        #expect(try parse("-t²") == neg(pow(t, n(2))))
        #expect(try parse("(-t)^2") == pow(neg(t), n(2)))
        #expect(try parse("−t^2") == neg(pow(t, n(2))))
    }

    @Test func powerIsRightAssociative() throws {
        #expect(try parse("2^3^2") == pow(n(2), pow(n(3), n(2))))
        #expect(try parse("2**3**2") == pow(n(2), pow(n(3), n(2))))
        #expect(try parse("2^3**2") == pow(n(2), pow(n(3), n(2))))
        #expect(try parse("(2^3)^2") == pow(pow(n(2), n(3)), n(2)))
        #expect(try parse("2^-t") == pow(n(2), neg(t)))
        #expect(try parse("2^-t^2") == pow(n(2), neg(pow(t, n(2)))))
    }

    @Test func sumsAndProductsAreLeftAssociative() throws {
        #expect(try parse("1-2-3") == sub(sub(n(1), n(2)), n(3)))
        #expect(try parse("8/4/2") == div(div(n(8), n(4)), n(2)))
        #expect(try parse("1+2*3") == add(n(1), mul(n(2), n(3))))
        #expect(try parse("8/4 t") == mul(div(n(8), n(4)), t))
    }

    @Test func juxtaposition() throws {
        #expect(try parse("2t") == mul(n(2), t))
        #expect(try parse("2 t") == mul(n(2), t))
        #expect(try parse("2 pi t") == mul(mul(n(2), .pi), t))
        #expect(try parse("2πt") == mul(mul(n(2), .pi), t))
        #expect(try parse("pi/2 t") == mul(div(.pi, n(2)), t))
        #expect(try parse("(1-t)(1+t)") == mul(sub(n(1), t), add(n(1), t)))
        #expect(try parse("sigma_d sin(t)") == mul(.variable("sigma_d"), .function(.sin, t)))
        #expect(try parse("t*(1+t)") == mul(t, add(n(1), t)))
        // Only a name before `(` is applied (ApplicationTests); a power or π is not one.
        #expect(try parse("t²(1+t)") == mul(pow(t, n(2)), add(n(1), t)))
        #expect(try parse("π(1+t)") == mul(.pi, add(n(1), t)))
        #expect(try parse("2 -t") == sub(n(2), t))
        #expect(try parse("-2t") == mul(neg(n(2)), t))
        #expect(try parse("2√t") == mul(n(2), .function(.sqrt, t)))
        #expect(try parse("x y z") == mul(mul(.variable("x"), .variable("y")), .variable("z")))
        #expect(try parse("αβ") == mul(.variable("alpha"), .variable("beta")))
        #expect(try parse("2e") == mul(n(2), .variable("e")))
        #expect(try parse("2e3") == n(2000))
    }

    @Test func unicodeForms() throws {
        #expect(try parse("√2") == .function(.sqrt, n(2)))
        #expect(try parse("√2 t") == mul(.function(.sqrt, n(2)), t))
        #expect(try parse("√t^2") == .function(.sqrt, pow(t, n(2))))
        #expect(try parse("√(1-t)") == .function(.sqrt, sub(n(1), t)))
        #expect(try parse("t²") == pow(t, n(2)))
        #expect(try parse("t³") == pow(t, n(3)))
        #expect(try parse("t⁻¹") == pow(t, neg(n(1))))
        #expect(try parse("(1+t)²") == pow(add(n(1), t), n(2)))
        #expect(try parse("x₀") == .variable("x0"))
        #expect(try parse("σ₀") == .variable("sigma0"))
        #expect(try parse("1 − t") == sub(n(1), t))
        #expect(try parse("2·t") == mul(n(2), t))
        #expect(try parse("2⋅t") == mul(n(2), t))
        #expect(try parse("2×t") == mul(n(2), t))
        #expect(try parse("2÷t") == div(n(2), t))
        #expect(try parse("π") == .pi)
        #expect(try parse("pi") == .pi)
        #expect(try parse("Π") == .variable("Pi"))
    }

    @Test func greekNamesAreCanonicalASCII() throws {
        #expect(try parse("σ_d") == .variable("sigma_d"))
        #expect(try parse("σ_d") == (try parse("sigma_d")))
        #expect(try parse("ε") == .variable("epsilon"))
        #expect(try parse("eps") == .variable("eps"))
        #expect(try parse("λ") == .variable("lamda"))
        #expect(try parse("lambda") == .variable("lamda"))
        #expect(try parse("λ_min") == (try parse("lambda_min")))
        #expect(try parse("lambdax") == .variable("lambdax"))
        #expect(try parse("µ") == (try parse("μ")))
        #expect(try parse("ς") == .variable("sigma"))
    }

    @Test func numbersAreExact() throws {
        #expect(try parse("0.1") == .number(Rational(1, 10)))
        #expect(try parse("1e-3") == .number(Rational(1, 1000)))
        #expect(try parse(".5") == .number(Rational(1, 2)))
        #expect(try parse("2.5E+2") == n(250))
        #expect(try parse("3/4") == div(n(3), n(4)))
        #expect(try parse("-2") == neg(n(2)))
    }

    @Test func functionsAndDerivative() throws {
        for f in Function.allCases {
            #expect(try parse("\(f.name)(t)") == .function(f, t))
        }
        #expect(try parse("sin (t)") == .function(.sin, t))
        #expect(try parse("diff(t^2, t)") == .derivative(pow(t, n(2)), variable: "t"))
        #expect(try parse("diff(sin(σ t), σ)") == .derivative(.function(.sin, mul(.variable("sigma"), t)), variable: "sigma"))
        #expect(try parse("sin(t)^2") == pow(.function(.sin, t), n(2)))
    }

    @Test func whitespaceAndLines() throws {
        #expect(try parse(" \t1 +\n 2\r\n") == add(n(1), n(2)))
        #expect(try parse("1\u{A0}+ 2") == add(n(1), n(2)))
    }

    @Test func rangesAreRecordedButIgnoredByEquality() throws {
        let e = try parse("1 + sin(t)")
        #expect(e.range == SourceRange(start: SourceLocation(line: 1, column: 1, offset: 0),
                                       end: SourceLocation(line: 1, column: 11, offset: 10)))
        guard case .binary(_, _, let rhs) = e.kind else { Issue.record("not binary"); return }
        #expect(rhs.range?.start.column == 5)
        #expect(e == add(n(1), .function(.sin, t)))
        #expect(e.hashValue == add(n(1), .function(.sin, t)).hashValue)
    }
}
