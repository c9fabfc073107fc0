import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// `sched repl` in batch mode with exact output, run in process (one session also
/// through the binary; the interactive mode is in `ReplTerminalOracleTests`).
@Suite struct ReplCommandTests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sched-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The acceptance session: rectified flow step by step, det, ρ, zeros(ρ), a new
    /// target `velocity + 2 x_t` (det unchanged, ρ changed), :save, and `sched
    /// analyze` on the saved file agreeing with `:analyze`.
    @Test func scriptedRectifiedFlowSession() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = dir.appendingPathComponent("rf.sched").path
        let script = """
            time t in [0, 1]
            alpha = 1 - t
            sigma = t
            target = velocity
            det
            rho
            zeros(rho)
            rho at t = 1/3
            target = velocity + 2 x_t
            det
            rho
            zeros(rho)
            :save \(saved)
            :analyze
            """
        let r = SchedCommand.run(["repl"], stdin: script + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        let expectedStart = """
            t ∈ [0, 1]
            α = 1 − t
            (still to give: sigma, the target (target = …))
            x_t = (1 − t)·x₀ + t·ε
            (still to give: the target (target = …))
            target = −x₀ + ε
            det A = 1
            ρ = (2t − 1)/√(4t² − 4t + 2)
            1
            (2t − 1)/√(4t² − 4t + 2)
            {1/2}
            −√10/10 ≈ −0.31622776601683793320
            target = (1 − 2t)·x₀ + (2t + 1)·ε
            det A = 1
            ρ = (4t² − 2t + 1)/√(2(4t² + 1)(2t² − 2t + 1))
            1
            (4t² − 2t + 1)/√(2(4t² + 1)(2t² − 2t + 1))
            {}
            saved 'repl' to \(saved)
            repl

            """
        #expect(r.stdout.hasPrefix(expectedStart), "\(r.stdout)")
        let savedText = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(savedText == """
            schedule repl {
              time t in [0, 1]
              alpha = 1 - t
              sigma = t
              target = velocity + 2 x_t
            }

            """)
        // `sched analyze` on the saved file: the same report after the heading.
        let analyzed = SchedCommand.run(["analyze", saved])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        let replReport = r.stdout.components(separatedBy: "\nrepl\n").last!
        let fileReport = analyzed.stdout.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1]
        #expect(replReport == String(fileReport))
        #expect(replReport.contains("det A       1") && replReport.contains("none — complete"))
    }

    /// Errors: `<stdin>:LINE:COL: error: …` with a caret on stderr, the session
    /// goes on, exit status 1.
    /// `:lint` reports exactly what `sched lint` reports on the file `:save` writes.
    @Test func lintInTheSessionMatchesLintOfTheSavedFile() throws {
        let directory = try Self.temporaryDirectory()
        let saved = directory.appendingPathComponent("session.sched").path
        let script = "x_t = (1 - t) x0 + t eps\ntarget = velocity\n:lint\n:save \(saved)\n"
        let session = SchedCommand.run(["repl", "--batch"], stdin: script)
        #expect(session.status == 0, "\(session.stderr)")
        let lint = SchedCommand.run(["lint", saved])
        func headers(_ text: String) -> [String] {
            text.split(separator: "\n").filter { $0.contains("[S") }.map { line in
                String(line.drop(while: { $0 != ":" }).dropFirst())   // without the file name
            }
        }
        let inSession = headers(session.stdout), fromFile = headers(lint.stdout)
        #expect(!inSession.isEmpty && inSession == fromFile, "\(inSession) vs \(fromFile)")
        #expect(inSession.contains { $0.contains("warning[S202 rho-vanishes]: correlation between x_t and the target vanishes at t = 1/2") })
    }

    /// End to end: the binary reading lines from its standard input.
    @Test func batchErrorsAndExitStatus() throws {
        let r = try SchedBinary.run(["repl"], stdin: "x_t = (1 - t) x0 + t eps\nalpha = (1 - t\nfoo + 1\n:frobnicate\ntarget = eps\ndet\n")
        #expect(r.status == 1)
        #expect(r.stdout.hasSuffix("det A = 1 − t\nρ = t/√(2t² − 2t + 1)\n1 − t\n"), "\(r.stdout)")
        #expect(r.stderr.contains("""
            <stdin>:2:15: error: expected ')' to close the '(' at 2:9
            2 | alpha = (1 - t
              |               ^
            """), "\(r.stderr)")
        #expect(r.stderr.contains("<stdin>:3:1: error: unknown name 'foo'\n3 | foo + 1\n  | ^~~"), "\(r.stderr)")
        #expect(r.stderr.contains("<stdin>:4:1: error: unknown command ':frobnicate'"), "\(r.stderr)")
        let clean = try SchedBinary.run(["repl", "--batch"], stdin: ":zoo rectified_flow\ndet\n:quit\nfoo\n")
        #expect(clean.status == 0 && clean.stderr.isEmpty && clean.stdout.hasSuffix("\n1\n"), "\(clean.stdout)\(clean.stderr)")
    }

    /// `sched repl FILE` loads the file first.
    @Test func loadsFilesGivenOnTheCommandLine() throws {
        let r = SchedCommand.run(["repl", examplePath("flows.sched")], stdin: ":schedules\n:use trigflow\nrho\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "* rectified_flow — Rectified flow\n  cubic_flow — Cubic flow matching path\n  trigflow — TrigFlow\ncurrent schedule: trigflow\n0\n", "\(r.stdout)")
    }

    /// A file with errors: its valid schedules load, its diagnostics go to stderr,
    /// the exit status is 1; an unreadable file is a plain error.
    @Test func loadingFilesWithErrors() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.sched").path
        try "schedule a {\n  x_t = x0 + t epss\n  target = eps\n}\nschedule b {\n  x_t = x0 + t eps\n  target = eps\n}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = SchedCommand.run(["repl", path], stdin: ":schedules\ndet\n:load \(path) b\n")
        #expect(r.status == 1)
        #expect(r.stdout == "* b\n1\nloaded b from \(path); current: b\n", "\(r.stdout)")
        let diagnostic = "\(path):2:16: error: unknown name 'epss'; did you mean 'eps'?\n2 |   x_t = x0 + t epss\n  |                ^~~~\n"
        #expect(r.stderr == diagnostic + diagnostic, "\(r.stderr)")
        let missing = SchedCommand.run(["repl", "/nonexistent/x.sched"], stdin: "")
        #expect(missing.status == 1 && missing.stderr == "error: cannot read '/nonexistent/x.sched': no such file, or not readable\n")
    }
}

/// `sched repl` on a terminal: the real binary driven through a pseudo-terminal by
/// a Python program.
@Suite(.tags(.oracle, .slow)) struct ReplTerminalOracleTests {
    /// The interactive mode through a pseudo-terminal (Tests/oracles/repl_pty.py):
    /// prompt, a typo corrected with backspace, up-arrow history, tab completing
    /// `:ana` to `:analyze`, Ctrl-C on a partial line, Ctrl-C during a long
    /// computation (and the computation stopping: the process idle afterwards),
    /// Ctrl-D exiting 0, the history file written, and a second session
    /// recalling the first one's last line.
    @Test(.timeLimit(.minutes(1))) func interactiveThroughPseudoTerminal() throws {
        let state = try ReplCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/repl_pty.py").path, [SchedBinary.url.path, state.path])
        let steps = run.stdout
        #expect(run.status == 0, "\(steps)\n\(run.stderr)")
        for step in ["prompt", "backspace", "history", "tab", "ctrl_c", "interrupt_computation", "worker_stops", "exit0", "history_file", "history_across_sessions"] {
            #expect(steps.contains("\"\(step)\": true"), "\(step): \(steps)")
        }
    }
}
