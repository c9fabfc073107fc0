/// What each quantity of a schedule is, for `sched explain NAME`: its definition
/// and formula in terms of the two equations x_t = α·x0 + σ·ε and y = c·x0 + d·ε
/// (Var(x0) the data variance, Var(ε) = 1), why it matters, and what to look for.
/// The formulas are the ones `UnifiedModel.quantities()` computes.
public struct QuantityExplanation: Sendable {
    /// The name in schedule files and reports (`rho`).
    public var name: String
    /// How the reports write it (`ρ`).
    public var symbol: String
    public var definition: String
    public var formula: String
    public var whyItMatters: String
    public var whatToLookFor: String

    /// The explanation of `name` (canonical spelling: `rho`, not `ρ`), if it is a quantity.
    public static func named(_ name: String) -> QuantityExplanation? {
        all.first { $0.name == name }
    }

    /// The text `sched explain` prints.
    public var text: String {
        """
        \(name) (\(symbol)): \(definition)

          \(formula)

        Why it matters: \(whyItMatters)

        What to look for: \(whatToLookFor)
        """
    }

    /// One entry per quantity, in report order (`UnifiedModel.quantityNames`).
    public static let all: [QuantityExplanation] = [
        QuantityExplanation(
            name: "alpha", symbol: "α", definition: "the signal coefficient of the forward process",
            formula: "x_t = α·x0 + σ·ε",
            whyItMatters: "α says how much of the data is left in the network input at time t.",
            whatToLookFor: "α = 1 at the data end and α = 0 at the noise end for a process that ends in pure noise (S302, S303); its zeros on the domain, where the input holds no data."),
        QuantityExplanation(
            name: "sigma", symbol: "σ", definition: "the noise coefficient of the forward process",
            formula: "x_t = α·x0 + σ·ε",
            whyItMatters: "σ says how much noise the network input holds at time t; α and σ together fix the SNR.",
            whatToLookFor: "σ = 0 at the data end (S302); its zeros, where the SNR is infinite."),
        QuantityExplanation(
            name: "c", symbol: "c", definition: "the data coefficient of the target",
            formula: "y = c·x0 + d·ε   (ε-prediction: c = 0; x0-prediction: c = 1; v-prediction: c = −σ; velocity: c = α′)",
            whyItMatters: "with d it says what the network learns; the pair (c, d) against (α, σ) decides det A and ρ.",
            whatToLookFor: "a target meant to be one of the classic ones should simplify to its c and d."),
        QuantityExplanation(
            name: "d", symbol: "d", definition: "the noise coefficient of the target",
            formula: "y = c·x0 + d·ε   (ε-prediction: d = 1; x0-prediction: d = 0; v-prediction: d = α; velocity: d = σ′)",
            whyItMatters: "with c it says what the network learns; the pair (c, d) against (α, σ) decides det A and ρ.",
            whatToLookFor: "a target meant to be one of the classic ones should simplify to its c and d."),
        QuantityExplanation(
            name: "det", symbol: "det A", definition: "the determinant of A = [[α, σ], [c, d]], the map from (x0, ε) to (x_t, y)",
            formula: "det A = α·d − σ·c;   x̂0 = (d·x_t − σ·ŷ)/det A,   ε̂ = (−c·x_t + α·ŷ)/det A",
            whyItMatters: "a sampler recovers the data and the noise from x_t and the prediction ŷ by inverting A: where det A = 0 they cannot be recovered, and near it every error in ŷ is divided by a small number.",
            whatToLookFor: "zeros on the domain (S101) and at its ends (S102): ε-prediction has det A = α, zero at the noise end of a zero-terminal-SNR schedule; x0-prediction has det A = −σ, zero at the data end; v-prediction has det A = α² + σ², never zero."),
        QuantityExplanation(
            name: "cov", symbol: "Cov(x_t, y)", definition: "the covariance of the network input and its target",
            formula: "Cov(x_t, y) = α·c·Var(x₀) + σ·d",
            whyItMatters: "it is the numerator of ρ: the linear information the input carries about the target.",
            whatToLookFor: "Cov ≡ 0 (ρ ≡ 0, S201) and its sign changes (S202)."),
        QuantityExplanation(
            name: "var_x", symbol: "Var(x_t)", definition: "the variance of the network input",
            formula: "Var(x_t) = α²·Var(x₀) + σ²",
            whyItMatters: "a network sees inputs of this scale; a variance-preserving process keeps it equal to Var(x₀), others rescale the input (EDM's c_in).",
            whatToLookFor: "whether it equals the data variance (S301, a note: flows and EDM differ by design)."),
        QuantityExplanation(
            name: "var_y", symbol: "Var(y)", definition: "the variance of the target",
            formula: "Var(y) = c²·Var(x₀) + d²",
            whyItMatters: "the scale of the regression target and of the loss; EDM chooses c_out so that it is 1.",
            whatToLookFor: "a target whose variance blows up or vanishes towards an end of the domain."),
        QuantityExplanation(
            name: "rho", symbol: "ρ", definition: "the Pearson correlation between the network input x_t and its target y",
            formula: "ρ = Cov(x_t, y)/√(Var(x_t)·Var(y)),   1 − ρ² = Var(x₀)·det²/(Var(x_t)·Var(y))",
            whyItMatters: "ρ is the linear hint the input gives of the target (Li, Zheng, Wang 2026). By Lagrange's identity, for given variances |det A| is largest exactly where ρ = 0: the targets that keep amplification small (v-prediction, EDM, TrigFlow) are uncorrelated with their input.",
            whatToLookFor: "ρ ≡ 0 (S201), isolated zeros where the target's relation to the input flips sign (S202), and stretches where |ρ| is small (S203)."),
        QuantityExplanation(
            name: "snr", symbol: "SNR", definition: "the signal-to-noise ratio of the network input",
            formula: "SNR = α²/σ²",
            whyItMatters: "the noise level a network sees; two schedules with the same SNR at the ends differ only in how time is spent between them.",
            whatToLookFor: "∞ at the data end, 0 at the noise end (S303: a nonzero terminal SNR leaves data in the last step, which training never sees removed)."),
        QuantityExplanation(
            name: "logsnr", symbol: "λ", definition: "the log signal-to-noise ratio",
            formula: "λ = log(α²/σ²)",
            whyItMatters: "diffusion losses and samplers depend on a schedule through λ(t) and its end values (Kingma et al. 2021): λ is the time-free description of a noise schedule, and a strictly decreasing λ makes time a reparameterization of the noise level.",
            whatToLookFor: "λ strictly decreasing on the domain (S304), λ → −∞ at the noise end (zero terminal SNR, S303), λ → +∞ at the data end."),
        QuantityExplanation(
            name: "amp_x0", symbol: "σ/det A", definition: "the amplification of an error in the prediction into the recovered data",
            formula: "x̂0 − x0 = −(σ/det A)·(ŷ − y)",
            whyItMatters: "a network's error δ in ŷ reaches the sampler's x̂0 multiplied by σ/det A: where it is large, a small fitting error becomes a large error in the data estimate.",
            whatToLookFor: "growth without bound towards an end (S103): ε-prediction has σ/α, unbounded at the noise end when α → 0."),
        QuantityExplanation(
            name: "amp_eps", symbol: "α/det A", definition: "the amplification of an error in the prediction into the recovered noise",
            formula: "ε̂ − ε = (α/det A)·(ŷ − y)",
            whyItMatters: "as amp_x0, for the noise estimate the sampler also uses.",
            whatToLookFor: "growth without bound towards an end (S103): x0-prediction has −α/σ, unbounded at the data end."),
        QuantityExplanation(
            name: "weight_eps", symbol: "(det A/α)²", definition: "the weighting of the ε-prediction loss implied by the target",
            formula: "‖ŷ − y‖² = (det A/α)²·‖ε̂ − ε‖²",
            whyItMatters: "training on the target with a plain mean squared error is training ε-prediction with this weight over time: it is how the choice of target reweights the noise levels (x0-prediction: 1/SNR).",
            whatToLookFor: "where the weight blows up or vanishes: the noise levels that dominate, or are ignored by, the loss."),
        QuantityExplanation(
            name: "weight_x0", symbol: "(det A/σ)²", definition: "the weighting of the x0-prediction loss implied by the target",
            formula: "‖ŷ − y‖² = (det A/σ)²·‖x̂0 − x0‖²",
            whyItMatters: "as weight_eps, in terms of the data estimate (ε-prediction: SNR).",
            whatToLookFor: "where the weight blows up or vanishes."),
        QuantityExplanation(
            name: "data_variance", symbol: "Var(x₀)", definition: "the variance of the data, per coordinate",
            formula: "data variance = E   (default 1; EDM: σ_data²)",
            whyItMatters: "Cov, Var(x_t), Var(y) and ρ depend on it: EDM's target is uncorrelated with its input only when Var(x₀) = σ_data².",
            whatToLookFor: "that it matches the data the schedule is used with."),
    ]
}
