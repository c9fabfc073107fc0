import Symbolic

/// A validated schedule file: the models of its valid schedules and every diagnostic.
public struct ScheduleFile: Sendable {
    /// The file name used in diagnostics.
    public var path: String
    public var source: SourceText
    /// The schedules without errors, in file order. A schedule with any error (syntax
    /// or semantic) is reported in `diagnostics` and left out.
    public var schedules: [Schedule]
    /// Every error of the file, syntax and semantic, in file order (errors about
    /// `--param` overrides, which have no place in the file, come first at 1:1).
    public var diagnostics: [Diagnostic]

    public init(path: String, source: SourceText, schedules: [Schedule], diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.schedules = schedules
        self.diagnostics = diagnostics
    }

    /// Parses and validates `text`.
    public init(parsing text: String, path: String = "<input>", parameterOverrides: [String: Expr] = [:],
                limits: ScheduleLimits = .standard) {
        let syntax = ScheduleParser.parse(text, path: path, limits: limits)
        self = ScheduleValidator(parameterOverrides: parameterOverrides, limits: limits).validate(syntax)
    }

    /// Parses and validates UTF-8 bytes (an invalid byte is a diagnostic).
    public init<Bytes: Collection>(parsing bytes: Bytes, path: String = "<input>", parameterOverrides: [String: Expr] = [:],
                                   limits: ScheduleLimits = .standard) where Bytes.Element == UInt8 {
        // (A file over the size limit is reported as such, before anything reads it.)
        if bytes.count <= limits.maximumFileBytes, let other = ScheduleFile.otherInput(Array(bytes), path: path) {
            self = other
            return
        }
        let syntax = ScheduleParser.parse(utf8: bytes, path: path, limits: limits)
        self = ScheduleValidator(parameterOverrides: parameterOverrides, limits: limits).validate(syntax)
    }

    /// Whether any diagnostic is an error (the others are warnings: `np.exp` read as `exp`).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The schedule called `name`, if it is valid.
    public func schedule(named name: String) -> Schedule? { schedules.first { $0.name == name } }

    /// The diagnostics drawn with source lines and carets.
    public func formattedDiagnostics() -> String {
        DiagnosticFormatter(fileName: path).format(diagnostics, in: source)
    }
}

/// One schedule: the forward process x_t = α·x0 + σ·ε, the target y = c·x0 + d·ε,
/// and everything declared around them, every quantity a canonical form.
///
/// Numeric parameters are substituted in every form; symbolic ones are symbols. The
/// forms contain no vectors and no lets: only the time variable, symbolic
/// parameters, and constants.
public struct Schedule: Sendable {
    public var name: String
    public var title: String?
    public var cite: String?
    /// The `schedule` header.
    public var range: SourceRange
    public var time: TimeDomain
    /// In file order.
    public var params: [Parameter]
    /// In file order.
    public var lets: [LetBinding]
    /// The declared abstract functions (order 0) and every derivative of them that a
    /// let's value uses, so that names printed as `alpha'` read back as α′.
    public var functions: [AbstractFunction] = []
    /// With the range of the statement that defined it (`x_t = …` or `alpha = …`).
    public var alpha: Quantity
    public var sigma: Quantity
    /// From the target's linear decomposition; range: the target statement.
    public var c: Quantity
    public var d: Quantity
    /// The target as written (lets and vector names unexpanded).
    public var target: Expr
    public var targetRange: SourceRange
    /// Var(x0); 1 (with a nil range) unless given.
    public var dataVariance: Quantity
    public var expectations: [Expectation]
    /// Rule names as written (validated by the linter, not here).
    public var allows: [(rule: String, range: SourceRange)]
    /// The symbolic parameters, and the time variable when the lower end of the time
    /// domain is proven ≥ 0 (see `TimeDomain.isNonnegative`). The simplifier uses
    /// `positive` only to take square roots of squares (√(t²) = t), which needs
    /// t ≥ 0, so a closed lower end at 0 qualifies.
    public var assumptions: Assumptions
    /// Where each statement is: "time", "x_t", "alpha", "sigma", "target",
    /// "data variance", "cite", "param NAME", "let NAME". Only statements that were
    /// written appear (a default time domain has no entry; with `x_t = …` there is
    /// no "alpha" entry — `alpha.range` is the x_t statement).
    public var statementRanges: [String: SourceRange]
    /// Where the coefficients are defined *as written* (denominators ≠ 0, radicands
    /// ≥ 0, log arguments > 0, …): the canonical forms above may be defined at more
    /// points (√(t − ½)² is t − ½), and a point outside this set is never a zero or a
    /// value of anything.
    public var definedness: Definedness
    /// `definedness` statement by statement (alpha, sigma, x_t, target, data
    /// variance), in file order: where a finding about undefined points goes.
    public var definednessByStatement: [(range: SourceRange, definedness: Definedness)]

    public init(
        name: String, title: String? = nil, cite: String? = nil, range: SourceRange, time: TimeDomain = .standard,
        params: [Parameter] = [], lets: [LetBinding] = [], alpha: Quantity, sigma: Quantity, c: Quantity, d: Quantity,
        target: Expr, targetRange: SourceRange, dataVariance: Quantity = Quantity(value: .one, range: nil),
        expectations: [Expectation] = [], allows: [(rule: String, range: SourceRange)] = [],
        assumptions: Assumptions = Assumptions(), statementRanges: [String: SourceRange] = [:],
        definedness: Definedness = .everywhere, definednessByStatement: [(range: SourceRange, definedness: Definedness)] = []
    ) {
        self.name = name
        self.title = title
        self.cite = cite
        self.range = range
        self.time = time
        self.params = params
        self.lets = lets
        self.alpha = alpha
        self.sigma = sigma
        self.c = c
        self.d = d
        self.target = target
        self.targetRange = targetRange
        self.dataVariance = dataVariance
        self.expectations = expectations
        self.allows = allows
        self.assumptions = assumptions
        self.statementRanges = statementRanges
        self.definedness = definedness
        self.definednessByStatement = definednessByStatement
    }

