import Exact
import Symbolic

/// Why a statement could not be parsed: its (first) error.
struct StatementFailure: Error {
    var diagnostic: Diagnostic

    init(_ message: some DiagnosticMessage, at range: SourceRange, notes: [Note] = []) {
        diagnostic = Diagnostic(message, at: range, notes: notes)
    }

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

/// Parses one statement line of a schedule block (section 3 of the grammar).
///
/// A statement either parses completely or fails at its first error; a failed
/// statement is returned as `.invalid(keyword, name:)` with the name it was
/// defining, when that much was read. A few errors do not stop the statement
/// (`[0, inf]` is reported and read as `[0, inf)`); they go to `diagnostics` too.
struct StatementParser {
    let limits: ParserLimits
    private(set) var diagnostics: [Diagnostic] = []
    /// Warnings of the statement's expressions (`np.exp` read as `exp`).
    let warnings = WarningSink()
    /// The name the statement defines, once read (for `.invalid`).
    private var definedName: String?

    init(limits: ParserLimits) {
        self.limits = limits
    }

    /// Parses the statement whose first word is `word` (already consumed).
    mutating func parse(_ c: inout LineCursor, word: Range<Int>) -> StatementSyntax {
        let range = c.range(word.lowerBound..<c.end)
        let raw = c.text(word)
        guard let keyword = StatementKeyword.leadingWords[raw] else {
            if FieldHint.pythonKeywords.contains(raw) {
                // `def alpha(t): …` fails as the statement it would have been.
                var probe = c
                probe.skipSpaces()
                let defined = probe.readWord().map { probe.text($0) }
                let statement = defined.flatMap { StatementKeyword.leadingWords[$0] }
                diagnostics.append(FieldHint.pythonCode(keyword: raw).diagnostic(at: c.range(word)))
                return StatementSyntax(.invalid(statement, name: statement == nil ? defined : nil), range: range)
            }
            let (diagnostic, assigned) = unknownStatement(&c, word: word)
            diagnostics.append(diagnostic)
            return StatementSyntax(.invalid(nil, name: assigned), range: range)
        }
        do throws(StatementFailure) {
            let kind = try statement(keyword, &c, raw: raw, word: word)
            return StatementSyntax(kind, range: range)
        } catch {
            diagnostics.append(error.diagnostic)
            return StatementSyntax(.invalid(keyword, name: definedName), range: range)
        }
    }

    private mutating func statement(_ keyword: StatementKeyword, _ c: inout LineCursor, raw: String,
                                    word: Range<Int>) throws(StatementFailure) -> StatementSyntax.Kind {
        switch keyword {
        case .time:
            let name = try readName(&c, after: "time")
            definedName = name.name
            c.skipSpaces()
            guard c.consumeWord("in") || c.consume("∈") else {
                throw expected("'in'", after: "time \(name.name)", c)
            }
            c.skipSpaces()
            return .time(name, try interval(&c))
        case .param:
            let name = try readName(&c, after: "param")
            definedName = name.name
            c.skipSpaces()
            if c.atEnd { return .param(name, value: nil, positiveWritten: false) }
            let operatorStart = c.offset
            if c.consume("=") {
                return .param(name, value: try expression(&c, after: ("=", c.offset)), positiveWritten: false)
            }
            if c.consume(">") {
                c.skipSpaces()
                if c.consume("0"), c.atEnd { return .param(name, value: nil, positiveWritten: true) }
                c.offset = operatorStart + 1
                c.skipSpaces()
                throw expected("'0' (a parameter can only be declared positive: 'param \(name.name) > 0')",
                               after: "param \(name.name) >", c)
            }
            throw expected("'=', '> 0' or the end of the line", after: "param \(name.name)", c)
        case .let:
            let name = try readName(&c, after: "let")
            definedName = name.name
            let equals = try readEquals(&c, after: "let \(name.name)")
            return .letBinding(name, value: try expression(&c, after: ("=", equals)))
        case .function:
            let name = try readName(&c, after: "function")
            definedName = name.name
            c.skipSpaces()
            if let extra = c.peekToken() {
                throw StatementFailure(ScheduleDiagnostic.unexpectedText(extra, after: "function \(name.name)"), at: found(c))
            }
            return .function(name)
        case .forwardProcess, .alpha, .sigma, .target:
            let equals = try readEquals(&c, after: raw)
            let value = try expression(&c, after: ("=", equals))
            switch keyword {
            case .forwardProcess: return .forwardProcess(value)
            case .alpha: return .alpha(value)
            case .sigma: return .sigma(value)
            default: return .target(value)
            }
        case .dataVariance:
            c.skipSpaces()
            guard c.consumeWord("variance") else { throw expected("'variance'", after: "data", c) }
            let equals = try readEquals(&c, after: "data variance")
            return .dataVariance(try expression(&c, after: ("=", equals)))
        case .expect:
            c.skipSpaces()
            guard !c.atEnd else { throw expected("a claim", after: "expect", c) }
            let text = c.rest
            return .expect(try claim(&c), text: text)
        case .cite:
            c.skipSpaces()
            let value: String?
            do {
                value = try c.readString()
            } catch {
                throw StatementFailure(ScheduleDiagnostic.unterminatedString, at: c.range(error.open..<(error.open + 1)))
            }
            guard let text = value else {
                throw StatementFailure(ScheduleDiagnostic.expectedString(after: "cite"), at: found(c))
            }
            c.skipSpaces()
            if let extra = c.peekToken() {
                throw StatementFailure(ScheduleDiagnostic.unexpectedText(extra, after: "the citation"), at: found(c))
            }
            return .cite(text)
        case .allow:
            var rules: [Identifier] = []
            while true {
                c.skipSpaces()
                let start = c.offset
                if let b = c.peekByte, isASCIILetter(b) || isASCIIDigit(b) {
                    while let b = c.peekByte, isASCIILetter(b) || isASCIIDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") {
                        c.offset += 1
                    }
                } else {
                    throw StatementFailure(ScheduleDiagnostic.expectedRule(found: c.peekToken()), at: found(c))
                }
                rules.append(Identifier(c.text(start..<c.offset), range: c.range(start..<c.offset)))
                c.skipSpaces()
                if c.atEnd { return .allow(rules) }
                guard c.consume(",") else {
                    throw StatementFailure(ScheduleDiagnostic.unexpectedText(c.peekToken() ?? "", after: "a rule name"),
                                           at: found(c))
                }
            }
        }
    }

