import Exact
import Symbolic

/// The semantic checks of one schedule block, and its model when it has no errors.
///
/// Order of work:
/// 1. Failed statements (syntax errors) *poison* what they would have defined, so
///    that their consequences are not reported again: a name whose `let` failed is
///    silently unusable, a failed `x_t = …` silences "missing forward process".
/// 2. Declarations: the time variable's name, then the parameters in file order
///    (a value may use earlier parameters), then the time bounds (which may use any
///    parameter). Declarations are visible in the whole block.
/// 3. Everything else in file order: lets, the forward process, the target, the
///    data variance, claims, cite, allow. A let is visible after its line; alpha and
///    sigma after the statement that defines them; x_t and velocity once the
///    forward process is complete.
/// 4. Completeness: a forward process (x_t, or alpha and sigma) and a target.
///
/// Lets and numeric parameters are substituted as canonical forms through the
/// simplifier's bindings (`Simplifier(bindings:)`), not by copying trees: a chain of
/// lets each using the previous twice stays linear in size, and `diff(a, t)` of a
/// let `a` differentiates its value. Vectors are the symbols `x0` and `eps`
/// (`epsilon` is bound to `eps`); `x_t` is bound to α·x0 + σ·eps and `velocity` to
/// α′·x0 + σ′·eps, so linearity is a property of the final canonical form
/// (`LinearForm`).
struct SchedulePass {
    let syntax: ScheduleSyntax
    let bytes: [UInt8]
    let overrides: [String: Expr]
    let limits: ScheduleLimits
    private(set) var diagnostics: [Diagnostic] = []

    static let vectors = ["x0", "eps"]
    static let vectorNames: Set<String> = ["x0", "eps", "epsilon"]
    static let noisyInputs: Set<String> = ["x_t", "velocity"]
    static let forwardQuantities: Set<String> = ["alpha", "sigma"]
    static let derivedQuantities: Set<String> = [
        "c", "d", "det", "cov", "var_x", "var_y", "rho", "snr", "logsnr", "amp_x0", "amp_eps", "weight_eps",
        "weight_x0", "data_variance",
    ]
    static let claimKeywords: Set<String> = ["zeros", "at", "inf"]

    // MARK: Scope

    var poisoned: Set<String> = []
    /// The time statement failed before its name could be read: unknown names are
    /// then not reported (any of them may be the time variable).
    var quietUnknownNames = false
    var timeName = "t"
    var timeStatement: StatementSyntax?
    var time = TimeDomain.standard
    var timeFailed = false
    var params: [Parameter] = []
    var paramIndex: [String: Int] = [:]
    var symbolicParams: Set<String> = []
    var lets: [LetBinding] = []
    /// The declared abstract functions (`function alpha`), by name.
    var functions: [String: AbstractFunction] = [:]
    var letIndex: [String: Int] = [:]
    /// Where each param and let is (first) defined, for "used before its definition".
    var definitionSites: [String: (site: SourceLocation, isLet: Bool)] = [:]
    var bindings: [String: CanonicalForm] = ["epsilon": .symbol("eps")]
    /// Where each bound let (and alpha, sigma) is defined, as written.
    var bindingDefinedness: [String: Definedness] = [:]
    /// Where the coefficients are defined as written: the conditions of the forward
    /// process, the target and the data variance (the canonical forms forget them).
    var coefficientDefinedness = Definedness()
    /// The same, statement by statement, in file order (`Schedule.definednessByStatement`).
    var statementDefinedness: [(range: SourceRange, definedness: Definedness)] = []
    var assumptions = Assumptions()
    /// The index of the statement being checked.
    var current = 0

    // MARK: Results

    var alpha: Quantity?
    var sigma: Quantity?
    var alphaFromStatement = false
    var sigmaFromStatement = false
    var forwardFromXt = false
    var forwardComplete = false
    var velocityBound = false
    var conflictReported = false
    var targetFailed = false
    var target: (expression: Expr, range: SourceRange, c: CanonicalForm, d: CanonicalForm)?
    var targetSeen = false
    var dataVariance = Quantity(value: .one, range: nil)
    var expectations: [Expectation] = []
    var allows: [(rule: String, range: SourceRange)] = []
    var cite: String?
    /// Statement ranges by key ("time", "x_t", "param k", …), first definitions.
    var statementRanges: [String: SourceRange] = [:]
    /// Ranges to quote in "first defined at": the name of a param, let or time
    /// statement, the statement otherwise.
    var firstSites: [String: SourceRange] = [:]

    init(syntax: ScheduleSyntax, bytes: [UInt8], overrides: [String: Expr], limits: ScheduleLimits) {
        self.syntax = syntax
        self.bytes = bytes
        self.overrides = overrides
        self.limits = limits
    }

    // MARK: Driver

