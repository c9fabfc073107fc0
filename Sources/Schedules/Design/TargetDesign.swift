import Exact
import Symbolic

/// A target designed from two requirements: y = k·x_t + m·u with u = −σ·x0 + α·s²·ε,
/// that is y = c·x0 + d·ε with c = k·α − m·σ and d = k·σ + m·α·s².
///
/// The requirements fix (k, m) on the domain (V = α²s² + σ², s = √(s²)):
///
///     det A = D          m = D/V
///     amp_x0 = A         det A = σ/A        amp_eps = A    det A = α/A
///     ρ = R with m       k = R·|m|·s/√(1 − R²)       (sign k = sign R)
///     Var(y) = W with m  k = √(W/V − m²s²)           (needs W/V ≥ m²s²)
///     Var(y) = W, ρ = R  k = R·√(W/V),  m = √(1 − R²)·√(W/V)/s
///
/// Every precondition (det A ≠ 0, |ρ| < 1, W > 0, W/V ≥ m²s²) is proven on the domain
/// before a target is returned; otherwise `TargetDesignError` says where it fails.
public struct TargetDesign: Sendable {
    public var k: CanonicalForm
    public var m: CanonicalForm
    public var c: CanonicalForm
    public var d: CanonicalForm

    /// Designs the target for `model`'s forward process (α, σ, s², domain); its own
    /// target is ignored.
    public init(_ model: UnifiedModel, _ first: DesignRequirement, _ second: DesignRequirement) throws {
        let checks = DesignPreconditions(model: model)
        let (a, b) = first.quantity.fixesScale || second.quantity == .varY ? (first, second) : (second, first)
        do {
            let s2 = model.dataVariance
            let s = try CanonicalForm.sqrt(s2, assuming: model.assumptions)
            let v = try model.alpha.power(2) * s2 + model.sigma.power(2)
            var k: CanonicalForm, m: CanonicalForm
            if a.quantity.fixesScale {
                guard !b.quantity.fixesScale else {
                    throw TargetDesignError(b.quantity.option, "\(a.quantity.option) and \(b.quantity.option) both fix det A (det A, amp_x0 = σ/det A and amp_eps = α/det A are one requirement); give one of them with --rho or --var-y")
                }
                let det = try Self.determinant(a, model)
                let sign = try checks.nonzero(det, requirement: a)
                m = try det / v
                if b.quantity == .rho {
                    let oneMinusR2 = try CanonicalForm.one - b.value.power(2)
                    try checks.positive(oneMinusR2, requirement: b, failure: "|ρ| ≥ 1")
                    k = try b.value * m.scaled(by: Rational(sign)) * s / CanonicalForm.sqrt(oneMinusR2, assuming: model.assumptions)
                } else {
                    let slack = try b.value / v - m.power(2) * s2
                    try checks.nonnegative(slack, requirement: b, failure: "Var(y)/Var(x_t) < m²s² = det²s²/Var(x_t)², so no real k gives this Var(y) with this det A")
                    k = try CanonicalForm.sqrt(slack, assuming: model.assumptions)
                }
            } else {
                guard a.quantity != b.quantity else {
                    throw TargetDesignError(b.quantity.option, "\(b.quantity.option) is given twice; give two different requirements")
                }
                let (w, r) = a.quantity == .varY ? (a, b) : (b, a)
                try checks.positive(w.value, requirement: w, failure: "Var(y) ≤ 0")
                let oneMinusR2 = try CanonicalForm.one - r.value.power(2)
                try checks.positive(oneMinusR2, requirement: r, failure: "|ρ| ≥ 1 (with |ρ| = 1, det A = 0)")
                // √W/√V rather than √(W/V): the simplifier then cancels √V in ρ.
                let scale = try CanonicalForm.sqrt(w.value, assuming: model.assumptions) / CanonicalForm.sqrt(v, assuming: model.assumptions)
                k = try r.value * scale
                m = try CanonicalForm.sqrt(oneMinusR2, assuming: model.assumptions) * scale / s
            }
            self.k = k
            self.m = m
            let rewrite = DomainSimplification(domain: model.domain, finder: ZeroFinder(assuming: model.assumptions))
            c = rewrite.simplify(try k * model.alpha - m * model.sigma)
            d = rewrite.simplify(try k * model.sigma + m * model.alpha * s2)
        } catch let error as TargetDesignError {
            throw error
        } catch {
            throw TargetDesignError(nil, "the design could not be simplified: \(error)")
        }
    }

    /// det A as the scale requirement prescribes it: D, σ/A or α/A.
    static func determinant(_ r: DesignRequirement, _ model: UnifiedModel) throws -> CanonicalForm {
        switch r.quantity {
        case .ampX0: return try model.sigma / r.value
        case .ampEps: return try model.alpha / r.value
        default: return r.value
        }
    }
}

/// A request that has no target, or that sched could not decide: the option at fault
/// (nil for none) and where and why on the domain.
public struct TargetDesignError: Error, Sendable, CustomStringConvertible {
    public var option: String?
    public var message: String

    public init(_ option: String?, _ message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { option.map { "\($0): \(message)" } ?? message }
}
