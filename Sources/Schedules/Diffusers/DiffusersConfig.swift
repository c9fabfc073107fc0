import Exact
import Symbolic

/// A diffusers `scheduler_config.json` turned into the equivalent discrete-time
/// `.sched` file, with the formulas as diffusers computes them (in exact arithmetic
/// rather than float32):
///
/// - β: `linear` linspace(β_start, β_end, T); `scaled_linear` linspace(√β_start,
///   √β_end, T)²; `squaredcos_cap_v2` βᵢ = min(1 − ᾱ(tᵢ₊₁)/ᾱ(tᵢ), 0.999) with
///   ᾱ(t) = cos²((t + 0.008)/1.008 · π/2), tᵢ = i/T (`betas_for_alpha_bar`);
///   `sigmoid` sigmoid(linspace(−6, 6, T))·(β_end − β_start) + β_start;
///   `trained_betas` as listed. ᾱₙ = ∏_{k≤n}(1 − β_k).
/// - `rescale_betas_zero_snr` (Lin et al. 2024, Algorithm 1): √ᾱ shifted so that
///   its last value is 0 and scaled so that its first is unchanged; the Euler,
///   Heun-free DPM-Solver and UniPC schedulers then set ᾱ_T = 2⁻²⁴.
/// - the target: `epsilon` ε, `sample` x0, `v_prediction` α·ε − σ·x0.
/// - FlowMatchEulerDiscreteScheduler: σₙ = s·(n/T)/(1 + (s − 1)·n/T) for n = 1…T,
///   x_t = (1 − σ)·x0 + σ·ε, target ε − x0.
public struct DiffusersImport: Sendable {
    /// The `.sched` text.
    public var text: String
    /// Notes (unknown keys) located in the JSON file.
    public var notes: [Diagnostic]
    /// For each line of `text` (1-based), the JSON range it came from.
    public var origins: [Int: SourceRange]
    /// A clause at the end of a line that came from another key: from the column
    /// (1-based) of its first character, the JSON range of that key (the sample
    /// line's `final first` comes from `set_alpha_to_one`, the rest of it from
    /// `timestep_spacing`).
    public var clauseOrigins: [Int: (column: Int, range: SourceRange)]
    /// The range of `_class_name` (where findings without a better place go).
    public var classRange: SourceRange
    /// For a continuous counterpart (`continuous: true`): the time t_n of step n is
    /// (n + offset)/denominator.
    public var stepTimes: (offset: Int, denominator: Int)?

    /// The JSON range a range of `text` came from.
    public func origin(of range: SourceRange) -> SourceRange {
        let line = range.start.line
        if let clause = clauseOrigins[line], range.start.column >= clause.column { return clause.range }
        return origins[line] ?? classRange
    }