    /// The velocity target's coefficients: α′ and σ′ with respect to the time variable.
    public func velocity() throws(SimplificationError) -> (c: CanonicalForm, d: CanonicalForm) {
        (try alpha.value.derivative(withRespectTo: time.name, assuming: assumptions),
         try sigma.value.derivative(withRespectTo: time.name, assuming: assumptions))
    }
}

/// The time variable and its domain.
public struct TimeDomain: Sendable {
    public var name: String
    /// Never nil today (a lower end cannot be infinite); nil would mean −∞.
    public var lower: CanonicalForm?
    /// nil = +∞ (then `upperClosed` is false).
    public var upper: CanonicalForm?
    public var lowerClosed: Bool
    public var upperClosed: Bool
    /// The `time` statement; nil for the default `time t in [0, 1]`.
    public var range: SourceRange?

    public init(name: String, lower: CanonicalForm?, upper: CanonicalForm?, lowerClosed: Bool, upperClosed: Bool,
                range: SourceRange?) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.lowerClosed = lowerClosed
        self.upperClosed = upperClosed
        self.range = range
    }

    /// `time t in [0, 1]`.
    public static let standard = TimeDomain(name: "t", lower: .zero, upper: .one, lowerClosed: true, upperClosed: true,
                                            range: nil)

    /// True when the lower end is proven ≥ 0, so the variable is non-negative on the
    /// domain: a rational ≥ 0, a constant whose enclosure is ≥ 0, or an expression
    /// with positive coefficients in positive symbols and π.
    public func isNonnegative(positiveSymbols: Set<String>) -> Bool {
        guard let lower else { return false }
        return ConstantSign.isNonnegative(lower, positiveSymbols: positiveSymbols)
    }
}

/// `param NAME = EXPR` (a value) or `param NAME [> 0]` (symbolic).
public struct Parameter: Sendable {
    public var name: String
    /// The exact value (after substituting earlier numeric parameters), or nil for a
    /// symbolic parameter. A `--param` override replaces it.
    public var value: CanonicalForm?
    /// Symbolic parameters are positive (issue #4); a parameter with a value is
    /// positive when its value is proven > 0.
    public var positive: Bool
    public var range: SourceRange
    /// True when the value came from `--param`.
    public var overridden: Bool

    public init(name: String, value: CanonicalForm?, positive: Bool, range: SourceRange, overridden: Bool = false) {
        self.name = name
        self.value = value
        self.positive = positive
        self.range = range
        self.overridden = overridden
    }
}

/// `let NAME = EXPR`.
public struct LetBinding: Sendable {
    public var name: String
    /// The value with numeric parameters, earlier lets, alpha, sigma, x_t and velocity
    /// substituted. A vector-valued let is a linear form in the symbols `x0` and `eps`
    /// (`epsilon` is `eps`); a let over derived quantities keeps them as symbols.
    public var value: CanonicalForm
    public var range: SourceRange
    /// The value uses the vectors x0, eps.
    public var isVector: Bool
    /// The derived quantities (c, d, det, rho, …) the value uses, kept as symbols.
    public var quantities: Set<String>

    public init(name: String, value: CanonicalForm, range: SourceRange, isVector: Bool = false,
                quantities: Set<String> = []) {
        self.name = name
        self.value = value
        self.range = range
        self.isVector = isVector
        self.quantities = quantities
    }
}

/// A canonical form and the statement that defined it.
public struct Quantity: Sendable {
    public var value: CanonicalForm
    /// nil for defaults (data variance 1).
    public var range: SourceRange?

    public init(value: CanonicalForm, range: SourceRange?) {
        self.value = value
        self.range = range
    }
}

/// `expect CLAIM`.
public struct Expectation: Sendable {
    public var claim: Claim
    /// The `expect` statement.
    public var range: SourceRange
    /// The claim as written, after `expect `.
    public var text: String

    public init(claim: Claim, range: SourceRange, text: String) {
        self.claim = claim
        self.range = range
        self.text = text
    }
}

/// A claim about a schedule, to be proven by the analysis.
///
/// In a validated `Schedule`, lets and numeric parameters are substituted (lets by
/// their canonical value, parameters by theirs), so the names left are the quantity
/// names (`alpha sigma c d det cov var_x var_y rho snr logsnr amp_x0 amp_eps
/// weight_eps weight_x0 data_variance`), the time variable and symbolic parameters.
/// In the syntax tree the claims are as written.
public enum Claim: Sendable, Hashable {
    /// `Q == EXPR` on the whole domain, for all symbolic parameters.
    case identity(Expr, Expr)
    /// `Q != 0`: nowhere zero on the domain.
    case nonzero(Expr)
    /// `Q == 0 at NAME = EXPR`: an exact zero at a point.
    case zeroAt(Expr, variable: String, at: Expr)
    /// `zeros(Q) == {EXPR, …}`: the exact zero set on the domain (`{}`: none).
    case zeroSet(Expr, [Expr])
    /// `Q > 0` on the whole domain.
    case positive(Expr)
    /// `Q < 0` on the whole domain.
    case negative(Expr)

    /// The claimed quantity Q.
    public var subject: Expr {
        switch self {
        case .identity(let q, _), .nonzero(let q), .zeroAt(let q, _, _), .zeroSet(let q, _), .positive(let q),
             .negative(let q):
            return q
        }
    }
}
