import Symbolic

/// One text edit of a file: the bytes of `range` (byte offsets, with the line and
/// column of each end for SARIF) are replaced by `replacement`.
public struct TextEdit: Sendable, Hashable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A fix of a finding, ruff style: the rule that found the problem knows the edit
/// that removes it. A fix is only offered when applying it was checked to remove the
/// finding and to add no error (`ScheduleFixVerification`).
public struct Fix: Sendable, Hashable {
    /// What the fix does, in words.
    public var message: String
    /// Non-overlapping edits of one file.
    public var edits: [TextEdit]

    public init(message: String, edits: [TextEdit]) {
        self.message = message
        self.edits = edits.sorted { $0.range.start.offset < $1.range.start.offset }
    }
}

extension Fix {
    /// `bytes` with the fixes applied, in order; a fix with an edit that overlaps an
    /// edit already applied is skipped whole (the next pass of `sched lint --fix`
    /// finds it again on the new text). Returns the new bytes and the fixes applied.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Fix]) {
        var taken: [Range<Int>] = []
        var accepted: [Fix] = []
        for fix in fixes {
            let ranges = fix.edits.map { $0.range.start.offset..<$0.range.end.offset }
            guard ranges.allSatisfy({ r in r.lowerBound <= r.upperBound && r.upperBound <= bytes.count }),
                  !ranges.contains(where: { r in taken.contains { t in Self.touch(r, t) } }) else { continue }
            taken += ranges
            accepted.append(fix)
        }
        var out = bytes
        for edit in accepted.flatMap(\.edits).sorted(by: { $0.range.start.offset > $1.range.start.offset }) {
            out.replaceSubrange(edit.range.start.offset..<edit.range.end.offset, with: Array(edit.replacement.utf8))
        }
        return (out, accepted)
    }

    /// Overlapping, or two insertions at one point (their order would be arbitrary).
    static func touch(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.overlaps(b) || (a.lowerBound == b.lowerBound) || (a.isEmpty && b.contains(a.lowerBound)) || (b.isEmpty && a.contains(b.lowerBound))
    }
}

extension SourceText {
    /// The location of a byte offset: 1-based line, and the column counted in Unicode
    /// scalars (non-continuation bytes), as the parser counts them.
    public func location(atOffset offset: Int) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column, offset: offset)
    }

    /// The range of the byte offsets `range`.
    public func range(_ range: Range<Int>) -> SourceRange {
        SourceRange(start: location(atOffset: range.lowerBound), end: location(atOffset: range.upperBound))
    }

    /// The whole line of a statement when nothing else is on it (leading blanks,
    /// the statement, blanks and a comment), with its line break: what deleting the
    /// statement removes. Otherwise the statement's own range.
    public func lineRange(ofStatement statement: SourceRange) -> SourceRange {
        let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
        var start = statement.start.offset
        while start > 0, blank.contains(bytes[start - 1]) { start -= 1 }
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return statement }
        var end = statement.end.offset
        while end < bytes.count, blank.contains(bytes[end]) { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "#") {
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        }
        guard end == bytes.count || bytes[end] == UInt8(ascii: "\n") else { return statement }
        if end < bytes.count { end += 1 }
        return range(start..<end)
    }

    /// The blanks before a statement on its line: the indentation of a new line next to it.
    public func indentation(of statement: SourceRange) -> String {
        var start = statement.start.offset
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        return String(decoding: bytes[start..<statement.start.offset], as: UTF8.self)
    }

    /// The text of a range.
    public func text(_ range: SourceRange) -> String {
        String(decoding: bytes[range.start.offset..<min(range.end.offset, bytes.count)], as: UTF8.self)
    }
}
