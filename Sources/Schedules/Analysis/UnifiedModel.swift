import Exact
import Symbolic

/// The two linear equations of a schedule, per coordinate:
///
///     x_t = α(t)·x0 + σ(t)·ε          (forward process)
///     y   = c(t)·x0 + d(t)·ε          (the network's target)
///
/// with Var(x0) = s² (`dataVariance`) and Var(ε) = 1. Everything else — det A, A⁻¹,
/// amplification, moments, ρ, SNR, loss weights — follows from these five forms
/// (see docs/unified-model.md).
public struct UnifiedModel: Sendable {
    public var domain: AnalysisDomain
    public var alpha: CanonicalForm
    public var sigma: CanonicalForm
    public var c: CanonicalForm
    public var d: CanonicalForm
    public var dataVariance: CanonicalForm
    public var assumptions: Assumptions
    /// Where the coefficients are defined as written, beyond what their canonical forms
    /// need (`Definedness.structural`, added by the analysis).
    public var definedness: Definedness
    /// The schedule's abstract functions by order (`Schedule.functions`): claims read
    /// `alpha` and `alpha'` as their kernels.
    public var functions: [AbstractFunction] = []

    public init(domain: AnalysisDomain, alpha: CanonicalForm, sigma: CanonicalForm, c: CanonicalForm, d: CanonicalForm,
                dataVariance: CanonicalForm = .one, assumptions: Assumptions = .none, definedness: Definedness = .everywhere) {
        self.definedness = definedness
        self.domain = domain
        self.alpha = alpha
        self.sigma = sigma
        self.c = c
        self.d = d
        self.dataVariance = dataVariance
        self.assumptions = assumptions
    }

    public var time: String { domain.variable }

    /// The quantity names, in report order.
    public static let quantityNames = [
        "alpha", "sigma", "c", "d", "det", "cov", "var_x", "var_y", "rho", "snr", "logsnr",
        "amp_x0", "amp_eps", "weight_eps", "weight_x0", "data_variance",
    ]

    /// Each quantity's canonical form, or the reason it has none (det ≡ 0 makes the
    /// amplification factors undefined, σ ≡ 0 the SNR).
    public func quantities() -> [String: Result<CanonicalForm, SimplificationError>] {
        var out: [String: Result<CanonicalForm, SimplificationError>] = [:]
        let s2 = dataVariance
        func define(_ name: String, _ body: () throws -> CanonicalForm) {
            do { out[name] = .success(try Deadline.forQuantity(body)) } catch let error as SimplificationError { out[name] = .failure(error) } catch {
                out[name] = .failure(.domain("\(error)"))
            }
        }
        func value(_ name: String) throws(SimplificationError) -> CanonicalForm {
            switch out[name] {
            case .success(let f)?: return f
            case .failure(let e)?: throw e
            case nil: throw .domain("\(name) is not defined")
            }
        }
        define("alpha") { alpha }
        define("sigma") { sigma }
        define("c") { c }
        define("d") { d }
        define("data_variance") { s2 }
        define("det") { try alpha * d - sigma * c }
        define("cov") { try alpha * c * s2 + sigma * d }
        define("var_x") { try alpha.power(2) * s2 + sigma.power(2) }
        define("var_y") { try c.power(2) * s2 + d.power(2) }
        define("rho") { try value("cov") / CanonicalForm.sqrt(try value("var_x") * value("var_y"), assuming: assumptions) }
        define("snr") { try alpha.power(2) / sigma.power(2) }
        define("logsnr") { try CanonicalForm.log(try value("snr")) }
        define("amp_x0") { try sigma / value("det") }
        define("amp_eps") { try alpha / value("det") }
        define("weight_eps") { try (value("det") / alpha).power(2) }
        define("weight_x0") { try (value("det") / sigma).power(2) }
        return out
    }

    /// Where the coefficients are defined: as written, and as their canonical forms
    /// need (`Definedness.structural`).
    public var coefficientDefinedness: Definedness {
        var all = definedness
        for f in [alpha, sigma, c, d, dataVariance] { all.formUnion(.structural(of: f)) }
        return all
    }

    /// Where a quantity is defined: the coefficients' conditions and its formula's.
    public func definedness(ofQuantity name: String, _ quantities: [String: Result<CanonicalForm, SimplificationError>]) -> Definedness {
        coefficientDefinedness.union(formulaDefinedness(of: name, quantities))
    }

    /// The conditions a quantity adds to the coefficients' own: ρ divides by
    /// √(Var(x_t)·Var(y)), the SNR by σ², log-SNR takes the log of α²/σ², the
    /// amplification factors and A⁻¹ divide by det A, the loss weights by α² or σ².
    public func formulaDefinedness(of name: String, _ quantities: [String: Result<CanonicalForm, SimplificationError>]) -> Definedness {
        func form(_ n: String) -> CanonicalForm? { if case .success(let f)? = quantities[n] { return f }; return nil }
        var conditions: [DefinednessCondition?] = []
        switch name {
        // Var(x_t) = α²s² + σ² > 0 ⇔ (α, σ) ≠ (0, 0), as s² > 0 (likewise Var(y)).
        case "rho": conditions = [.notBothZero(alpha, sigma), .notBothZero(c, d)]
        case "snr", "weight_x0": conditions = [.nonzero(sigma)]
        case "logsnr": conditions = [.nonzero(sigma), .nonzero(alpha)]
        case "weight_eps": conditions = [.nonzero(alpha)]
        case "amp_x0", "amp_eps", "inverse", "step": conditions = [form("det").map { .nonzero($0) }]
        default: break
        }
        return Definedness(conditions.compactMap { $0 })
    }

    /// A name for the second time of the one-step update: `s`, or the next free one.
    public func secondTimeName(avoiding used: Set<String>) -> String {
        let taken = used.union([time])
        for candidate in ["s", "u", "r", "tau"] where !taken.contains(candidate) { return candidate }
        var k = 1
        while taken.contains("s\(k)") { k += 1 }
        return "s\(k)"
    }
}
