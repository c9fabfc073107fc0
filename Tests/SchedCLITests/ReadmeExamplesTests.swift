import Foundation
import Testing

/// The README is the user's manual: every `$ sched …` example in it is run with the
/// real binary, and its output must be exactly what the README shows.
@Suite struct ReadmeExamplesTests {
    struct Example {
        var arguments: [String]
        var expected: String
        /// The output without the blank lines that separate it from the next example.
        var trimmed: Example {
            var e = self
            while e.expected.hasSuffix("\n\n") { e.expected.removeLast() }
            return e
        }
    }

    static func examples() throws -> [Example] {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        var examples: [Example] = []
        var current: Example?
        var inFence = false
        for line in lines {
            if line.hasPrefix("$ sched ") {
                if let c = current { examples.append(c.trimmed) }
                current = Example(arguments: shellWords(String(line.dropFirst("$ sched ".count))), expected: "")
            } else if line.hasPrefix("```") || (line.isEmpty && current != nil && !inFence) {
                // Inside a fenced block a blank line is part of the output (lint
                // findings are separated by one); the fence ends the example.
                if line.hasPrefix("```") { inFence.toggle() }
                if let c = current { examples.append(c.trimmed) }
                current = nil
            } else if current != nil {
                current!.expected += line + "\n"
            }
        }
        return examples
    }

    /// Splits a command line on spaces, honouring single quotes (all the README uses).
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for ch in text {
            if ch == "'" { quoted.toggle(); started = true }
            else if ch == " " && !quoted { if started { words.append(word) }; word = ""; started = false }
            else { word.append(ch); started = true }
        }
        if started { words.append(word) }
        return words
    }

    @Test func everyExampleProducesItsDocumentedOutput() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 6)
        for example in examples {
            let r = try SchedBinary.run(example.arguments)
            #expect(r.stdout + r.stderr == example.expected, "sched \(example.arguments)")
        }
    }
}
