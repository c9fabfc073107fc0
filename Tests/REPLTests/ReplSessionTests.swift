import Foundation
import REPL
import Schedules
import Symbolic
import Testing

/// Runs lines through a session; returns the replies.
@discardableResult
func run(_ session: inout ReplSession, _ lines: [String], from first: Int = 1) -> [ReplReply] {
    lines.enumerated().map { session.execute($0.element, lineNumber: first + $0.offset) }
}

let rectifiedFlow = ["x_t = (1 - t) x0 + t eps", "target = velocity"]

@Suite struct ReplSessionTests {
    @Test func statementsAnswerAndReplace() {
        var s = ReplSession()
        let replies = run(&s, ["param k = 2", "alpha = 1 - t", "sigma = t", "target = eps", "target = velocity + k x_t", "det", "k"])
        #expect(replies.allSatisfy { !$0.failed }, "\(replies.map(\.errors))")
        #expect(replies[0].output == "k = 2\n")
        #expect(replies[3].output == "target = ε\ndet A = 1 − t\nρ = t/√(2t² − 2t + 1)\n")
        #expect(replies[5].output == "1\n")
        #expect(replies[6].output == "2\n")
        #expect(s.schedule.lines.map(\.key) == ["param k", "alpha", "sigma", "target"])
        #expect(s.schedule.lines.last?.text == "target = velocity + k x_t")
    }

    @Test func forwardProcessSplitsWhenAlphaIsRedefined() {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        let r = s.execute("alpha = cos(pi/2 t)", lineNumber: 3)
        #expect(!r.failed, "\(r.errors)")
        #expect(s.schedule.lines.map(\.text) == ["alpha = cos(pi/2 t)", "sigma = t", "target = velocity"])
        #expect(r.output.hasPrefix("x_t = cos(πt/2)·x₀ + t·ε\n"), "\(r.output)")
        let back = s.execute("x_t = (1 - t) x0 + t eps", lineNumber: 4)
        #expect(!back.failed && s.schedule.lines.map(\.key) == ["x_t", "target"])
    }

    @Test func queriesAtAndZeros() {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        let r = run(&s, ["rho at t = 1/2", "var_x at t = 1/3", "zeros(alpha)", "zeros(det)", "diff(alpha, t)", "cov + 0", "logsnr at t = 1/2"], from: 3)
        #expect(r.map(\.output) == ["0\n", "5/9 ≈ 0.55555555555555555556\n", "{1}\n", "{}\n", "−1\n", "2t − 1\n", "0\n"], "\(r.map(\.output)) \(r.map(\.errors))")
        s.style = .ascii
        #expect(s.execute("rho", lineNumber: 10).output == "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)\n")
    }

    @Test func errorsHaveCaretsUnderTheColumn() {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        let r = s.execute("rho + rhoo", lineNumber: 7)
        #expect(r.failed)
        #expect(r.errors == "<stdin>:7:7: error: unknown name 'rhoo'; did you mean 'rho'?\n7 | rho + rhoo\n  |       ^~~~\n", "\(r.errors)")
        let statement = s.execute("target = x0^2", lineNumber: 8)
        #expect(statement.failed && statement.errors.hasPrefix("<stdin>:8:10: error: the target is not linear"), "\(statement.errors)")
        #expect(s.schedule.lines.last?.text == "target = velocity")
        let at = s.execute("rho at s = 1", lineNumber: 9)
        #expect(at.failed && at.errors.contains("'s' is not the time variable"), "\(at.errors)")
    }

    @Test func commandsByUniquePrefix() {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        #expect(s.execute(":sch", lineNumber: 3).output == "* repl\n")
        let ambiguous = s.execute(":s", lineNumber: 4)
        #expect(ambiguous.failed && ambiguous.errors.contains("ambiguous command ':s': :save, :schedules"), "\(ambiguous.errors)")
        #expect(s.execute(":he use", lineNumber: 5).output.hasPrefix(":use NAME\n"))
        #expect(s.execute(":la det", lineNumber: 6).output == "1\n")
        #expect(s.execute(":use other", lineNumber: 7).output == "new schedule: other\n")
        let incomplete = s.execute("rho", lineNumber: 8)
        #expect(incomplete.failed && incomplete.errors.contains("'rho' needs the forward process"), "\(incomplete.errors)")
        #expect(s.execute(":use repl", lineNumber: 9).output == "current schedule: repl\n")
        #expect(s.execute(":q", lineNumber: 10).quit)
    }

