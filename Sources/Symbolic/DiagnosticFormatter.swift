/// Renders diagnostics for people: a GNU-style first line that editors and CI logs
/// recognise (`file:line:col: error: message`), then the source line and a caret, as
/// rustc and clang draw them:
///
///     <input>:1:1: error: unknown function 'sqr'; did you mean 'sqrt'?
///     1 | sqr(2)
///       | ^~~
///       | sqrt
///       = note: to multiply by 'sqr', write 'sqr*(...)'
///
/// - The caret `^` marks the first column of the range, `~` the rest of the range on
///   that line; an empty range (something missing) is a lone `^`.
/// - A fix-it's replacement text is printed under the caret line at its column.
/// - Notes with a location get their own header and snippet, notes without one a
///   `= note:` line.
/// - Columns count Unicode scalars (see `SourceLocation`). Tabs are drawn as one space
///   and invisible characters and invalid bytes as U+FFFD, so every column is one
///   character wide and the caret lines up (for the scripts the language uses).
/// - Lines longer than `maximumLineWidth` are cut to a window around the caret, with
///   `...` at the cut ends, so a 10 MB one-line input yields a short message.
public struct DiagnosticFormatter: Sendable {
    public var fileName: String
    public var maximumLineWidth: Int

    public init(fileName: String = "<input>", maximumLineWidth: Int = 100) {
        self.fileName = fileName
        self.maximumLineWidth = max(20, maximumLineWidth)
    }

    /// All diagnostics, separated by newlines, without a trailing newline.
    public func format(_ diagnostics: [Diagnostic], in source: SourceText) -> String {
        diagnostics.map { format($0, in: source) }.joined(separator: "\n")
    }

    public func format(_ diagnostic: Diagnostic, in source: SourceText) -> String {
        var lines = ["\(fileName):\(diagnostic.location): \(diagnostic.severity): \(diagnostic.message)"]
        let gutter = String(diagnostic.line).count
        lines += snippet(diagnostic.range, fixIts: diagnostic.fixIts, in: source, gutter: gutter)
        for note in diagnostic.notes where note.range == nil {
            lines.append(String(repeating: " ", count: gutter + 1) + "= note: " + note.message)
        }
        for note in diagnostic.notes {
            guard let range = note.range else { continue }
            lines.append("\(fileName):\(range.start): note: \(note.message)")
            lines += snippet(range, fixIts: [], in: source, gutter: String(range.start.line).count)
        }
        return lines.joined(separator: "\n")
    }

    /// The source line of `range.start`, the caret line, and fix-its on that line.
    private func snippet(_ range: SourceRange, fixIts: [FixIt], in source: SourceText, gutter: Int) -> [String] {
        let start = range.start
        let caretColumn = start.column
        let low = caretColumn <= maximumLineWidth - 10 ? 1 : caretColumn - maximumLineWidth / 2
        let high = low + maximumLineWidth - 1
        let (text, more) = lineWindow(source.bytes, lineContaining: start.offset, columns: low...high)
        let prefix = low > 1 ? "..." : ""
        let shift = prefix.count - low

        let underlineEnd = range.end.line == start.line ? min(range.end.column, high + 1) : high + 1
        let width = max(1, underlineEnd - caretColumn)
        let blank = String(repeating: " ", count: gutter)
        var lines = [
            "\(start.line) | " + prefix + text + (more ? "..." : ""),
            "\(blank) | " + String(repeating: " ", count: caretColumn + shift) + "^" + String(repeating: "~", count: width - 1),
        ]
        for fix in fixIts where fix.range.start.line == start.line && fix.range.start.column >= low {
            lines.append("\(blank) | " + String(repeating: " ", count: fix.range.start.column + shift) + fix.replacement)
        }
        return lines
    }

    /// Columns `columns` of the line containing byte `offset`, drawn one character per
    /// column, and whether the line continues beyond them.
    private func lineWindow(_ bytes: [UInt8], lineContaining offset: Int, columns: ClosedRange<Int>) -> (String, Bool) {
        var position = min(offset, bytes.count)
        while position > 0, bytes[position - 1] != UInt8(ascii: "\n") { position -= 1 }
        var text = ""
        var column = 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            if column > columns.upperBound { return (text, true) }
            let (scalar, length) = UTF8Decoding.decode(bytes, at: position)
            position += length
            defer { column += 1 }
            guard column >= columns.lowerBound else { continue }
            switch scalar {
            case nil:
                text.unicodeScalars.append("\u{FFFD}")
            case "\t"?:
                text.append(" ")
            case "\r"? where position == bytes.count || bytes[position] == UInt8(ascii: "\n"):
                break
            case let s? where isInvisible(s) && s != " ":
                text.unicodeScalars.append("\u{FFFD}")
            case let s?:
                text.unicodeScalars.append(s)
            }
        }
        return (text, false)
    }
}
