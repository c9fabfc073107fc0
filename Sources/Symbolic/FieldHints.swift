/// Messages for what people who write noise schedules in Python or from papers
/// type first, one entry per hint.
///
/// The lexer, the parser and the schedule layer call these where they would
/// otherwise report a generic error ("unexpected character '.'", "unknown name
/// 'e'"): the hint says what the text means in sched, or why sched does not have
/// it. Only `modulePrefix` is a warning (the text is read anyway); every other hint
/// is an error with the ID of the error it replaces where one exists, so that lint
/// rules and editors keep matching on IDs.
public enum FieldHint: DiagnosticMessage, Hashable {
    /// `np.exp(t)`, `math.cos(t)`, `torch.sqrt(x)`: a Python module prefix, dropped.
    case modulePrefix(prefix: String, name: String)
    /// `e^(-t)`: sched has no constant e; the exponential is `exp`.
    case eulerNumber
    /// `target = v`: a name papers and code use for a target.
    case targetName(String, TargetMeaning)
    /// `max(a, b)`, `clip(x, 0, 1)`: piecewise functions.
    case piecewiseFunction(String)
    /// `[0.1, 0.2]`, `cumprod(…)`: a schedule given per step.
    case discreteTime(written: String)
    /// `def f(t):`, `return …`, `import numpy as np`: Python code pasted as a schedule.
    case pythonCode(keyword: String)

    /// What a target name from papers and code stands for.
    public enum TargetMeaning: Hashable, Sendable {
        /// `v`: v-prediction (Salimans & Ho) or the flow velocity, depending on the paper.
        case vPrediction
        /// `u`, `flow`, `velocity_pred`: the velocity dx_t/dt.
        case velocity
        /// `noise`, `eps_pred`: the noise ε.
        case noise
        /// `x_start`, `data`, `x0_pred`: the data x0.
        case data
        /// `score`: ∇ log p(x_t | x0).
        case score
    }

    /// Python module prefixes dropped before a function or constant name.
    public static let modulePrefixes: Set<String> = ["math", "np", "numpy", "torch", "jnp", "jax", "tf", "sympy", "sp", "mx"]

    /// Target names from papers and code.
    public static let targetNames: [String: TargetMeaning] = [
        "v": .vPrediction, "v_pred": .vPrediction, "vpred": .vPrediction, "v_prediction": .vPrediction,
        "u": .velocity, "u_t": .velocity, "v_t": .velocity, "flow": .velocity, "vel": .velocity,
        "velocity_pred": .velocity, "dxdt": .velocity, "dx_dt": .velocity,
        "noise": .noise, "eps_pred": .noise, "epsilon_pred": .noise, "eps_theta": .noise, "z": .noise,
        "x_start": .data, "x0_pred": .data, "data": .data, "clean": .data, "x_0_pred": .data,
        "score": .score,
    ]

    /// Piecewise functions: not in the language.
    public static let piecewiseFunctions: Set<String> = ["min", "max", "clip", "clamp", "where", "minimum", "maximum"]

    /// Functions that build a schedule step by step.
    public static let discreteFunctions: Set<String> = ["cumprod", "cumsum", "linspace", "arange"]

    /// Python keywords that begin a pasted line of code.
    public static let pythonKeywords: Set<String> = ["def", "return", "import", "from", "lambda", "class", "for"]

    /// The hint for `name(`, if the name is a function sched deliberately lacks.
    public static func call(_ name: String) -> FieldHint? {
        if piecewiseFunctions.contains(name) { return .piecewiseFunction(name) }
        if discreteFunctions.contains(name) { return .discreteTime(written: name) }
        return nil
    }

    public var id: DiagnosticID {
        switch self {
        case .modulePrefix: return "module-prefix"
        case .eulerNumber, .targetName: return "unknown-name"
        case .piecewiseFunction: return "unsupported-function"
        case .discreteTime: return "discrete-time"
        case .pythonCode: return "python-code"
        }
    }

    public var severity: Severity {
        if case .modulePrefix = self { return .warning }
        return .error
    }

