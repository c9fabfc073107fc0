import ArgumentParser
import Exact
import Foundation
import Schedules
import Symbolic

/// `sched design`: a target from two requirements (det A, ρ, Var(y), amp_x0, amp_eps)
/// for the forward process of a schedule file, proven by the claim checker on the
/// schedule it builds, or a located error where no such target exists.
struct DesignCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "design",
        abstract: "Design a target from two of det A, ρ, Var(y), amp_x0, amp_eps for the file's forward process, and prove it."
    )

    @Argument(help: ArgumentHelp("A .sched file (its forward process, domain and data variance; its target is ignored), or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .customLong("schedule"), help: ArgumentHelp("The schedule whose forward process to use (default: the file's first); --frontier takes several.", valueName: "name"))
    var schedules: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Bind a parameter, e.g. --param sigma_d=1/2 (repeatable).", valueName: "name=value"))
    var parameters: [Binding] = []

    @Option(help: ArgumentHelp("Require det A = EXPR (a function of time).", valueName: "expr")) var det: String?
    @Option(help: ArgumentHelp("Require ρ = EXPR, with |ρ| < 1.", valueName: "expr")) var rho: String?
    @Option(name: .customLong("var-y"), help: ArgumentHelp("Require Var(y) = EXPR > 0.", valueName: "expr")) var varY: String?
    @Option(name: .customLong("amp-x0"), help: ArgumentHelp("Require amp_x0 = σ/det A = EXPR.", valueName: "expr")) var ampX0: String?
    @Option(name: .customLong("amp-eps"), help: ArgumentHelp("Require amp_eps = α/det A = EXPR.", valueName: "expr")) var ampEps: String?

    @Flag(help: "Print the frontier |amp_x0|·√(1 − ρ²) = σ·s/√Var(x_t) of unit-variance targets at --at, and where each schedule's target lies on it.")
    var frontier = false

    @Option(help: ArgumentHelp("The time of --frontier: 1/2, or t=1/2.", valueName: "time"))
    var at: String?

    @Flag(help: "Print the designed schedule as a complete .sched file, with an expect line per requirement.")
    var emit = false

    @Option(help: "Output: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var budget: TimeBudgetOption

    /// The requirements given, in the order of the options' table.
    var requested: [(DesignRequirement.Quantity, String)] {
        [(.det, det), (.rho, rho), (.varY, varY), (.ampX0, ampX0), (.ampEps, ampEps)].compactMap { q, text in text.map { (q, $0) } }
    }

    func validate() throws {
        if frontier {
            guard requested.isEmpty, !emit, at != nil else { throw ValidationError("--frontier takes --at TIME and no requirements or --emit") }
            return
        }
        if at != nil { throw ValidationError("--at is the time of --frontier") }
        if schedules.count > 1 { throw ValidationError("a design uses one --schedule (got \(schedules.count))") }
        guard requested.count == 2 else {
            throw ValidationError("give exactly two requirements of --det, --rho, --var-y, --amp-x0, --amp-eps (got \(requested.count))")
        }
        let scale = requested.filter { $0.0.fixesScale }.map(\.0.option)
        if scale.count == 2 {
            throw ValidationError("\(scale[0]) and \(scale[1]) both fix det A (amp_x0 = σ/det A, amp_eps = α/det A); give one of them with --rho or --var-y")
        }
        if emit && format == .json { throw ValidationError("--emit prints a .sched file; it takes no --format json") }
    }

    func run(io: CommandIO) throws {
        try ScheduleFileLoading.withFile(file, parameters: parameters, budget: budget, input: io.input) { loaded in
            if loaded.hasErrors { throw SchedInputError(formatted: loaded.formattedDiagnostics()) }
            if frontier, let at { return try printFrontier(loaded, at: at, io: io) }
            let base = try ScheduleFileLoading.selected(loaded, names: schedules).first
            guard let base else { throw SchedInputError("\(loaded.path) has no schedule") }
            let designed = try design(base, file: loaded)
            switch (emit, format) {
            case (true, _): io.output.write(designed.source)
            case (false, .json): io.output.writeLine(designed.json().serialized())
            case (false, .text): io.output.write(designed.text())
            }
            if let failed = designed.verdicts.first(where: { $0.verdict.status != .proven }) {
                io.errors.writeLine("error: the designed schedule's claim '\(failed.claim)' is \(failed.verdict.status.rawValue): \(failed.verdict.evidence)")
                throw SchedSilentFailure()
            }
        }
    }

    /// Designs, builds the schedule and checks its claims; an infeasible request is an
    /// input error located at the schedule.
    func design(_ base: Schedule, file: ScheduleFile) throws -> DesignedTarget {
        let at = "\(file.path):\(base.range.start.line):\(base.range.start.column)"
        do {
            var requirements: [DesignRequirement] = []
            for (quantity, text) in requested { requirements.append(try DesignRequirement.parse(quantity, text, for: base)) }
            let model = base.unifiedModel
            let target = try TargetDesign(model, requirements[0], requirements[1])
            // The header is comments: the requirements as printed (one line each, never
            // the raw option text) and the path without line breaks.
            let options = requirements.map { "\($0.quantity.option) '\(printASCII($0.written))'" }.joined(separator: " ")
            let path = file.path.map { $0.isNewline ? "?" : $0 }
            let source = target.source(for: base, model: model, requirements: requirements, name: "\(base.name)_designed",
                                       header: ["Designed by: sched design \(String(path)) --schedule \(base.name) \(options)",
                                                "Forward process, domain and data variance of '\(base.name)' (\(String(path)):\(base.range.start.line):\(base.range.start.column))."])
            return try DesignedTarget(base: base, design: target, requirements: requirements, source: source)
        } catch let error as TargetDesignError {
            throw SchedInputError(formatted: "\(at): error: \(error) (schedule '\(base.name)')")
        }
    }
}
