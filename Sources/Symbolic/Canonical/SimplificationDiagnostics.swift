/// The catalogue of simplification diagnostics, with stable IDs.
public enum SimplificationDiagnostic: DiagnosticMessage, Hashable {
    case divisionByZero(String)
    case domain(String)
    case tooLarge(String)
    case timeBudgetExceeded(String)

    public init(_ error: SimplificationError) {
        switch error {
        case .divisionByZero(let what): self = .divisionByZero(what)
        case .domain(let what): self = .domain(what)
        case .tooLarge(let what): self = .tooLarge(what)
        case .timeBudgetExceeded(let e): self = .timeBudgetExceeded(e.description)
        }
    }

    public var id: DiagnosticID {
        switch self {
        case .divisionByZero: return "division-by-zero"
        case .domain: return "outside-domain"
        case .tooLarge: return "too-large"
        case .timeBudgetExceeded: return "time-budget-exceeded"
        }
    }

    public var severity: Severity { .error }

    public var message: String {
        switch self {
        case .divisionByZero(let what): return "division by zero: \(what)"
        case .domain(let what): return what
        case .tooLarge(let what): return "too large: \(what)"
        case .timeBudgetExceeded(let what): return what
        }
    }
}

extension LocatedSimplificationError {
    /// The error as a diagnostic; without a source range it points at 1:1.
    public var diagnostic: Diagnostic {
        Diagnostic(SimplificationDiagnostic(error), at: range ?? SourceRange(at: .start))
    }
}
