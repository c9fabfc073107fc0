import ArgumentParser
import Foundation
import Schedules
import Symbolic

/// `sched import CONFIG.json`: the `.sched` file equivalent to a diffusers scheduler
/// config, which lints to the same findings.
struct ImportCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Print the .sched file equivalent to a diffusers scheduler_config.json."
    )

    @Argument(help: ArgumentHelp("A diffusers scheduler_config.json, or - for standard input.", valueName: "config"))
    var file: String

    @Option(name: .customLong("param"), help: ArgumentHelp("image_seq_len=N for dynamic shifting.", valueName: "name=value"))
    var parameters: [Binding] = []

    @Option(help: ArgumentHelp("Sampling steps of the 'sample' statement (default 50).", valueName: "n"))
    var steps: Int?

    @Flag(help: "Print the continuous-time counterpart (the VP-SDE of the same betas, the flow's formula in s) instead of the steps.")
    var continuous = false

    func run(io: CommandIO) throws {
        let (bytes, name) = try ScheduleFileLoading.read(file, input: io.input)
        guard DiffusersImport.isConfig(bytes) else {
            throw SchedInputError("\(name): not a diffusers scheduler config (a JSON object with \"_class_name\")")
        }
        if let steps, steps < 1 { throw SchedUsageError(message: "--steps \(steps): at least 1") }
        let imported = try DiscreteFileLoading.importConfig(bytes, name: name, parameters: parameters, samplingSteps: steps,
                                                            continuous: continuous)
        if !imported.notes.isEmpty {
            io.errors.writeLine(DiagnosticFormatter(fileName: name).format(imported.notes, in: SourceText(utf8: bytes))
                .trimmingCharacters(in: .newlines))
        }
        io.output.write(imported.text)
    }
}
