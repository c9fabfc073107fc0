import Symbolic

/// The catalogue of every diagnostic of the schedule-file layer, with stable IDs.
///
/// Syntax errors inside an expression are not repeated here: they keep the IDs and
/// messages of `SyntaxDiagnostic` (`expected-expression`, `unbalanced-parenthesis`,
/// …), positioned in the file, and simplification errors those of
/// `SimplificationDiagnostic` (`division-by-zero`, `outside-domain`, `too-large`).
/// An invalid UTF-8 byte is `SyntaxDiagnostic.invalidUTF8` (`invalid-utf8`).
public enum ScheduleDiagnostic: DiagnosticMessage, Hashable {
    // MARK: Budgets
    case fileTooLarge(bytes: Int, limit: Int)
    case lineTooLong(bytes: Int, limit: Int)
    case tooManySchedules(limit: Int)
    case tooManyErrors(limit: Int)

    // MARK: File structure
    /// Something other than a schedule header outside a block.
    case expectedSchedule(found: String)
    /// A statement keyword outside a block.
    case statementOutsideSchedule(keyword: String)
    case expectedScheduleName(found: String?)
    case expectedOpenBrace(found: String?)
    /// A block not closed before the next header or the end of the file.
    case unclosedSchedule(name: String, openedAt: SourceLocation)
    case unmatchedClosingBrace

    // MARK: Statements
    case unknownStatement(String, suggestion: String?)
    /// A line beginning with an operator: the rest of the expression of the line before.
    case continuedLine(String)
    /// `beta = 2`: an assignment to a name that is not a statement keyword.
    case assignmentWithoutLet(name: String)
    case unterminatedString
    case expectedString(after: String)
    case expectedName(after: String, found: String?)
    /// A word that cannot be a name: a function name, the constant π, two names.
    case invalidName(String, reason: String)
    case expectedToken(String, after: String, found: String?)
    case unexpectedText(String, after: String)
    case expectedInterval(String)
    case infiniteLowerBound
    case closedInfiniteEnd(upper: String)
    case invalidClaim(String)
    case expectedRule(found: String?)

    // MARK: Names
    case unknownName(String, suggestion: String?)
    case usedBeforeDefinition(String, definedAt: SourceLocation?, what: String)
    case nameNotAllowed(String, role: String, context: String)
    case vectorNotAllowed(String, context: String)
    case redefinition(String, firstAt: SourceLocation)
    case reservedName(String, role: String)
    case invalidDerivativeVariable(String)

    // MARK: Schedules
    case conflictingForwardProcess
    /// `function alpha` with a forward process whose x0 coefficient is not alpha.
    case functionQuantityMismatch(String, value: String)
    /// Numbers (code, a plot) asked of a schedule over an unknown function.
    case functionHasNoValues(String, schedule: String, purpose: String)
    case missingForwardProcess(schedule: String)
    case missingTarget(schedule: String)
    /// `alpha` without `sigma` (or the reverse): `given` is the one written.
    case incompleteForwardProcess(given: String, missing: String)
    case duplicateSchedule(String, firstAt: SourceLocation)

    // MARK: Intervals and constants
    case emptyInterval(String)
    case singlePointInterval(String)
    case nonConstantBound(String, variable: String)
    case nonConstantValue(what: String, variable: String)
    /// `alpha(2)` on [0, 1]: a quantity applied at an argument not proven to stay
    /// in the domain (`proven`: proven to leave it).
    case outsideTimeDomain(String, of: String, domain: String, proven: Bool)
    /// `data variance = E` where E is not proven > 0 on the domain; `reason` completes
    /// "'E' …" (`is negative`, `is 0 at t = 1/2`, `could not be proven positive: …`).
    case dataVarianceNotPositive(String, reason: String)

    // MARK: Linearity
    case nonLinear(subject: String, term: String, reason: NonLinearity)
    case constantTerm(subject: String, term: String)

    // MARK: Parameters from the command line
    case unknownParameter(String, suggestion: String?)
    case parameterNotPositive(String, value: String)

    /// How a term fails to be linear in the vectors.
    public enum NonLinearity: String, Hashable, Sendable {
        case product = "multiplies two vectors"
        case power = "raises a vector to a power"
        case function = "applies a function to a vector"
        case division = "divides by a vector"
    }

