import Exact
import Symbolic

/// Rewrites that hold on the schedule's domain though not everywhere:
/// √(g^(2k)·h) = g^k·√h where g is proven nonnegative on the domain — its zero set
/// there is complete and lies at the ends only, and g is positive at an interior
/// point. This turns the user's σ = √(1 − α²) with α = cos(πt/2) into sin(πt/2) on
/// [0, 1], as a person would.
struct DomainSimplification {
    let domain: AnalysisDomain
    let finder: ZeroFinder

    func simplify(_ f: CanonicalForm) -> CanonicalForm {
        var replacements: [String: CanonicalForm] = [:]
        for kernel in f.kernels {
            guard case .sqrt(let radicand) = kernel, radicand.isPolynomial,
                  radicand.symbols == [domain.variable] else { continue }
            let factorization = radicand.numerator.factoredWithinBudget()
            var outside = CanonicalForm(Rational.one)
            var inside = radicand.numerator.ring.constant(factorization.content)
            var pulled = false
            for (g, e) in factorization.factors {
                if e >= 2, let gForm = try? CanonicalForm(numerator: g, denominator: g.ring.one), nonnegative(gForm),
                   let power = try? gForm.power(e / 2), let product = try? outside * power {
                    outside = product
                    pulled = true
                    if e % 2 == 1 { inside = inside * g }
                } else if let p = try? g.power(e) {
                    inside = inside * p
                }
            }
            guard pulled, let rest = try? CanonicalForm(numerator: inside, denominator: inside.ring.one),
                  let root = try? CanonicalForm.sqrt(rest), let value = try? outside * root else { continue }
            replacements[kernel.key] = value
        }
        return (try? f.replacingKernels(replacements)) ?? f
    }

    /// g ≥ 0 on the domain, proven: zeros only at the ends, positive inside.
    func nonnegative(_ g: CanonicalForm) -> Bool {
        let zeros = finder.zeros(of: g, on: domain)
        guard zeros.complete, !zeros.identicallyZero else { return false }
        for p in zeros.points {
            guard case .exact(let x) = p.location, x == domain.lower || x == domain.upper else { return false }
        }
        guard let l = domain.lower?.ball(at: [:], precision: 128).upperBound,
              let u = domain.upper?.ball(at: [:], precision: 128).lowerBound, l < u else { return false }
        let mid = (l + u).timesPowerOfTwo(-1)
        return g.ball(at: [domain.variable: mid], precision: 128).isCertainlyPositive
    }
}

extension UnifiedModel {
    /// The model with √(g²)-type kernels simplified where the domain allows.
    public func simplifiedOnDomain() -> UnifiedModel {
        let rewrite = DomainSimplification(domain: domain, finder: ZeroFinder(assuming: assumptions))
        var m = self
        m.alpha = rewrite.simplify(alpha)
        m.sigma = rewrite.simplify(sigma)
        m.c = rewrite.simplify(c)
        m.d = rewrite.simplify(d)
        m.dataVariance = rewrite.simplify(dataVariance)
        return m
    }
}
