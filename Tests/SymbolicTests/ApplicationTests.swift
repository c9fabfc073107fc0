import Exact
import Testing
@testable import Symbolic

/// `NAME(ARG)`: a quantity or let at a time, never a product (issue #10).
@Suite struct ApplicationTests {
    let t = Expr.variable("t")
    static let quantities: ApplicableNames = .only(["alpha", "sigma", "rho", "k"])

    func parse(_ text: String, _ applicable: ApplicableNames = quantities) -> ParseResult {
        ExpressionParser.parse(text, applicable: applicable)
    }

    /// `line:column: id: message`, then each fix-it as `fix line:column 'replacement'`.
    func failure(_ text: String, _ applicable: ApplicableNames = quantities) -> [String] {
        parse(text, applicable).diagnostics.flatMap { d in
            ["\(d.line):\(d.column): \(d.id): \(d.message)"]
                + d.fixIts.map { "fix \($0.range.start.line):\($0.range.start.column) '\($0.replacement)'" }
        }
    }

    @Test func anApplicableNameBeforeAParenthesisIsApplied() throws {
        #expect(parse("alpha(t)").expression == .application("alpha", t))
        #expect(parse("rho(1/2)").expression == .application("rho", .binary(.divide, .number(1), .number(2))))
        // Greek spellings, whitespace before `(`, and applications as operands.
        #expect(parse("α(s)").expression == .application("alpha", .variable("s")))
        #expect(parse("σ (1 - t)").expression == .application("sigma", .binary(.subtract, .number(1), t)))
        #expect(parse("2α(t)²").expression
            == .binary(.multiply, .number(2), .binary(.power, .application("alpha", t), .number(2))))
        #expect(parse("k(alpha(t))").expression == .application("k", .application("alpha", t)))
    }

    @Test func theArgumentRangeTakesInTheParentheses() throws {
        let e = try #require(parse("2 alpha( t )").expression)
        guard case .binary(.multiply, _, let application) = e.kind, case .application(_, let argument) = application.kind else {
            Issue.record("not a product with an application: \(e)")
            return
        }
        #expect(application.range?.start.column == 3 && application.range?.end.column == 13)
        #expect(argument.range?.start.column == 8 && argument.range?.end.column == 13)
    }

    @Test func anyOtherNameBeforeAParenthesisIsNotAFunction() {
        #expect(failure("t(1+t)") == ["1:1: not-a-function: 't' is not a function; write t*(…) to multiply", "fix 1:2 '*'"])
        #expect(failure("2 t (1+t)") == ["1:3: not-a-function: 't' is not a function; write t*(…) to multiply", "fix 1:5 '*'"])
        #expect(failure("σ_d(1-t)") == ["1:1: not-a-function: 'σ_d' is not a function; write σ_d*(…) to multiply", "fix 1:4 '*'"])
        #expect(failure("tau(1-t)") == ["1:1: not-a-function: 'tau' is not a function; write tau*(…) to multiply", "fix 1:4 '*'"])
        // Without a schedule nothing is applicable.
        #expect(failure("alpha(t)", .only([]))
            == ["1:1: not-a-function: 'alpha' is not a function; write alpha*(…) to multiply", "fix 1:6 '*'"])
        // A misspelt function keeps its suggestion.
        #expect(failure("sqr(2)") == ["1:1: unknown-function: unknown function 'sqr'; did you mean 'sqrt'?", "fix 1:1 'sqrt'"])
        #expect(failure("abs (t)") == ["1:1: not-a-function: 'abs' is not a function; write abs*(…) to multiply", "fix 1:5 '*'"])
    }

    @Test func anApplicationTakesExactlyOneArgument() {
        #expect(failure("alpha()") == ["1:7: missing-argument: missing argument to 'alpha': it takes 1 argument"])
        #expect(failure("α(t, s)") == ["1:4: too-many-arguments: too many arguments to 'α': it takes 1 argument"])
        #expect(failure("alpha(t") == ["1:8: unbalanced-parenthesis: expected ')' to close the '(' at 1:6", "fix 1:8 ')'"])
    }

    @Test func everyNameIsAppliedWhenTheCallerChecksLater() {
        #expect(parse("t(1+t)", .any).expression == .application("t", .binary(.add, .number(1), t)))
        #expect(parse("sin(t)", .any).expression == .function(.sin, t))
    }

    @Test func applicationsPrintAsWrittenAndReadBack() throws {
        for text in ["alpha(t)", "2*rho(1/2)^2", "k(alpha(s) + 1)", "sigma(1 - t)*t"] {
            let e = try #require(parse(text).expression, "\(text)")
            #expect(printASCII(e) == text)
            #expect(parse(printASCII(e)).expression == e, "\(text)")
            #expect(parse(printUnicode(e)).expression == e, "\(text)")
        }
        #expect(printUnicode(try #require(parse("sigma(1 - t)*t").expression)) == "σ(1 − t) t")
        #expect(printLaTeX(try #require(parse("rho(1/2)").expression)) == "\\rho\\left(\\frac{1}{2}\\right)")
    }

    @Test func theSimplifierSubstitutesTheArgumentForTheTimeVariable() throws {
        let alpha = try Simplifier().canonicalForm(of: Expr(parsing: "cos(pi/2 t)"))
        let simplifier = Simplifier(bindings: ["alpha": alpha], timeVariable: "t")
        func value(_ text: String) throws -> String {
            printASCII(try simplifier.canonicalForm(of: #require(parse(text).expression)).expression)
        }
        #expect(try value("alpha(1/2)") == "sqrt(2)/2")
        #expect(try value("alpha(t)") == "cos(pi*t/2)")
        #expect(try value("alpha(1 - t)") == "sin(pi*t/2)")
        #expect(try value("diff(alpha(s^2), s)") == "-pi*s*sin(pi*s^2/2)")
        // An unbound name is its own value at the time variable only.
        #expect(try value("rho(t)") == "rho")
        #expect(throws: LocatedSimplificationError.self) { try value("rho(1/2)") }
        let located = #expect(throws: LocatedSimplificationError.self) { try value("1 + rho(1/2)") }
        #expect(located?.error == .domain("the value of 'rho' is not known here, so 'rho(1/2)' cannot be evaluated"))
        #expect(located?.range?.start.column == 5)
    }
}
