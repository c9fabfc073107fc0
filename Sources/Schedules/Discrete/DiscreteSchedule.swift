import Exact
import Symbolic

/// A discrete-time schedule: the forward process and the target given at the integer
/// steps `first…last` of a `step n in A..B` statement (DDPM's 0..999), not on an
/// interval of real times.
///
/// The coefficients are expressions in the step variable, over parameters and lets.
/// A let may be a cumulative product or sum over the steps so far
/// (`cumprod(1 - beta, n)` is ∏_{k=first}^{n} (1 − β_k), DDPM's ᾱ), a list of
/// values indexed by the step (`trained_betas`), or the smaller or larger of two
/// expressions (`min(…, 0.999)`, the cosine schedule's clipping — on a discrete
/// domain a comparison at each step is decided exactly or by certified balls, so
/// the piecewise functions the continuous language refuses are sound here).
public struct DiscreteSchedule: Sendable {
    public var name: String
    public var title: String?
    public var cite: String?
    /// The `schedule` header.
    public var range: SourceRange
    /// The step variable (`n`) and its first and last step.
    public var stepName: String
    public var first: Int
    public var last: Int
    public var stepRange: SourceRange
    /// Parameters with their exact constant values.
    public var params: [(name: String, value: Expr, range: SourceRange)]
    public var lets: [DiscreteLet]
    /// α and σ as written (lets by name), with the statement that gave them.
    public var alpha: Expr
    public var sigma: Expr
    public var forwardRange: SourceRange
    /// The target's coefficients y = c·x0 + d·ε, as written.
    public var c: Expr
    public var d: Expr
    public var targetRange: SourceRange
    /// Rule names as written.
    public var allows: [(rule: String, range: SourceRange)]
    /// `sample steps S spacing KIND offset K`, if given.
    public var sampling: SamplingPlan?

    /// The number of steps.
    public var count: Int { last - first + 1 }
}

/// `let NAME = …` in a discrete schedule.
public struct DiscreteLet: Sendable {
    public enum Kind: Sendable {
        /// An expression in the step variable.
        case expression(Expr)
        /// ∏ over the steps first…n of the expression.
        case cumulativeProduct(Expr)
        /// Σ over the steps first…n of the expression.
        case cumulativeSum(Expr)
        /// The value at each step, in order (as many values as steps).
        case list([Rational])
        /// The smaller of the two at each step.
        case minimum(Expr, Expr)
        /// The larger of the two at each step.
        case maximum(Expr, Expr)
    }

    public var name: String
    public var kind: Kind
    public var range: SourceRange
}

/// The sampler's timesteps: `sample steps 50 spacing leading offset 1`, as diffusers'
/// `set_timesteps` computes them from `num_inference_steps`, `timestep_spacing` and
/// `steps_offset`.
public struct SamplingPlan: Sendable, Hashable {
    public enum Spacing: String, Sendable, CaseIterable {
        case linspace, leading, trailing
    }

    /// Where the sampler's last step lands. DDIM/PNDM-style samplers step from the
    /// last timestep to "the previous ᾱ", which does not exist there: diffusers uses
    /// ᾱ = 1 (`set_alpha_to_one = true`: the data) or ᾱ at the first training step
    /// (`false`: noise σ = √(1 − ᾱ₀) is left in the output). Euler/DPM-Solver/UniPC
    /// end at σ = 0 (`final_sigmas_type = "zero"`) or at the first step's σ
    /// (`"sigma_min"`).
    public enum FinalStep: String, Sendable, CaseIterable {
        /// The last step lands on the data (ᾱ = 1, σ = 0).
        case data
        /// The last step lands at the first training step's noise level.
        case first
    }

    public var steps: Int
    public var spacing: Spacing
    public var offset: Int
    public var final: FinalStep
    public var range: SourceRange?
    /// The `final …` clause, when written.
    public var finalRange: SourceRange?

    public init(steps: Int, spacing: Spacing, offset: Int, final: FinalStep = .data, range: SourceRange? = nil,
                finalRange: SourceRange? = nil) {
        self.steps = steps
        self.spacing = spacing
        self.offset = offset
        self.final = final
        self.range = range
        self.finalRange = finalRange
    }

    /// The sampler's timesteps, first (the noisiest) to last, for a training schedule
    /// of `trainSteps` steps 0…trainSteps − 1. As diffusers (DDIM/DDPM `set_timesteps`):
    /// - linspace: round(linspace(0, T − 1, S)) reversed (numpy rounds half to even);
    /// - leading: (arange(S)·(T ÷ S)) reversed, plus the offset;
    /// - trailing: round(arange(T, 0, −T/S)) − 1.
    public func timesteps(trainSteps: Int) -> [Int] {
        let t = trainSteps, s = steps
        switch spacing {
        case .linspace:
            // k·(T − 1)/(S − 1), rounded half to even, exactly.
            return (0..<s).map { k -> Int in
                guard s > 1 else { return 0 }
                let value = Rational(k * (t - 1), s - 1)
                return Self.roundHalfEven(value)
            }.reversed()
        case .leading:
            let ratio = t / s
            return (0..<s).map { $0 * ratio + offset }.reversed()
        case .trailing:
            // arange(T, 0, -T/S): T − k·T/S for k = 0… while > 0.
            let stepSize = Rational(t, s)
            var out: [Int] = []
            var k = 0
            while true {
                let v = Rational(t) - Rational(k) * stepSize
                guard v.isPositive else { break }
                out.append(Self.roundHalfEven(v) - 1)
                k += 1
            }
            return out
        }
    }

    /// numpy's round: to the nearest integer, ties to even.
    static func roundHalfEven(_ r: Rational) -> Int {
        let floor = Int(r.floor.description)!
        let fraction = r - Rational(floor)
        let half = Rational(1, 2)
        if fraction < half { return floor }
        if half < fraction { return floor + 1 }
        return floor % 2 == 0 ? floor : floor + 1
    }
}
