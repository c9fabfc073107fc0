import Exact
import Symbolic

/// Claims (`expect CLAIM`, grammar section 3.4):
///
///     Q == EXPR                  identity
///     Q != 0   (or ≠)            nowhere zero
///     Q == 0 at NAME = EXPR      a zero at a point
///     zeros(Q) == {EXPR, …}      the zero set ({} for none)
///     Q > 0,  Q < 0              sign
///
/// The comparison is found by scanning for the first `=`, `!`, `<`, `>`, `≠`, `≤`,
/// `≥` outside parentheses (none of them occurs in an expression), then each side
/// is parsed as an expression; `at` is recognised as a whole word outside
/// parentheses on the right of `==`.
extension StatementParser {
    private static let usage = "claims are 'Q == E', 'Q != 0', 'Q > 0', 'Q < 0', 'Q == 0 at t = E' and 'zeros(Q) == {…}'"

    mutating func claim(_ c: inout LineCursor) throws(StatementFailure) -> Claim {
        defer { c.offset = c.end }
        let start = c.offset
        var probe = c
        if probe.consumeWord("zeros") {
            probe.skipSpaces()
            if probe.peekByte == UInt8(ascii: "(") { return try zeroSet(&probe) }
        }
        guard let (op, opRange) = comparison(c, from: start) else {
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("expected a comparison in the claim: " + Self.usage),
                                   at: c.range(start..<c.end))
        }
        let opRangeInFile = c.range(opRange)
        let lhs = try fragment(c, start..<opRange.lowerBound, after: ("expect", start))
        let rhsRange = opRange.upperBound..<c.end
        switch op {
        case "==":
            if let at = word("at", in: c, rhsRange) {
                let zeroRange = ExpressionFragment.trim(c, opRange.upperBound..<at)
                let zero = try fragment(c, zeroRange, after: (op, opRange.upperBound))
                guard zero.kind == .number(.zero) else {
                    throw StatementFailure(ScheduleDiagnostic.invalidClaim(
                        "a claim with 'at' states a zero: write 'Q == 0 at NAME = …'"), at: c.range(zeroRange))
                }
                var rest = c
                rest.offset = at + 2
                let variable = try readName(&rest, after: "at")
                rest.skipSpaces()
                guard rest.consume("="), rest.peekByte != UInt8(ascii: "=") else {
                    throw StatementFailure(ScheduleDiagnostic.expectedToken("'='", after: "at \(variable.name)",
                                                                            found: rest.peekToken()),
                                           at: rest.peekToken().map { rest.range(rest.offset..<(rest.offset + $0.utf8.count)) }
                                               ?? rest.point(rest.offset))
                }
                let point = try fragment(c, rest.offset..<c.end, after: ("=", rest.offset))
                return .zeroAt(lhs, variable: variable.name, at: point)
            }
            return .identity(lhs, try fragment(c, rhsRange, after: (op, opRange.upperBound)))
        case "!=", "≠", ">", "<":
            let rhs = try fragment(c, rhsRange, after: (op, opRange.upperBound))
            guard rhs.kind == .number(.zero) else {
                let form = op == "≠" ? "!=" : op
                throw StatementFailure(ScheduleDiagnostic.invalidClaim(
                    "a '\(op)' claim compares with 0: write 'Q \(form) 0', with the right side moved into Q"),
                    at: rhs.range ?? opRangeInFile)
            }
            switch op {
            case ">": return .positive(lhs)
            case "<": return .negative(lhs)
            default: return .nonzero(lhs)
            }
        case "=":
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("expected '==' in a claim, found '='"), at: opRangeInFile)
        default:
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("'\(op)' is not a comparison of claims: " + Self.usage),
                                   at: opRangeInFile)
        }
    }

    /// `zeros(Q) == {E, …}`, the cursor on the `(`.
    private mutating func zeroSet(_ c: inout LineCursor) throws(StatementFailure) -> Claim {
        let open = c.offset
        var depth = 0
        var close: Int?
        for i in open..<c.end {
            if c.bytes[i] == UInt8(ascii: "(") { depth += 1 }
            if c.bytes[i] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { close = i; break }
            }
        }
        guard let close else {
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("expected ')' to close 'zeros('"), at: c.point(c.end))
        }
        let q = try fragment(c, (open + 1)..<close, after: ("(", open + 1))
        c.offset = close + 1
        c.skipSpaces()
        guard c.consume("=="), c.peekByte != UInt8(ascii: "=") else {
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("expected '==' after 'zeros(…)'"), at: here(c))
        }
        c.skipSpaces()
        guard c.peekByte == UInt8(ascii: "{") else {
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("expected '{' to begin the set of zeros"), at: here(c))
        }
        let brace = c.offset
        guard c.bytes[c.end - 1] == UInt8(ascii: "}"), c.end - 1 > brace else {
            throw StatementFailure(ScheduleDiagnostic.invalidClaim("expected '}' to end the set of zeros"), at: c.point(c.end))
        }
        let inside = (brace + 1)..<(c.end - 1)
        if ExpressionFragment.trim(c, inside).isEmpty { return .zeroSet(q, []) }
        var members: [Expr] = []
        var pieceStart = inside.lowerBound
        var after = ("{", brace + 1)
        depth = 0
        for i in inside.lowerBound...inside.upperBound {
            let b: UInt8 = i < inside.upperBound ? c.bytes[i] : UInt8(ascii: ",")
            if b == UInt8(ascii: "(") { depth += 1 }
            if b == UInt8(ascii: ")") { depth -= 1 }
            guard b == UInt8(ascii: ","), depth == 0 else { continue }
            members.append(try fragment(c, pieceStart..<i, after: after))
            pieceStart = i + 1
            after = (",", i + 1)
        }
        return .zeroSet(q, members)
    }

    private func here(_ c: LineCursor) -> SourceRange {
        if let token = c.peekToken() { return c.range(c.offset..<(c.offset + token.utf8.count)) }
        return c.point(c.offset)
    }

    /// The first comparison operator outside parentheses, with its byte range.
    private func comparison(_ c: LineCursor, from start: Int) -> (String, Range<Int>)? {
        var depth = 0
        var i = start
        while i < c.end {
            let (s, n) = c.scalar(at: i)
            switch s {
            case "(": depth += 1
            case ")": depth -= 1
            case "=", "!", "<", ">":
                guard depth == 0 else { break }
                let next: Unicode.Scalar? = i + 1 < c.end ? c.scalar(at: i + 1).0 : nil
                if next == "=" { return (String(s) + "=", i..<(i + 2)) }
                return (String(s), i..<(i + 1))
            case "≠", "≤", "≥":
                guard depth == 0 else { break }
                return (String(s), i..<(i + n))
            default: break
            }
            i += n
        }
        return nil
    }

    /// The offset of `word` standing alone (not part of a name) outside parentheses.
    private func word(_ word: String, in c: LineCursor, _ range: Range<Int>) -> Int? {
        let w = Array(word.utf8)
        var depth = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = c.bytes[i]
            if b == UInt8(ascii: "(") { depth += 1 }
            if b == UInt8(ascii: ")") { depth -= 1 }
            if depth == 0, i + w.count <= range.upperBound, Array(c.bytes[i..<(i + w.count)]) == w {
                let before = i > range.lowerBound ? c.bytes[i - 1] : UInt8(ascii: " ")
                let after = i + w.count < range.upperBound ? c.bytes[i + w.count] : UInt8(ascii: " ")
                if !continuesName(before), !continuesName(after) { return i }
            }
            i += 1
        }
        return nil
    }

    /// Bytes that can continue a name: ASCII letters, digits, `_`, and any byte of a
    /// multi-byte scalar (Greek letters, subscript digits).
    private func continuesName(_ b: UInt8) -> Bool {
        isASCIILetter(b) || isASCIIDigit(b) || b == UInt8(ascii: "_") || b >= 0x80
    }
}
