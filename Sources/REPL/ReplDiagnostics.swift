import Foundation
import Symbolic

/// A diagnostic of the REPL itself (unknown command, incomplete schedule, …).
struct ReplMessage: DiagnosticMessage {
    var id: DiagnosticID
    var severity: Severity = .error
    var message: String

    init(_ id: DiagnosticID, _ message: String) {
        self.id = id
        self.message = message
    }
}

/// Why a line failed: diagnostics located in the typed line (line 1, offsets and
/// columns of that line), renumbered to the session line when printed.
struct ReplFailure: Error {
    var diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// An error at scalar columns `columns` (1-based, end exclusive) of `line`.
    init(_ id: DiagnosticID, _ message: String, in line: String, columns: Range<Int>? = nil, notes: [Note] = []) {
        let range = LineText.range(in: line, columns: columns ?? 1..<1)
        diagnostics = [Diagnostic(ReplMessage(id, message), at: range, notes: notes)]
    }
}

/// Positions inside one typed line.
enum LineText {
    /// The range of scalar columns `columns` (1-based, end exclusive) on line 1 of `line`.
    static func range(in line: String, columns: Range<Int>) -> SourceRange {
        SourceRange(start: location(in: line, column: columns.lowerBound), end: location(in: line, column: max(columns.lowerBound, columns.upperBound)))
    }

    static func location(in line: String, column: Int) -> SourceLocation {
        var offset = 0
        var c = 1
        for s in line.unicodeScalars {
            if c >= column { break }
            offset += String(s).utf8.count
            c += 1
        }
        return SourceLocation(line: 1, column: max(1, column), offset: offset)
    }

    /// Scalar column (1-based) of a `String.Index` in `line`.
    static func column(of index: String.Index, in line: String) -> Int {
        line.unicodeScalars[line.unicodeScalars.startIndex..<index].count + 1
    }

    /// Byte offset of a `String.Index` in `line`.
    static func byteOffset(of index: String.Index, in line: String) -> Int {
        line.utf8[line.utf8.startIndex..<index].count
    }

    /// Moves every range on line `fromLine` of a parsed text so that it lands in the
    /// typed line: columns shifted by `columns`, offsets rebased at `lineStart` then
    /// shifted by `bytes`. Ranges on other lines fall back to `fallback`.
    static func relocate(_ d: Diagnostic, fromLine: Int, lineStart: Int, columns: Int, bytes: Int,
                         fallback: SourceRange) -> Diagnostic {
        func move(_ r: SourceRange) -> SourceRange? {
            guard r.start.line == fromLine else { return nil }
            func loc(_ l: SourceLocation) -> SourceLocation {
                if l.line != fromLine { return SourceLocation(line: 1, column: r.start.column + columns, offset: r.start.offset - lineStart + bytes) }
                return SourceLocation(line: 1, column: max(1, l.column + columns), offset: max(0, l.offset - lineStart + bytes))
            }
            return SourceRange(start: loc(r.start), end: loc(r.end))
        }
        var out = d
        out.message = rewritePositions(d.message, fromLine: fromLine, columns: columns)
        out.range = move(d.range) ?? fallback
        out.notes = d.notes.map { n in
            guard let r = n.range else { return n }
            return Note(n.message, at: move(r))
        }
        out.fixIts = d.fixIts.compactMap { f in move(f.range).map { FixIt(replacing: $0, with: f.replacement) } }
        return out
    }

    static let linePlaceholder = "\u{1}LINE\u{1}"

    /// `at 2:11` in a message (a position in the parsed text) becomes a position in
    /// the typed line, its line number filled in by `renumbered`.
    static func rewritePositions(_ message: String, fromLine: Int, columns: Int) -> String {
        var out = ""
        var rest = Substring(message)
        let marker = " at \(fromLine):"
        while let r = rest.range(of: marker) {
            let digits = rest[r.upperBound...].prefix { $0.isNumber }
            guard let column = Int(digits) else { out += rest[..<r.upperBound]; rest = rest[r.upperBound...]; continue }
            out += rest[..<r.lowerBound] + " at \(linePlaceholder):\(max(1, column + columns))"
            rest = rest[digits.endIndex...]
        }
        return out + rest
    }

    /// Sets the line number of every range (the formatter prints it).
    static func renumbered(_ d: Diagnostic, line: Int) -> Diagnostic {
        func fix(_ r: SourceRange) -> SourceRange {
            var r = r
            r.start.line = line
            r.end.line = line
            return r
        }
        var out = d
        out.message = d.message.replacingOccurrences(of: linePlaceholder, with: String(line))
        out.range = fix(d.range)
        out.notes = d.notes.map { n in Note(n.message, at: n.range.map(fix)) }
        out.fixIts = d.fixIts.map { FixIt(replacing: fix($0.range), with: $0.replacement) }
        return out
    }
}

/// "Did you mean …?": the nearest candidate within a small edit distance.
enum Suggestions {
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.unicodeScalars)
        let limit = w.count <= 4 ? 1 : 2
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = distance(w, Array(c.unicodeScalars))
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
