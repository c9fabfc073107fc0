import Symbolic

/// A parsed schedule file before semantic checks: what `ScheduleParser` produces and
/// `ScheduleValidator` consumes. Every range is in file coordinates (line, column and
/// byte offset of the whole file), expressions included.
public struct ScheduleFileSyntax: Sendable {
    /// The file name used in diagnostics.
    public var path: String
    public var source: SourceText
    public var schedules: [ScheduleSyntax]
    /// Syntax errors, in file order.
    public var diagnostics: [Diagnostic]
    /// True when parsing stopped early at a budget (too many schedules or errors).
    public var truncated: Bool
}

/// A name as written, in canonical ASCII spelling (`σ_d` is `sigma_d`), with its range.
public struct Identifier: Hashable, Sendable {
    public var name: String
    public var range: SourceRange

    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// One `schedule NAME ["TITLE"] { … }` block.
public struct ScheduleSyntax: Sendable {
    /// The name; empty when the header had none (an error was reported).
    public var name: String
    public var nameRange: SourceRange
    public var title: String?
    /// The header line, from `schedule` to `{`.
    public var range: SourceRange
    public var statements: [StatementSyntax]
    /// The closing `}`; nil when the block was not closed (an error was reported).
    public var closingRange: SourceRange?
    /// Number of syntax errors reported in the header and body. A schedule with
    /// errors is still validated (for its other errors) but never becomes a model.
    public var syntaxErrorCount: Int
}

/// The statement keywords of a schedule block.
public enum StatementKeyword: String, Hashable, Sendable, CaseIterable {
    case time
    case param
    case `let`
    case function
    case forwardProcess = "x_t"
    case alpha
    case sigma
    case target
    case dataVariance = "data variance"
    case expect
    case cite
    case allow

    /// The words a statement line can begin with (`data` for `data variance`).
    static let leadingWords: [String: StatementKeyword] = [
        "time": .time, "param": .param, "let": .let, "function": .function, "x_t": .forwardProcess,
        "alpha": .alpha, "α": .alpha, "sigma": .sigma, "σ": .sigma, "target": .target,
        "data": .dataVariance, "expect": .expect, "cite": .cite, "allow": .allow,
    ]
}

/// One statement line of a schedule block.
public struct StatementSyntax: Sendable {
    public enum Kind: Sendable {
        case time(Identifier, IntervalSyntax)
        /// `param k = EXPR` (value), `param k` (nil), `param k > 0` (nil, `positiveWritten`).
        case param(Identifier, value: Expr?, positiveWritten: Bool)
        case letBinding(Identifier, value: Expr)
        /// `function NAME`: an unknown smooth function of the time variable.
        case function(Identifier)
        /// `x_t = EXPR`.
        case forwardProcess(Expr)
        case alpha(Expr)
        case sigma(Expr)
        case target(Expr)
        case dataVariance(Expr)
        /// `expect CLAIM`; `text` is the claim as written (after `expect `).
        case expect(Claim, text: String)
        case cite(String)
        case allow([Identifier])
        /// A statement that did not parse (its error was reported). The keyword and
        /// the name it defines, when they could be read, let the validator stay quiet
        /// about the consequences (an unknown name that the failed `let` defined).
        case invalid(StatementKeyword?, name: String?)
    }

    public var kind: Kind
    /// The statement, from its first character to its last (comments excluded).
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The keyword of the statement, if known.
    public var keyword: StatementKeyword? {
        switch kind {
        case .time: return .time
        case .param: return .param
        case .letBinding: return .let
        case .function: return .function
        case .forwardProcess: return .forwardProcess
        case .alpha: return .alpha
        case .sigma: return .sigma
        case .target: return .target
        case .dataVariance: return .dataVariance
        case .expect: return .expect
        case .cite: return .cite
        case .allow: return .allow
        case .invalid(let keyword, _): return keyword
        }
    }
}

/// `[a, b]`, `(a, b]`, `[a, b)`, `(a, b)` or `[a, inf)`.
public struct IntervalSyntax: Sendable {
    public var lower: Expr
    /// nil for `inf`.
    public var upper: Expr?
    public var lowerClosed: Bool
    public var upperClosed: Bool
    /// The whole interval, brackets included.
    public var range: SourceRange
    /// The interval as written, for messages.
    public var text: String
}
