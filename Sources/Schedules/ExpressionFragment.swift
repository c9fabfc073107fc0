import Symbolic

/// Expressions embedded in a line of a schedule file.
///
/// The expression parser works on a whole input and reports positions relative to
/// it; a fragment is parsed on its own and every position — tree ranges, diagnostic
/// ranges, notes, fix-its, and the "at line:column" inside messages — is moved to
/// where the fragment sits in the file. Fragments never contain a line break, so
/// the move is: line := the file line, column += start column − 1, offset += start
/// offset.
enum ExpressionFragment {
    /// Parses `range` of the cursor's line. `after` names the token before the
    /// fragment, for the message when the fragment is empty ("expected an expression
    /// after '='"), and where that token ends.
    static func parse(_ cursor: LineCursor, _ range: Range<Int>, after: (text: String, end: Int),
                      limits: ParserLimits, warnings: WarningSink? = nil) throws(StatementFailure) -> Expr {
        let trimmed = trim(cursor, range)
        if trimmed.isEmpty {
            let message = SyntaxDiagnostic.expectedExpression(after: after.text, before: nil)
            throw StatementFailure(message, at: cursor.point(after.end))
        }
        let origin = cursor.location(trimmed.lowerBound)
        let move = Relocation(line: origin.line, columnShift: origin.column - 1, offsetShift: origin.offset)
        // Applications are checked by the schedule pass, which knows the lets.
        let result = ExpressionParser.parse(utf8: cursor.bytes[trimmed], limits: limits, applicable: .any)
        warnings?.diagnostics += result.warnings.map { move.apply($0) }
        if let expression = result.expression { return move.apply(expression) }
        throw StatementFailure(move.apply(result.diagnostics[0]))
    }

    /// `range` without leading and trailing whitespace.
    static func trim(_ cursor: LineCursor, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        var probe = cursor
        probe.offset = lower
        probe.skipSpaces()
        lower = min(probe.offset, upper)
        while upper > lower {
            // Whitespace is ASCII except the no-break space C2 A0.
            let b = cursor.bytes[upper - 1]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                upper -= 1
            } else if b == 0xA0, upper - 2 >= lower, cursor.bytes[upper - 2] == 0xC2 {
                upper -= 2
            } else {
                break
            }
        }
        return lower..<upper
    }
}

/// Where the warnings of the fragments of one statement are collected (a reference,
/// so that the non-mutating parsing functions can add to it).
final class WarningSink {
    var diagnostics: [Diagnostic] = []
}

/// Moves positions from a one-line fragment to the file.
struct Relocation {
    var line: Int
    var columnShift: Int
    var offsetShift: Int

    func apply(_ l: SourceLocation) -> SourceLocation {
        SourceLocation(line: line, column: l.column + columnShift, offset: l.offset + offsetShift)
    }

    func apply(_ r: SourceRange) -> SourceRange { SourceRange(start: apply(r.start), end: apply(r.end)) }

    func apply(_ e: Expr) -> Expr {
        let kind: Expr.Kind
        switch e.kind {
        case .number, .variable, .pi: kind = e.kind
        case .negation(let x): kind = .negation(apply(x))
        case .binary(let op, let l, let r): kind = .binary(op, apply(l), apply(r))
        case .function(let f, let x): kind = .function(f, apply(x))
        case .derivative(let x, let v): kind = .derivative(apply(x), variable: v)
        case .application(let name, let x): kind = .application(name, apply(x))
        }
        return Expr(kind, range: e.range.map(apply))
    }

    func apply(_ d: Diagnostic) -> Diagnostic {
        var moved = d
        moved.range = apply(d.range)
        moved.notes = d.notes.map { note in Note(note.message, at: note.range.map(apply)) }
        moved.fixIts = d.fixIts.map { FixIt(replacing: apply($0.range), with: $0.replacement) }
        // Messages that quote a position ("… the '(' at 1:7") quote the note's.
        for note in d.notes {
            guard let r = note.range else { continue }
            let old = " at \(r.start)", new = " at \(apply(r.start))"
            if moved.message.hasSuffix(old) {
                moved.message = String(moved.message.dropLast(old.count)) + new
            }
        }
        return moved
    }
}