    // MARK: Unknown statements

    /// The diagnostic for a line that begins with an unknown word, and the name it
    /// assigns when it reads `NAME = …` (a forgotten `let`).
    private func unknownStatement(_ c: inout LineCursor, word: Range<Int>) -> (Diagnostic, String?) {
        let raw = c.text(word)
        var probe = c
        probe.skipSpaces()
        if probe.consume("="), !probe.consume("=") {
            let name = (try? canonicalName(raw, c, word)) ?? raw
            return (Diagnostic(ScheduleDiagnostic.assignmentWithoutLet(name: name), at: c.range(word)), name)
        }
        let keywords = ["schedule", "time", "param", "let", "function", "x_t", "alpha", "sigma", "target", "data", "expect", "cite", "allow"]
        let suggestion = NameSuggestions.nearest(to: raw, among: keywords)
        return (Diagnostic(ScheduleDiagnostic.unknownStatement(raw, suggestion: suggestion), at: c.range(word)), nil)
    }

    // MARK: Pieces

    /// The range of what was found at the cursor (a token, or the empty end).
    private func found(_ c: LineCursor) -> SourceRange {
        if let token = c.peekToken() { return c.range(c.offset..<(c.offset + token.utf8.count)) }
        return c.point(c.offset)
    }

    private func expected(_ what: String, after: String, _ c: LineCursor) -> StatementFailure {
        StatementFailure(ScheduleDiagnostic.expectedToken(what, after: after, found: c.peekToken()), at: found(c))
    }

    /// `[spaces] "="` (not `==`); returns the offset after the `=`.
    private func readEquals(_ c: inout LineCursor, after: String) throws(StatementFailure) -> Int {
        c.skipSpaces()
        guard c.consume("=") else { throw expected("'='", after: after, c) }
        return c.offset
    }

    /// The rest of the line as an expression.
    private func expression(_ c: inout LineCursor, after: (text: String, end: Int)) throws(StatementFailure) -> Expr {
        defer { c.offset = c.end }
        return try fragment(c, c.offset..<c.end, after: after)
    }

    /// `range` of the line as an expression.
    func fragment(_ c: LineCursor, _ range: Range<Int>, after: (text: String, end: Int)) throws(StatementFailure) -> Expr {
        try ExpressionFragment.parse(c, range, after: after, limits: limits, warnings: warnings)
    }

    /// A name (`NAME` of the grammar), in canonical spelling.
    func readName(_ c: inout LineCursor, after: String) throws(StatementFailure) -> Identifier {
        c.skipSpaces()
        guard let word = c.readWord() else {
            throw StatementFailure(ScheduleDiagnostic.expectedName(after: after, found: c.peekToken()), at: found(c))
        }
        return Identifier(try canonicalName(c.text(word), c, word), range: c.range(word))
    }