    /// Whether `bytes` looks like a diffusers config: a JSON object with `_class_name`.
    public static func isConfig(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { ![32, 9, 10, 13].contains($0) }), first == UInt8(ascii: "{") else { return false }
        return String(decoding: bytes.prefix(1 << 16), as: UTF8.self).contains("\"_class_name\"")
    }

    /// A schedule name from the file name: `sd15/scheduler_config.json` → `scheduler_config`.
    public static func scheduleName(forPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        guard let first = cleaned.first, first.isLetter || first == "_" else { return "diffusers" }
        return cleaned
    }

    public static let betaClasses: [String] = [
        "DDPMScheduler", "DDIMScheduler", "PNDMScheduler", "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler",
        "HeunDiscreteScheduler", "DPMSolverMultistepScheduler", "UniPCMultistepScheduler",
    ]
    public static let flowClasses: [String] = ["FlowMatchEulerDiscreteScheduler"]
    /// The schedulers that replace ᾱ_T = 0 by 2⁻²⁴ after rescaling (diffusers' patch
    /// against the division by zero of ε-prediction).
    static let patchedClasses: Set<String> = [
        "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler", "UniPCMultistepScheduler",
    ]
    static let leadingDefault: Set<String> = ["DDPMScheduler", "DDIMScheduler", "PNDMScheduler"]

    /// Keys read by the import.
    static let modelledKeys: Set<String> = [
        "_class_name", "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas",
        "rescale_betas_zero_snr", "prediction_type", "timestep_spacing", "steps_offset", "shift",
        "use_dynamic_shifting", "base_shift", "max_shift", "base_image_seq_len", "max_image_seq_len", "time_shift_type",
        "invert_sigmas", "shift_terminal", "set_alpha_to_one", "final_sigmas_type",
    ]
    /// diffusers keys that change the sampler's arithmetic but not the schedule sched checks.
    static let samplerKeys: Set<String> = [
        "_diffusers_version", "clip_sample", "clip_sample_range", "skip_prk_steps", "variance_type",
        "thresholding", "dynamic_thresholding_ratio", "sample_max_value", "interpolation_type", "timestep_type",
        "use_karras_sigmas", "use_exponential_sigmas", "use_beta_sigmas", "algorithm_type",
        "solver_order", "solver_type", "lower_order_final", "euler_at_final", "lambda_min_clipped", "variance_type",
        "use_lu_lambdas", "disable_corrector", "solver_p", "predict_x0", "sigma_min", "sigma_max", "stochastic_sampling",
        "_use_default_values", "use_flow_sigmas", "flow_shift", "rescale_betas_zero_snr_patch", "dynamic_thresholding",
        "timestep_scaling", "original_inference_steps",
    ]

    /// Reads the config. Errors (malformed JSON, an unsupported class or value) are
    /// diagnostics located in the JSON file.
    public static func read(_ bytes: [UInt8], name: String = "diffusers", imageSequenceLength: Int? = nil,
                            samplingSteps: Int? = nil, continuous: Bool = false) throws(DiffusersImportError) -> DiffusersImport {
        let root: JSONEntry
        do { root = try JSONReader.parse(bytes) } catch {
            throw DiffusersImportError([Diagnostic(DiscreteDiagnostic("malformed-json", "malformed JSON: \(error.message)"),
                                                   at: SourceRange(at: error.location))])
        }
        var builder = ImportBuilder(root: root, name: name, imageSequenceLength: imageSequenceLength, samplingSteps: samplingSteps)
        builder.continuous = continuous
        builder.build()
        if builder.errors.isEmpty == false { throw DiffusersImportError(builder.errors) }
        return DiffusersImport(text: builder.lines.joined(separator: "\n") + "\n", notes: builder.notes,
                               origins: builder.origins, clauseOrigins: builder.clauseOrigins, classRange: builder.classRange,
                               stepTimes: builder.stepTimes)
    }
}

public struct DiffusersImportError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Writes the `.sched` lines, one key at a time.
struct ImportBuilder {
    let root: JSONEntry
    let name: String
    let imageSequenceLength: Int?
    let samplingSteps: Int?
    var lines: [String] = []
    var origins: [Int: SourceRange] = [:]
    var clauseOrigins: [Int: (column: Int, range: SourceRange)] = [:]
    var errors: [Diagnostic] = []
    var notes: [Diagnostic] = []
    var classRange = SourceRange(at: .start)
    /// Writes the continuous-time counterpart instead of the steps.
    var continuous = false
    var stepTimes: (offset: Int, denominator: Int)?

    mutating func emit(_ line: String, from key: String? = nil) {
        lines.append(line)
        if let key, let r = keyRange(key) { origins[lines.count] = r }
    }

    func keyRange(_ key: String) -> SourceRange? {
        guard case .object(let members) = root.node else { return nil }
        return members.first { $0.key == key }?.keyRange
    }

    mutating func error(_ message: String, at key: String?) {
        let range = key.flatMap { root[$0]?.range } ?? root.range
        errors.append(Diagnostic(DiscreteDiagnostic("unsupported-config", message), at: range))
    }

    /// A number as written (exact decimal), or nil with an error.
    mutating func number(_ key: String, default value: String? = nil) -> String? {
        guard let entry = root[key] else {
            if value == nil { error("the config has no '\(key)'", at: nil) }
            return value
        }
        if case .null = entry.node { return value }
        guard case .number(let text) = entry.node, (try? Rational(parsing: text)) != nil else {
            error("'\(key)' must be a finite number", at: key)
            return nil
        }
        return text
    }

    mutating func integer(_ key: String, default value: Int) -> Int? {
        guard let text = number(key, default: String(value)) else { return nil }
        guard let n = Int(text) else {
            error("'\(key)' must be an integer", at: key)
            return nil
        }
        return n
    }

