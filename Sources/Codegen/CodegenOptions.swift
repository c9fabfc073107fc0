import Exact

/// How `sched codegen` writes code.
public struct CodegenOptions: Sendable, Equatable {
    /// Stable forms (each proven equal to the formula), or the canonical form as
    /// written (`--naive`), for comparison.
    public var stable: Bool
    /// What a function does at an end of the domain where it is undefined.
    public var atSingular: SingularEndPolicy
    /// The command line that generated the module, for its docstring.
    public var commandLine: String

    public init(stable: Bool = true, atSingular: SingularEndPolicy = .raise, commandLine: String = "") {
        self.stable = stable
        self.atSingular = atSingular
        self.commandLine = commandLine
    }
}

/// `--at-singular`: where a function is undefined at an end of the domain (0/0, a
/// division by zero), the generated code never returns a silent NaN or a rounding
/// artefact.
public enum SingularEndPolicy: Sendable, Equatable {
    /// A ValueError naming the function, the end and why.
    case raise
    /// The exact one-sided limit from inside the domain, where sched proves one (±inf
    /// for a scalar function that diverges); a ValueError where there is none.
    case limit
    /// The function evaluated at the end moved inward by ε (t = T_MAX − ε at the upper
    /// end, T_MIN + ε at the lower), a point of the domain where sched proves it
    /// defined: finite, but ε away from the end, so the value is the function's at
    /// that point, not at the end (x̂0 of ε-prediction at the cosine schedule's t = 1
    /// is its value at 1 − ε, which grows like 1/ε as ε → 0).
    case clamp(Rational)

    /// The option's words: "raise", "limit", "clamp 1/1000000".
    public var words: [String] {
        switch self {
        case .raise: return ["raise"]
        case .limit: return ["limit"]
        case .clamp(let eps): return ["clamp", eps.description]
        }
    }

    /// As the option is written: "raise", "limit", "clamp=1/1000000".
    public var text: String { words.joined(separator: "=") }

    /// Parses `raise`, `limit` or `clamp=EPS` (also `clamp:EPS`); nil otherwise.
    public init?(text: String) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "=" || $0 == ":" }).map(String.init)
        self.init(words: parts)
    }

    /// Parses the option's words; nil unless they are `raise`, `limit` or `clamp EPS`
    /// with EPS a positive exact number (1e-6, 1/1000000).
    public init?(words: [String]) {
        switch words.count {
        case 1 where words[0] == "raise": self = .raise
        case 1 where words[0] == "limit": self = .limit
        case 2 where words[0] == "clamp":
            guard let eps = Rational(words[1]), eps.isPositive else { return nil }
            self = .clamp(eps)
        default: return nil
        }
    }
}
