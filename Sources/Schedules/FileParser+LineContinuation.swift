import Symbolic

/// Expressions broken over lines, as Python allows inside parentheses.
///
/// The language is line-oriented: an expression cannot continue on the next line
/// (grammar/schedule.ebnf, section 1). A statement whose expression stops short at
/// the end of its line (`alpha = cos(pi/2 t) *`, `alpha = cos(pi/2`) followed by a
/// line that is no statement gets one error, with a note saying so and without the
/// fix-it that would close the expression there; the continuation lines are not
/// reported again. A line that begins with an operator (`* (1 - t)`) is reported
/// as continuing the line before.
extension FileParser {
    /// The errors that mean "the expression ended too early".
    static let incompleteExpressionIDs: Set<DiagnosticID> = ["expected-expression", "unbalanced-parenthesis"]

    /// Characters that can begin the rest of a broken expression but no statement.
    static let continuationStarts: Set<UInt8> = Set("*/^+-)".utf8)

    /// Whether the line beginning at byte `start` reads as the rest of an expression:
    /// not blank, not a comment, not `}` and not beginning with a statement keyword,
    /// `schedule` or a Python keyword.
    func continuesExpression(lineAt start: Int) -> Bool {
        guard start < bytes.count else { return false }
        var i = start
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < bytes.count else { return false }
        let first = bytes[i]
        if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") || first == UInt8(ascii: "#") || first == UInt8(ascii: "}") {
            return false
        }
        var j = i
        while j < bytes.count, isASCIILetter(bytes[j]) || isASCIIDigit(bytes[j]) || bytes[j] == UInt8(ascii: "_") { j += 1 }
        let word = String(decoding: bytes[i..<j], as: UTF8.self)
        return word != "schedule" && StatementKeyword.leadingWords[word] == nil && !FieldHint.pythonKeywords.contains(word)
    }

    /// `diagnostics` of a statement on a line whose content ends at `contentEnd`, the
    /// next line continuing it: the error at the end of the line says why, and
    /// whether one was found.
    static func joiningContinuation(_ diagnostics: [Diagnostic], contentEnd: Int, nextLine: Int) -> [Diagnostic]? {
        guard let i = diagnostics.firstIndex(where: {
            $0.severity == .error && $0.range.start.offset >= contentEnd && incompleteExpressionIDs.contains($0.id)
        }) else { return nil }
        var joined = diagnostics
        joined[i].fixIts = []
        joined[i].notes.append(Note("an expression is written on one line: line \(nextLine) continues it, join the two lines"))
        return joined
    }
}
