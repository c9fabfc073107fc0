import Exact
import Symbolic

/// A designed target checked the usual way: its `.sched` source is parsed and
/// validated like any file, and the claim checker decides each requirement's
/// `expect` line on that schedule — nothing is taken as true by construction.
public struct DesignedTarget: Sendable {
    public var base: Schedule
    public var design: TargetDesign
    public var requirements: [DesignRequirement]
    /// The emitted `.sched` file.
    public var source: String
    /// The schedule read back from `source`.
    public var schedule: Schedule
    public var analysis: ModelAnalysis
    /// Each requirement's claim and its verdict.
    public var verdicts: [(claim: String, verdict: ClaimVerdict)]

    /// The quantities reported for the new target.
    public static let reportedQuantities = ["det", "rho", "var_y", "amp_x0", "amp_eps"]

    public init(base: Schedule, design: TargetDesign, requirements: [DesignRequirement], source: String) throws {
        let file = ScheduleFile(parsing: source, path: "<designed>")
        guard !file.hasErrors, let schedule = file.schedules.first else {
            throw TargetDesignError(nil, "internal error: the designed schedule does not validate:\n\(file.formattedDiagnostics())")
        }
        self.base = base
        self.design = design
        self.requirements = requirements
        self.source = source
        self.schedule = schedule
        analysis = ModelAnalysis(schedule.unifiedModel)
        let checker = ClaimChecker(analysis)
        verdicts = schedule.expectations.map { ($0.text, checker.check($0.claim)) }
    }

    /// A quantity of the new target as text, or why it has none.
    public func quantityText(_ name: String) -> String {
        switch analysis.quantities[name] {
        case .success(let f)?: return printASCII(f.expression)
        case .failure(let e)?: return "undefined (\(e))"
        case nil: return "undefined"
        }
    }
}