    /// The canonical spelling of a word read as a name, by the expression parser's
    /// rules: `σ_d` is sigma_d, `x₀` x0; reserved words, function names, π and words
    /// that read as products (`αβ`) are not names.
    func canonicalName(_ raw: String, _ c: LineCursor, _ word: Range<Int>) throws(StatementFailure) -> String {
        let result = ExpressionParser.parse(raw, limits: limits)
        let at = c.range(word)
        if let e = result.expression {
            switch e.kind {
            case .variable(let name): return name
            case .pi: throw StatementFailure(ScheduleDiagnostic.invalidName(raw, reason: "it is the constant π"), at: at)
            default: throw StatementFailure(ScheduleDiagnostic.invalidName(raw, reason: "it reads as '\(printASCII(e))'"), at: at)
            }
        }
        let d = result.diagnostics[0]
        if d.id == "reserved-word" {
            let origin = c.location(word.lowerBound)
            throw StatementFailure(Relocation(line: origin.line, columnShift: origin.column - 1, offsetShift: origin.offset).apply(d))
        }
        if d.id == "expected-open-parenthesis" {
            throw StatementFailure(ScheduleDiagnostic.invalidName(raw, reason: "it is a function name"), at: at)
        }
        throw StatementFailure(ScheduleDiagnostic.invalidName(raw, reason: d.message), at: at)
    }

    // MARK: Intervals

    /// `[a, b]`, `(a, b]`, `[a, b)`, `(a, b)`, `[a, inf)`: the rest of the line.
    private mutating func interval(_ c: inout LineCursor) throws(StatementFailure) -> IntervalSyntax {
        let start = c.offset, end = c.end
        guard let open = c.peekByte, open == UInt8(ascii: "[") || open == UInt8(ascii: "(") else {
            throw StatementFailure(ScheduleDiagnostic.expectedInterval(
                c.atEnd ? "expected an interval such as '[0, 1]' after 'in'"
                        : "expected '[' or '(' to begin the time interval, found '\(abbreviatedText(c.peekToken() ?? ""))'"),
                at: found(c))
        }
        let close = c.bytes[end - 1]
        guard end - start >= 2, close == UInt8(ascii: "]") || close == UInt8(ascii: ")") else {
            throw StatementFailure(ScheduleDiagnostic.expectedInterval("expected ']' or ')' to end the time interval"),
                                   at: c.point(end))
        }
        // The top-level commas of the inside.
        var commas: [Int] = []
        var depth = 0
        for i in (start + 1)..<(end - 1) {
            switch c.bytes[i] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: ",") where depth == 0: commas.append(i)
            default: break
            }
        }
        guard commas.count == 1 else {
            let at = commas.count > 1 ? c.range(commas[1]..<(commas[1] + 1)) : c.range((end - 1)..<end)
            throw StatementFailure(ScheduleDiagnostic.expectedInterval(
                "expected two bounds separated by ',' in the time interval"), at: at)
        }
        let comma = commas[0]
        let lowerRange = ExpressionFragment.trim(c, (start + 1)..<comma)
        let upperRange = ExpressionFragment.trim(c, (comma + 1)..<(end - 1))
        let infinities: Set<String> = ["inf", "∞", "+inf", "+∞"]
        let lowerText = c.text(lowerRange)
        if infinities.contains(lowerText) || ["-inf", "-∞", "−inf", "−∞"].contains(lowerText) {
            throw StatementFailure(ScheduleDiagnostic.infiniteLowerBound, at: c.range(lowerRange))
        }
        let lower = try fragment(c, lowerRange, after: (c.text(start..<(start + 1)), start + 1))
        let upperText = c.text(upperRange)
        var upper: Expr?
        var upperClosed = close == UInt8(ascii: "]")
        if infinities.contains(upperText) {
            if upperClosed {
                diagnostics.append(Diagnostic(ScheduleDiagnostic.closedInfiniteEnd(upper: upperText),
                                              at: c.range((end - 1)..<end)))
                upperClosed = false
            }
        } else {
            upper = try fragment(c, upperRange, after: (",", comma + 1))
        }
        c.offset = end
        return IntervalSyntax(lower: lower, upper: upper, lowerClosed: open == UInt8(ascii: "["), upperClosed: upperClosed,
                              range: c.range(start..<end), text: c.text(start..<end))
    }
}