    mutating func string(_ key: String, default value: String, allowed: [String]) -> String? {
        guard let entry = root[key] else { return value }
        if case .null = entry.node { return value }
        guard case .string(let s) = entry.node, allowed.contains(s) else {
            error("'\(key)' \(Self.describe(entry.node)) is not supported: sched supports \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))", at: key)
            return nil
        }
        return s
    }

    mutating func bool(_ key: String, default value: Bool = false) -> Bool {
        guard let entry = root[key] else { return value }
        switch entry.node {
        case .bool(let b): return b
        case .null: return value
        default:
            error("'\(key)' must be true or false", at: key)
            return false
        }
    }

    /// Where the class's last sampling step lands, as diffusers computes it: DDIM and
    /// PNDM step to `final_alpha_cumprod` = 1 if `set_alpha_to_one` (DDIM's default
    /// true, PNDM's false) else ᾱ₀; Euler, DPM-Solver++ and UniPC end at σ = 0 when
    /// `final_sigmas_type` is "zero" (the default), else at σ₀ = √((1 − ᾱ₀)/ᾱ₀);
    /// DDPM, Euler ancestral and Heun always end at σ = 0. `clause` is the text for
    /// the `sample` line (empty for the default, data), `key` the config key it came from.
    mutating func finalStep(_ className: String) -> (clause: String, key: String?)? {
        let landsOnFirst: Bool
        let key: String
        switch className {
        case "DDIMScheduler", "PNDMScheduler":
            key = "set_alpha_to_one"
            landsOnFirst = !bool(key, default: className == "DDIMScheduler")
        case "EulerDiscreteScheduler", "DPMSolverMultistepScheduler", "UniPCMultistepScheduler":
            key = "final_sigmas_type"
            guard let type = string(key, default: "zero", allowed: ["zero", "sigma_min"]) else { return nil }
            landsOnFirst = type == "sigma_min"
        default:
            return ("", nil)
        }
        return landsOnFirst ? (" final first", root[key] != nil ? key : "_class_name") : ("", nil)
    }

    /// The target line of a `prediction_type`.
    mutating func emitTarget(_ prediction: String) {
        switch prediction {
        case "epsilon": emit("    target = eps", from: "prediction_type")
        case "sample": emit("    target = x0", from: "prediction_type")
        default: emit("    target = alpha eps - sigma x0", from: "prediction_type")
        }
    }

    static func describe(_ node: JSONNode) -> String {
        switch node {
        case .string(let s): return "\"\(s)\""
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array: return "(an array)"
        case .object: return "(an object)"
        }
    }

    mutating func build() {
        guard case .object(let members) = root.node else {
            errors.append(Diagnostic(DiscreteDiagnostic("unsupported-config", "a scheduler config is a JSON object"), at: root.range))
            return
        }
        guard let classEntry = root["_class_name"], case .string(let className) = classEntry.node else {
            error("the config has no '_class_name' string: it is not a diffusers scheduler config", at: nil)
            return
        }
        classRange = keyRange("_class_name") ?? root.range
        let supported = DiffusersImport.betaClasses + DiffusersImport.flowClasses
        guard supported.contains(className) else {
            error("the scheduler class \"\(className)\" is not supported: sched supports \(supported.joined(separator: ", "))", at: "_class_name")
            return
        }
        for m in members where !DiffusersImport.modelledKeys.contains(m.key) && !DiffusersImport.samplerKeys.contains(m.key) {
            notes.append(Diagnostic(DiscreteDiagnostic("unknown-config-key", "sched does not know the key '\(m.key)' of \(className); it is ignored", severity: .note),
                                    at: m.keyRange))
        }
        let version = root["_diffusers_version"].flatMap { if case .string(let v) = $0.node { return " (diffusers \(v))" } else { return nil } } ?? ""
        emit("# Imported from a diffusers scheduler config by `sched import`: \(className)\(version).")
        if DiffusersImport.flowClasses.contains(className) {
            buildFlow(className)
        } else if continuous {
            buildContinuousBetas(className)
        } else {
            buildBetas(className)
        }
    }

