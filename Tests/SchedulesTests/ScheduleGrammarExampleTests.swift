import Foundation
import Symbolic
import Testing
@testable import Schedules

/// grammar/schedule.ebnf is the specification: its EXAMPLES and ERRORS sections are
/// whole files, and every one must validate (or fail) exactly as stated there.
@Suite struct ScheduleGrammarExampleTests {
    /// Lines between `BEGIN name` and `END name`, split at `separator`; files are
    /// written on one line with " | " between lines.
    static func section(_ name: String, separator: String) throws -> [(file: String, expected: String)] {
        let url = packageRoot.appendingPathComponent("grammar/schedule.ebnf")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let begin = text.range(of: "BEGIN \(name)\n"), let end = text.range(of: "END \(name)") else {
            throw TestFailure(message: "section \(name) missing from \(url.path)")
        }
        return try text[begin.upperBound..<end.lowerBound].split(separator: "\n").map { line in
            let parts = line.components(separatedBy: separator)
            guard parts.count == 2 else { throw TestFailure(message: "malformed example line: \(line)") }
            let file = parts[0].trimmingCharacters(in: .whitespaces).components(separatedBy: " | ").joined(separator: "\n")
            return (file + "\n", parts[1].trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func examplesValidateToTheirCoefficients() throws {
        let examples = try Self.section("EXAMPLES", separator: "==>")
        #expect(examples.count >= 8)
        for (file, expected) in examples {
            let result = try validate(file)
            #expect(result.diagnostics.isEmpty, "\(file)\n\(result.formattedDiagnostics())")
            let actual = result.schedules.map { "\($0.name): " + coefficients($0) }.joined(separator: " | ")
            #expect(actual == expected, "\(file)")
        }
    }

    @Test func errorExamplesGiveTheirFirstDiagnostic() throws {
        let examples = try Self.section("ERRORS", separator: "!!>")
        #expect(examples.count >= 7)
        for (file, expected) in examples {
            let result = try validate(file)
            #expect(result.schedules.isEmpty, "\(file)")
            #expect(result.diagnostics.first.map(render) == expected, "\(file)\n\(result.formattedDiagnostics())")
        }
    }
}
