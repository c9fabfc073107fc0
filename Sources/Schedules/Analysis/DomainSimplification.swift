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

    /// g ≥ 0 on the domain, proven by its sign chart: complete, and no piece or
    /// boundary where g is negative.
    func nonnegative(_ g: CanonicalForm) -> Bool {
        let chart = SignChart.of(g, on: domain, finder: finder)
        return !chart.identicallyZero && chart.somewhereNegative == .refuted(nil)
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
