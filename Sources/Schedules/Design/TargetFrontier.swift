import Exact
import Symbolic

/// The frontier of unit-variance targets at one time. For Var(y) = 1, Lagrange's
/// identity 1 − ρ² = s²·det²/(V·Var(y)) gives
///
///     |amp_x0|·√(1 − ρ²) = σ·s/√V,        V = α²s² + σ²,
///
/// so at a given time the amplification of the data error and the correlation trade
/// off along one curve, fixed by the forward process. A target of any variance is
/// placed on it after normalizing, y/√Var(y): ρ is unchanged and amp_x0 becomes
/// amp_x0·√Var(y).
public struct TargetFrontier: Sendable {
    /// The schedule's target at the time, normalized to unit variance.
    public struct Placement: Sendable {
        public var rho: CanonicalForm
        public var varY: CanonicalForm
        /// |amp_x0|·√Var(y): the normalized target's amplification of the data error.
        public var normalizedAmpX0: CanonicalForm
        /// |amp_x0|·√Var(y)·√(1 − ρ²) − σ·s/√V, proven 0, proven not, or undecided.
        public var onFrontier: Bool?
    }

    public var time: CanonicalForm
    /// σ·s/√V at `time`.
    public var value: CanonicalForm
    /// nil when the target has no value there, with the reason.
    public var placement: Result<Placement, TargetDesignError>

    /// The frontier of `schedule`'s forward process at `time` (a point of its domain)
    /// and where its own target lies.
    public init(_ schedule: Schedule, at time: CanonicalForm) throws {
        let analysis = ModelAnalysis(schedule.unifiedModel)
        let model = analysis.model
        let point = [model.time: time]
        func at(_ f: CanonicalForm) throws -> CanonicalForm { try f.substituting(point, assuming: model.assumptions) }
        let s = try CanonicalForm.sqrt(at(model.dataVariance), assuming: model.assumptions)
        let v = try at(model.alpha).power(2) * at(model.dataVariance) + at(model.sigma).power(2)
        self.time = time
        value = try at(model.sigma) * s / CanonicalForm.sqrt(v, assuming: model.assumptions)
        placement = Self.place(analysis, point: point, frontier: value)
    }

    static func place(_ analysis: ModelAnalysis, point: [String: CanonicalForm], frontier: CanonicalForm) -> Result<Placement, TargetDesignError> {
        let model = analysis.model
        func quantity(_ name: String) throws -> CanonicalForm {
            guard analysis.definedness(ofQuantity: name).holds(at: point, assuming: model.assumptions) == true,
                  case .success(let f)? = analysis.quantities[name] else {
                throw TargetDesignError(nil, "\(name) is undefined at \(model.time) = \(printASCII(point[model.time]!.expression)) (or not proven defined)")
            }
            return try f.substituting(point, assuming: model.assumptions)
        }
        do {
            let rho = try quantity("rho"), varY = try quantity("var_y")
            var amp = try quantity("amp_x0") * CanonicalForm.sqrt(varY, assuming: model.assumptions)
            if amp.ball(at: [:], precision: 256).isCertainlyNegative { amp = -amp }
            let gap = try amp * CanonicalForm.sqrt(CanonicalForm.one - rho.power(2), assuming: model.assumptions) - frontier
            let test = ZeroTest(assuming: model.assumptions).test(gap)
            let on: Bool? = test.isProvenZero ? true : test.isProvenNonzero ? false : nil
            return .success(Placement(rho: rho, varY: varY, normalizedAmpX0: amp, onFrontier: on))
        } catch let error as TargetDesignError {
            return .failure(error)
        } catch {
            return .failure(TargetDesignError(nil, "\(error)"))
        }
    }
}