    @Test func zooAndCompletion() {
        var s = ReplSession()
        let r = s.execute(":zoo trigflow", lineNumber: 1)
        #expect(!r.failed && r.output.contains("current: trigflow"), "\(r.errors)")
        #expect(s.execute("rho", lineNumber: 2).output == "0\n")
        #expect(s.completions(of: ":ana") == [":analyze"])
        #expect(s.completions(of: "sq") == ["sqrt"])
        #expect(s.completions(of: "rh") == ["rho"])
        #expect(s.completions(of: "sigma_").contains("sigma_d"))
    }

    /// `:plot rho` on rectified flow: the curve crosses zero (●) in the middle column.
    @Test func plotOfRhoCrossesZeroInTheMiddleColumn() throws {
        var s = ReplSession()
        run(&s, rectifiedFlow)
        let r = s.execute(":plot rho", lineNumber: 3)
        #expect(!r.failed, "\(r.errors)")
        let lines = r.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "rho over t ∈ [0, 1]")
        let zeroLine = try #require(lines.first { $0.contains("┼") })
        let scalars = Array(zeroLine.unicodeScalars)
        let axis = try #require(scalars.firstIndex(of: "┼"))
        let marker = try #require(scalars.firstIndex(of: "●"))
        let width = s.plotWidth
        #expect(marker - axis - 1 == width / 2, "\(r.output)")
        #expect(zeroLine.hasPrefix("      0 ┼"))
        // Below zero on the left half, above on the right half.
        let plotRows = lines[1...s.plotHeight]
        let top = try #require(plotRows.first)
        let bottom = try #require(plotRows.last)
        func inked(_ row: String, _ columns: Range<Int>) -> Bool {
            let cells = Array(row.unicodeScalars).dropFirst(axis + 1)
            return cells.enumerated().contains { columns.contains($0.offset) && (0x2801...0x28FF).contains($0.element.value) }
        }
        #expect(inked(top, (width / 2 + 1)..<width) && !inked(top, 0..<(width / 2)))
        #expect(inked(bottom, 0..<(width / 2)) && !inked(bottom, (width / 2 + 1)..<width))
        #expect(lines.contains("● rho = 0 at t = 1/2"))
        #expect(lines.contains { $0.hasPrefix("-0.70") && $0.contains("┤") })
        #expect(lines.contains { $0.hasSuffix("t                             1") })
    }

    /// `:save` writes the statements as typed; the file validates to the same model.
    @Test func saveRoundTrip() throws {
        var s = ReplSession()
        run(&s, ["param k > 0", "time t in (0, 1]", "let a = 1 - t", "x_t = a x0 + t eps", "target = velocity + k x_t", "expect det == 1"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repl-\(UUID().uuidString).sched").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = s.execute(":save \(path)", lineNumber: 7)
        #expect(!r.failed, "\(r.errors)")
        let file = ScheduleFile(parsing: try String(contentsOfFile: path, encoding: .utf8), path: path)
        #expect(file.diagnostics.isEmpty)
        let saved = try #require(file.schedules.first)
        #expect(printASCII(saved.c.value.expression) == printASCII(try #require(s.schedule.model).c.value.expression))
        #expect(s.execute(":analyze", lineNumber: 8).output.contains("expect      det == 1: proven"))
    }
}

/// A small seeded generator (SplitMix64), for reproducible random sessions.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ReplRandomSessionTests {
    static let valid = [
        "time t in [0, 1]", "time t in (0, 1]", "param k = 2", "param k = 1/3", "param m > 0", "let g = 1 - t", "let h = t^2",
        "x_t = (1 - t) x0 + t eps", "alpha = cos(pi/2 t)", "sigma = sin(pi/2 t)", "alpha = 1 - t", "sigma = t",
        "target = velocity", "target = eps", "target = x0", "target = velocity + 2 x_t", "target = alpha eps - sigma x0",
        "target = velocity + k x_t", "data variance = 1/4", "expect det != 0", "expect rho == 0 at t = 1/2",
        "det", "rho", "zeros(rho)", "zeros(det)", "rho at t = 1/3", "alpha at t = 1/4", "diff(alpha, t)", "cov", "var_x + var_y",
        "rho^2 + det^2 data_variance/(var_x var_y)", ":schedules", ":ascii", ":unicode", ":latex rho", ":help", ":help plot",
        ":use other", ":use repl", "", "# a comment", "snr", "amp_x0",
    ]
    static let invalid = [
        "alpha = (1 - t", "target = x0^2", "tiem t in [0, 1]", ":frobnicate", "zeros(", "rho at", "foo + 1",
        "time t in [1, 0]", "param = 3", "let = 2", "x_t = x0 + epss", ":s", "sqrt(", "rho at q = 1", ")", "alpha = ",
        "target = velocity velocity", "det at t = 1/0", ":use 1bad", ":load /nonexistent/file.sched", "x0",
    ]

    static func mutate(_ line: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(line.unicodeScalars)
        let junk: [Unicode.Scalar] = ["(", ")", "=", "^", " ", "x", "t", "0", "/", ",", "é", "√", "\u{7F}", "{", "#", ":"]
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where !scalars.isEmpty: scalars.remove(at: Int.random(in: 0..<scalars.count, using: &rng))
            case 1: scalars.insert(junk.randomElement(using: &rng)!, at: Int.random(in: 0...scalars.count, using: &rng))
            default: if !scalars.isEmpty { scalars[Int.random(in: 0..<scalars.count, using: &rng)] = junk.randomElement(using: &rng)! }
            }
        }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    /// 500 random lines in one session: no crash, every failed line has a located
    /// diagnostic (and every known-invalid line fails), and the final :save re-validates.
    @Test func fiveHundredRandomLines() throws {
        var rng = SplitMix64(state: 20_261_122)
        var session = ReplSession()
        session.plotWidth = 21
        var failures = 0
        for n in 1...500 {
            let kind = Int.random(in: 0..<10, using: &rng)
            let line: String
            var mustFail = false
            switch kind {
            case 0..<5: line = Self.valid.randomElement(using: &rng)!
            case 5..<7: line = Self.invalid.randomElement(using: &rng)!; mustFail = true
            default: line = Self.mutate(Self.valid.randomElement(using: &rng)!, &rng)
            }
            let reply = session.execute(line, lineNumber: n)
            if reply.failed {
                failures += 1
                #expect(reply.errors.hasPrefix("<stdin>:\(n):") && reply.errors.contains(": error: "), "line \(n): \(line)\n\(reply.errors)")
                #expect(reply.errors.contains("\n\(n) | "), "line \(n): \(line)\n\(reply.errors)")
            } else {
                #expect(reply.errors.isEmpty, "line \(n): \(line)")
            }
            if mustFail { #expect(reply.failed, "line \(n) should fail: \(line)\n\(reply.output)") }
            // The state stays consistent: every schedule's text validates, except for
            // what is still missing.
            if session.schedule.isComplete {
                let file = ScheduleFile(parsing: session.schedule.sourceText)
                #expect(file.diagnostics.isEmpty, "after line \(n): \(line)\n\(session.schedule.sourceText)\n\(file.formattedDiagnostics())")
            }
        }
        #expect(failures > 100)
        run(&session, [":use repl", "x_t = (1 - t) x0 + t eps", "target = velocity"], from: 501)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repl-random-\(UUID().uuidString).sched").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = session.execute(":save \(path)", lineNumber: 504)
        #expect(!saved.failed, "\(saved.errors)")
        let file = ScheduleFile(parsing: try String(contentsOfFile: path, encoding: .utf8), path: path)
        #expect(file.diagnostics.isEmpty, "\(file.formattedDiagnostics())")
        #expect(file.schedules.count == 1)
        let reanalyzed = ModelAnalysis(try #require(file.schedules.first).unifiedModel)
        #expect(reanalyzed.quantities["det"] != nil)
    }
}