    mutating func run() -> Schedule? {
        poisonFailedStatements()
        declareTime()
        for (i, statement) in syntax.statements.enumerated() {
            current = i
            if case .function(let name) = statement.kind { declareFunction(name, statement) }
        }
        for (i, statement) in syntax.statements.enumerated() {
            current = i
            if case .param(let name, let value, let positive) = statement.kind {
                parameter(name, value: value, positiveWritten: positive, statement)
            }
        }
        defineTimeDomain()
        for (i, statement) in syntax.statements.enumerated() {
            current = i
            switch statement.kind {
            case .letBinding(let name, let value): letBinding(name, value, statement)
            case .forwardProcess(let e): forwardProcess(e, statement)
            case .alpha(let e): forwardQuantity("alpha", e, statement)
            case .sigma(let e): forwardQuantity("sigma", e, statement)
            case .target(let e): targetStatement(e, statement)
            case .dataVariance(let e): dataVarianceStatement(e, statement)
            case .expect(let claim, let text): expectation(claim, text: text, statement)
            case .cite(let text):
                if defineOnce("cite", at: statement.range, statement) { cite = text }
            case .allow(let rules): allows += rules.map { (rule: $0.name, range: $0.range) }
            case .time, .param, .function, .invalid: break
            }
        }
        current = syntax.statements.count
        checkCompleteness()
        return model()
    }

    mutating func report(_ d: Diagnostic) { diagnostics.append(d) }

    mutating func report(_ message: ScheduleDiagnostic, at range: SourceRange, notes: [Note] = []) {
        diagnostics.append(Diagnostic(message, at: range, notes: notes))
    }

    /// The source text of a range.
    func text(_ range: SourceRange?) -> String {
        guard let range, range.start.offset <= range.end.offset, range.end.offset <= bytes.count else { return "" }
        return String(decoding: bytes[range.start.offset..<range.end.offset], as: UTF8.self)
    }

    /// Records the first definition of `key`; reports a redefinition otherwise.
    mutating func defineOnce(_ key: String, display: String? = nil, at site: SourceRange, _ statement: StatementSyntax) -> Bool {
        if let first = firstSites[key] {
            report(.redefinition(display ?? key, firstAt: first.start), at: site, notes: [Note("first defined here", at: first)])
            return false
        }
        firstSites[key] = site
        statementRanges[key] = statement.range
        return true
    }

    // MARK: 1. Failed statements

    private mutating func poisonFailedStatements() {
        for statement in syntax.statements {
            switch statement.kind {
            case .invalid(let keyword, let name):
                switch keyword {
                case .time?:
                    timeFailed = true
                    if let name { timeName = name } else { quietUnknownNames = true }
                case .param?, .let?, .function?:
                    if let name { poisoned.insert(name) }
                case .forwardProcess?: poisoned.formUnion(["alpha", "sigma", "x_t", "velocity"])
                case .alpha?: poisoned.formUnion(["alpha", "x_t", "velocity"])
                case .sigma?: poisoned.formUnion(["sigma", "x_t", "velocity"])
                case .target?: targetFailed = true
                case nil: if let name { poisoned.insert(name) }
                default: break
                }
            case .param(let name, _, _):
                if definitionSites[name.name] == nil { definitionSites[name.name] = (name.range.start, false) }
            case .letBinding(let name, _):
                if definitionSites[name.name] == nil { definitionSites[name.name] = (name.range.start, true) }
            default: break
            }
        }
    }

    // MARK: 2. Declarations

    /// Whether `name` is reserved, and as what.
    static func reservedRole(_ name: String) -> String? {
        if vectorNames.contains(name) || noisyInputs.contains(name) { return "a vector" }
        if forwardQuantities.contains(name) || derivedQuantities.contains(name) { return "a quantity name" }
        if claimKeywords.contains(name) { return "a keyword of claims" }
        return nil
    }

    private mutating func declareTime() {
        for statement in syntax.statements {
            guard case .time(let name, _) = statement.kind else { continue }
            if timeStatement == nil {
                timeStatement = statement
                timeName = name.name
                firstSites["time"] = name.range
                statementRanges["time"] = statement.range
                if let role = Self.reservedRole(name.name) {
                    report(.reservedName(name.name, role: role), at: name.range)
                    timeFailed = true
                }
            } else {
                _ = defineOnce("time", at: name.range, statement)
            }
        }
    }