    mutating func buildBetas(_ className: String) {
        guard let steps = integer("num_train_timesteps", default: 1000) else { return }
        guard steps >= 2, steps <= DiscreteScheduleParser.maximumSteps else {
            error("'num_train_timesteps' must be in 2…\(DiscreteScheduleParser.maximumSteps)", at: "num_train_timesteps")
            return
        }
        let last = steps - 1
        let hasTrained: Bool = {
            if let t = root["trained_betas"], case .array = t.node { return true }
            return false
        }()
        let schedule = hasTrained ? "trained_betas" :
            string("beta_schedule", default: "linear", allowed: ["linear", "scaled_linear", "squaredcos_cap_v2", "sigmoid"])
        // PNDM has no x0-prediction (diffusers raises in its step).
        let prediction = string("prediction_type", default: "epsilon",
                                allowed: className == "PNDMScheduler" ? ["epsilon", "v_prediction"] : ["epsilon", "sample", "v_prediction"])
        if bool("use_flow_sigmas") {
            error("'use_flow_sigmas': true (flow-matching sigmas in \(className)) is not supported: sched supports false; FlowMatchEulerDiscreteScheduler configs are", at: "use_flow_sigmas")
        }
        let rescale = bool("rescale_betas_zero_snr")
        let spacing = string("timestep_spacing", default: DiffusersImport.leadingDefault.contains(className) ? "leading" : "linspace",
                             allowed: ["linspace", "leading", "trailing"])
        let offset = integer("steps_offset", default: 0)
        guard let schedule, let prediction, let spacing, let offset else { return }
        let start = schedule == "trained_betas" || schedule == "squaredcos_cap_v2" ? nil : number("beta_start", default: "0.0001")
        let end = schedule == "trained_betas" || schedule == "squaredcos_cap_v2" ? nil : number("beta_end", default: "0.02")
        guard errors.isEmpty else { return }
        emit("schedule \(name) \"\(className), \(schedule) betas\(rescale ? ", zero terminal SNR" : ""), \(prediction)\" {", from: "_class_name")
        emit("    step n in 0..\(last)", from: "num_train_timesteps")
        switch schedule {
        case "linear":
            emit("    param beta_start = \(start!)", from: "beta_start")
            emit("    param beta_end = \(end!)", from: "beta_end")
            emit("    let beta = beta_start + (beta_end - beta_start) n / \(last)", from: "beta_schedule")
        case "scaled_linear":
            emit("    param beta_start = \(start!)", from: "beta_start")
            emit("    param beta_end = \(end!)", from: "beta_end")
            emit("    let beta = (sqrt(beta_start) + (sqrt(beta_end) - sqrt(beta_start)) n / \(last))^2", from: "beta_schedule")
        case "squaredcos_cap_v2":
            emit("    let beta = min(1 - cos(((n + 1)/\(steps) + 0.008)/1.008 pi/2)^2 / cos((n/\(steps) + 0.008)/1.008 pi/2)^2, 0.999)", from: "beta_schedule")
        case "sigmoid":
            emit("    param beta_start = \(start!)", from: "beta_start")
            emit("    param beta_end = \(end!)", from: "beta_end")
            emit("    let beta = sigmoid(-6 + 12 n / \(last)) (beta_end - beta_start) + beta_start", from: "beta_schedule")
        default:
            guard case .array(let items)? = root["trained_betas"]?.node else { return }
            var values: [String] = []
            for item in items {
                guard case .number(let v) = item.node, (try? Rational(parsing: v)) != nil else {
                    errors.append(Diagnostic(DiscreteDiagnostic("unsupported-config", "'trained_betas' holds numbers"), at: item.range))
                    return
                }
                values.append(v)
            }
            guard values.count == steps else {
                error("'trained_betas' has \(values.count) values for num_train_timesteps = \(steps)", at: "trained_betas")
                return
            }
            emit("    let beta = [\(values.joined(separator: ", "))]", from: "trained_betas")
        }
        if rescale {
            emit("    let abar_raw = cumprod(1 - beta, n)", from: "beta_schedule")
            emit("    let root = (sqrt(abar_raw) - sqrt(abar_raw(\(last)))) sqrt(abar_raw(0)) / (sqrt(abar_raw(0)) - sqrt(abar_raw(\(last))))", from: "rescale_betas_zero_snr")
            if DiffusersImport.patchedClasses.contains(className) {
                // diffusers: alphas_cumprod[-1] = 2**-24 after rescaling.
                emit("    let last_step = [\(Array(repeating: "0", count: last).joined(separator: ", ")), 1]", from: "rescale_betas_zero_snr")
                emit("    let abar = root^2 + last_step*(2^-24 - root^2)", from: "rescale_betas_zero_snr")
                emit("    alpha = sqrt(abar)", from: "rescale_betas_zero_snr")
                emit("    sigma = sqrt(1 - abar)", from: "rescale_betas_zero_snr")
            } else {
                emit("    alpha = root", from: "rescale_betas_zero_snr")
                emit("    sigma = sqrt(1 - root^2)", from: "rescale_betas_zero_snr")
            }
        } else {
            emit("    let abar = cumprod(1 - beta, n)", from: "beta_schedule")
            emit("    alpha = sqrt(abar)", from: "beta_schedule")
            emit("    sigma = sqrt(1 - abar)", from: "beta_schedule")
        }
        emitTarget(prediction)
        let sampleSteps = samplingSteps ?? min(50, steps)
        guard let final = finalStep(className) else { return }
        let sample = "    sample steps \(sampleSteps) spacing \(spacing)\(spacing == "leading" ? " offset \(offset)" : "")"
        emit(sample + final.clause, from: root["timestep_spacing"] != nil ? "timestep_spacing" : "steps_offset")
        if let key = final.key, let r = keyRange(key) { clauseOrigins[lines.count] = (sample.utf8.count + 2, r) }
        emit("}")
    }

