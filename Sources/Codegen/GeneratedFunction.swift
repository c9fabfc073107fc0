import Exact
import Schedules
import Symbolic

/// One function of a generated schedule class: a scalar function of the time
/// (`alpha`, `logsnr`) or a linear combination of vectors with coefficients that are
/// functions of the time (`target(x0, eps, t) = c(t)·x0 + d(t)·eps`).
struct GeneratedFunction {
    /// The Python name.
    var name: String
    /// What it computes, for the docstring.
    var summary: String
    /// The vector arguments, each with its coefficient; empty for a scalar function,
    /// whose one coefficient has the label "".
    var components: [(vector: String, form: CanonicalForm)]
    /// Where the function as written is defined, in the time (and in the second time,
    /// for `step`).
    var definedness: [(variable: String, definedness: Definedness)]
    /// The time arguments: ["t"], or ["t", "s"] for the update.
    var times: [String]
    /// log-SNR: printed as 2·(log|α| − log|σ|) in the stable form.
    var isLogSNR = false

    var isScalar: Bool { components.count == 1 && components[0].vector.isEmpty }

    /// The functions of a schedule, in module order.
    static func all(_ analysis: ModelAnalysis) throws(CodegenError) -> [GeneratedFunction] {
        let model = analysis.model
        let t = model.time, s = analysis.secondTime
        func quantity(_ name: String) throws(CodegenError) -> CanonicalForm {
            guard case .success(let f)? = analysis.quantities[name] else { throw CodegenError("\(name) has no formula: \(failure(analysis.quantities[name]))") }
            return f
        }
        func coefficient(_ table: [String: Result<CanonicalForm, SimplificationError>], _ name: String, _ what: String) throws(CodegenError) -> CanonicalForm {
            guard case .success(let f)? = table[name] else { throw CodegenError("\(what) has no formula: \(failure(table[name]))") }
            return f
        }
        let coefficients = model.coefficientDefinedness
        func defined(_ name: String) -> [(String, Definedness)] { [(t, model.definedness(ofQuantity: name, analysis.quantities))] }
        let alongS = Definedness(coefficients.conditions.compactMap { try? $0.substituting([t: .symbol(s)], assuming: model.assumptions) })
        return [
            GeneratedFunction(name: "alpha", summary: "alpha(t), the signal coefficient of x_t = alpha*x0 + sigma*eps",
                              components: [("", try quantity("alpha"))], definedness: [(t, coefficients)], times: [t]),
            GeneratedFunction(name: "sigma", summary: "sigma(t), the noise coefficient of x_t = alpha*x0 + sigma*eps",
                              components: [("", try quantity("sigma"))], definedness: [(t, coefficients)], times: [t]),
            GeneratedFunction(name: "target", summary: "the training target y = c(t)*x0 + d(t)*eps",
                              components: [("x0", try quantity("c")), ("eps", try quantity("d"))], definedness: [(t, coefficients)], times: [t]),
            GeneratedFunction(name: "x0_from", summary: "x0 recovered from x_t and the network output y (the first row of A^-1)",
                              components: [("x_t", try coefficient(analysis.inverse, "x0_from_xt", "x0_from")),
                                           ("y", try coefficient(analysis.inverse, "x0_from_target", "x0_from"))],
                              definedness: defined("inverse"), times: [t]),
            GeneratedFunction(name: "eps_from", summary: "eps recovered from x_t and the network output y (the second row of A^-1)",
                              components: [("x_t", try coefficient(analysis.inverse, "eps_from_xt", "eps_from")),
                                           ("y", try coefficient(analysis.inverse, "eps_from_target", "eps_from"))],
                              definedness: defined("inverse"), times: [t]),
            GeneratedFunction(name: "step", summary: "the deterministic update from t to s: x_s = a(t, s)*x_t + b(t, s)*y",
                              components: [("x_t", try coefficient(analysis.step, "from_xt", "step")),
                                           ("y", try coefficient(analysis.step, "from_target", "step"))],
                              definedness: defined("step") + [(s, alongS)], times: [t, s]),
            GeneratedFunction(name: "logsnr", summary: "log-SNR, log(alpha^2/sigma^2)",
                              components: [("", try quantity("logsnr"))], definedness: defined("logsnr"), times: [t], isLogSNR: true),
            GeneratedFunction(name: "snr", summary: "the signal-to-noise ratio alpha^2/sigma^2",
                              components: [("", try quantity("snr"))], definedness: defined("snr"), times: [t]),
            GeneratedFunction(name: "loss_weight_eps", summary: "the weight of the target loss as an eps loss, (det A/alpha)^2",
                              components: [("", try quantity("weight_eps"))], definedness: defined("weight_eps"), times: [t]),
            GeneratedFunction(name: "loss_weight_x0", summary: "the weight of the target loss as an x0 loss, (det A/sigma)^2",
                              components: [("", try quantity("weight_x0"))], definedness: defined("weight_x0"), times: [t]),
        ]
    }

    static func failure(_ r: Result<CanonicalForm, SimplificationError>?) -> String {
        if case .failure(let e)? = r { return "\(e)" }
        return "not derived"
    }
}
