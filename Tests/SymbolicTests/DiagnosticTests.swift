import Foundation
import Testing
@testable import Symbolic

/// One malformed input and exactly what must be reported for it.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var id: DiagnosticID
    var line: Int
    var column: Int
    var message: String

    init(_ text: String, _ id: DiagnosticID, _ line: Int, _ column: Int, _ message: String) {
        self.init(bytes: Array(text.utf8), id, line, column, message)
    }

    init(bytes: [UInt8], _ id: DiagnosticID, _ line: Int, _ column: Int, _ message: String) {
        self.bytes = bytes
        self.id = id
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String {
        abbreviated(String(decoding: bytes, as: UTF8.self).debugDescription, limit: 60)
    }
}

@Suite struct DiagnosticTests {
    static let cases: [MalformedCase] = [
        // Missing operands.
        MalformedCase("2**", "expected-expression", 1, 4, "expected an expression after '**'"),
        MalformedCase("2 + * 3", "expected-expression", 1, 5, "expected an expression after '+'"),
        MalformedCase("^2", "expected-expression", 1, 1, "expected an expression before '^'"),
        MalformedCase("()", "expected-expression", 1, 2, "expected an expression after '('"),
        MalformedCase("√", "expected-expression", 1, 2, "expected an expression after '√'"),
        MalformedCase("t +\n\n", "expected-expression", 1, 4, "expected an expression after '+'"),
        MalformedCase("1 +\n(2 *\n)", "expected-expression", 3, 1, "expected an expression after '*'"),
        MalformedCase("sin(,)", "expected-expression", 1, 5, "expected an expression after '('"),
        // Parentheses.
        MalformedCase("(1 + t", "unbalanced-parenthesis", 1, 7, "expected ')' to close the '(' at 1:1"),
        MalformedCase("((t)", "unbalanced-parenthesis", 1, 5, "expected ')' to close the '(' at 1:1"),
        MalformedCase("sin(t", "unbalanced-parenthesis", 1, 6, "expected ')' to close the '(' at 1:4"),
        MalformedCase("(1, 2)", "unbalanced-parenthesis", 1, 3, "expected ')' to close the '(' at 1:1"),
        MalformedCase("1 + t)", "unbalanced-parenthesis", 1, 6, "unexpected ')' without a matching '('"),
        MalformedCase(")", "unbalanced-parenthesis", 1, 1, "unexpected ')' without a matching '('"),
        // Calls.
        MalformedCase("sin()", "missing-argument", 1, 5, "missing argument to 'sin': it takes 1 argument"),
        MalformedCase("diff(t)", "missing-argument", 1, 7, "missing argument to 'diff': it takes 2 arguments"),
        MalformedCase("sqrt(1,2)", "too-many-arguments", 1, 7, "too many arguments to 'sqrt': it takes 1 argument"),
        MalformedCase("diff(t, t, t)", "too-many-arguments", 1, 10, "too many arguments to 'diff': it takes 2 arguments"),
        MalformedCase("diff(t^2, 2)", "expected-variable", 1, 11, "the second argument of 'diff' must be a variable name"),
        MalformedCase("diff(t, x y)", "expected-variable", 1, 9, "the second argument of 'diff' must be a variable name"),
        MalformedCase("diff(t, pi)", "expected-variable", 1, 9, "the second argument of 'diff' must be a variable name"),
        MalformedCase("sin t", "expected-open-parenthesis", 1, 5, "expected '(' after function name 'sin'"),
        MalformedCase("2 exp", "expected-open-parenthesis", 1, 6, "expected '(' after function name 'exp'"),
        // Unknown functions.
        MalformedCase("sqr(2)", "unknown-function", 1, 1, "unknown function 'sqr'; did you mean 'sqrt'?"),
        MalformedCase("1 + sqtr(t)", "unknown-function", 1, 5, "unknown function 'sqtr'; did you mean 'sqrt'?"),
        MalformedCase("ln(t)", "unknown-function", 1, 1, "unknown function 'ln'; did you mean 'log'?"),
        MalformedCase("cosine(t)", "unknown-function", 1, 1, "unknown function 'cosine'; did you mean 'cos'?"),
        MalformedCase("sigmod(t)", "unknown-function", 1, 1, "unknown function 'sigmod'; did you mean 'sigmoid'?"),
        MalformedCase("abs(t)", "unknown-function", 1, 1, "unknown function 'abs'"),
        // Stray characters and bad bytes.
        MalformedCase("2 @ 3", "unexpected-character", 1, 3, "unexpected character '@'"),
        MalformedCase("t # comment", "unexpected-character", 1, 3, "unexpected character '#'"),
        MalformedCase("1 – t", "unexpected-character", 1, 3, "unexpected character '–' (U+2013)"),
        MalformedCase("t\u{7}", "unexpected-character", 1, 2, "unexpected character U+0007"),
        MalformedCase(".", "unexpected-character", 1, 1, "unexpected character '.'"),
        MalformedCase(bytes: [0x74, 0x2B, 0xFF], "invalid-utf8", 1, 3, "invalid UTF-8 byte 0xFF"),
        MalformedCase(bytes: Array("σ + ".utf8) + [0xC3], "invalid-utf8", 1, 5, "invalid UTF-8 byte 0xC3"),
        MalformedCase(bytes: Array("1 +\n2 ".utf8) + [0xFE], "invalid-utf8", 2, 3, "invalid UTF-8 byte 0xFE"),
        MalformedCase(bytes: [0xC0, 0xAF], "invalid-utf8", 1, 1, "invalid UTF-8 byte 0xC0"),  // overlong '/'
        MalformedCase(bytes: [0xED, 0xA0, 0x80], "invalid-utf8", 1, 1, "invalid UTF-8 byte 0xED"),  // surrogate
        // Empty input.
        MalformedCase("", "empty-input", 1, 1, "expected an expression, but the input is empty"),
        MalformedCase("   \n  ", "empty-input", 1, 1, "expected an expression, but the input is empty"),
        // Numbers, operators, names.
        MalformedCase("2 3", "missing-operator", 1, 3, "expected an operator before number '3'"),
        MalformedCase("(a)2", "missing-operator", 1, 4, "expected an operator before number '2'"),
        MalformedCase("2.", "malformed-number", 1, 3, "expected a digit after the decimal point in '2.'"),
        MalformedCase("t⁻", "malformed-superscript", 1, 3, "expected a superscript digit after '⁻'"),
        MalformedCase("1e100001", "number-too-large", 1, 1, "number '1e100001' is too large (decimal exponent limit 100000)"),
        MalformedCase("if + 1", "reserved-word", 1, 1, "'if' is a reserved word and cannot be used as a name"),
        MalformedCase("1, 2", "unexpected-token", 1, 2, "unexpected ',' after a complete expression"),
        // Exponent budget.
        MalformedCase("t^1000000000", "exponent-too-large", 1, 3, "exponent 1000000000 is too large (limit 10000)"),
        MalformedCase("t^-20000", "exponent-too-large", 1, 3, "exponent -20000 is too large (limit 10000)"),
        MalformedCase("t^(1e9)", "exponent-too-large", 1, 3, "exponent 1000000000 is too large (limit 10000)"),
        MalformedCase("t¹⁰⁰⁰⁰⁰", "exponent-too-large", 1, 2, "exponent 100000 is too large (limit 10000)"),
        // Nesting and size budgets.
        MalformedCase(String(repeating: "(", count: 100_000) + "t" + String(repeating: ")", count: 100_000),
                      "nesting-too-deep", 1, 201, "expression nested too deeply (more than 200 levels)"),
        MalformedCase(String(repeating: "-", count: 100_000) + "t", "nesting-too-deep", 1, 201,
                      "expression nested too deeply (more than 200 levels)"),
        MalformedCase(String(repeating: "sin(", count: 300) + "t" + String(repeating: ")", count: 300),
                      "nesting-too-deep", 1, 804, "expression nested too deeply (more than 200 levels)"),
        MalformedCase(String(repeating: "2^", count: 300) + "2", "nesting-too-deep", 1, 402,
                      "expression nested too deeply (more than 200 levels)"),
        MalformedCase(String(repeating: "t+", count: 1500) + "t", "expression-too-complex", 1, 1000,
                      "expression too complex: its syntax tree would be more than 500 levels deep"),
        MalformedCase(String(repeating: "1e100000+", count: 60) + "1", "numbers-too-large", 1, 451,
                      "number literals too large in total (more than 16777216 bits)"),
        MalformedCase(String(repeating: "t", count: (1 << 20) + 1), "input-too-large", 1, 1,
                      "expression too large: 1048577 bytes (limit 1048576 bytes)"),
    ]

