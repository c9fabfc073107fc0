import ArgumentParser
import Exact
import Foundation

/// The `sched` command line: everything lives here so that it can be tested without
/// spawning the binary; `Sources/sched/main.swift` only calls `run(_:io:)` and exits
/// with its status.
public struct SchedCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "sched",
        abstract: "Exact symbolic analysis of diffusion noise schedules and prediction targets.",
        version: version,
        subcommands: [LintCommand.self, ExplainCommand.self, AnalyzeCommand.self, EvalCommand.self, ImportCommand.self, ZooCommand.self, ReplCommand.self,
                      LaTeXCommand.self, CodegenCommand.self, DesignCommand.self, SimplifyCommand.self, DiffCommand.self, RootsCommand.self]
    )

    public init() {}

    /// Exit statuses shared by every subcommand: 0 success, 1 an error in the input
    /// (a malformed number or file, a size budget exceeded), 2 a usage error (unknown
    /// option, missing argument, unreadable file, `--digits` past what can be
    /// delivered), a time budget exceeded (`--deadline`) or an internal error.
    public enum Status: Int32, Sendable {
        case success = 0
        case inputError = 1
        case usageError = 2
    }

    /// Parses `arguments`, runs the command on `io` and returns its exit status; help
    /// and `--version` go to `io.output` with status 0. Nothing here exits the process:
    /// `Sources/sched/main.swift` exits with the status returned.
    ///
    /// Asynchronous so that a command may await concurrent work (`lint` lints files
    /// in parallel) without blocking a thread of the cooperative pool, which would
    /// deadlock when several commands run at once in one process.
    public static func run(_ arguments: [String], io: CommandIO) async -> Status {
        do {
            var command = try parseAsRoot(normalizedArguments(arguments))
            guard let subcommand = command as? any SchedSubcommand else {
                // `sched` alone and the parser's own `help` subcommand: their `run()`
                // prints nothing, it throws the help request handled below.
                try command.run()
                return .success
            }
            // No deadline for the whole run; commands without `--deadline` get the
            // default budget per quantity.
            try await Deadline.$current.withValue(.none) {
                try await Deadline.$quantityBudget.withValue(TimeBudgetOption.defaultSeconds) {
                    try await CommandIO.$current.withValue(io) { try await subcommand.run(io: io) }
                }
            }
            return .success
        } catch let exit as SchedExit {
            return exit.status
        } catch let error as SchedTimeBudgetError {
            io.errors.writeLine(error.message)
            return .usageError
        } catch let error as SchedUsageError {
            io.errors.writeLine("error: \(error.message)")
            return .usageError
        } catch let error as SchedInputError {
            io.errors.writeLine(error.isFormatted ? error.message : "error: \(error.message)")
            return .inputError
        } catch is SchedSilentFailure {
            return .inputError
        } catch let error as SchedUnreadableFileError {
            io.errors.writeLine("error: cannot read '\(error.path)': no such file, or not readable")
            return .usageError
        } catch let error as ArithmeticError {
            io.errors.writeLine("error: \(error)")
            return .inputError
        } catch let error as RootIsolationError {
            io.errors.writeLine("error: \(error)")
            return .inputError
        } catch {
            let message = fullMessage(for: error, columns: io.helpColumns)
            if exitCode(for: error) == .success {   // --help, --version
                if !message.isEmpty { io.output.writeLine(message) }
                return .success
            }
            if !message.isEmpty { io.errors.writeLine(message) }
            return .usageError
        }
    }

    /// Moves positional arguments that begin with a minus sign but cannot be options —
    /// a digit or '.' next ("-1", "-1/2 0 3"), or a space or operator anywhere
    /// ("-s x0 + 1", "-t^2") — behind a `--`, so that the argument parser does not take
    /// them for options: `sched roots "-1 0 2"` works without the user typing `--`.
    /// Options whose value may begin with a minus sign (parsed `.unconditional`).
    static let negativeValueOptions: Set<String> = ["--at"]

    public static func normalizedArguments(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        func isNegativeNumber(_ a: String) -> Bool {
            let scalars = Array(a.unicodeScalars)
            guard scalars.count >= 2, scalars[0] == "-", scalars[1] != "-" else { return false }
            if ("0"..."9").contains(scalars[1]) || scalars[1] == "." || scalars[1] == "(" { return true }
            return scalars.contains { " ()+*/^,".unicodeScalars.contains($0) }
        }
        // The value of an option that takes negative values (`--at -1/2`) stays put.
        let moved = arguments.indices.filter { i in
            isNegativeNumber(arguments[i]) && (i == 0 || !negativeValueOptions.contains(arguments[i - 1]))
        }
        guard !moved.isEmpty else { return arguments }
        let kept = arguments.indices.filter { !moved.contains($0) }.map { arguments[$0] }
        return kept + ["--"] + moved.map { arguments[$0] }
    }
}

/// An error in what the user gave sched (exit status 1).
public struct SchedInputError: Error, Sendable {
    public var message: String
    /// True when `message` is already a formatted diagnostic (`file:line:col: error: …`).
    public var isFormatted: Bool

    public init(_ message: String) {
        self.message = message
        isFormatted = false
    }

    public init(formatted: String) {
        message = formatted.hasSuffix("\n") ? String(formatted.dropLast()) : formatted
        isFormatted = true
    }
}

/// A subcommand of `sched`: it reads and writes only through `io`, and reports its
/// exit status by what it throws (`SchedExit`, `SchedInputError`, …), never by exiting.
protocol SchedSubcommand: ParsableCommand {
    func run(io: CommandIO) async throws
}
