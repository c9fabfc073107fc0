import Exact
import Symbolic

/// The two linear equations of a schedule, per coordinate:
///
///     x_t = α(t)·x0 + σ(t)·ε          (forward process)
///     y   = c(t)·x0 + d(t)·ε          (the network's target)
///
/// with Var(x0) = s² (`dataVariance`) and Var(ε) = 1. Everything else — det A, A⁻¹,
/// amplification, moments, ρ, SNR, loss weights — follows from these five forms
/// (see ../shared/notes/unified-model.md).
public struct UnifiedModel: Sendable {
    public var domain: AnalysisDomain
    public var alpha: CanonicalForm
    public var sigma: CanonicalForm
    public var c: CanonicalForm
    public var d: CanonicalForm
    public var dataVariance: CanonicalForm
    public var assumptions: Assumptions

    public init(domain: AnalysisDomain, alpha: CanonicalForm, sigma: CanonicalForm, c: CanonicalForm, d: CanonicalForm,
                dataVariance: CanonicalForm = .one, assumptions: Assumptions = .none) {
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

    /// A name for the second time of the one-step update: `s`, or the next free one.
    public func secondTimeName(avoiding used: Set<String>) -> String {
        let taken = used.union([time])
        for candidate in ["s", "u", "r", "tau"] where !taken.contains(candidate) { return candidate }
        var k = 1
        while taken.contains("s\(k)") { k += 1 }
        return "s\(k)"
    }
}