    @Test(arguments: cases)
    func malformedInputIsReportedPrecisely(_ c: MalformedCase) throws {
        let result = ExpressionParser.parse(utf8: c.bytes)
        #expect(result.expression == nil)
        #expect(result.diagnostics.count == 1)
        let d = try #require(result.diagnostics.first)
        #expect(d.id == c.id)
        #expect(d.severity == .error)
        #expect(d.line == c.line)
        #expect(d.column == c.column)
        #expect(d.message == c.message)
        // Drawing it never fails either.
        #expect(!DiagnosticFormatter().format(d, in: result.source).isEmpty)
    }

    @Test func atLeastThirtyMalformedInputs() {
        #expect(Self.cases.count >= 30)
        #expect(Set(Self.cases.map(\.id)).count >= 20)
    }

    @Test func aTenMegabyteExpressionIsRejectedQuickly() {
        let text = String(repeating: "t+", count: 5 * 1024 * 1024)
        let clock = ContinuousClock()
        var result: ParseResult?
        let elapsed = clock.measure { result = ExpressionParser.parse(text) }
        let d = result!.diagnostics[0]
        #expect(d.id == "input-too-large")
        #expect(d.message == "expression too large: 10485760 bytes (limit 1048576 bytes)")
        #expect("\(d.location)" == "1:1")
        var formatted = ""
        let formatting = clock.measure { formatted = result!.formattedDiagnostics() }
        #expect(formatted == """
            <input>:1:1: error: expression too large: 10485760 bytes (limit 1048576 bytes)
            1 | \(String(repeating: "t+", count: 50))...
              | ^
            """)
        #expect(elapsed + formatting < .seconds(2))
    }

    @Test func aOneMegabyteExpressionParses() throws {
        // A balanced product just under 1 MiB: large, but within every budget.
        var balanced = "t"
        while balanced.utf8.count * 2 + 5 <= 1 << 20 { balanced = "(\(balanced))*(\(balanced))" }
        #expect(balanced.utf8.count > 700_000)
        let clock = ContinuousClock()
        var parsed: ParseResult?
        let elapsed = clock.measure { parsed = ExpressionParser.parse(balanced) }
        #expect(parsed?.expression?.height == 18)
        #expect(elapsed < .seconds(20))
        // A flat chain of the same size stops at the height budget, at once.
        let chain = String(repeating: "t+", count: 500_000) + "t"
        let rejected = clock.measure { parsed = ExpressionParser.parse(chain) }
        #expect(parsed?.diagnostics.first?.id == "expression-too-complex")
        #expect(rejected < .seconds(1))
    }
}

/// The exact layout of rendered diagnostics.
@Suite struct DiagnosticFormatterTests {
    func render(_ text: String, fileName: String = "<input>") -> String {
        ExpressionParser.parse(text).formattedDiagnostics(fileName: fileName)
    }

    @Test func caretUnderTheMissingOperand() {
        #expect(render("2**") == """
            <input>:1:4: error: expected an expression after '**'
            1 | 2**
              |    ^
            """)
    }

    @Test func fileNameIsAParameter() {
        #expect(render("1 + @", fileName: "cosine.sched") == """
            cosine.sched:1:5: error: unexpected character '@'
            1 | 1 + @
              |     ^
            """)
    }

    @Test func rangeIsUnderlinedAndFixItShown() {
        #expect(render("2 sqr(t)") == """
            <input>:1:3: error: unknown function 'sqr'; did you mean 'sqrt'?
            1 | 2 sqr(t)
              |   ^~~
              |   sqrt
              = note: to multiply by 'sqr', write 'sqr*(...)'
            """)
    }

    @Test func unclosedParenthesisPointsBackToTheOpening() {
        #expect(render("sqrt(1 - t^2") == """
            <input>:1:13: error: expected ')' to close the '(' at 1:5
            1 | sqrt(1 - t^2
              |             ^
              |             )
            <input>:1:5: note: '(' opened here
            1 | sqrt(1 - t^2
              |     ^
            """)
    }

    @Test func unicodeColumnsAlign() {
        #expect(render("σ² + √β ×") == """
            <input>:1:10: error: expected an expression after '×'
            1 | σ² + √β ×
              |          ^
            """)
    }

    @Test func invalidBytesAreDrawnAsReplacementCharacters() {
        let result = ExpressionParser.parse(utf8: Array("t + ".utf8) + [0xFF, 0x41])
        #expect(result.formattedDiagnostics() == """
            <input>:1:5: error: invalid UTF-8 byte 0xFF
            1 | t + \u{FFFD}A
              |     ^
            """)
    }

    @Test func laterLinesWidenTheGutter() {
        let text = String(repeating: "1 +\n", count: 11) + "1 + )"
        #expect(render(text) == """
            <input>:12:5: error: expected an expression after '+'
            12 | 1 + )
               |     ^
            """)
    }

    @Test func tabsAndCarriageReturns() {
        #expect(render("\t1 +\r\n") == """
            <input>:1:5: error: expected an expression after '+'
            1 |  1 +
              |     ^
            """)
    }

    @Test func longLinesAreWindowedAroundTheCaret() {
        let text = String(repeating: " ", count: 5000) + "t + @ + t" + String(repeating: " ", count: 200)
        let lines = render(text).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "<input>:1:5005: error: unexpected character '@'")
        // Columns 4955...5054 of 5209, cut on both sides.
        #expect(lines[1] == "1 | ..." + String(repeating: " ", count: 46) + "t + @ + t" + String(repeating: " ", count: 45) + "...")
        #expect(lines[2] == "  | " + String(repeating: " ", count: 53) + "^")
    }

    @Test func invisibleCharactersAreNamedAndDrawnAsReplacement() {
        #expect(render("1 +\u{200B}2") == """
            <input>:1:4: error: unexpected character U+200B
            1 | 1 +\u{FFFD}2
              |    ^
            """)
    }

    @Test func parseErrorDescriptionIsTheFormattedDiagnostic() {
        do {
            _ = try Expr(parsing: "sin()")
            Issue.record("parsed")
        } catch {
            #expect(error.description == """
                <input>:1:5: error: missing argument to 'sin': it takes 1 argument
                1 | sin()
                  |     ^
                """)
            #expect(error.diagnostic.id == "missing-argument")
        }
    }

    @Test func suggestionsUseEditDistance() {
        #expect(FunctionSuggestions.editDistance("sqtr", "sqrt") == 1)
        #expect(FunctionSuggestions.editDistance("kitten", "sitting") == 3)
        #expect(FunctionSuggestions.suggestion(for: "sinhh") == "sinh")
        #expect(FunctionSuggestions.suggestion(for: "exq") == "exp")
        #expect(FunctionSuggestions.suggestion(for: "dif") == "diff")
        #expect(!FunctionSuggestions.looksLikeFunction("t"))
        #expect(!FunctionSuggestions.looksLikeFunction("tau"))
        #expect(!FunctionSuggestions.looksLikeFunction("beta_min"))
        #expect(!FunctionSuggestions.looksLikeFunction("x0"))
    }
}