    public var id: DiagnosticID {
        switch self {
        case .fileTooLarge: return "file-too-large"
        case .lineTooLong: return "line-too-long"
        case .tooManySchedules: return "too-many-schedules"
        case .tooManyErrors: return "too-many-errors"
        case .expectedSchedule: return "expected-schedule"
        case .statementOutsideSchedule: return "statement-outside-schedule"
        case .expectedScheduleName: return "expected-schedule-name"
        case .expectedOpenBrace: return "expected-open-brace"
        case .unclosedSchedule: return "unclosed-schedule"
        case .unmatchedClosingBrace: return "unmatched-closing-brace"
        case .unknownStatement, .assignmentWithoutLet: return "unknown-statement"
        case .continuedLine: return "continued-line"
        case .unterminatedString: return "unterminated-string"
        case .expectedString: return "expected-string"
        case .expectedName: return "expected-name"
        case .invalidName: return "invalid-name"
        case .expectedToken: return "expected-token"
        case .unexpectedText: return "unexpected-text"
        case .expectedInterval: return "expected-interval"
        case .infiniteLowerBound: return "infinite-lower-bound"
        case .closedInfiniteEnd: return "closed-infinite-end"
        case .invalidClaim: return "invalid-claim"
        case .expectedRule: return "expected-rule"
        case .unknownName: return "unknown-name"
        case .usedBeforeDefinition: return "used-before-definition"
        case .nameNotAllowed: return "name-not-allowed"
        case .vectorNotAllowed: return "vector-not-allowed"
        case .redefinition: return "redefinition"
        case .reservedName: return "reserved-name"
        case .invalidDerivativeVariable: return "invalid-derivative-variable"
        case .conflictingForwardProcess: return "conflicting-forward-process"
        case .functionQuantityMismatch: return "function-quantity-mismatch"
        case .functionHasNoValues: return "function-has-no-values"
        case .missingForwardProcess: return "missing-forward-process"
        case .missingTarget: return "missing-target"
        case .incompleteForwardProcess: return "incomplete-forward-process"
        case .duplicateSchedule: return "duplicate-schedule"
        case .emptyInterval, .singlePointInterval: return "empty-interval"
        case .nonConstantBound: return "non-constant-bound"
        case .nonConstantValue: return "non-constant-value"
        case .outsideTimeDomain: return "outside-time-domain"
        case .dataVarianceNotPositive: return "data-variance-not-positive"
        case .nonLinear: return "non-linear"
        case .constantTerm: return "constant-term"
        case .unknownParameter: return "unknown-parameter"
        case .parameterNotPositive: return "parameter-not-positive"
        }
    }

    public var severity: Severity { .error }