    private mutating func parameter(_ name: Identifier, value: Expr?, positiveWritten: Bool, _ statement: StatementSyntax) {
        let n = name.name
        if let role = Self.reservedRole(n) {
            report(.reservedName(n, role: role), at: name.range)
            poisoned.insert(n)
            return
        }
        if n == timeName {
            if let first = firstSites["time"] {
                report(.redefinition(n, firstAt: first.start), at: name.range, notes: [Note("first defined here", at: first)])
            } else {
                report(.reservedName(n, role: "the time variable"), at: name.range)
            }
            poisoned.insert(n)
            return
        }
        if firstSites["function \(n)"] != nil {
            // Reported by `declareFunction`.
            return
        }
        if firstSites["param \(n)"] != nil {
            _ = defineOnce("param \(n)", display: n, at: name.range, statement)
            return
        }
        firstSites["param \(n)"] = name.range
        statementRanges["param \(n)"] = statement.range

        var form: CanonicalForm?
        var overridden = false
        if let override = overrides[n] {
            overridden = true
            do {
                let f = try Simplifier(assuming: assumptions).canonicalForm(of: override)
                if let symbol = f.symbols.sorted().first {
                    report(.nonConstantValue(what: "the value of --param \(n)", variable: symbol), at: statement.range)
                } else if positiveWritten, !ConstantSign.isPositive(f, positiveSymbols: []) {
                    report(.parameterNotPositive(n, value: printASCII(override)), at: statement.range)
                } else {
                    form = f
                }
            } catch {
                var d = Diagnostic(SimplificationDiagnostic(error.error), at: statement.range)
                d.message = "--param \(n): " + d.message
                report(d)
            }
            if form == nil {
                poisoned.insert(n)
                return
            }
        } else if let value {
            guard checkNames(value, .paramValue(n), statement), let f = canonicalForm(value, statement) else {
                poisoned.insert(n)
                return
            }
            if f.symbols.contains(timeName) {
                report(.nonConstantValue(what: "the value of parameter '\(n)'", variable: timeName), at: value.range ?? statement.range)
                poisoned.insert(n)
                return
            }
            form = f
        }
        let positive = form.map { ConstantSign.isPositive($0, positiveSymbols: symbolicParams) } ?? true
        paramIndex[n] = params.count
        params.append(Parameter(name: n, value: form, positive: positive, range: statement.range, overridden: overridden))
        if let form {
            bindings[n] = form
        } else {
            symbolicParams.insert(n)
            assumptions.positive.insert(n)
        }
    }

    private mutating func defineTimeDomain() {
        guard let statement = timeStatement, case .time(let name, let interval) = statement.kind else {
            if !timeFailed { assumptions.positive.insert(timeName) }
            return
        }
        let lower = bound(interval.lower, statement)
        var upper: CanonicalForm?
        var upperValid = true
        if let e = interval.upper {
            upper = bound(e, statement)
            upperValid = upper != nil
        }
        guard let lower, upperValid else {
            timeFailed = true
            return
        }
        time = TimeDomain(name: name.name, lower: lower, upper: upper, lowerClosed: interval.lowerClosed,
                          upperClosed: interval.upperClosed, range: statement.range)
        if let upper, let difference = try? upper - lower {
            var sign = ConstantSign.sign(difference)
            if sign == nil, ConstantSign.isPositive(difference, positiveSymbols: symbolicParams) { sign = 1 }
            if let sign, sign < 0 || (sign == 0 && !(interval.lowerClosed && interval.upperClosed)) {
                report(.emptyInterval(interval.text), at: interval.range)
                timeFailed = true
            } else if sign == 0 {
                report(.singlePointInterval(interval.text), at: interval.range)
                timeFailed = true
            }
        }
        if time.isNonnegative(positiveSymbols: symbolicParams) { assumptions.positive.insert(timeName) }
    }

    /// A time bound: constant, over parameters.
    private mutating func bound(_ e: Expr, _ statement: StatementSyntax) -> CanonicalForm? {
        guard checkNames(e, .timeBound, statement), let form = canonicalForm(e, statement) else { return nil }
        if form.symbols.contains(timeName) {
            report(.nonConstantBound(text(e.range), variable: timeName), at: e.range ?? statement.range)
            return nil
        }
        return form
    }

    // MARK: Canonical forms

    /// The canonical form of `e` under the current bindings and assumptions; a
    /// simplification error is reported at the failing subexpression.
    mutating func canonicalForm(_ e: Expr, _ statement: StatementSyntax) -> CanonicalForm? {
        do {
            let (form, definedness) = try Simplifier(assuming: assumptions, bindings: bindings, bindingDefinedness: bindingDefinedness,
                                            timeVariable: timeName)
                .definedForm(of: e)
            switch statement.kind {
            case .alpha, .sigma, .forwardProcess, .target, .dataVariance:
                statementDefinedness.append((statement.range, definedness))
            default: break
            }
            switch statement.kind {
            case .letBinding(let name, _): bindingDefinedness[name.name] = definedness
            case .alpha: bindingDefinedness["alpha"] = definedness; coefficientDefinedness.formUnion(definedness)
            case .sigma: bindingDefinedness["sigma"] = definedness; coefficientDefinedness.formUnion(definedness)
            case .forwardProcess, .target, .dataVariance: coefficientDefinedness.formUnion(definedness)
            default: break
            }
            return form
        } catch {
            report(Diagnostic(SimplificationDiagnostic(error.error), at: error.range ?? statement.range))
            return nil
        }
    }

    /// Runs `body`, reporting a simplification error at `range`.
    mutating func attempt<T>(at range: SourceRange, _ body: () throws(SimplificationError) -> T) -> T? {
        do {
            return try body()
        } catch {
            report(Diagnostic(SimplificationDiagnostic(error), at: range))
            return nil
        }
    }
}
