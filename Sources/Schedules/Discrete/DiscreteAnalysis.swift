import Exact
import Symbolic

/// The zero sets, sign changes and undefined steps of a discrete-time schedule.
///
/// On a discrete domain a zero set is a set of steps, decided step by step: a step is
/// a zero when the value is proven 0 (exactly), not a zero when its sign is proven,
/// and undecided otherwise. A sign change between consecutive steps k, k + 1 (proven
/// signs of opposite sign) is not a zero: the quantity jumps over 0 between them.
public struct DiscreteZeroSet: Sendable {
    public var zeros: [Int] = []
    /// Steps where the value is defined but its sign was not decided.
    public var undecided: [Int] = []
    /// Steps where the quantity is undefined (never zeros).
    public var undefined: [Int] = []
    /// Steps where definedness was not decided.
    public var undecidedDefinedness: [Int] = []
    /// (k, k + 1) with proven opposite nonzero signs.
    public var signChanges: [(Int, Int)] = []

    /// The zero set is known exactly: every step decided.
    public var isComplete: Bool { undecided.isEmpty && undecidedDefinedness.isEmpty }
}

/// Analysis of a discrete-time schedule at a working precision.
public struct DiscreteAnalysis: Sendable {
    public let evaluation: DiscreteEvaluation
    public var schedule: DiscreteSchedule { evaluation.schedule }

    /// The quantities whose zero sets are reported, as in the continuous analysis.
    public static let zeroQuantities = ["det", "rho", "alpha", "sigma"]

    public init(_ schedule: DiscreteSchedule, precision: Int = 128, symbolic: DiscreteEvaluation.SymbolicPart? = nil) {
        evaluation = DiscreteEvaluation(schedule, precision: precision, symbolic: symbolic)
    }

    /// The analysis with every value at `step` of the listed quantities known to
    /// `digits` correct digits (the precision doubled until they are, up to 2¹⁶ bits).
    public static func withDigits(_ schedule: DiscreteSchedule, digits: Int, steps: [Int],
                                  quantities: [String] = DiscreteEvaluation.quantityNames) -> DiscreteAnalysis {
        var precision = max(128, Int(Double(digits) * 3.33) + 64)
        var symbolic: DiscreteEvaluation.SymbolicPart?
        while true {
            let analysis = DiscreteAnalysis(schedule, precision: precision, symbolic: symbolic)
            symbolic = analysis.evaluation.symbolic
            let short = steps.contains { step in
                quantities.contains { q in
                    if case .success(.ball(let b)) = analysis.evaluation.value(of: q, at: step) { return !b.hasCorrectDigits(digits) }
                    if case .failure(.unknown) = analysis.evaluation.value(of: q, at: step) { return true }
                    return false
                }
            }
            if !short || precision >= 1 << 16 { return analysis }
            precision *= 2
        }
    }

    public func zeroSet(of quantity: String) -> DiscreteZeroSet {
        var out = DiscreteZeroSet()
        var previous: (step: Int, sign: Int)?
        for k in schedule.first...schedule.last {
            switch evaluation.value(of: quantity, at: k) {
            case .failure(.undefined): out.undefined.append(k); previous = nil
            case .failure(.unknown): out.undecidedDefinedness.append(k); previous = nil
            case .success(let v):
                guard let sign = v.sign else { out.undecided.append(k); previous = nil; continue }
                if sign == 0 { out.zeros.append(k) }
                if let p = previous, p.sign != 0, sign != 0, p.sign != sign { out.signChanges.append((p.step, k)) }
                previous = (k, sign)
            }
        }
        return out
    }

    /// The steps where some coefficient as written is undefined.
    public var undefinedSteps: [Int] { zeroSet(of: "alpha").undefined }

