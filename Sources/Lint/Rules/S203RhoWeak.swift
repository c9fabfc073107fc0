import Exact
import Schedules
import Symbolic

/// S203 rho-weak: |ρ| < 1/10 on part of the domain, with certified sub-intervals.
public enum S203RhoWeak: LintRule {
    public static let info = RuleInfo(
        code: "S203", name: "rho-weak", severity: .note,
        summary: "|ρ| < 0.1 on part of the domain",
        explanation: """
        The correlation between x_t and the target is weak (|ρ| < 1/10) on part of the domain. The \
        sub-intervals are certified: their ends are the exact or isolated zeros of Cov² − Var(x_t)·Var(y)/100, \
        and the sign between them is decided by ball arithmetic. Not reported when ρ ≡ 0 (that is S201). \
        Example: rectified flow (`x_t = (1 - t) x0 + t eps`, `target = velocity`) has |ρ| < 0.1 on \
        t ∈ (0.4497…, 0.5502…).
        """)

    static let threshold = Rational(1, 100)   // ρ² < 1/100

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let rhoZeros = c.analysis.zeros["rho"], !rhoZeros.identicallyZero,
              let cov = c.quantity("cov"), let vx = c.quantity("var_x"), let vy = c.quantity("var_y") else { return [] }
        guard let g = try? cov.power(2) - vx * vy * CanonicalForm(threshold) else { return [] }
        let chart = SignChart.of(g, on: c.domain, finder: c.zeroFinder)
        guard chart.complete, !chart.identicallyZero else { return [] }
        // Undecided somewhere: say nothing rather than guess.
        guard chart.pieces.allSatisfy({ $0.sign != nil }) else { return [] }
        let weak = chart.negativePieces.map { "(\(label(chart, $0.below, .lower, c)), \(label(chart, $0.above, .upper, c)))" }
        guard !weak.isEmpty else { return [] }
        let list = weak.joined(separator: ", ")
        // The same open intervals as the message, with exact ends (or isolating intervals).
        let intervals = chart.negativePieces.map {
            Evidence.interval(lower: end(chart, $0.below, .lower, c), upper: end(chart, $0.above, .upper, c), lowerClosed: false, upperClosed: false)
        }
        return [Finding(info, "the correlation between x_t and the target is weak (|ρ| < 0.1) for \(c.time) in \(list)",
                        at: c.targetRange,
                        notes: ["|ρ| < 1/10 ⇔ Cov² − Var(x_t)·Var(y)/100 < 0; its zeros on \(c.domainText) are complete, the sign between them certified"],
                        evidence: [("intervals", .array(intervals)), ("threshold", .number(0.1))], schedule: c.schedule.name)]
    }

    /// A target with the same det A and ρ = r.
    public static func fix(_ finding: Finding, in c: ScheduleContext) -> Fix? { ScheduleFixes.correlatedTarget(c) }

    /// A piece's end as evidence: the domain's end, or the zero of Cov² − Var(x_t)·Var(y)/100.
    static func end(_ chart: SignChart, _ index: Int?, _ end: ScheduleContext.End, _ c: ScheduleContext) -> JSONValue {
        guard let index else { return c.endEvidence(end) }
        return Evidence.zero(chart.points[index].point)
    }

    /// A piece's end as printed: the domain's end, an exact point, or the decimal of
    /// an enclosure — 8 characters, or all its digits where 8 would not tell it from
    /// another mark.
    static func label(_ chart: SignChart, _ index: Int?, _ end: ScheduleContext.End, _ c: ScheduleContext) -> String {
        guard let index else { return c.endForm(end).map(ScheduleContext.text) ?? (end == .lower ? "-inf" : "inf") }
        let p = chart.points[index].point
        switch p.location {
        case .exact(let f): return ScheduleContext.text(f)
        case .enclosure:
            let short = p.approximation.prefix(8)
            let clash = chart.points.indices.contains { $0 != index && chart.points[$0].point.approximation.prefix(8) == short }
            return clash ? p.approximation : short + "…"
        }
    }
}
