import Exact
import Foundation
import Schedules
import Symbolic

/// Discrete-time schedule files for the commands: `.sched` files with a `step`
/// statement, and diffusers `scheduler_config.json` files (imported first).
enum DiscreteFileLoading {
    /// The parsed file, or nil when `bytes` is a continuous schedule file. Errors in
    /// the file are an input error (status 1). A diffusers config is imported first;
    /// its notes (unknown keys) go to `notes`.
    static func parse(_ bytes: [UInt8], name: String, parameters: [Binding],
                      notes: ((String) -> Void)? = nil) throws -> DiscreteScheduleFile? {
        if DiffusersImport.isConfig(bytes) {
            let imported = try importConfig(bytes, name: name, parameters: parameters)
            if !imported.notes.isEmpty {
                notes?(DiagnosticFormatter(fileName: name).format(imported.notes, in: SourceText(utf8: bytes)))
            }
            let file = DiscreteScheduleParser.parse(Array(imported.text.utf8), path: name + " (imported)")
            if file.hasErrors { throw SchedInputError(formatted: file.formattedDiagnostics()) }
            return file
        }
        guard DiscreteScheduleFile.isDiscrete(bytes) else { return nil }
        let file = DiscreteScheduleParser.parse(bytes, path: name)
        if file.hasErrors { throw SchedInputError(formatted: file.formattedDiagnostics()) }
        if !parameters.isEmpty {
            throw SchedUsageError(message: "--param \(parameters[0].name): a discrete-time schedule's parameters are fixed in the file")
        }
        return file
    }

    /// A diffusers config as a `.sched` text; `--param image_seq_len=N` is the image
    /// sequence length of dynamic shifting.
    static func importConfig(_ bytes: [UInt8], name: String, parameters: [Binding], samplingSteps: Int? = nil,
                             continuous: Bool = false) throws -> DiffusersImport {
        var length: Int?
        for p in parameters {
            guard p.name == "image_seq_len", let n = Int(p.valueText.trimmingCharacters(in: .whitespaces)), n > 0 else {
                throw SchedUsageError(message: "--param \(p.name): a diffusers config takes only --param image_seq_len=N (a positive integer)")
            }
            length = n
        }
        do {
            return try DiffusersImport.read(bytes, name: DiffusersImport.scheduleName(forPath: name), imageSequenceLength: length, samplingSteps: samplingSteps,
                                           continuous: continuous)
        } catch {
            throw SchedInputError(formatted: DiagnosticFormatter(fileName: name).format(error.diagnostics, in: SourceText(utf8: bytes)))
        }
    }

    static func selected(_ file: DiscreteScheduleFile, names: [String]) throws -> [DiscreteSchedule] {
        if names.isEmpty { return file.schedules }
        return try names.map { name in
            guard let s = file.schedules.first(where: { $0.name == name }) else {
                throw SchedInputError("no schedule named '\(name)' in \(file.path) (it has: \(file.schedules.map(\.name).joined(separator: ", ")))")
            }
            return s
        }
    }

    /// The step of `--at 999` or `--at n=999`: an integer of the schedule's steps.
    static func step(_ at: String, in s: DiscreteSchedule) throws -> Int {
        let (name, valueText) = TimeValueArgument.split(at)
        if let name, name != s.stepName {
            throw SchedUsageError(message: "--at \(at): the step variable of '\(s.name)' is '\(s.stepName)', not '\(name)'")
        }
        guard let k = Int(valueText.trimmingCharacters(in: .whitespaces)) else {
            throw SchedUsageError(message: "--at \(at): '\(s.name)' is a discrete-time schedule: give an integer step in \(s.first)..\(s.last)")
        }
        guard s.first <= k, k <= s.last else {
            throw SchedUsageError(message: "--at \(at): step \(k) is outside the steps \(s.first)..\(s.last) of '\(s.name)'")
        }
        return k
    }
}
