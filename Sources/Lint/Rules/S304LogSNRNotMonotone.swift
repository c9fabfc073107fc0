import Exact
import Schedules
import Symbolic

/// S304 logsnr-not-monotone: log-SNR is not strictly decreasing from data to noise.
public enum S304LogSNRNotMonotone: LintRule {
    public static let info = RuleInfo(
        code: "S304", name: "logsnr-not-monotone", severity: .warning,
        summary: "log-SNR is not strictly decreasing on the domain",
        explanation: """
        The log signal-to-noise ratio λ = log(α²/σ²) should fall strictly from the data end to the noise \
        end, so that each time is a distinct noise level. Where dλ/dt vanishes inside the domain or has \
        the wrong sign, noise levels repeat or the schedule turns back. Fires where dλ/dt changes sign (a zero \
        of odd order, or certified opposite signs on both sides), vanishes identically, or has the wrong sign \
        throughout; a zero of even order, where λ stays strictly decreasing, is no finding. Example: `alpha = 1`, `sigma = t (1 - t)` on [0, 1] fires S304 (dλ/dt = 0 at t = 1/2); \
        `alpha = 1 - t`, `sigma = t` does not.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        // dλ/dt = 2·(α′σ − ασ′)/(ασ): where α, σ ≠ 0 its zeros and sign are those of
        // W = α′σ − ασ′ divided by ασ, a much smaller form than the derivative of the log.
        let m = c.model
        // λ has no value where the schedule is undefined: a turn there (√(5/4 − t) on
        // [5/4, ∞) leaves only one defined point) is no turn of λ. Only a schedule proven
        // defined everywhere inside its domain is judged.
        let undefined = c.analysis.undefined
        guard undefined.complete, undefined.intervals.isEmpty,
              undefined.points.allSatisfy({ c.isAtEnd($0, .lower) || c.isAtEnd($0, .upper) }) else { return [] }
        guard c.quantity("logsnr") != nil,
              let da = try? m.alpha.derivative(withRespectTo: c.time, assuming: m.assumptions),
              let ds = try? m.sigma.derivative(withRespectTo: c.time, assuming: m.assumptions),
              let w = product(da, m.sigma).flatMap({ a in product(m.alpha, ds).flatMap { ScheduleContext.difference(a, $0) } }),
              let alphaSigma = product(m.alpha, m.sigma) else { return [] }
        let slope = (try? (CanonicalForm(2) * w) / alphaSigma).map(ScheduleContext.text) ?? "2·(α′σ − ασ′)/(ασ)"
        // Interior zeros of α or σ are poles of dλ/dt: say nothing there.
        for name in ["alpha", "sigma"] {
            guard let z = c.analysis.zeros[name], z.complete, !z.identicallyZero,
                  z.points.allSatisfy({ c.isAtEnd($0, .lower) || c.isAtEnd($0, .upper) }) else { return [] }
        }
        // Inside the domain ασ ≠ 0, so dλ/dt has W's zeros and W·ασ's sign. A zero of W
        // where W keeps its sign (even order) leaves λ strictly monotone: no finding.
        let chart = SignChart.of(w, on: c.domain, finder: c.zeroFinder)
        if chart.identicallyZero {
            return [finding(c, "log-SNR is constant on \(c.domainText): every time has the same noise level", slope, "identically zero")]
        }
        // W may be undefined at an end (σ = √t has σ′ = 1/(2√t)); inside, say nothing.
        guard chart.complete, !chart.points.contains(where: { p in
            p.kind == .undefined && !c.isAtEnd(p.point, .lower) && !c.isAtEnd(p.point, .upper)
        }) else { return [] }
        let interior = chart.points.indices.filter { i in
            let p = chart.points[i]
            return p.kind == .zero && !c.isAtEnd(p.point, .lower) && !c.isAtEnd(p.point, .upper)
        }
        var turns: [ZeroPoint] = []
        for i in interior {
            switch chart.changesSign(at: i) {
            case .proven: turns.append(chart.points[i].point)
            case .refuted: continue
            case .unknown: return []   // only what is proven
            }
        }
        if !turns.isEmpty {
            let points = turns.map(c.pointText).joined(separator: ", ")
            return [finding(c, "log-SNR is not strictly monotone: dλ/d\(c.time) = 0 at \(turns.map(c.shortPointText).joined(separator: ", "))", slope,
                            "zero at \(points), where dλ/d\(c.time) changes sign")]
        }
        // No sign change: dλ/dt has one sign on the whole domain, certified at every
        // piece's witness.
        let samples = chart.pieces.compactMap(\.witness)
        guard samples.count == chart.pieces.count, let sample = samples.first else { return [] }
        let slopes = samples.map { x in w.ball(at: [c.time: x], precision: 128) / alphaSigma.ball(at: [c.time: x], precision: 128) }
        let increasing = slopes.allSatisfy { c.reversed ? $0.isCertainlyNegative : $0.isCertainlyPositive }
        guard increasing else { return [] }
        return [finding(c, "log-SNR increases from \(c.describe(c.dataEnd)) towards the noise end", slope,
                        "dλ/d\(c.time) has the wrong sign at \(c.time) = \(sample)")]
    }

    static func product(_ a: CanonicalForm, _ b: CanonicalForm) -> CanonicalForm? {
        do { return try a * b } catch { return nil }
    }

    static func finding(_ c: ScheduleContext, _ message: String, _ derivative: String, _ where_: String) -> Finding {
        var notes = ["dλ/d\(c.time) = \(derivative) (λ = log(α²/σ²)); \(where_) (proven)"]
        if let o = c.orientationNote { notes.append(o) }
        return Finding(info, message, at: c.forwardRange, notes: notes,
                       evidence: [("dlogsnr", .string(derivative)), ("where", .string(where_))], schedule: c.schedule.name)
    }
}
