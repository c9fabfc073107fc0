import ArgumentParser
import Foundation
import LaTeX
import Schedules
import Symbolic

/// `sched latex`: derivations, Table I and figures, ready to paste into a paper.
struct LaTeXCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "latex",
        abstract: "Emit LaTeX: each schedule's derivation, the table of models (--table) or a pgfplots figure (--plot)."
    )

    @Argument(help: ArgumentHelp("One or more .sched files (- for standard input).", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("schedule"), help: ArgumentHelp("Only this schedule, from whichever file has it (repeatable).", valueName: "name"))
    var schedules: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a parameter, e.g. --param sigma_d=1/2 (repeatable).", valueName: "name=value"))
    var parameters: [Binding] = []

    @Flag(help: "A complete document that compiles with pdflatex, instead of a fragment to \\input.")
    var standalone = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "out"))
    var output: String?

    @Flag(help: "The table of the models (the paper's Table I), one row per schedule.")
    var table = false

    @Option(help: ArgumentHelp("Plot these quantities over time, e.g. rho or det,rho.", valueName: "q[,q…]"))
    var plot: String?

    @Flag(help: "The design of linear targets for each forward process: V, u, y = k x_t + m u, this target's k and m, and the frontier of unit-variance targets.")
    var design = false

    @OptionGroup var budget: TimeBudgetOption

    func run(io: CommandIO) throws {
        // The files together are the input whose size sets the time budget.
        let bytes = files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        try budget.run(inputBytes: bytes) { try render(io: io) }
    }

    func render(io: CommandIO) throws {
        // Discrete-time files and diffusers configs get their own derivation.
        var loaded: [ScheduleFile] = []
        var discreteFiles: [DiscreteScheduleFile] = []
        var paths: [String] = []
        for path in files {
            let (bytes, name) = try ScheduleFileLoading.read(path, input: io.input)
            paths.append(name)
            if let d = try DiscreteFileLoading.parse(bytes, name: name, parameters: parameters, notes: { io.errors.writeLine($0) }) {
                discreteFiles.append(d)
            } else {
                loaded.append(ScheduleFile(parsing: bytes, path: name, parameterOverrides: try ScheduleFileLoading.overrides(parameters)))
            }
        }
        if !loaded.isEmpty { try ScheduleFileLoading.checkParameters(&loaded) }
        let discrete = discreteFiles.flatMap { file in
            file.schedules.filter { schedules.isEmpty || schedules.contains($0.name) }.map { DiscreteLaTeXSchedule(schedule: $0, file: file.path) }
        }
        var diagnostics = loaded.filter { !$0.diagnostics.isEmpty }.map { $0.formattedDiagnostics() }.joined()
        let hasErrors = loaded.contains(where: \.hasErrors)
        var entries: [LaTeXSchedule] = []
        for file in loaded {
            for s in file.schedules where schedules.isEmpty || schedules.contains(s.name) {
                entries.append(LaTeXSchedule(schedule: s, file: file.path))
            }
        }
        let unknown = schedules.filter { name in
            !loaded.contains { $0.schedule(named: name) != nil } && !discreteFiles.contains { $0.schedules.contains { $0.name == name } }
        }
        if !unknown.isEmpty {
            let known = (loaded.flatMap { $0.schedules.map(\.name) } + discreteFiles.flatMap { $0.schedules.map(\.name) }).joined(separator: ", ")
            throw SchedInputError("no schedule named \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(files.joined(separator: ", ")) (they have: \(known))")
        }
        if plot != nil {
            for file in loaded {
                let plotted = file.schedules.filter { schedules.isEmpty || schedules.contains($0.name) }
                try ScheduleFileLoading.refuseUnknownFunctions(plotted, in: file, purpose: "a plot")
            }
        }
        let quantities = plot.map {
            $0.split(separator: ",").map { q in
                let written = q.trimmingCharacters(in: .whitespaces)
                return NameSpelling.canonical(written) ?? written  // --plot ρ is rho
            }
        }
        let text: String
        do {
            text = try LaTeXDocument.render(entries, discrete: discrete, table: table, plot: quantities, design: design,
                                            standalone: standalone, files: paths)
        } catch let error as LaTeXError {
            throw SchedInputError(error.description)
        }
        if diagnostics.hasSuffix("\n") { diagnostics.removeLast() }
        if let output {
            // An input with errors writes no file: a document without the schedules
            // in error would pass for the whole output.
            if hasErrors { throw SchedInputError(formatted: diagnostics) }
            try OutputFile.write(text, to: output)
        } else {
            io.output.write(text)
        }
        if hasErrors { throw SchedInputError(formatted: diagnostics) }
        if !diagnostics.isEmpty { io.errors.writeLine(diagnostics) }
    }
}
