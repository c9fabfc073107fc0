import Lint
import Schedules
import Symbolic
import Testing

/// Lints `text` as one file.
func lint(_ text: String, options: LintOptions = LintOptions()) async -> [Finding] {
    await Linter.lintFile(LintInput(path: "test.sched", text: text), options: options).findings
}

/// The findings of one rule.
func findings(_ code: String, _ text: String) async -> [Finding] {
    await lint(text).filter { $0.rule.code == code }
}

/// Exactly one finding of `code`, at line:column, with this message.
func expectFinding(_ code: String, in text: String, line: Int, column: Int, message: String,
                   sourceLocation: SourceLocation = #_sourceLocation) async {
    let found = await findings(code, text)
    #expect(found.count == 1, "\(found.map(\.message))", sourceLocation: sourceLocation)
    guard let f = found.first else { return }
    #expect(f.rule.code == code, sourceLocation: sourceLocation)
    #expect(f.range.start.line == line && f.range.start.column == column, "at \(f.range.start)", sourceLocation: sourceLocation)
    #expect(f.message == message, sourceLocation: sourceLocation)
}

func expectNoFinding(_ code: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) async {
    let found = await findings(code, text)
    #expect(found.isEmpty, "\(found.map(\.message))", sourceLocation: sourceLocation)
}

typealias SourceLocation = Testing.SourceLocation

/// Schedules used by several suites.
enum Models {
    static let rectifiedFlow = """
    schedule rf {
        x_t = (1 - t) x0 + t eps
        target = velocity
    }
    """
    static func cosine(target: String) -> String {
        """
        schedule cosine {
            alpha = cos(pi/2 t)
            sigma = sin(pi/2 t)
            target = \(target)
        }
        """
    }
    static let vpLinear = """
    schedule vp {
        param beta_min = 1/10
        param beta_max = 20
        let alpha_bar = exp(-beta_min t - (beta_max - beta_min) t^2/2)
        alpha = sqrt(alpha_bar)
        sigma = sqrt(1 - alpha_bar)
        target = eps
    }
    """
}

struct ParseFailure: Error {}

/// An expression tree from text.
func parseExpression(_ text: String) throws -> Expr {
    guard let e = ExpressionParser.parse(text).expression else { throw ParseFailure() }
    return e
}
