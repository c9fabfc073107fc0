/// A position in source text, as reported to people and used to draw carets.
///
/// Lines and columns are 1-based. Columns count Unicode scalar values, not bytes and not
/// grapheme clusters: `σ`, `√` and `²` are one column each, which is what a terminal
/// shows for the characters the expression language uses, and an invalid UTF-8 byte
/// counts as one column so that the caret still lands under it (drawn as U+FFFD).
/// `offset` is the 0-based UTF-8 byte offset, kept so that the formatter can find the
/// source line without rescanning the whole input.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of any input.
    public static let start = SourceLocation(line: 1, column: 1, offset: 0)

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }

    /// `line:column`, the GNU spelling.
    public var description: String { "\(line):\(column)" }
}

/// A half-open span `start ..< end` of source text. An empty range (start == end)
/// marks a position between characters, e.g. the end of input where an operand was
/// expected.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at `location`.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    public var description: String { "\(start)-\(end)" }
}

/// The bytes an expression was parsed from, kept so that diagnostics can be drawn
/// against the original line even when the input was not valid UTF-8.
public struct SourceText: Sendable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Any byte collection: `[UInt8]`, `ArraySlice<UInt8>`, Foundation's `Data`.
    public init<Bytes: Collection>(utf8 bytes: Bytes) where Bytes.Element == UInt8 {
        self.bytes = Array(bytes)
    }
}
