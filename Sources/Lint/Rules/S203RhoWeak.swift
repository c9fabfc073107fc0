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
              let cov = c.quantity("cov"), let vx = c.quantity("var_x"), let vy = c.quantity("var_y"),
              let lowerEnd = c.domain.lower else { return [] }
        guard let g = try? cov.power(2) - vx * vy * CanonicalForm(threshold) else { return [] }
        let z = c.zeroFinder.zeros(of: g, on: c.domain)
        guard z.complete, !z.identicallyZero else { return [] }
        // The marks: the ends and the zeros, as rationals for sampling.
        func mid(_ f: CanonicalForm) -> Rational? { f.rationalValue ?? f.ball(at: [:], precision: 128).midpoint }
        guard let lo = mid(lowerEnd) else { return [] }
        var marks: [(value: Rational, text: String)] = [(lo, ScheduleContext.text(lowerEnd))]
        for p in z.points {
            switch p.location {
            case .exact(let f): if let m = mid(f) { marks.append((m, ScheduleContext.text(f))) }
            case .enclosure(let l, let u, _): marks.append(((l + u).timesPowerOfTwo(-1), p.approximation.prefix(8) + "…"))
            }
        }
        if let u = c.domain.upper, let m = mid(u) { marks.append((m, ScheduleContext.text(u))) } else {
            marks.append(((marks.last!.value + 1) * 2 + 1000, "inf"))
        }
        var weak: [String] = []
        for (a, b) in zip(marks, marks.dropFirst()) where a.value < b.value {
            let m = (a.value + b.value).timesPowerOfTwo(-1)
            let v = g.ball(at: [c.time: m], precision: 128)
            if v.isCertainlyNegative { weak.append("(\(a.text), \(b.text))") }
            else if !v.isCertainlyPositive { return [] }   // undecided: say nothing rather than guess
        }
        guard !weak.isEmpty else { return [] }
        let list = weak.joined(separator: ", ")
        return [Finding(info, "the correlation between x_t and the target is weak (|ρ| < 0.1) for \(c.time) in \(list)",
                        at: c.targetRange,
                        notes: ["|ρ| < 1/10 ⇔ Cov² − Var(x_t)·Var(y)/100 < 0; its zeros on \(c.domainText) are complete, the sign between them certified"],
                        evidence: [("intervals", list), ("threshold", "0.1")], schedule: c.schedule.name)]
    }
}
