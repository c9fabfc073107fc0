import ArgumentParser
import Exact
import Foundation
import Schedules
import Symbolic

/// `sched eval`: every quantity of each schedule at one time, exactly and as a
/// rigorous decimal.
struct EvalCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate every quantity of each schedule at one time value."
    )

    @Argument(help: ArgumentHelp("A .sched file, or - for standard input.", valueName: "file"))
    var file: String

    // `.unconditional`: `--at -1/2` is a value, not an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("The time value, exact: 1/3, pi/4, 0.25, or t=1/3 naming the time variable.", valueName: "value"))
    var at: String

    @Flag(name: .customLong("allow-outside"), help: "Evaluate at a time outside the schedule's domain (with a warning).")
    var allowOutside = false

    @Option(name: .customLong("schedule"), help: ArgumentHelp("Only this schedule (repeatable).", valueName: "name"))
    var schedules: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a parameter (repeatable).", valueName: "name=value"))
    var parameters: [Binding] = []

    @Option(help: ArgumentHelp("Correct significant digits (1-10000).", valueName: "n"))
    var digits: Int = 20

    @Option(help: "Output: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var budget: TimeBudgetOption

    func validate() throws {
        try ExactValue.validate(digits: digits)
    }

    func run(io: CommandIO) throws {
        try ScheduleFileLoading.withFile(file, parameters: parameters, budget: budget, input: io.input,
                                         notesSink: { io.errors.writeLine($0.trimmingCharacters(in: .newlines)) },
                                         discrete: { try evaluateDiscrete($0, io: io) }) { try evaluate($0, io: io) }
    }

    /// A discrete-time schedule at one step: exact rationals where the value is
    /// rational, certified decimals otherwise.
    func evaluateDiscrete(_ loaded: DiscreteScheduleFile, io: CommandIO) throws {
        var items: [JSONValue] = []
        var text = ""
        for s in try DiscreteFileLoading.selected(loaded, names: schedules) {
            let step = try DiscreteFileLoading.step(at, in: s)
            let analysis = DiscreteAnalysis.withDigits(s, digits: digits, steps: [step])
            var values: [(String, JSONValue)] = []
            text += "\(s.name) at \(s.stepName) = \(step):\n"
            for name in DiscreteEvaluation.quantityNames {
                let value = analysis.evaluation.value(of: name, at: step)
                let line = DiscreteAnalysis.text(value, digits: digits)
                var entry: [(String, JSONValue)] = [("exact", .null), ("value", .null)]
                switch value {
                case .success(.exact(let q)): entry = [("exact", .string(q.description)), ("value", .string(q.decimalString(significantDigits: digits)))]
                case .success(.ball(let b)): entry = [("exact", .null), ("value", .string(b.decimalString(digits: digits)))]
                case .failure: break
                }
                values.append((name, .object(entry)))
                text += "  \(name.padding(toLength: 14, withPad: " ", startingAt: 0))\(line)\n"
            }
            items.append(.object([("name", .string(s.name)), ("at", .int(step)), ("values", .object(values))]))
        }
        io.output.write(format == .json ? JSONValue.object([("schedules", .array(items))]).serialized() + "\n" : text)
    }

    func evaluate(_ loaded: ScheduleFile, io: CommandIO) throws {
        let chosen = try ScheduleFileLoading.selected(loaded, names: schedules)
        let (timeName, valueText) = TimeValueArgument.split(at)
        let atTree = try ExpressionCommandSupport.parse(valueText, name: "--at")
        let atForm = try ExpressionCommandSupport.canonicalForm(of: atTree, source: valueText, simplifier: Simplifier(), name: "--at")
        for s in chosen {
            try TimeValueArgument.check(atForm, written: valueText, named: timeName, in: s, allowOutside: allowOutside, io: io)
        }
        var items: [JSONValue] = []
        var text = ""
        for s in chosen {
            let model = s.unifiedModel
            let quantities = model.quantities()
            var values: [(String, JSONValue)] = []
            text += "\(s.name) at \(s.time.name) = \(printASCII(atForm.expression)):\n"
            for name in UnifiedModel.quantityNames {
                var entry: [(String, JSONValue)] = [("exact", .null), ("value", .null), ("radius", .null)]
                var line = "undefined"
                // A value only where the quantity as written is defined (√(t − ½)² has
                // none at t = 0, though its canonical form t − ½ has).
                let defined = model.definedness(ofQuantity: name, quantities).holds(at: [s.time.name: atForm], assuming: s.assumptions)
                if defined == nil { line = "unknown (whether it is defined here was not decided)" }
                if defined == true, case .success(let f)? = quantities[name], let v = try? f.substituting([s.time.name: atForm], assuming: s.assumptions) {
                    let value = ExactValue(form: v, digits: digits)
                    let exact = value.exact ?? printASCII(v.expression)
                    entry = [("exact", .string(exact)), ("value", value.value.map { .string($0) } ?? .null),
                             ("radius", value.radius.map { .string($0) } ?? .null)]
                    line = exact + (value.value.map { v.rationalValue == nil ? " ≈ \($0)" : "" } ?? "")
                }
                values.append((name, .object(entry)))
                text += "  \(name.padding(toLength: 14, withPad: " ", startingAt: 0))\(line)\n"
            }
            items.append(.object([("name", .string(s.name)), ("at", .string(printASCII(atForm.expression))), ("values", .object(values))]))
        }
        io.output.write(format == .json ? JSONValue.object([("schedules", .array(items))]).serialized() + "\n" : text)
        try ScheduleFileLoading.reportDiagnostics(loaded, io: io)
    }
}