    /// `{0, 1, 2}`, `{}`, with runs shortened: `{0, …, 999}` for 1,000 consecutive steps.
    public static func stepSet(_ steps: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < steps.count {
            var j = i
            while j + 1 < steps.count, steps[j + 1] == steps[j] + 1 { j += 1 }
            if j - i >= 2 { parts.append("\(steps[i]), …, \(steps[j])") } else { parts += steps[i...j].map(String.init) }
            i = j + 1
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// A value in a report: the exact rational when it is short, else the decimal.
    public static func text(_ r: Result<StepValue, StepFailure>, digits: Int) -> String {
        switch r {
        case .failure(.undefined(let why)): return "undefined (\(why))"
        case .failure(.unknown(let why)): return "unknown (\(why))"
        case .success(.exact(let q)):
            let s = q.description
            return s.count <= 60 ? s : "≈ \(q.decimalString(significantDigits: digits)) (exact rational, \(q.bitSize) bits)"
        case .success(.ball(let b)):
            if b.isExactlyZero { return "0" }
            if b.containsZero, let r = b.radius { return "unknown sign, |value| ≤ \(r.decimalString(significantDigits: 3))" }
            return "≈ \(b.decimalString(digits: digits))"
        }
    }

    /// `α = 1/2`, `α ≈ 0.5`, `α undefined (…)`.
    public static func equation(_ name: String, _ r: Result<StepValue, StepFailure>, digits: Int) -> String {
        let t = text(r, digits: digits)
        return t.hasPrefix("≈") || t.hasPrefix("undefined") || t.hasPrefix("unknown") ? "\(name) \(t)" : "\(name) = \(t)"
    }

    /// The analysis as text, in the layout of the continuous report.
    public func report(path: String, digits: Int = 10) -> String {
        let s = schedule
        var out = "\(s.name)\(s.title.map { " — \($0)" } ?? "")  (\(path):\(s.range.start))\n"
        func line(_ label: String, _ value: String) { out += "  \(label.padding(toLength: 12, withPad: " ", startingAt: 0))\(value)\n" }
        line("steps", "\(s.stepName) ∈ {\(s.first), …, \(s.last)} (\(s.count) steps), data variance Var(x₀) = 1")
        for l in s.lets { line("let", "\(l.name) = \(Self.letText(l.kind, step: s.stepName))") }
        for name in ["alpha", "sigma", "c", "d", "det", "snr", "rho"] {
            if case .success(let f)? = evaluation.forms[name] {
                let text = printUnicode(f.expression)
                line(name == "det" ? "det A" : name, text.count <= 160 ? text : "(\(text.count) characters: see --format json)")
            }
        }
        out += "  zeros on the steps:\n"
        for q in Self.zeroQuantities {
            let z = zeroSet(of: q)
            var text = z.zeros.isEmpty ? "none" : "\(s.stepName) ∈ \(Self.stepSet(z.zeros)) (exact)"
            text += z.isComplete ? " — complete" : " — not decided at \(Self.stepSet(z.undecided + z.undecidedDefinedness))"
            if !z.signChanges.isEmpty {
                text += "; sign changes between steps " + z.signChanges.map { "\($0.0) and \($0.1)" }.joined(separator: ", ")
            }
            out += "    \(Self.symbol(q).padding(toLength: 10, withPad: " ", startingAt: 0))\(text)\n"
        }
        let undefined = undefinedSteps
        line("undefined", undefined.isEmpty ? "nowhere" : "at \(s.stepName) ∈ \(Self.stepSet(undefined))")
        for (label, k) in [("first step", s.first), ("last step", s.last)] {
            let values = ["alpha", "sigma", "snr", "det"].map { Self.equation(Self.symbol($0), evaluation.value(of: $0, at: k), digits: digits) }
            line(label, "\(s.stepName) = \(k): " + values.joined(separator: ", "))
        }
        for (name, steps) in evaluation.clippedSteps.sorted(by: { $0.key < $1.key }) {
            line("clipped", "\(name) takes its bound at \(s.stepName) ∈ \(Self.stepSet(steps))")
        }
        if let plan = s.sampling {
            let t = plan.timesteps(trainSteps: s.count)
            line("sampling", "\(plan.steps) steps, \(plan.spacing.rawValue) spacing, offset \(plan.offset): timesteps \(t.prefix(3).map(String.init).joined(separator: ", ")), …, \(t.last.map(String.init) ?? "")")
        }
        return out
    }

    public func json(digits: Int = 20) -> JSONValue {
        let s = schedule
        func value(_ r: Result<StepValue, StepFailure>) -> JSONValue {
            switch r {
            case .failure(.undefined(let why)): return .object([("undefined", .string(why))])
            case .failure(.unknown(let why)): return .object([("unknown", .string(why))])
            case .success(.exact(let q)): return .object([("exact", .string(q.description)), ("value", .string(q.decimalString(significantDigits: digits)))])
            case .success(.ball(let b)): return .object([("exact", .null), ("value", .string(b.decimalString(digits: digits)))])
            }
        }
        var zeros: [(String, JSONValue)] = []
        for q in Self.zeroQuantities {
            let z = zeroSet(of: q)
            zeros.append((q, .object([
                ("steps", .array(z.zeros.map { .int($0) })), ("complete", .bool(z.isComplete)),
                ("undecided", .array((z.undecided + z.undecidedDefinedness).map { .int($0) })),
                ("sign_changes", .array(z.signChanges.map { .array([.int($0.0), .int($0.1)]) })),
            ])))
        }
        var forms: [(String, JSONValue)] = []
        for name in DiscreteEvaluation.quantityNames {
            if case .success(let f)? = evaluation.forms[name] { forms.append((name, .string(printASCII(f.expression)))) }
        }
        func ends(_ k: Int) -> JSONValue {
            .object([("step", .int(k))] + DiscreteEvaluation.quantityNames.map { ($0, value(evaluation.value(of: $0, at: k))) })
        }
        return .object([
            ("name", .string(s.name)), ("title", s.title.map { .string($0) } ?? .null),
            ("steps", .object([("variable", .string(s.stepName)), ("first", .int(s.first)), ("last", .int(s.last))])),
            ("formulas", .object(forms)), ("zeros", .object(zeros)),
            ("undefined", .array(undefinedSteps.map { .int($0) })),
            ("ends", .array([ends(s.first), ends(s.last)])),
        ])
    }

    static func symbol(_ q: String) -> String {
        ["alpha": "α", "sigma": "σ", "rho": "ρ", "det": "det A"][q] ?? q
    }

    static func letText(_ kind: DiscreteLet.Kind, step: String) -> String {
        switch kind {
        case .expression(let e): return printUnicode(e)
        case .cumulativeProduct(let e): return "cumprod(\(printUnicode(e)), \(step))"
        case .cumulativeSum(let e): return "cumsum(\(printUnicode(e)), \(step))"
        case .minimum(let a, let b): return "min(\(printUnicode(a)), \(printUnicode(b)))"
        case .maximum(let a, let b): return "max(\(printUnicode(a)), \(printUnicode(b)))"
        case .list(let v): return "[\(v.prefix(3).map(\.description).joined(separator: ", "))\(v.count > 3 ? ", …" : "")] (\(v.count) values)"
        }
    }
}
