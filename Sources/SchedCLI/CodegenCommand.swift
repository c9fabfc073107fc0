import ArgumentParser
import Codegen
import Foundation
import Schedules
import Symbolic

/// `sched codegen`: the schedule's functions as a self-contained NumPy module, and
/// (`--check`) the measured error of that module against sched's certified values.
struct CodegenCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "codegen",
        abstract: "Write the schedule's functions (alpha, sigma, target, x0_from, eps_from, step, logsnr, …) as NumPy code, or measure its error (--check)."
    )

    @Argument(help: ArgumentHelp("A .sched file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .customLong("schedule"), help: ArgumentHelp("Only this schedule (repeatable).", valueName: "name"))
    var schedules: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a parameter, e.g. --param sigma_d=1/2 (repeatable).", valueName: "name=value"))
    var parameters: [Binding] = []

    @Option(help: ArgumentHelp("The language of the code: numpy.", valueName: "lang"))
    var lang: CodegenLanguage = .numpy

    @Flag(help: "Print the formulas as written instead of the stable forms (for comparison).")
    var naive = false

    @Option(name: .customLong("at-singular"),
            help: ArgumentHelp("At a domain end where a function is undefined: raise a ValueError (raise), return the exact limit (limit), or evaluate at the end moved inward by EPS (clamp=EPS, e.g. clamp=1e-6).",
                               valueName: "raise|limit|clamp=EPS"))
    var atSingularText: String?

    /// `--at-singular`, parsed (raise when it is not given).
    var atSingular: SingularEndPolicy { atSingularText.flatMap(SingularEndPolicy.init(text:)) ?? .raise }

    @Flag(help: "Run the generated code with python3 and NumPy on a grid and print its error in ulps against sched's certified values.")
    var check = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the module to this file instead of standard output.", valueName: "out"))
    var output: String?

    @OptionGroup var budget: TimeBudgetOption

    func validate() throws {
        if check && output != nil { throw ValidationError("--check prints a table; it takes no -o") }
        if let text = atSingularText, SingularEndPolicy(text: text) == nil {
            throw ValidationError("--at-singular takes raise, limit or clamp=EPS with EPS a positive number (1e-6, 1/1000000), not '\(text)'")
        }
    }

    func run(io: CommandIO) throws {
        guard check else {
            try ScheduleFileLoading.withFile(file, parameters: parameters, budget: budget, input: io.input) { try generate($0, io: io) }
            return
        }
        // The check evaluates for seconds beyond the analysis: each quantity keeps its
        // own budget, the file as a whole gets none.
        var files = [try ScheduleFileLoading.load(file, parameters: parameters, input: io.input)]
        try ScheduleFileLoading.checkParameters(&files)
        try generate(files[0], io: io)
    }

    var commandLine: String {
        var words = ["sched", "codegen", file] + schedules.flatMap { ["--schedule", $0] } + parameters.flatMap { ["--param", "\($0.name)=\($0.valueText)"] }
        words += ["--lang", lang.rawValue]
        if naive { words.append("--naive") }
        if atSingular != .raise { words += ["--at-singular", atSingular.text] }
        return words.joined(separator: " ")
    }

    func generate(_ loaded: ScheduleFile, io: CommandIO) throws {
        if loaded.hasErrors { throw SchedInputError(formatted: loaded.formattedDiagnostics()) }
        let selected = try ScheduleFileLoading.selected(loaded, names: schedules)
        try ScheduleFileLoading.refuseUnknownFunctions(selected, in: loaded, purpose: "code")
        let chosen = selected.map { CodegenSchedule(schedule: $0, file: loaded.path) }
        guard !chosen.isEmpty else { throw SchedInputError("\(loaded.path) has no schedule") }
        if check {
            let report: String
            do {
                report = try CodegenCheck.run(chosen, atSingular: atSingular).text
            } catch {
                throw SchedInputError(error.description)
            }
            io.output.write(report)
            try ScheduleFileLoading.reportDiagnostics(loaded, io: io)
            return
        }
        let text: String
        do {
            text = try NumPyModule.render(chosen, options: CodegenOptions(stable: !naive, atSingular: atSingular, commandLine: commandLine))
        } catch {
            throw SchedInputError(error.description)
        }
        if let output { try OutputFile.write(text, to: output) } else { io.output.write(text) }
        try ScheduleFileLoading.reportDiagnostics(loaded, io: io)
    }
}

/// `--lang`: the languages `sched codegen` writes.
enum CodegenLanguage: String, ExpressibleByArgument, CaseIterable { case numpy }