    mutating func buildFlow(_ className: String) {
        guard let steps = integer("num_train_timesteps", default: 1000) else { return }
        guard steps >= 2, steps <= DiscreteScheduleParser.maximumSteps else {
            error("'num_train_timesteps' must be in 2…\(DiscreteScheduleParser.maximumSteps)", at: "num_train_timesteps")
            return
        }
        if bool("invert_sigmas") { error("'invert_sigmas': true is not supported yet: sched supports false", at: "invert_sigmas") }
        if let t = root["shift_terminal"], !(t.node.isNull) { error("'shift_terminal' is not supported yet: sched supports null", at: "shift_terminal") }
        let dynamic = bool("use_dynamic_shifting")
        let shiftType = string("time_shift_type", default: "exponential", allowed: ["exponential", "linear"])
        let shift = number("shift", default: "1.0")
        guard errors.isEmpty, let shiftType, let shift else { return }
        emit("schedule \(name)\(continuous ? "_continuous" : "") \"\(className), \(dynamic ? "dynamic \(shiftType) shift" : "shift \(shift)"), flow\(continuous ? ", continuous time" : "")\" {", from: "_class_name")
        if continuous {
            // FlowMatchEuler's sigmas before shifting are n/N, n = 1…N: the same formula in s.
            emit("    time s in (0, 1]", from: "num_train_timesteps")
            stepTimes = (0, steps)
        } else {
            emit("    step n in 1..\(steps)", from: "num_train_timesteps")
            emit("    let s = n / \(steps)", from: "num_train_timesteps")
        }
        if dynamic {
            guard let baseShift = number("base_shift", default: "0.5"), let maxShift = number("max_shift", default: "1.15"),
                  let baseLength = integer("base_image_seq_len", default: 256), let maxLength = integer("max_image_seq_len", default: 4096) else { return }
            guard maxLength != baseLength else {
                error("'max_image_seq_len' equals 'base_image_seq_len': the shift is undefined", at: "max_image_seq_len")
                return
            }
            let length = imageSequenceLength ?? baseLength
            // calculate_shift: mu = L·m + b, m = (max_shift − base_shift)/(max_len − base_len), b = base_shift − m·base_len.
            emit("    param image_seq_len = \(length)", from: "use_dynamic_shifting")
            emit("    param mu = image_seq_len*(\(maxShift) - \(baseShift))/(\(maxLength) - \(baseLength)) + \(baseShift) - \(baseLength)*(\(maxShift) - \(baseShift))/(\(maxLength) - \(baseLength))", from: "base_shift")
            if shiftType == "exponential" {
                emit("    let shifted = exp(mu) / (exp(mu) + 1/s - 1)", from: "use_dynamic_shifting")
            } else {
                emit("    let shifted = mu / (mu + 1/s - 1)", from: "time_shift_type")
            }
        } else {
            emit("    param shift = \(shift)", from: "shift")
            emit("    let shifted = shift s / (1 + (shift - 1) s)", from: "shift")
        }
        emit("    alpha = 1 - shifted", from: "_class_name")
        emit("    sigma = shifted", from: "_class_name")
        emit("    target = eps - x0", from: "_class_name")
        emit("}")
    }
}

extension JSONNode {
    var isNull: Bool { if case .null = self { return true }; return false }
}
