import Exact
import Symbolic

/// How far a discrete-time schedule is from its continuous-time counterpart:
/// max over the steps of |ᾱ_n − ᾱ(t_n)|, ᾱ = α², with step n at time
/// t_n = (n + offset)/denominator (DDPM's steps: t_n = (n + 1)/N).
///
/// ᾱ_n = ∏(1 − β_k) and ᾱ(t) = exp(−∫β̄) agree to first order in β: the gap is of
/// order Σβ_k² (about 10⁻⁴ for DDPM's linear betas), and where the cosine schedule's β
/// is clipped at 0.999 it shows the clipping. Every difference is an Arb ball; the
/// maximum is the step whose difference's upper bound is largest, with the bound.
public struct DiscreteContinuousGap: Sendable {
    /// The step of the largest gap, its time, and the two ᾱ there.
    public var step: Int
    public var time: Rational
    public var discrete: Ball
    public var continuous: Ball
    /// |ᾱ_n − ᾱ(t_n)| at that step.
    public var gap: Ball
    /// Steps where either value could not be enclosed (counted, not guessed).
    public var undecided: [Int]

    /// nil when no step could be compared.
    public static func compute(_ discrete: DiscreteAnalysis, continuous: UnifiedModel,
                               stepTimes: (offset: Int, denominator: Int), precision: Int = 256) -> DiscreteContinuousGap? {
        let s = discrete.schedule
        guard let abar = try? continuous.alpha * continuous.alpha else { return nil }
        var best: DiscreteContinuousGap?
        var bestUpper: Rational?
        var undecided: [Int] = []
        for n in s.first...s.last {
            let t = Rational(n + stepTimes.offset, stepTimes.denominator)
            let c = abar.ball(at: [continuous.time: t], precision: precision)
            guard case .success(let alpha) = discrete.evaluation.value(of: "alpha", at: n), c.isFinite else {
                undecided.append(n)
                continue
            }
            let a = alpha.ball(precision: precision)
            let d = a * a
            let gap = Ball.abs(d - c)
            guard let upper = gap.upperBound else { undecided.append(n); continue }
            if bestUpper.map({ upper > $0 }) ?? true {
                bestUpper = upper
                best = DiscreteContinuousGap(step: n, time: t, discrete: d, continuous: c, gap: gap, undecided: [])
            }
        }
        best?.undecided = undecided
        return best
    }
}
