import ArgumentParser
import Exact
import Foundation
import Schedules
import Symbolic

/// Reading schedule files for the commands: a path, or `-` for standard input.
enum ScheduleFileLoading {
    /// The file's text; an unreadable file is an input error.
    static func read(_ path: String, input: any CommandInput) throws -> (text: [UInt8], name: String) {
        if path == "-" {
            return (input.readAll(), "<stdin>")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SchedUnreadableFileError(path: path)
        }
        return (Array(data), path)
    }

    /// `--param NAME=VALUE` options as expression trees.
    static func overrides(_ bindings: [Binding]) throws -> [String: Expr] {
        var out: [String: Expr] = [:]
        for b in bindings { out[b.name] = try ExpressionCommandSupport.parse(b.valueText, name: "--param \(b.name)") }
        return out
    }

    /// `--param NAME=…` naming no parameter is a command-line error (status 2), not
    /// a diagnostic at 1:1 of a file that has nothing there: the `unknown-parameter`
    /// diagnostics are taken out of `files`, and a name that none of them declares
    /// is thrown. With several files, a name declared by some of them is fine.
    static func checkParameters(_ files: inout [ScheduleFile]) throws {
        let unknown = files.map { $0.diagnostics.filter { $0.id == "unknown-parameter" } }
        for i in files.indices { files[i].diagnostics.removeAll { $0.id == "unknown-parameter" } }
        guard let first = unknown.first else { return }
        func name(_ d: Diagnostic) -> Substring { d.message.dropFirst("--param ".count).prefix { $0 != ":" } }
        let everywhere = unknown.dropFirst().reduce(Set(first.map(name))) { $0.intersection($1.map(name)) }
        guard let missing = everywhere.sorted().first else { return }
        if files.count == 1, let d = first.first(where: { name($0) == missing }) {
            throw SchedUsageError(message: d.message.replacingOccurrences(of: "no schedule in this file", with: "no schedule in \(files[0].path)"))
        }
        throw SchedUsageError(message: "--param \(missing): no schedule in the \(files.count) files has a parameter '\(missing)'")
    }

    /// Parses and validates; diagnostics go to stderr. Errors in the file are an
    /// input error (status 1) after every schedule without errors was kept.
    static func load(_ path: String, parameters: [Binding], input: any CommandInput) throws -> ScheduleFile {
        let (bytes, name) = try read(path, input: input)
        let file = ScheduleFile(parsing: bytes, path: name, parameterOverrides: try overrides(parameters))
        return file
    }

    /// Reads the file, then parses it and runs `body` on it within the file's time
    /// budget (`TimeBudgetOption.run(inputBytes:_:)`).
    /// A discrete-time file (`step n in 0..999`) or a diffusers scheduler config goes to
    /// `discrete` when the command handles them.
    static func withFile<T>(_ path: String, parameters: [Binding], budget: TimeBudgetOption, input: any CommandInput,
                            notesSink: ((String) -> Void)? = nil, discrete: ((DiscreteScheduleFile) throws -> T)? = nil,
                            _ body: (ScheduleFile) throws -> T) throws -> T {
        let (bytes, name) = try read(path, input: input)
        if let discrete, let file = try DiscreteFileLoading.parse(bytes, name: name, parameters: parameters,
                                                                 notes: { notesSink?($0) }) {
            return try budget.run(inputBytes: bytes.count) { try discrete(file) }
        }
        let parameterOverrides = try overrides(parameters)
        return try budget.run(inputBytes: bytes.count) {
            var files = [ScheduleFile(parsing: bytes, path: name, parameterOverrides: parameterOverrides)]
            try checkParameters(&files)
            return try body(files[0])
        }
    }

    /// The file's diagnostics on standard error: errors as an input error (status 1),
    /// warnings alone (`np.exp` read as `exp`) printed, with status 0.
    static func reportDiagnostics(_ file: ScheduleFile, io: CommandIO) throws {
        guard !file.diagnostics.isEmpty else { return }
        if file.hasErrors { throw SchedInputError(formatted: file.formattedDiagnostics()) }
        io.errors.writeLine(file.formattedDiagnostics().trimmingCharacters(in: .newlines))
    }

    /// Refuses schedules over unknown functions where numbers are needed (`purpose`:
    /// "code", "a plot"), with every such declaration located in its file.
    static func refuseUnknownFunctions(_ schedules: [Schedule], in file: ScheduleFile, purpose: String) throws {
        let found = schedules.compactMap { $0.unknownFunctionDiagnostic(purpose: purpose) }
        if !found.isEmpty { throw SchedInputError(formatted: DiagnosticFormatter(fileName: file.path).format(found, in: file.source)) }
    }

    static func selected(_ file: ScheduleFile, names: [String]) throws -> [Schedule] {
        if names.isEmpty { return file.schedules }
        return try names.map { name in
            guard let s = file.schedule(named: name) else {
                let known = file.schedules.map(\.name).joined(separator: ", ")
                throw SchedInputError("no schedule named '\(name)' in \(file.path) (it has: \(known))")
            }
            return s
        }
    }
}

/// A file that cannot be read: a usage-level failure (status 2).
struct SchedUnreadableFileError: Error {
    var path: String
}
