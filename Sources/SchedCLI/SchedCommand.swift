import ArgumentParser
import Exact
import Foundation

/// The `sched` command line: everything lives here so that it can be tested without
/// spawning the binary; `Sources/sched/main.swift` only calls `runAndExit()`.
public struct SchedCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "sched",
        abstract: "Exact symbolic analysis of diffusion noise schedules and prediction targets.",
        version: version,
        subcommands: [LintCommand.self, ExplainCommand.self, AnalyzeCommand.self, EvalCommand.self, ZooCommand.self, ReplCommand.self,
                      LaTeXCommand.self, SimplifyCommand.self, DiffCommand.self, RootsCommand.self]
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

    /// Parses `arguments` (the process arguments when nil), runs the command and
    /// exits with a `Status`. Help and `--version` print to stdout and exit 0.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        let status: Status
        do {
            var command = try parseAsRoot(normalizedArguments(arguments ?? Array(CommandLine.arguments.dropFirst())))
            // Commands without `--deadline` get the default budget per quantity.
            try Deadline.withBudget(seconds: nil, quantitySeconds: TimeBudgetOption.defaultSeconds) { try command.run() }
            status = .success
        } catch let exit as SchedExit {
            status = exit.status
        } catch let error as SchedTimeBudgetError {
            printError(error.message)
            status = .usageError
        } catch let error as SchedUsageError {
            printError("error: \(error.message)")
            status = .usageError
        } catch let error as SchedInputError {
            printError(error.isFormatted ? error.message : "error: \(error.message)")
            status = .inputError
        } catch is SchedSilentFailure {
            status = .inputError
        } catch let error as SchedUnreadableFileError {
            printError("error: cannot read '\(error.path)': no such file, or not readable")
            status = .usageError
        } catch let error as ArithmeticError {
            printError("error: \(error)")
            status = .inputError
        } catch let error as RootIsolationError {
            printError("error: \(error)")
            status = .inputError
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            status = .usageError
        }
        Foundation.exit(status.rawValue)
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

    static func printError(_ message: String) {
        var stderr = StandardError()
        print(message, to: &stderr)
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

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
