import CEditLine
import Exact
import Foundation
import REPL

/// The terminal layer of `sched repl`: libedit's readline interface for editing,
/// history (`$XDG_STATE_HOME/sched/history`, default `~/.local/state/sched/history`)
/// and tab completion; everything else is `ReplSession`.
///
/// Ctrl-C: a SIGINT handler (installed without SA_RESTART) sets a flag; libedit's
/// read is interrupted, `readline` returns nil, and the flag tells that apart from
/// Ctrl-D, so the partial line is dropped and a fresh prompt shown. Ctrl-D on an
/// empty line ends the session with status 0. The kernel may deliver the signal to
/// any thread of the process (the command runs on a thread of Swift's cooperative
/// pool); the handler forwards it to the thread in `readline`, whose read is the one
/// to interrupt. A line is computed on a worker thread, so Ctrl-C during a long
/// computation returns to the prompt at once, and cancels the computation
/// (`Cancellation`), which stops at its next deadline check.
enum LineEditor {
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    /// The thread that runs the session and reads lines (set before the handler).
    nonisolated(unsafe) static var readingThread = pthread_self()
    /// The completions offered for the word being completed (for the C callback).
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var candidateIndex = 0
    nonisolated(unsafe) static var completer: ((String) -> [String])?

    static let prompt = "sched> "

    static func historyPath(_ env: [String: String]) -> String {
        let base: String
        if let state = env["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else {
            base = (env["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return base + "/sched/history"
    }

    static func installSignalHandler() {
        var action = sigaction()
        readingThread = pthread_self()
        action.__sigaction_handler.sa_handler = { signal in
            LineEditor.interrupted = 1
            if pthread_equal(pthread_self(), LineEditor.readingThread) == 0 { pthread_kill(LineEditor.readingThread, signal) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have blocked SIGINT (test runners do); unblock it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    static func installCompletion(_ session: ReplSession) {
        sched_rl_set_completion { text, _, _ in
            guard let text else { return nil }
            let word = String(cString: text)
            LineEditor.candidates = LineEditor.completer?(word) ?? []
            LineEditor.candidateIndex = 0
            sched_rl_set_completion_over(1)
            if LineEditor.candidates.isEmpty { return nil }
            return rl_completion_matches(text) { _, state in
                if state == 0 { LineEditor.candidateIndex = 0 }
                guard LineEditor.candidateIndex < LineEditor.candidates.count else { return nil }
                let next = LineEditor.candidates[LineEditor.candidateIndex]
                LineEditor.candidateIndex += 1
                return strdup(next)
            }
        }
    }

    /// The result of a line computed on a worker thread.
    final class Outcome: @unchecked Sendable {
        var reply: ReplReply?
        var session: ReplSession?
        let done = DispatchSemaphore(value: 0)
    }

    /// Runs one line on a worker thread while watching for Ctrl-C: nil when
    /// interrupted (the session is left as it was; the computation is cancelled — it
    /// stops at its next deadline check — and its result is dropped).
    static func execute(_ line: String, lineNumber: Int, in session: ReplSession) -> (ReplReply, ReplSession)? {
        let outcome = Outcome()
        let cancellation = Cancellation()
        interrupted = 0
        let thread = Thread {
            var copy = session
            // Every deadline check in the computation sees the cancellation, so Ctrl-C
            // stops the worker too, not only the wait for it.
            let reply = Deadline.$current.withValue(.until(cancellation)) { copy.execute(line, lineNumber: lineNumber) }
            outcome.reply = reply
            outcome.session = copy
            outcome.done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        while outcome.done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if interrupted != 0 { interrupted = 0; cancellation.cancel(); return nil }
        }
        return (outcome.reply!, outcome.session!)
    }

    /// Runs the session on the process's terminal until Ctrl-D or `:quit`; output and
    /// errors go through `io` (libedit writes its prompt and echo itself).
    static func run(_ start: ReplSession, io: CommandIO) {
        var session = start
        let path = historyPath(io.environment)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        using_history()
        _ = read_history(path)
        installSignalHandler()
        installCompletion(session)
        io.output.writeLine("sched \(SchedCommand.version) repl — statements, queries and :commands; :help lists them, Ctrl-D quits")
        fflush(nil)
        var lineNumber = 0
        while true {
            let snapshot = session
            completer = { word in snapshot.completions(of: word) }
            interrupted = 0
            guard let raw = readline(prompt) else {
                if interrupted != 0 {
                    interrupted = 0
                    io.output.writeLine("")
                    fflush(nil)
                    continue
                }
                io.output.writeLine("")
                break
            }
            let line = String(cString: raw)
            free(raw)
            lineNumber += 1
            if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                add_history(line)
                _ = write_history(path)
                _ = history_truncate_file(path, 1000)
            }
            guard let (reply, next) = execute(line, lineNumber: lineNumber, in: session) else {
                io.output.writeLine("\ninterrupted")
                fflush(nil)
                continue
            }
            session = next
            io.output.write(reply.output)
            fflush(nil)
            if !reply.errors.isEmpty {
                let errors = io.terminal.errors
                    ? reply.errors.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
                    : reply.errors
                io.errors.write(errors)
            }
            if reply.quit { break }
        }
        fflush(nil)
    }
}
