import ArgumentParser
import Foundation
import REPL
import Schedules

/// `sched repl`: the interactive workbench. The engine is `ReplSession` (module REPL);
/// this file only feeds it lines, from standard input (batch) or from libedit
/// (`LineEditor`, interactive).
struct ReplCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "An interactive session: build a schedule statement by statement, query det A, ρ, zero sets, plots."
    )

    @Argument(help: ArgumentHelp("Schedule files to load at the start.", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Batch mode even on a terminal: no banner, prompt, colour or history; exit status 1 if any line failed.")
    var batch = false

    @Flag(help: "Terminal behaviour even when standard input is not a terminal.")
    var interactive = false

    func run(io: CommandIO) throws {
        var session = ReplSession()
        var failed = false
        let isInteractive = interactive || (!batch && io.terminal.input)
        if isInteractive && !io.readsProcessInput {
            throw SchedUsageError(message: "the interactive mode reads the terminal through libedit: use --batch with this input")
        }
        for path in files {
            let reply = session.loadFile(path)
            if isInteractive { io.output.write(reply.output) }
            if reply.failed {
                failed = true
                io.errors.write(reply.errors)
            }
        }
        if isInteractive {
            session.colour = io.terminal.output
            LineEditor.run(session, io: io)
            return
        }
        var lineNumber = 0
        while let line = io.input.readLine() {
            lineNumber += 1
            let reply = session.execute(line, lineNumber: lineNumber)
            io.output.write(reply.output)
            io.errors.write(reply.errors)
            if reply.failed { failed = true }
            if reply.quit { break }
        }
        if failed { throw SchedSilentFailure() }
    }
}

/// A failure already reported (exit status 1, no further message).
struct SchedSilentFailure: Error {}
