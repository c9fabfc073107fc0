import Foundation
import Testing
@testable import Symbolic

/// The EBNF is the specification: these tests read its EXAMPLES and ERRORS sections and
/// hold the parser to every line, so the examples in the grammar cannot go stale.
@Suite struct GrammarExampleTests {
    /// Lines between `BEGIN name` and `END name` in grammar/expression.ebnf, split at
    /// `separator` into trimmed (input, expected) pairs.
    static func section(_ name: String, separator: String) throws -> [(input: String, expected: String)] {
        let url = packageRoot.appendingPathComponent("grammar/expression.ebnf")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let begin = text.range(of: "BEGIN \(name)\n"), let end = text.range(of: "END \(name)") else {
            throw TestFailure(message: "section \(name) missing from \(url.path)")
        }
        return try text[begin.upperBound..<end.lowerBound].split(separator: "\n").map { line in
            let parts = line.components(separatedBy: separator)
            guard parts.count == 2 else { throw TestFailure(message: "malformed example line: \(line)") }
            return (parts[0].trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func examplesParseToTheirFullyParenthesisedForm() throws {
        let examples = try Self.section("EXAMPLES", separator: "==>")
        #expect(examples.count >= 60)
        for (input, expected) in examples {
            let e = try parse(input)
            #expect(printFullyParenthesized(e) == expected, "\(input)")
            // The right-hand side is itself in the language and means the same tree.
            #expect(try parse(expected) == e, "\(expected)")
            #expect(try parse(printASCII(e)) == e, "\(input)")
        }
    }

    @Test func errorExamplesGiveTheirDiagnostic() throws {
        let examples = try Self.section("ERRORS", separator: "!!>")
        #expect(examples.count >= 10)
        for (input, expected) in examples {
            let result = ExpressionParser.parse(input)
            #expect(result.expression == nil, "\(input)")
            let d = try #require(result.diagnostics.first)
            #expect("\(d.line):\(d.column): \(d.id): \(d.message)" == expected, "\(input)")
        }
    }
}
