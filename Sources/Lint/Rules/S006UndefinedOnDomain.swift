import Schedules
import Symbolic

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
        guard !u.isEmpty else { return [] }
        let t = c.schedule.time.name
        let places = u.intervals.map { "\(t) in " + printASCIIInterval($0) } + u.points.map(c.pointText)
        var notes = ["undefined on \(c.domainText): " + places.joined(separator: ", ") + (u.complete ? " (complete)" : "")]
        if let n = u.note { notes.append(n) }
        // Where a coefficient has a limit, say so: a removable singularity is fixed by
        // writing the limit, a jump by splitting the domain.
        for (p, limits) in zip(u.points, u.limits) {
            guard let alpha = limits["alpha"] ?? limits["sigma"] else { continue }
            let name = limits["alpha"] != nil ? "α" : "σ"
            func text(_ l: Limit) -> String {
                switch l {
                case .finite(let v): return printASCII(v.expression)
                case .positiveInfinity: return "inf"
                case .negativeInfinity: return "-inf"
                }
            }
            switch (alpha.left, alpha.right) {
            case (let a?, let b?) where a == b:
                notes.append("at \(c.shortPointText(p)): \(name) → \(text(a)) from both sides (a removable singularity)")
            case (let a?, let b?):
                notes.append("at \(c.shortPointText(p)): \(name) jumps from \(text(a)) to \(text(b))")
            default: break
            }
        }
        return [Finding(info, "a coefficient is undefined \(u.intervals.isEmpty ? "at" : "for") \(places[0]) on the domain \(c.domainText)",
                        at: c.schedule.statementUndefinedOnDomain(c.analysis.model) ?? c.forwardRange,
                        notes: notes,
                        evidence: [("points", .array(u.points.map(Evidence.zero))), ("intervals", .array(u.intervals.map(Evidence.interval))),
                                   ("complete", .bool(u.complete))],
                        schedule: c.schedule.name)]
    }

    /// [0, 1/2) in the ASCII syntax of the messages.
    static func printASCIIInterval(_ i: UndefinedSet.Interval) -> String {
        func end(_ b: UndefinedSet.Boundary, lower: Bool) -> String {
            switch b {
            case .infinity: return lower ? "-inf" : "inf"
            case .point(let p):
                if case .exact(let f) = p.location { return printASCII(f.expression) }
                return p.approximation
            }
        }
        return (i.lowerClosed ? "[" : "(") + end(i.lower, lower: true) + ", " + end(i.upper, lower: false) + (i.upperClosed ? "]" : ")")
    }
}
