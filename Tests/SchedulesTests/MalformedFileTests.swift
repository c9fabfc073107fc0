import Symbolic
import Testing
@testable import Schedules

/// One malformed file and the single diagnostic it must produce.
struct MalformedFile: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: String
    var label: String

    /// `body` lines go inside `schedule a { … }`, indented by four spaces, so that
    /// statement k is on line k + 2 and columns are the statement's plus 4.
    init(_ label: String, body: [String], _ id: String, _ line: Int, _ column: Int, _ message: String) {
        self.init(label, raw: "schedule a {\n" + body.map { "    " + $0 + "\n" }.joined() + "}\n", id, line, column, message)
    }

    init(_ label: String, raw: String, _ id: String, _ line: Int, _ column: Int, _ message: String) {
        self.label = label
        text = raw
        expected = "\(line):\(column): \(id): \(message)"
    }

    var testDescription: String { label }
}

@Suite struct MalformedFileTests {
    static let forward = "x_t = x0 + t eps"

    static let cases: [MalformedFile] = [
        // Syntax inside expressions, positioned in the file.
        MalformedFile("unclosed parenthesis", body: ["x_t = (1 - t x0 + t eps", "target = eps"],
                      "unbalanced-parenthesis", 2, 28, "expected ')' to close the '(' at 2:11"),
        MalformedFile("empty expression", body: [forward, "target ="],
                      "expected-expression", 3, 13, "expected an expression after '='"),
        MalformedFile("reserved word as a name", body: ["let in = 2", forward, "target = eps"],
                      "reserved-word", 2, 9, "'in' is a reserved word and cannot be used as a name"),
        // Statements.
        MalformedFile("misspelt keyword", body: ["tiem t in [0, 1]", forward, "target = eps"],
                      "unknown-statement", 2, 5, "unknown statement 'tiem'; did you mean 'time'?"),
        MalformedFile("assignment without let", body: ["beta = 2", "x_t = x0 + beta t eps", "target = eps"],
                      "unknown-statement", 2, 5, "unknown statement 'beta = …'; to define a helper, write 'let beta = …'"),
        MalformedFile("missing equals", body: ["let a 2", forward, "target = eps"],
                      "expected-token", 2, 11, "expected '=' after 'let a', found '2'"),
        MalformedFile("missing name", body: ["param = 2", forward, "target = eps"],
                      "expected-name", 2, 11, "expected a name after 'param', found '='"),
        MalformedFile("function name as a name", body: ["let sin = 2", forward, "target = eps"],
                      "invalid-name", 2, 9, "'sin' cannot be used as a name: it is a function name"),
        MalformedFile("unterminated string", body: ["cite \"abc", forward, "target = eps"],
                      "unterminated-string", 2, 10, "unterminated string: expected '\"' before the end of the line"),
        MalformedFile("cite without a string", body: ["cite abc", forward, "target = eps"],
                      "expected-string", 2, 10, "expected a string in double quotes after 'cite'"),
        MalformedFile("text after a citation", body: ["cite \"a\" b", forward, "target = eps"],
                      "unexpected-text", 2, 14, "unexpected 'b' after the citation"),
        MalformedFile("allow without a rule", body: ["allow ,", forward, "target = eps"],
                      "expected-rule", 2, 11, "expected a rule name (such as S202 or rho-vanishes) after 'allow', found ','"),
        // Intervals.
        MalformedFile("no interval", body: ["time t in 0, 1", forward, "target = eps"],
                      "expected-interval", 2, 15, "expected '[' or '(' to begin the time interval, found '0,'"),
        MalformedFile("reversed interval", body: ["time t in [1, 0]", forward, "target = eps"],
                      "empty-interval", 2, 15, "the time interval [1, 0] is empty"),
        MalformedFile("empty half-open interval", body: ["time t in (0, 0]", forward, "target = eps"],
                      "empty-interval", 2, 15, "the time interval (0, 0] is empty"),
        MalformedFile("single-point interval", body: ["time t in [0, 0]", forward, "target = eps"],
                      "empty-interval", 2, 15, "the time interval [0, 0] is a single point"),
        MalformedFile("reversed irrational interval", body: ["time t in [pi/2, 1)", forward, "target = eps"],
                      "empty-interval", 2, 15, "the time interval [pi/2, 1) is empty"),
        MalformedFile("non-constant bound", body: ["time t in [0, t]", forward, "target = eps"],
                      "non-constant-bound", 2, 19, "the bound 't' of the time interval is not constant: it depends on 't'"),
        MalformedFile("closed infinite end", body: ["time t in [0, inf]", forward, "target = eps"],
                      "closed-infinite-end", 2, 22, "an infinite end of the time interval must be open: write 'inf)'"),
        MalformedFile("infinite lower end", body: ["time t in (-inf, 0]", forward, "target = eps"],
                      "infinite-lower-bound", 2, 16, "the lower end of the time interval cannot be infinite"),
        MalformedFile("let in a bound", body: ["let a = 1", "time t in [0, a]", forward, "target = eps"],
                      "name-not-allowed", 3, 19, "let 'a' cannot be used in the time interval"),
        // Names.
        MalformedFile("unknown name", body: ["x_t = x0 + t epss", "target = eps"],
                      "unknown-name", 2, 18, "unknown name 'epss'; did you mean 'eps'?"),
        MalformedFile("used before definition", body: ["let b = a", "let a = 1", forward, "target = b eps"],
                      "used-before-definition", 2, 13, "'a' is used before its definition at 3:9"),
        MalformedFile("x_t before the forward process", body: ["target = x_t", forward],
                      "used-before-definition", 2, 14, "'x_t' is used before the forward process at 3:5"),
        MalformedFile("alpha before its statement", body: ["let a = alpha", "alpha = 1", "sigma = t", "target = eps"],
                      "used-before-definition", 2, 13, "'alpha' is used before its definition at 3:5"),
        MalformedFile("self-reference", body: ["alpha = 1 - alpha", "sigma = t", "target = eps"],
                      "name-not-allowed", 2, 17, "quantity 'alpha' cannot be used in its own definition"),
        MalformedFile("let named like the default time variable", body: ["let t = 2", forward, "target = eps"],
                      "reserved-name", 2, 9, "'t' is reserved (the time variable) and cannot be defined"),
        MalformedFile("reserved name", body: ["let rho = 2", forward, "target = eps"],
                      "reserved-name", 2, 9, "'rho' is reserved (a quantity name) and cannot be defined"),
        MalformedFile("derived quantity in the target", body: [forward, "target = rho x0"],
                      "name-not-allowed", 3, 14, "derived quantity 'rho' cannot be used in the target"),
        MalformedFile("bad derivative variable", body: ["alpha = diff(t^2, x)", "sigma = t", "target = eps"],
                      "invalid-derivative-variable", 2, 13,
                      "'diff' can differentiate only with respect to the time variable or a symbolic parameter, not 'x'"),
        // Redefinitions.
        MalformedFile("let twice", body: ["let a = t", "let a = 2t", "x_t = x0 + a eps", "target = eps"],
                      "redefinition", 3, 9, "redefinition of 'a' (first defined at 2:9)"),
        MalformedFile("param twice", body: ["param k = 1", "param k = 2", "x_t = x0 + k t eps", "target = eps"],
                      "redefinition", 3, 11, "redefinition of 'k' (first defined at 2:11)"),
        MalformedFile("time twice", body: ["time t in [0, 1]", "time s in [0, 2]", forward, "target = eps"],
                      "redefinition", 3, 10, "redefinition of 'time' (first defined at 2:10)"),
        MalformedFile("x_t twice", body: [forward, "x_t = x0 + eps", "target = eps"],
                      "redefinition", 3, 5, "redefinition of 'x_t' (first defined at 2:5)"),
        MalformedFile("alpha twice", body: ["alpha = 1", "alpha = 2", "sigma = t", "target = eps"],
                      "redefinition", 3, 5, "redefinition of 'alpha' (first defined at 2:5)"),
        MalformedFile("target twice", body: [forward, "target = eps", "target = x0"],
                      "redefinition", 4, 5, "redefinition of 'target' (first defined at 3:5)"),
        MalformedFile("data variance twice", body: [forward, "target = eps", "data variance = 2", "data variance = 3"],
                      "redefinition", 5, 5, "redefinition of 'data variance' (first defined at 4:5)"),
        // The forward process and the target.
        MalformedFile("x_t and alpha", body: [forward, "alpha = 1", "target = eps"],
                      "conflicting-forward-process", 3, 5,
                      "the forward process is given twice: use either 'x_t = …' or 'alpha = …' with 'sigma = …', not both"),
        MalformedFile("no forward process", body: ["target = eps"],
                      "missing-forward-process", 1, 1,
                      "schedule 'a' has no forward process: add 'x_t = …' or 'alpha = …' and 'sigma = …'"),
        MalformedFile("no target", body: [forward],
                      "missing-target", 1, 1, "schedule 'a' has no target: add 'target = …'"),
        MalformedFile("alpha without sigma", body: ["alpha = 1 - t", "target = eps"],
                      "incomplete-forward-process", 2, 5, "'alpha' is given without 'sigma': the forward process needs both"),
        MalformedFile("sigma without alpha", body: ["sigma = t", "target = eps"],
                      "incomplete-forward-process", 2, 5, "'sigma' is given without 'alpha': the forward process needs both"),
        MalformedFile("square of a vector", body: [forward, "target = x0^2"],
                      "non-linear", 3, 14, "the target is not linear in the vectors: 'x0^2' raises a vector to a power"),
        MalformedFile("product of vectors", body: [forward, "target = t x0 eps"],
                      "non-linear", 3, 14, "the target is not linear in the vectors: 't x0 eps' multiplies two vectors"),
        MalformedFile("function of a vector", body: [forward, "target = eps + sqrt(x0)"],
                      "non-linear", 3, 20, "the target is not linear in the vectors: 'sqrt(x0)' applies a function to a vector"),
        MalformedFile("vector in a denominator", body: [forward, "target = eps + t/x0"],
                      "non-linear", 3, 20, "the target is not linear in the vectors: 't/x0' divides by a vector"),
        MalformedFile("non-linear forward process", body: ["x_t = x0^2 + t eps", "target = eps"],
                      "non-linear", 2, 11, "the forward process is not linear in the vectors: 'x0^2' raises a vector to a power"),
        MalformedFile("non-linear let", body: ["let y = x0 eps", forward, "target = eps"],
                      "non-linear", 2, 13, "let 'y' is not linear in the vectors: 'x0 eps' multiplies two vectors"),
        MalformedFile("constant term", body: [forward, "target = eps + 1"],
                      "constant-term", 3, 14, "the target must be linear in the vectors, but it has the term '1' without a vector"),
        MalformedFile("vector in the data variance", body: [forward, "target = eps", "data variance = x0"],
                      "vector-not-allowed", 4, 21, "'x0' is a vector, but the data variance must be a scalar"),
        MalformedFile("vector in a param", body: ["param k = eps", forward, "target = eps"],
                      "vector-not-allowed", 2, 15, "'eps' is a vector, but the value of parameter 'k' must be a scalar"),
        MalformedFile("vector in alpha", body: ["alpha = x0", "sigma = t", "target = eps"],
                      "vector-not-allowed", 2, 13, "'x0' is a vector, but alpha must be a scalar"),
        MalformedFile("non-constant param", body: ["param k = t", forward, "target = eps"],
                      "non-constant-value", 2, 15, "the value of parameter 'k' must be constant, but it depends on 't'"),
        // The simplifier, located.
        MalformedFile("division by zero", body: [forward, "target = eps/(t - t)"],
                      "division-by-zero", 3, 14, "division by zero: the divisor t - t simplifies to 0"),
        MalformedFile("domain error", body: ["alpha = sqrt(-2)", "sigma = t", "target = eps"],
                      "outside-domain", 2, 13, "square root of the negative number -2"),
        // Claims.
        MalformedFile("single equals in a claim", body: [forward, "target = eps", "expect rho = 0"],
                      "invalid-claim", 4, 16, "expected '==' in a claim, found '='"),
        MalformedFile("claim without a comparison", body: [forward, "target = eps", "expect rho"],
                      "invalid-claim", 4, 12,
                      "expected a comparison in the claim: claims are 'Q == E', 'Q != 0', 'Q > 0', 'Q < 0', 'Q == 0 at t = E' and 'zeros(Q) == {…}'"),
        MalformedFile("sign claim against a non-zero", body: [forward, "target = eps", "expect rho > 1"],
                      "invalid-claim", 4, 18, "a '>' claim compares with 0: write 'Q > 0', with the right side moved into Q"),
        MalformedFile("vector in a claim", body: [forward, "target = eps", "expect x0 == 0"],
                      "vector-not-allowed", 4, 12, "'x0' is a vector, but a claim must be a scalar"),
        MalformedFile("non-constant zero", body: [forward, "target = eps", "expect rho == 0 at t = t"],
                      "non-constant-value", 4, 28, "the point of a claim must be constant, but it depends on 't'"),
        // File structure.
        MalformedFile("statement outside a schedule", raw: "time t in [0, 1]\n",
                      "statement-outside-schedule", 1, 1,
                      "'time' statement outside a schedule: statements go inside 'schedule NAME { … }'"),
        MalformedFile("garbage outside a schedule", raw: "hello\n",
                      "expected-schedule", 1, 1, "expected 'schedule NAME { … }', found 'hello'"),
        MalformedFile("unclosed schedule", raw: "schedule a {\n    x_t = x0 + t eps\n    target = eps\n",
                      "unclosed-schedule", 3, 17, "expected '}' to close schedule 'a' opened at 1:1"),
        MalformedFile("stray closing brace", raw: "schedule a {\n    x_t = x0 + t eps\n    target = eps\n}\n}\n",
                      "unmatched-closing-brace", 5, 1, "unexpected '}' outside a schedule"),
        MalformedFile("brace on the next line", raw: "schedule a\n{\n    x_t = x0 + t eps\n    target = eps\n}\n",
                      "expected-open-brace", 1, 11, "expected '{' at the end of the schedule header"),
        MalformedFile("no schedule name", raw: "schedule {\n    x_t = x0 + t eps\n    target = eps\n}\n",
                      "expected-schedule-name", 1, 10, "expected a schedule name after 'schedule'"),
        MalformedFile("duplicate schedule",
                      raw: "schedule a {\n    x_t = x0 + t eps\n    target = eps\n}\nschedule a {\n    x_t = x0 + t eps\n    target = eps\n}\n",
                      "duplicate-schedule", 5, 10, "duplicate schedule name 'a' (first defined at 1:10)"),
    ]

    @Test(arguments: cases) func reportsExactlyOneDiagnostic(_ c: MalformedFile) throws {
        let file = try validate(c.text)
        #expect(file.diagnostics.map(render) == [c.expected], "\n\(file.formattedDiagnostics())")
        #expect(file.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func atLeastOneCasePerErrorKind() {
        #expect(Self.cases.count >= 25)
        let ids = Set(Self.cases.map { $0.expected.split(separator: " ")[1].dropLast() })
        #expect(ids.count >= 25, "\(ids.sorted())")
    }

    @Test func invalidSchedulesAreLeftOutOfTheModel() throws {
        // A duplicate leaves the first schedule valid; a stray '}' is outside any schedule.
        for c in Self.cases where !["duplicate schedule", "stray closing brace"].contains(c.label) {
            let file = try validate(c.text)
            #expect(file.schedules.isEmpty, "\(c.label)")
        }
    }
}
