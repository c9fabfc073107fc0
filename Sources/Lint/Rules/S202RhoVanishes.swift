import Schedules

/// S202 rho-vanishes: ρ = 0 at isolated points of the domain.
public enum S202RhoVanishes: LintRule {
    public static let info = RuleInfo(
        code: "S202", name: "rho-vanishes", severity: .warning,
        summary: "ρ = 0 at isolated points of the domain",
        explanation: """
        The correlation between x_t and the target changes sign or touches 0 at isolated times: there the \
        network input carries no linear information about the target. Each zero is proven (an exact value, \
        or an isolating interval with the minimal polynomial). Example: rectified flow, \
        `x_t = (1 - t) x0 + t eps` with `target = velocity`, has ρ = (2t − 1)/√(4t² − 4t + 2) and fires \
        S202 at exactly t = 1/2. Zeros at an end are not reported: ε-prediction (ρ = σ) vanishes at the data \
        end by construction.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let z = c.analysis.zeros["rho"], !z.identicallyZero, let rho = c.quantity("rho") else { return [] }
        // Interior zeros only: at the data end ρ = 0 is what ε-prediction means (ε is
        // unpredictable from x0), at the noise end what x0-prediction means.
        let interior = z.points.filter { !c.isAtEnd($0, .lower) && !c.isAtEnd($0, .upper) }
        guard !interior.isEmpty else { return [] }
        let points = interior.map(c.pointText)
        let kind = z.points.allSatisfy({ if case .exact = $0.location { return true }; return false }) ? "exact zero" : "zero"
        let atEnds = z.points.count > interior.count ? "; also 0 at the end " + z.points.filter { !interior.contains($0) }.map(c.shortPointText).joined(separator: ", ") : ""
        let rest = z.complete ? "proven; no other zeros on \(c.domainText)\(atEnds)" : "proven; the search for other zeros was incomplete: \(z.note ?? "")"
        return [Finding(info, "correlation between x_t and the target vanishes at \(interior.map(c.shortPointText).joined(separator: ", "))",
                        at: c.targetRange,
                        notes: ["ρ(\(c.time)) = \(ScheduleContext.text(rho)), \(kind)\(points.count == 1 ? "" : "s") at \(points.joined(separator: ", ")) (\(rest))"],
                        evidence: [("rho", .string(ScheduleContext.text(rho))), ("zeros", .array(interior.map(Evidence.zero))), ("complete", .bool(z.complete))],
                        schedule: c.schedule.name)]
    }
}
