import Foundation
import SchedCLI
import Testing

/// `SchedCommand.run(_:stdin:)` is the binary without the process: the same status,
/// standard output and standard error byte for byte, also when many runs share the
/// process at once.
@Suite struct InProcessRunnerTests {
    static let rectifiedFlow = "schedule rf {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n}\n"

    /// Successes, input errors (1) and usage errors (2), help on stdout, diagnostics
    /// on stderr, standard input.
    @Test(arguments: [
        (["--version"], ""),
        (["--help"], ""),
        (["analyze", "--help"], ""),
        (["lint", "-"], rectifiedFlow),
        (["lint", "--format", "json", "-"], rectifiedFlow),
        (["analyze", "-"], "schedule a {\n    x_t = (1 - t) x0 + t eps\n    target = velocty\n}\n"),
        (["roots", "1 0", "--in", "[0; 1]"], ""),
        (["simplify", "(t^1000)^11"], ""),
        (["repl", "--batch"], "x_t = (1 - t) x0 + t eps\nfoo\ntarget = eps\ndet\n"),
        (["lint", "--bogus", "-"], ""),
        (["frobnicate"], ""),
        ([], ""),
    ] as [([String], String)])
    func sameTranscriptAsTheBinary(arguments: [String], stdin: String) throws {
        let binary = try SchedBinary.run(arguments, stdin: stdin)
        let inProcess = SchedCommand.run(arguments, stdin: stdin)
        #expect(inProcess.status == binary.status, "\(arguments)")
        #expect(inProcess.stdout == binary.stdout, "\(arguments)")
        #expect(inProcess.stderr == binary.stderr, "\(arguments)")
    }

    /// Twelve commands at once, each on a thread of its own, lint (which lints
    /// concurrently itself) among them: each transcript is the one the command gives
    /// alone, nothing interleaved or lost.
    @Test func concurrentRunsKeepTheirOutputApart() {
        let commands: [([String], String)] = (0..<12).map { i in
            switch i % 4 {
            case 0: (["lint", "-"], Self.rectifiedFlow)
            case 1: (["simplify", "t^\(i) - t^\(i)", "--format", "json"], "")
            case 2: (["analyze", "-", "--format", "json"], Self.rectifiedFlow.replacingOccurrences(of: "rf", with: "rf\(i)"))
            default: (["roots", "1 0 -\(i)"], "")
            }
        }
        let alone = commands.map { SchedCommand.run($0.0, stdin: $0.1) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var transcripts: [Int: SchedCommand.Transcript] = [:]
        }
        let results = Results()
        let group = DispatchGroup()
        for (i, command) in commands.enumerated() {
            group.enter()
            Thread {
                let transcript = SchedCommand.run(command.0, stdin: command.1)
                results.lock.lock()
                results.transcripts[i] = transcript
                results.lock.unlock()
                group.leave()
            }.start()
        }
        group.wait()
        #expect(commands.indices.map { results.transcripts[$0] } == alone)
        #expect(alone[0].stdout.hasSuffix("0 errors, 1 warning, 2 notes in 1 file\n"))
        #expect(alone[1].stdout == "{\"input\": \"t^1 - t^1\", \"result\": \"0\", \"latex\": \"0\", \"zero\": \"proven\"}\n")
    }

    /// The interactive mode needs the process's terminal; in memory it is a usage error.
    @Test func interactiveModeNeedsTheProcessTerminal() {
        let r = SchedCommand.run(["repl", "--interactive"], stdin: "det\n")
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "error: the interactive mode reads the terminal through libedit: use --batch with this input\n")
    }
}
