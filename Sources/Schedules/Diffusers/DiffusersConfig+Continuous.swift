/// The continuous-time counterpart of a β schedule (`sched import --continuous`,
/// `sched analyze --continuous`).
///
/// DDPM's steps discretize the variance-preserving SDE (Song et al. 2021, App. B):
/// with β̄(t) = N·β(t), β_n = β̄(t)/N on the grid, and ᾱ(t) = exp(−∫₀ᵗ β̄(s) ds), so
/// that step n ↔ t_n = (n + 1)/N and ᾱ_n = ∏_{k≤n}(1 − β_k) ≈ ᾱ(t_n) to first order in
/// β (1 − β ≈ e^{−β}). The counterparts, in closed form:
/// - linear, β(t) = β_start + (β_end − β_start)t: ∫₀ᵗ β̄ = N(β_start·t + (β_end − β_start)t²/2)
///   (the VP-SDE with β_min = N·β_start, β_max = N·β_end: 0.1 and 20 for DDPM);
/// - scaled_linear, β(t) = (a + (b − a)t)², a = √β_start, b = √β_end:
///   ∫₀ᵗ β̄ = N((a + (b − a)t)³ − a³)/(3(b − a));
/// - sigmoid, β(t) = sigmoid(12t − 6)(β_end − β_start) + β_start:
///   ∫₀ᵗ β̄ = N(β_start·t + (β_end − β_start)(softplus(12t − 6) − softplus(−6))/12);
/// - squaredcos_cap_v2: ᾱ(t) = f(t)/f(0), f(t) = cos²((t + 0.008)/1.008 · π/2), which the
///   steps sample exactly (ᾱ_n = f(t_n)/f(0)) except where β was clipped at 0.999.
/// trained_betas have no formula, and the zero-SNR rescaling is defined on the steps:
/// both are located errors.
extension ImportBuilder {
    mutating func buildContinuousBetas(_ className: String) {
        guard let steps = integer("num_train_timesteps", default: 1000) else { return }
        guard steps >= 2, steps <= DiscreteScheduleParser.maximumSteps else {
            error("'num_train_timesteps' must be in 2…\(DiscreteScheduleParser.maximumSteps)", at: "num_train_timesteps")
            return
        }
        if let t = root["trained_betas"], case .array = t.node {
            error("'trained_betas' have no continuous-time counterpart (no formula for β(t)): --continuous takes linear, scaled_linear, sigmoid or squaredcos_cap_v2 betas", at: "trained_betas")
            return
        }
        if bool("rescale_betas_zero_snr") {
            error("'rescale_betas_zero_snr' rescales the steps' ᾱ: it has no continuous-time counterpart here (--continuous takes the betas before rescaling)", at: "rescale_betas_zero_snr")
            return
        }
        guard let schedule = string("beta_schedule", default: "linear", allowed: ["linear", "scaled_linear", "squaredcos_cap_v2", "sigmoid"]),
              let prediction = string("prediction_type", default: "epsilon", allowed: ["epsilon", "sample", "v_prediction"]) else { return }
        let start = schedule == "squaredcos_cap_v2" ? nil : number("beta_start", default: "0.0001")
        let end = schedule == "squaredcos_cap_v2" ? nil : number("beta_end", default: "0.02")
        guard errors.isEmpty else { return }
        emit("schedule \(name)_continuous \"\(className), \(schedule) betas, \(prediction), continuous time\" {", from: "_class_name")
        emit("    time t in [0, 1]", from: "num_train_timesteps")
        stepTimes = (1, steps)
        switch schedule {
        case "squaredcos_cap_v2":
            emit("    let abar = cos((t + 0.008)/1.008 pi/2)^2 / cos(0.008/1.008 pi/2)^2", from: "beta_schedule")
        case "linear":
            emit("    param beta_start = \(start!)", from: "beta_start")
            emit("    param beta_end = \(end!)", from: "beta_end")
            emit("    let abar = exp(-\(steps) (beta_start t + (beta_end - beta_start) t^2/2))", from: "beta_schedule")
        case "scaled_linear":
            emit("    param beta_start = \(start!)", from: "beta_start")
            emit("    param beta_end = \(end!)", from: "beta_end")
            if start == end {
                emit("    let abar = exp(-\(steps) beta_start t)", from: "beta_schedule")
            } else {
                emit("    let abar = exp(-\(steps) ((sqrt(beta_start) + (sqrt(beta_end) - sqrt(beta_start)) t)^3 - sqrt(beta_start)^3) / (3 (sqrt(beta_end) - sqrt(beta_start))))", from: "beta_schedule")
            }
        default:
            emit("    param beta_start = \(start!)", from: "beta_start")
            emit("    param beta_end = \(end!)", from: "beta_end")
            emit("    let abar = exp(-\(steps) (beta_start t + (beta_end - beta_start) (softplus(12 t - 6) - softplus(-6))/12))", from: "beta_schedule")
        }
        emit("    alpha = sqrt(abar)", from: "beta_schedule")
        emit("    sigma = sqrt(1 - abar)", from: "beta_schedule")
        emitTarget(prediction)
        emit("}")
    }
}
