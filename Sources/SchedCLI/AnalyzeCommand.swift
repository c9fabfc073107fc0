import ArgumentParser
import Exact
import Foundation
import Schedules
import Symbolic

/// `sched analyze`: everything the unified model derives for each schedule of a file.
struct AnalyzeCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Derive det A, A⁻¹, ρ and the rest for each schedule, and prove where they vanish."
    )

    @Argument(help: ArgumentHelp("A .sched file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .customLong("schedule"), help: ArgumentHelp("Only this schedule (repeatable).", valueName: "name"))
    var schedules: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a parameter, e.g. --param sigma_data=1/2 (repeatable).", valueName: "name=value"))
    var parameters: [Binding] = []

    @Option(help: "Output: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "For a diffusers config: analyze the continuous-time counterpart and report its largest gap to the steps.")
    var continuous = false

    @OptionGroup var budget: TimeBudgetOption

    func run(io: CommandIO) throws {
        if continuous { return try analyzeContinuous(io: io) }
        try ScheduleFileLoading.withFile(file, parameters: parameters, budget: budget, input: io.input,
                                         notesSink: { io.errors.writeLine($0.trimmingCharacters(in: .newlines)) },
                                         discrete: { try analyzeDiscrete($0, io: io) }) { try analyze($0, io: io) }
    }

    /// A discrete-time schedule: zero sets as sets of steps, the first and last step.
    func analyzeDiscrete(_ loaded: DiscreteScheduleFile, io: CommandIO) throws {
        let chosen = try DiscreteFileLoading.selected(loaded, names: schedules)
        let analyses = chosen.map { DiscreteAnalysis.withDigits($0, digits: 10, steps: [$0.first, $0.last]) }
        switch format {
        case .json:
            io.output.writeLine(JSONValue.object([("schedules", .array(analyses.map { $0.json() }))]).serialized())
        case .text:
            io.output.write(analyses.map { $0.report(path: loaded.path) }.joined(separator: "\n"))
        }
    }

    /// `--continuous`: the continuous schedule's report, then the gap to the steps.
    func analyzeContinuous(io: CommandIO) throws {
        let (bytes, name) = try ScheduleFileLoading.read(file, input: io.input)
        try budget.run(inputBytes: bytes.count) {
            let counterpart = try ContinuousCounterpart.load(bytes, name: name, parameters: parameters)
            let gaps = counterpart.gaps()
            let analyses = counterpart.file.schedules.map { ($0, ModelAnalysis($0.unifiedModel)) }
            let stepName = counterpart.discrete.schedules.first?.stepName ?? "n"
            switch format {
            case .json:
                guard case .object(var fields) = ScheduleReports.json(analyses, file: counterpart.file) else { return }
                fields.append(("steps_vs_continuous", .array(gaps.map(ContinuousCounterpart.json))))
                io.output.writeLine(JSONValue.object(fields).serialized())
            case .text:
                for ((s, a), gap) in zip(analyses, gaps) {
                    io.output.write(ScheduleReports.text(a, schedule: s, file: counterpart.file))
                    io.output.write(ContinuousCounterpart.text(gap, stepName: stepName, times: counterpart.imported.stepTimes))
                }
            }
        }
    }

    func analyze(_ loaded: ScheduleFile, io: CommandIO) throws {
        let chosen = try ScheduleFileLoading.selected(loaded, names: schedules)
        let analyses = chosen.map { ($0, ModelAnalysis($0.unifiedModel)) }
        switch format {
        case .json:
            io.output.writeLine(ScheduleReports.json(analyses, file: loaded).serialized())
        case .text:
            io.output.write(analyses.map { ScheduleReports.text($0.1, schedule: $0.0, file: loaded) }.joined(separator: "\n"))
        }
        try ScheduleFileLoading.reportDiagnostics(loaded, io: io)
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// Schedule-level report pieces shared by `analyze` and `eval`.
enum ScheduleReports {
    static func location(_ s: Schedule, _ file: ScheduleFile) -> JSONValue {
        .object([("file", .string(file.path)), ("line", .int(s.range.start.line)), ("column", .int(s.range.start.column))])
    }

    static func time(_ t: TimeDomain) -> JSONValue {
        .object([
            ("name", .string(t.name)),
            ("lower", .string(t.lower.map { printASCII($0.expression) } ?? "-inf")),
            ("upper", .string(t.upper.map { printASCII($0.expression) } ?? "inf")),
            ("lower_closed", .bool(t.lowerClosed)),
            ("upper_closed", .bool(t.upperClosed)),
        ])
    }

    static func header(_ s: Schedule, _ file: ScheduleFile) -> [(String, JSONValue)] {
        [
            ("name", .string(s.name)),
            ("title", s.title.map { .string($0) } ?? .null),
            ("location", location(s, file)),
            ("time", time(s.time)),
            ("params", .object(s.params.map { p in (p.name, p.value.map { .string(printASCII($0.expression)) } ?? .null) })),
        ]
    }

    static func json(_ analyses: [(Schedule, ModelAnalysis)], file: ScheduleFile) -> JSONValue {
        .object([("schedules", .array(analyses.map { s, a in
            .object(header(s, file) + AnalysisJSON.analysisFields(a) + [("expectations", expectations(s, a))])
        }))])
    }

    /// Each `expect` claim with its verdict and evidence.
    static func expectations(_ s: Schedule, _ a: ModelAnalysis) -> JSONValue {
        let checker = ClaimChecker(a)
        return .array(s.expectations.map { e in
            let v = checker.check(e.claim)
            var fields: [(String, JSONValue)] = [
                ("claim", .string(e.text)), ("line", .int(e.range.start.line)), ("column", .int(e.range.start.column)),
                ("status", .string(v.status.rawValue)), ("evidence", .string(v.evidence)),
            ]
            if let point = v.counterexample { fields.append(("counterexample", .string(point))) }
            return .object(fields)
        })
    }

    static func text(_ a: ModelAnalysis, schedule s: Schedule, file: ScheduleFile) -> String {
        let title = s.title.map { " — \($0)" } ?? ""
        return AnalysisText.report(a, schedule: s, heading: "\(s.name)\(title)  (\(file.path):\(s.range.start.line):\(s.range.start.column))")
    }
}
