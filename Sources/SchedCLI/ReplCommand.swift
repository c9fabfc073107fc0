import ArgumentParser
import Foundation
import REPL
import Schedules

/// `sched repl`: the interactive workbench. The engine is `ReplSession` (module REPL);
/// this file only feeds it lines, from standard input (batch) or from libedit
/// (`LineEditor`, interactive).
struct ReplCommand: ParsableCommand {
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

    func run() throws {
        var session = ReplSession()
        var failed = false
        let isInteractive = interactive || (!batch && isatty(0) != 0)
        for path in files {
            let reply = session.loadFile(path)
            if isInteractive { print(reply.output, terminator: "") }
            if reply.failed {
                failed = true
                fflush(nil)
                FileHandle.standardError.write(Data(reply.errors.utf8))
            }
        }
        if isInteractive {
            session.colour = isatty(1) != 0
            LineEditor.run(&session)
            return
        }
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            let reply = session.execute(line, lineNumber: lineNumber)
            if !reply.output.isEmpty { print(reply.output, terminator: "") }
            if !reply.errors.isEmpty {
                fflush(nil)
                FileHandle.standardError.write(Data(reply.errors.utf8))
            }
            if reply.failed { failed = true }
            if reply.quit { break }
        }
        fflush(nil)
        if failed { throw SchedSilentFailure() }
    }
}

/// A failure already reported (exit status 1, no further message).
struct SchedSilentFailure: Error {}
