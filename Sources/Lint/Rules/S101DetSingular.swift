import Schedules

/// S101 det-singular: det A = 0 inside the domain (or identically).
public enum S101DetSingular: LintRule {
    public static let info = RuleInfo(
        code: "S101", name: "det-singular", severity: .error,
        summary: "det A = 0 at an interior point: x̂0 and ε̂ cannot be recovered there",
        explanation: """
        The sampler recovers data and noise from the network output through A⁻¹, with det A = α·d − σ·c. \
        Where det A = 0 inside the domain, x̂0 = (d·x_t − σ·ŷ)/det A and ε̂ = (−c·x_t + α·ŷ)/det A do not \
        exist, and near it every fitting error is amplified without bound. The zero is proven (exact, or \
        isolated with its minimal polynomial). Example: `x_t = (1 - t) x0 + t eps` with \
        `target = x0 + eps` has det A = 1 − 2t and fires S101 at t = 1/2.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let z = c.analysis.zeros["det"], let det = c.quantity("det") else { return [] }
        let detText = ScheduleContext.text(det)
        if z.identicallyZero {
            return [Finding(info, "det A is identically 0: the target carries no information beyond x_t",
                            at: c.targetRange, notes: ["det A = α·d − σ·c = 0 for every \(c.time) in \(c.domainText) (proven)"],
                            evidence: [("det", "0"), ("identically_zero", .bool(true))], schedule: c.schedule.name)]
        }
        let interior = z.points.filter { !c.isAtEnd($0, .lower) && !c.isAtEnd($0, .upper) }
        guard let first = interior.first else { return [] }
        let points = interior.map(c.pointText)
        let others = z.complete ? "proven; the zeros on \(c.domainText) are " + z.points.map(c.shortPointText).joined(separator: ", ")
                                : "proven; the search for other zeros was incomplete: \(z.note ?? "")"
        return [Finding(info, "det A = 0 at \(c.shortPointText(first)): x̂0 and ε̂ cannot be recovered there",
                        at: c.targetRange, notes: ["det A(\(c.time)) = \(detText), zero at \(points.joined(separator: ", ")) (\(others))"],
                        evidence: [("det", .string(detText)), ("zeros", .array(interior.map(Evidence.zero))), ("complete", .bool(z.complete))],
                        schedule: c.schedule.name)]
    }
}
