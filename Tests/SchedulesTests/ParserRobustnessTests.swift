import Foundation
import Symbolic
import Testing
@testable import Schedules

/// Bytes, budgets, line endings, comments and hostile input.
@Suite struct ParserRobustnessTests {
    static let valid = "schedule a {\n    x_t = x0 + t eps\n    target = eps\n}\n"

    @Test func invalidUTF8IsReportedAndItsLineSkipped() throws {
        var bytes = Array("schedule a {\n    x_t = x0 + t eps\n    let σ2 = ".utf8)
        bytes += [0xFF]
        bytes += Array("\n    target = eps\n    let u = \u{3C3}".utf8) + [0xCE]
        bytes += Array("\n}\n".utf8)
        let file = ScheduleFile(parsing: bytes, path: "bad.sched")
        #expect(file.diagnostics.map(render) == [
            "3:14: invalid-utf8: invalid UTF-8 byte 0xFF",
            "5:14: invalid-utf8: invalid UTF-8 byte 0xCE",
        ])
        #expect(file.formattedDiagnostics().contains("3 |     let σ2 = \u{FFFD}"))
    }

    @Test func emptyAndCommentOnlyFiles() throws {
        for text in ["", "\n\n", "# nothing here\n   # indented comment\n", "\r\n"] {
            let file = try validate(text)
            #expect(file.diagnostics.isEmpty && file.schedules.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func crlfTabsNoBreakSpacesAndComments() throws {
        let text = "schedule a \"A # not a comment\" {   # a comment\r\n\tx_t = x0 + t eps\u{A0}\r\n" +
            "  # comment line\r\n\r\n    target = eps#tight\r\n}\r\n"
        let file = try validate(text)
        #expect(file.diagnostics.isEmpty, "\(file.formattedDiagnostics())")
        #expect(file.schedules.first?.title == "A # not a comment")
        #expect(file.schedules.first?.alpha.range?.start.column == 2)
    }

    @Test func fileTooLarge() throws {
        let limits = ScheduleLimits(maximumFileBytes: 100)
        let file = ScheduleFile(parsing: String(repeating: "#", count: 101), limits: limits)
        #expect(file.diagnostics.map(render) == ["1:1: file-too-large: file too large: 101 bytes (limit 100 bytes)"])
        // The standard budget rejects 10 MB at once.
        let big = [UInt8](repeating: UInt8(ascii: " "), count: 10_000_000)
        let started = ContinuousClock.now
        let result = ScheduleFile(parsing: big)
        #expect(result.diagnostics.map(\.id) == ["file-too-large"])
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func lineTooLong() throws {
        let limits = ScheduleLimits(maximumLineBytes: 40)
        let text = "schedule a {\n    x_t = x0 + t eps\n    target = eps + 0*(t + t + t + t + t + t + t)\n}\n"
        let file = ScheduleFile(parsing: text, limits: limits)
        #expect(file.diagnostics.map(render) == ["3:1: line-too-long: line too long: 48 bytes (limit 40 bytes)"])
    }

    @Test func tooManySchedules() throws {
        let limits = ScheduleLimits(maximumSchedules: 2)
        let file = ScheduleFile(parsing: Self.valid + Self.valid.replacingOccurrences(of: " a ", with: " b ")
                                    + Self.valid.replacingOccurrences(of: " a ", with: " c "), limits: limits)
        #expect(file.diagnostics.map(render) == [
            "9:1: too-many-schedules: too many schedules in one file (limit 2); the rest of the file is ignored",
        ])
        #expect(file.schedules.map(\.name) == ["a", "b"])
    }

    @Test func tooManyErrors() throws {
        let limits = ScheduleLimits(maximumErrors: 5)
        let file = ScheduleFile(parsing: String(repeating: "oops\n", count: 100), limits: limits)
        #expect(file.diagnostics.count == 6)
        #expect(file.diagnostics.last.map(render) == "6:1: too-many-errors: too many errors (limit 5); stopping")
        // Semantic errors count too.
        let semantic = ScheduleFile(parsing: "schedule a {\n" + String(repeating: "    let q = nope\n", count: 20)
                                        + "    x_t = x0 + t eps\n    target = eps\n}\n", limits: limits)
        #expect(semantic.diagnostics.count == 6)
        #expect(semantic.diagnostics.last?.id == "too-many-errors")
    }

    @Test func deeplyNestedExpressionsAreDiagnosedInPlace() throws {
        let text = "schedule a {\n    x_t = x0 + t eps\n    target = " + String(repeating: "(", count: 300) + "eps"
            + String(repeating: ")", count: 300) + "\n}\n"
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == ["3:214: nesting-too-deep: expression nested too deeply (more than 200 levels)"])
    }

    @Test func syntaxTreeShape() throws {
        let text = """
            schedule s "T" {
                param k > 0
                param j = 2
                time u in (0, inf)
                let h = u/2
                alpha = 1
                sigma = u
                target = eps
                data variance = 1
                expect det != 0
                cite "c"
                allow S1
            }
            """
        let syntax = ScheduleParser.parse(text, path: "s.sched")
        #expect(syntax.diagnostics.isEmpty && syntax.path == "s.sched")
        let block = try #require(syntax.schedules.first)
        #expect(block.name == "s" && block.title == "T" && block.syntaxErrorCount == 0)
        #expect(block.nameRange.start.column == 10 && block.closingRange?.start.line == 13)
        #expect(block.statements.map { $0.keyword?.rawValue ?? "?" } == [
            "param", "param", "time", "let", "alpha", "sigma", "target", "data variance", "expect", "cite", "allow",
        ])
        if case .param(let name, let value, let positive) = block.statements[0].kind {
            #expect(name.name == "k" && value == nil && positive)
        }
        if case .time(let name, let interval) = block.statements[2].kind {
            #expect(name.name == "u" && interval.upper == nil && !interval.lowerClosed && !interval.upperClosed)
            #expect(interval.text == "(0, inf)" && interval.range.start.column == 15)
            #expect(interval.lower.range?.start.column == 16)
        }
        if case .letBinding(let name, let value) = block.statements[3].kind {
            #expect(name.name == "h" && name.range.start.column == 9)
            #expect(value.range?.start.line == 5 && value.range?.start.column == 13 && value.range?.end.column == 16)
        }
    }

    @Test func rangesAreFileOffsets() throws {
        let text = Self.valid + "schedule b {\n    x_t = x0 + t eps\n    target = eps + 0 t\n}\n"
        let syntax = ScheduleParser.parse(text)
        let bytes = Array(text.utf8)
        for block in syntax.schedules {
            for statement in block.statements {
                let r = statement.range
                let slice = String(decoding: bytes[r.start.offset..<r.end.offset], as: UTF8.self)
                #expect(slice.hasPrefix("x_t") || slice.hasPrefix("target"))
                if case .target(let e) = statement.kind, let er = e.range {
                    let exprText = String(decoding: bytes[er.start.offset..<er.end.offset], as: UTF8.self)
                    #expect(exprText == "eps" || exprText == "eps + 0 t")
                }
            }
        }
    }

    /// Random lines built from the language's pieces: never a crash, every
    /// diagnostic inside the file, every valid schedule complete.
    @Test func randomFilesDoNotCrash() throws {
        var rng = SplitMix64(seed: 4)
        let pieces = ["schedule", "a", "b", "{", "}", "time", "t", "in", "[", "]", "(", ")", "0", "1", ",", "inf",
                      "param", "k", ">", "=", "==", "let", "x_t", "alpha", "sigma", "target", "x0", "eps", "ε",
                      "velocity", "data", "variance", "expect", "zeros", "at", "rho", "cite", "\"", "allow", "S1",
                      "#", "+", "*", "/", "^", "sqrt(", "σ", "α", "∈", "\t", "-", "2t", "diff(", "!="]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let count = Int.random(in: 0...8, using: &rng)
                text += (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ") + "\n"
            }
            let file = try validate(text)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for d in file.diagnostics {
                #expect(d.line >= 1 && d.line <= lines, "\(text)")
                #expect(d.range.start.offset <= text.utf8.count)
            }
            _ = file.formattedDiagnostics()
        }
    }
}
