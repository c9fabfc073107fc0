import ArgumentParser
import Foundation
import Lint
import Schedules
import Symbolic

/// `sched lint PATH…`: every rule on every schedule, reported like a compiler.
struct LintCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check schedule files: proven findings with rule codes, locations and evidence.",
        discussion: """
        Exit status: 0 no errors (and no warnings with --strict); 1 findings at that level; \
        2 usage error, unreadable file or internal error. `sched explain CODE` describes a rule.
        """
    )

    @Argument(help: ArgumentHelp("Files, directories (searched for *.sched), or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output: text, json or sarif.")
    var format: LintFormat = .text

    @Option(name: .customLong("select"), help: ArgumentHelp("Only these rules (codes or names, comma-separated or repeated).", valueName: "rules"))
    var select: [String] = []

    @Option(name: .customLong("ignore"), help: ArgumentHelp("Not these rules (codes or names, comma-separated or repeated).", valueName: "rules"))
    var ignore: [String] = []

    @Flag(help: "Warnings fail too (exit status 1).")
    var strict = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a parameter, e.g. --param sigma_data=1/2 (repeatable).", valueName: "name=value"))
    var parameters: [Binding] = []

    @Option(help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Correct significant digits of values in discrete-time findings (1-10000).", valueName: "n"))
    var digits: Int = 20

    @Option(help: ArgumentHelp("Sampling steps of discrete-time schedules and diffusers configs (replaces 'sample steps').", valueName: "n"))
    var steps: Int?

    @Flag(help: "Apply the fix-its and print the fixed file on standard output (with --write: in place).")
    var fix = false

    @Flag(help: "With --fix: replace each file by its fixed text (atomically).")
    var write = false

    @Option(name: .customLong("fix-rho"), help: ArgumentHelp("The correlation ρ of the target the S201/S203 fix proposes (default 1/sqrt(2)).", valueName: "r"))
    var fixRho: String?

    @OptionGroup var budget: TimeBudgetOption

    func run(io: CommandIO) async throws {
        try ExactValue.validate(digits: digits)
        if let steps, steps < 1 { throw SchedUsageError(message: "--steps \(steps): at least 1") }
        var options = LintOptions(selected: select.isEmpty ? nil : Set(try Self.codes(select)),
                                  ignored: Set(try Self.codes(ignore)),
                                  parameterOverrides: try ScheduleFileLoading.overrides(parameters),
                                  quantitySeconds: budget.seconds)
        options.digits = digits
        options.samplingSteps = steps
        if fix || format != .text { options.fixes = try fixOptions() }
        if write, !fix { throw SchedUsageError(message: "--write: only with --fix") }
        var inputs: [LintInput] = []
        var unreadable: [String] = []
        for path in paths {
            if path == "-" {
                inputs.append(LintInput(path: "<stdin>", bytes: io.input.readAll()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { unreadable.append(path); continue }
            if isDirectory.boolValue {
                for file in Self.scheduleFiles(in: path) {
                    if let data = FileManager.default.contents(atPath: file) { inputs.append(LintInput(path: file, bytes: Array(data))) } else { unreadable.append(file) }
                }
            } else if let data = FileManager.default.contents(atPath: path) {
                inputs.append(LintInput(path: path, bytes: Array(data)))
            } else {
                unreadable.append(path)
            }
        }
        options.dropUnknownParameters = true
        if inputs.count == 1, !options.parameterOverrides.isEmpty,
           !DiffusersImport.isConfig(inputs[0].bytes), !DiscreteScheduleFile.isDiscrete(inputs[0].bytes) {
            // One file: the same message as the other commands, with its did-you-mean.
            var files = [ScheduleFile(parsing: inputs[0].bytes, path: inputs[0].path, parameterOverrides: options.parameterOverrides)]
            try ScheduleFileLoading.checkParameters(&files)
        }
        if fix {
            for path in unreadable { io.errors.writeLine("error: cannot read '\(path)': no such file, or not readable") }
            if !unreadable.isEmpty { throw SchedExit(status: .usageError) }
            return try await runFix(inputs, options: options, io: io)
        }
        let results = await Linter.lint(inputs, options: options)
        let unknownEverywhere = results.dropFirst().reduce(results.first?.unknownParameters ?? []) { $0.intersection($1.unknownParameters) }
        if let name = unknownEverywhere.sorted().first {
            let place = inputs.count == 1 ? inputs[0].path : "the \(inputs.count) files"
            throw SchedUsageError(message: "--param \(name): no schedule in \(place) has a parameter '\(name)'")
        }
        switch format {
        case .text:
            let useColor: Bool
            switch color {
            case .always: useColor = true
            case .never: useColor = false
            case .auto:
                let noColor = io.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
                useColor = !noColor && io.terminal.output
            }
            io.output.write(TextReporter(color: useColor).render(results))
        case .json:
            io.output.write(JSONReporter.render(results))
        case .sarif:
            io.output.write(SARIFReporter.render(results, toolVersion: SchedCommand.version,
                                                 workingDirectory: FileManager.default.currentDirectoryPath))
        }
        for path in unreadable { io.errors.writeLine("error: cannot read '\(path)': no such file, or not readable") }
        if !unreadable.isEmpty { throw SchedExit(status: .usageError) }
        let findings = results.flatMap(\.findings)
        if findings.contains(where: { $0.severity == .error }) || (strict && findings.contains(where: { $0.severity == .warning })) {
            throw SchedExit(status: .inputError)
        }
    }

    /// Rule codes from codes or names, comma-separated; an unknown one is a usage error.
    static func codes(_ items: [String]) throws -> [String] {
        try items.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { item in
            guard let rule = RuleCatalogue.rule(named: item) else {
                let hint = RuleCatalogue.suggestion(for: item).map { "; did you mean '\($0)'?" } ?? ""
                throw SchedUsageError(message: "unknown rule '\(item)'\(hint) (see `sched explain`)")
            }
            return rule.code
        }
    }

    /// The *.sched files under a directory, sorted, with paths joined to `directory`.
    static func scheduleFiles(in directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let relative = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        return relative.filter { $0.hasSuffix(".sched") }.sorted().map { base + "/" + $0 }
    }
}

enum LintFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }
enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

/// `sched explain CODE|NAME`: what a rule checks, with an example; without an
/// argument, the catalogue.
struct ExplainCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a lint rule (by code or name) or a quantity (rho, det, logsnr, …), or list them all."
    )

    @Argument(help: ArgumentHelp("A rule code (S202) or name (rho-vanishes), or a quantity (rho, det, amp_x0).", valueName: "rule"))
    var rule: String?

    func run(io: CommandIO) throws {
        guard let rule else {
            for r in RuleCatalogue.infos { io.output.writeLine("\(r.code)  \(r.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(r.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(r.summary)") }
            io.output.writeLine("")
            io.output.writeLine("Quantities (sched explain NAME):")
            for q in QuantityExplanation.all { io.output.writeLine("  \(q.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(q.definition)") }
            return
        }
        // `sched explain ρ` is rho.
        if let quantity = QuantityExplanation.named(NameSpelling.canonical(rule) ?? rule) {
            io.output.writeLine(quantity.text)
            return
        }
        guard let info = RuleCatalogue.rule(named: rule) else {
            let hint = RuleCatalogue.suggestion(for: rule).map { "; did you mean '\($0)'?" } ?? ""
            throw SchedUsageError(message: "unknown rule or quantity '\(rule)'\(hint) (run `sched explain` for the list)")
        }
        io.output.writeLine("\(info.code) \(info.name) (default severity: \(info.severity.rawValue))")
        io.output.writeLine(info.summary)
        io.output.writeLine("")
        io.output.writeLine(info.explanation)
    }
}

/// Ends the command with a status and no further message (the output said it all).
struct SchedExit: Error {
    var status: SchedCommand.Status
}

/// A usage error with its message (status 2).
struct SchedUsageError: Error {
    var message: String
}
