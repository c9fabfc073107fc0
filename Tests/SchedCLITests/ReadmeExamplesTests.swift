import Foundation
import Testing

/// The README is the user's manual: every `$ sched …` example in it is run with the
/// real binary, and its output must be exactly what the README shows.
@Suite struct ReadmeExamplesTests {
    struct Example {
        var arguments: [String]
        /// The file after `<` on the command line, fed to standard input (the tutorial's
        /// REPL sessions: `$ sched repl FILE --batch < SESSION`).
        var stdinPath: String?
        var expected: String
        /// The output without the blank lines that separate it from the next example.
        var trimmed: Example {
            var e = self
            while e.expected.hasSuffix("\n\n") { e.expected.removeLast() }
            return e
        }
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func examples() throws -> [Example] {
        let readme = root.appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        var examples: [Example] = []
        var current: Example?
        var inFence = false
        for line in lines {
            if line.hasPrefix("$ sched ") {
                if let c = current { examples.append(c.trimmed) }
                var words = shellWords(String(line.dropFirst("$ sched ".count))), stdinPath: String?
                if let i = words.firstIndex(of: "<"), i + 1 < words.count {
                    stdinPath = words[i + 1]
                    words.removeSubrange(i...(i + 1))
                }
                current = Example(arguments: words, stdinPath: stdinPath, expected: "")
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
        // The tutorial ("Your first schedule") is part of the check: its lint, analyze,
        // REPL and LaTeX steps are examples like any other.
        let commands = Set(examples.map { $0.arguments.joined(separator: " ") + ($0.stdinPath.map { " < " + $0 } ?? "") })
        for step in ["lint examples/tutorial/sd_eps.sched", "lint examples/tutorial/sd_eps_zero_snr.sched",
                     "lint examples/tutorial/sd_v_zero_snr.sched", "analyze examples/tutorial/sd_v_zero_snr.sched",
                     "repl examples/tutorial/sd_v_zero_snr.sched --batch < examples/tutorial/sd_v_zero_snr.repl"] {
            #expect(commands.contains(step), "the tutorial step 'sched \(step)' is missing from the README")
        }
        for example in examples {
            let stdin = try example.stdinPath.map { try String(contentsOf: Self.root.appendingPathComponent($0), encoding: .utf8) }
            let r = try SchedBinary.run(example.arguments, stdin: stdin)
            #expect(r.stdout + r.stderr == example.expected, "sched \(example.arguments)")
        }
    }

    /// A fenced block after `<!-- file: PATH -->` shows that file of the repository
    /// (the tutorial's schedules), byte for byte.
    static func shownFiles() throws -> [(path: String, shown: String)] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var files: [(String, String)] = []
        var rest = text[...]
        while let marker = rest.range(of: "<!-- file: ") {
            let close = try #require(rest[marker.upperBound...].range(of: " -->\n```\n"))
            let path = String(rest[marker.upperBound..<close.lowerBound])
            let end = try #require(rest[close.upperBound...].range(of: "```\n"))
            files.append((path, String(rest[close.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return files
    }

    @Test func everyShownFileIsTheFileInTheRepository() throws {
        let files = try Self.shownFiles()
        #expect(files.map(\.path) == ["examples/tutorial/sd_eps.sched", "examples/tutorial/sd_eps_zero_snr.sched",
                                      "examples/tutorial/sd_v_zero_snr.sched", "examples/tutorial/sd_v_zero_snr.repl"])
        for file in files {
            let actual = try String(contentsOf: Self.root.appendingPathComponent(file.path), encoding: .utf8)
            #expect(actual == file.shown, "\(file.path)")
        }
    }
}
