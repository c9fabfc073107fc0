/// A stable, kebab-case identifier for one kind of diagnostic (`expected-expression`).
///
/// Messages may be reworded; IDs may not. Tests, editors and the REPL match on IDs.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// How bad a diagnostic is. The parser emits only errors today; warnings and notes
/// exist for the schedule-file layer and for attached explanations.
public enum Severity: String, Hashable, Sendable, CustomStringConvertible {
    case error
    case warning
    case note

    public var description: String { rawValue }
}

/// Anything that can be reported: a catalogue entry knows its ID, severity and text.
/// Modelled on SwiftDiagnostics' `DiagnosticMessage`, so that later layers (schedule
/// files, the REPL) add their own catalogues without touching this one.
public protocol DiagnosticMessage: Sendable {
    var id: DiagnosticID { get }
    var severity: Severity { get }
    var message: String { get }
}

/// A secondary message attached to a diagnostic, with or without its own location
/// (e.g. "'(' opened here" pointing at the unclosed parenthesis).
public struct Note: Hashable, Sendable {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A suggested edit: replace the text in `range` with `replacement`. The formatter
/// prints the replacement under the caret, as clang does.
public struct FixIt: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(replacing range: SourceRange, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One reported problem, located in the source.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    /// The offending token (or an empty range where something was missing). The
    /// caret goes under `range.start`.
    public var range: SourceRange
    public var notes: [Note]
    public var fixIts: [FixIt]

    public init(
        _ message: some DiagnosticMessage, at range: SourceRange, notes: [Note] = [], fixIts: [FixIt] = []
    ) {
        self.id = message.id
        self.severity = message.severity
        self.message = message.message
        self.range = range
        self.notes = notes
        self.fixIts = fixIts
    }

    /// Where the caret goes.
    public var location: SourceLocation { range.start }
    /// 1-based line.
    public var line: Int { range.start.line }
    /// 1-based column, counted in Unicode scalars.
    public var column: Int { range.start.column }

    /// `line:column: severity: message`, without a file name or source snippet; use
    /// `DiagnosticFormatter` for the full rendering.
    public var description: String { "\(location): \(severity): \(message)" }
}