    public var message: String {
        switch self {
        case .modulePrefix(let prefix, let name):
            return "'\(prefix).\(name)' is read as '\(name)': the prefix '\(prefix).' is dropped"
        case .eulerNumber:
            return "unknown name 'e': write exp(x) for e^x"
        case .targetName(let name, .vPrediction):
            return "unknown name '\(name)': write v-prediction as 'alpha eps - sigma x0', or the flow velocity dx_t/dt as 'velocity'"
        case .targetName(let name, .velocity):
            return "unknown name '\(name)': the velocity dx_t/dt is written 'velocity'"
        case .targetName(let name, .noise):
            return "unknown name '\(name)': the noise is written 'eps' (or 'epsilon')"
        case .targetName(let name, .data):
            return "unknown name '\(name)': the data is written 'x0'"
        case .targetName(let name, .score):
            return "unknown name '\(name)': the score ∇ log p(x_t | x0) is written '-eps/sigma'"
        case .piecewiseFunction(let name):
            return "'\(name)' is not supported: piecewise functions (min, max, clip, where) break the certified analysis"
        case .discreteTime(let written):
            let what = written == "[" ? "a list of values" : "'\(written)'"
            return "\(what) describes a discrete-time schedule: declare the steps with 'step n in 0..999' and give it as a let"
        case .pythonCode(let keyword):
            return "'\(keyword)' is Python: a schedule file declares a schedule, it is not a program"
        }
    }

    /// The notes that go with the hint.
    public var notes: [Note] {
        switch self {
        case .modulePrefix:
            return [Note("sched has its own functions: write exp, cos, sqrt, … without a module")]
        case .eulerNumber:
            return [Note("sched has no constant e; exp(1) is e")]
        case .targetName:
            return [Note("a target is linear in the vectors x0, eps (or epsilon), x_t and velocity, with coefficients in time")]
        case .piecewiseFunction:
            return [Note("zeros, signs and limits are proven for expressions that are analytic on the domain; a kink or jump would need a case split sched does not make"),
                    Note("write each piece as its own schedule on its own time interval, or a smooth expression (sigmoid, tanh)")]
        case .discreteTime:
            return [Note("in a schedule with 'step n in 0..999' (instead of 'time'), write 'let abar = cumprod(1 - beta, n)', 'let beta = [0.1, 0.2, …]' (one value a step), and alpha = sqrt(abar)")]
        case .pythonCode:
            return [Note("write one statement per line inside 'schedule NAME { … }': alpha = cos(pi/2 t), sigma = sin(pi/2 t), target = eps")]
        }
    }

    /// The diagnostic at `range`, with its notes.
    public func diagnostic(at range: SourceRange, fixIts: [FixIt] = []) -> Diagnostic {
        Diagnostic(self, at: range, notes: notes, fixIts: fixIts)
    }

    /// The hint for an unknown name, if there is one: `e`, and, where vectors may
    /// be written (`vectorContext`), target names from papers and code. `e` at
    /// `range` in `expression` as the base of a power gets the fix-it `exp(…)`.
    public static func unknownName(_ name: String, at range: SourceRange, in expression: Expr?, source: [UInt8],
                                   vectorContext: Bool) -> Diagnostic? {
        if name == "e" {
            return FieldHint.eulerNumber.diagnostic(at: range, fixIts: eulerPowerFixIt(at: range, in: expression, source: source))
        }
        if name.contains("cumprod") || name.contains("cumsum") {
            return FieldHint.discreteTime(written: name).diagnostic(at: range)
        }
        guard vectorContext, let meaning = targetNames[name] else { return nil }
        let replacement: String? = switch meaning {
        case .velocity: "velocity"
        case .noise: "eps"
        case .data: "x0"
        case .vPrediction, .score: nil
        }
        return FieldHint.targetName(name, meaning).diagnostic(at: range, fixIts: replacement.map { [FixIt(replacing: range, with: $0)] } ?? [])
    }

    /// `e^E` → `exp(E)`, when the `e` at `range` is the base of a power in `expression`.
    static func eulerPowerFixIt(at range: SourceRange, in expression: Expr?, source: [UInt8]) -> [FixIt] {
        var pending = expression.map { [$0] } ?? []
        while let e = pending.popLast() {
            switch e.kind {
            case .binary(.power, let base, let exponent):
                if base.kind == .variable("e"), base.range == range, let whole = e.range, let power = exponent.range,
                   power.start.offset <= power.end.offset, power.end.offset <= source.count {
                    var text = String(decoding: source[power.start.offset..<power.end.offset], as: UTF8.self)
                    if isParenthesized(text) { text = String(text.dropFirst().dropLast()) }
                    return [FixIt(replacing: whole, with: "exp(\(text))")]
                }
                pending += [base, exponent]
            case .binary(_, let l, let r): pending += [l, r]
            case .negation(let x), .function(_, let x), .derivative(let x, _), .application(_, let x): pending.append(x)
            case .number, .variable, .pi: break
            }
        }
        return []
    }

    /// Whether the first `(` of `text` closes at its last character: `(-t)`, not `(a)^(b)`.
    static func isParenthesized(_ text: String) -> Bool {
        guard text.hasPrefix("("), text.hasSuffix(")") else { return false }
        var depth = 0
        for (i, c) in text.enumerated() {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if depth == 0 { return i == text.count - 1 }
        }
        return false
    }
}