    public var message: String {
        switch self {
        case .fileTooLarge(let bytes, let limit):
            return "file too large: \(bytes) bytes (limit \(limit) bytes)"
        case .lineTooLong(let bytes, let limit):
            return "line too long: \(bytes) bytes (limit \(limit) bytes)"
        case .tooManySchedules(let limit):
            return "too many schedules in one file (limit \(limit)); the rest of the file is ignored"
        case .tooManyErrors(let limit):
            return "too many errors (limit \(limit)); stopping"
        case .expectedSchedule(let found):
            return "expected 'schedule NAME { … }', found '\(short(found))'"
        case .statementOutsideSchedule(let keyword):
            return "'\(keyword)' statement outside a schedule: statements go inside 'schedule NAME { … }'"
        case .expectedScheduleName(let found?):
            return "expected a schedule name after 'schedule', found '\(short(found))'"
        case .expectedScheduleName(nil):
            return "expected a schedule name after 'schedule'"
        case .expectedOpenBrace(let found?):
            return "expected '{' at the end of the schedule header, found '\(short(found))'"
        case .expectedOpenBrace(nil):
            return "expected '{' at the end of the schedule header"
        case .unclosedSchedule(let name, let openedAt):
            return "expected '}' to close schedule '\(short(name))' opened at \(openedAt)"
        case .unmatchedClosingBrace:
            return "unexpected '}' outside a schedule"
        case .unknownStatement(let word, let suggestion?):
            return "unknown statement '\(short(word))'; did you mean '\(suggestion)'?"
        case .unknownStatement(let word, nil):
            return "unknown statement '\(short(word))'"
        case .continuedLine(let op):
            return "a line cannot begin with '\(op)': an expression is written on one line, join this line to the one before"
        case .assignmentWithoutLet(let name):
            return "unknown statement '\(short(name)) = …'; to define a helper, write 'let \(short(name)) = …'"
        case .unterminatedString:
            return "unterminated string: expected '\"' before the end of the line"
        case .expectedString(let after):
            return "expected a string in double quotes after '\(after)'"
        case .expectedName(let after, let found?):
            return "expected a name after '\(after)', found '\(short(found))'"
        case .expectedName(let after, nil):
            return "expected a name after '\(after)'"
        case .invalidName(let word, let reason):
            return "'\(short(word))' cannot be used as a name: \(reason)"
        case .expectedToken(let token, let after, let found?):
            return "expected \(token) after '\(short(after))', found '\(short(found))'"
        case .expectedToken(let token, let after, nil):
            return "expected \(token) after '\(short(after))'"
        case .unexpectedText(let text, let after):
            return "unexpected '\(short(text))' after \(after)"
        case .expectedInterval(let what):
            return what
        case .infiniteLowerBound:
            return "the lower end of the time interval cannot be infinite"
        case .closedInfiniteEnd(let upper):
            return "an infinite end of the time interval must be open: write '\(upper))'"
        case .invalidClaim(let what):
            return what
        case .expectedRule(let found?):
            return "expected a rule name (such as S202 or rho-vanishes) after 'allow', found '\(short(found))'"
        case .expectedRule(nil):
            return "expected a rule name (such as S202 or rho-vanishes) after 'allow'"
        case .unknownName(let name, let suggestion?):
            return "unknown name '\(short(name))'; did you mean '\(suggestion)'?"
        case .unknownName(let name, nil):
            return "unknown name '\(short(name))'"
        case .usedBeforeDefinition(let name, let at?, let what):
            return "'\(name)' is used before \(what) at \(at)"
        case .usedBeforeDefinition(let name, nil, let what):
            return "'\(name)' is used before \(what)"
        case .nameNotAllowed(let name, let role, let context):
            return "\(role) '\(name)' cannot be used in \(context)"
        case .vectorNotAllowed(let name, let context):
            return "'\(name)' is a vector, but \(context) must be a scalar"
        case .redefinition(let name, let first):
            return "redefinition of '\(name)' (first defined at \(first))"
        case .reservedName(let name, let role):
            return "'\(name)' is reserved (\(role)) and cannot be defined"
        case .invalidDerivativeVariable(let name):
            return "'diff' can differentiate only with respect to the time variable or a symbolic parameter, not '\(name)'"
        case .conflictingForwardProcess:
            return "the forward process is given twice: use either 'x_t = …' or 'alpha = …' with 'sigma = …', not both"
        case .functionQuantityMismatch(let name, let value):
            return "'\(name)' is declared a function, so the forward process must give \(name) = \(name), not '\(short(value))'"
        case .functionHasNoValues(let name, let schedule, let purpose):
            return "schedule '\(short(schedule))' uses the unknown function '\(name)': \(purpose) needs a concrete function of time in its place"
        case .missingForwardProcess(let schedule):
            return "schedule '\(short(schedule))' has no forward process: add 'x_t = …' or 'alpha = …' and 'sigma = …'"
        case .missingTarget(let schedule):
            return "schedule '\(short(schedule))' has no target: add 'target = …'"
        case .incompleteForwardProcess(let given, let missing):
            return "'\(given)' is given without '\(missing)': the forward process needs both"
        case .duplicateSchedule(let name, let first):
            return "duplicate schedule name '\(short(name))' (first defined at \(first))"
        case .emptyInterval(let text):
            return "the time interval \(short(text)) is empty"
        case .singlePointInterval(let text):
            return "the time interval \(short(text)) is a single point"
        case .nonConstantBound(let text, let variable):
            return "the bound '\(short(text))' of the time interval is not constant: it depends on '\(variable)'"
        case .nonConstantValue(let what, let variable):
            return "\(what) must be constant, but it depends on '\(variable)'"
        case .outsideTimeDomain(let point, let name, let domain, let proven):
            return proven
                ? "'\(name)' is applied at \(short(point)), outside the time domain \(domain)"
                : "'\(name)' is applied at \(short(point)), which could not be proven to lie in the time domain \(domain)"
        case .dataVarianceNotPositive(let value, let reason):
            return "the data variance must be positive on the domain: '\(short(value))' \(reason)"
        case .nonLinear(let subject, let term, let reason):
            return "\(subject) is not linear in the vectors: '\(short(term))' \(reason.rawValue)"
        case .constantTerm(let subject, let term):
            return "\(subject) must be linear in the vectors, but it has the term '\(short(term))' without a vector"
        case .unknownParameter(let name, let suggestion?):
            return "--param \(short(name)): no schedule in this file has a parameter '\(short(name))'; did you mean '\(suggestion)'?"
        case .unknownParameter(let name, nil):
            return "--param \(short(name)): no schedule in this file has a parameter '\(short(name))'"
        case .parameterNotPositive(let name, let value):
            return "--param \(name)=\(short(value)): '\(name)' is declared positive ('param \(name) > 0')"
        }
    }

    private func short(_ text: String) -> String { abbreviatedText(text) }
}

/// `text` shortened to at most `limit` characters for messages.
func abbreviatedText(_ text: String, limit: Int = 40) -> String {
    guard text.unicodeScalars.count > limit else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 3))) + "..."
}
