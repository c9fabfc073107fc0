import Schedules

/// S006 undefined-on-domain: a coefficient is undefined at a point of the domain.
public enum S006UndefinedOnDomain: LintRule {
    public static let info = RuleInfo(
        code: "S006", name: "undefined-on-domain", severity: .error,
        summary: "a coefficient is undefined somewhere on the domain",
        explanation: """
        α, σ, c, d or the data variance divides by zero, or takes the square root or logarithm of a \
        non-positive value, at a point of the time domain; the point is given exactly or by an isolating \
        interval. Example: `alpha = 1/t`, `sigma = 1` on `time t in [0, 1]` fires S006 at t = 0; \
        `time t in (0, 1]` does not.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        let u = c.analysis.undefined
        guard !u.points.isEmpty else { return [] }
        let points = u.points.map(c.pointText)
        var notes = ["undefined points on \(c.domainText): " + points.joined(separator: ", ") + (u.complete ? " (complete)" : "")]
        if let n = u.note { notes.append(n) }
        return [Finding(info, "a coefficient is undefined at \(points[0]) on the domain \(c.domainText)", at: c.forwardRange,
                        notes: notes, evidence: [("points", points.joined(separator: "; "))], schedule: c.schedule.name)]
    }
}
