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

    /// Parses and validates; diagnostics go to stderr. Errors in the file are an
    /// input error (status 1) after every schedule without errors was kept.
    static func load(_ path: String, parameters: [Binding], input: any CommandInput) throws -> ScheduleFile {
        let (bytes, name) = try read(path, input: input)
        let file = ScheduleFile(parsing: bytes, path: name, parameterOverrides: try overrides(parameters))
        return file
    }

    /// Reads the file, then parses it and runs `body` on it within the file's time
    /// budget (`TimeBudgetOption.run(inputBytes:_:)`).
    static func withFile<T>(_ path: String, parameters: [Binding], budget: TimeBudgetOption, input: any CommandInput,
                            _ body: (ScheduleFile) throws -> T) throws -> T {
        let (bytes, name) = try read(path, input: input)
        let parameterOverrides = try overrides(parameters)
        return try budget.run(inputBytes: bytes.count) {
            try body(ScheduleFile(parsing: bytes, path: name, parameterOverrides: parameterOverrides))
        }
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
