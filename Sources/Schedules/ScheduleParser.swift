import Symbolic

/// Parses schedule files (`grammar/schedule.ebnf`) into a `ScheduleFileSyntax`.
///
/// Error recovery is by line: the language has one statement (or header, or `}`)
/// per line, so after an error the parser drops the rest of that line and continues
/// with the next one. Every error of the file is reported in one run, each once:
/// a statement that failed is kept as `.invalid(keyword, name:)` so that the
/// validator does not report its consequences (a missing target, an unknown name
/// the failed `let` would have defined). Inside one expression only the first error
/// is reported (the expression parser does not recover).
///
/// Never traps, whatever the input: budgets (`ScheduleLimits`) bound the file size,
/// the line length, the number of schedules and of errors.
public enum ScheduleParser {
    /// Parses `text`; `path` is the file name used in diagnostics.
    public static func parse(_ text: String, path: String = "<input>", limits: ScheduleLimits = .standard)
        -> ScheduleFileSyntax
    {
        parse(source: SourceText(text), path: path, limits: limits)
    }

    /// Parses raw bytes that should be UTF-8; an invalid byte is an `invalid-utf8`
    /// error at its line and column, and its line is skipped.
    public static func parse<Bytes: Collection>(utf8 bytes: Bytes, path: String = "<input>",
                                                limits: ScheduleLimits = .standard) -> ScheduleFileSyntax
    where Bytes.Element == UInt8 {
        parse(source: SourceText(utf8: bytes), path: path, limits: limits)
    }

    static func parse(source: SourceText, path: String, limits: ScheduleLimits) -> ScheduleFileSyntax {
        guard source.bytes.count <= limits.maximumFileBytes else {
            let d = Diagnostic(ScheduleDiagnostic.fileTooLarge(bytes: source.bytes.count, limit: limits.maximumFileBytes),
                               at: SourceRange(at: .start))
            return ScheduleFileSyntax(path: path, source: source, schedules: [], diagnostics: [d], truncated: true)
        }
        var parser = FileParser(bytes: source.bytes, limits: limits)
        parser.run()
        return ScheduleFileSyntax(path: path, source: source, schedules: parser.schedules,
                                  diagnostics: parser.diagnostics, truncated: parser.stopped)
    }
}

/// The line-by-line driver: splits the file into lines, tracks the open schedule
/// block, and hands statement lines to `StatementParser`.
struct FileParser {
    let bytes: [UInt8]
    let limits: ScheduleLimits
    private(set) var schedules: [ScheduleSyntax] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var stopped = false

    /// The block being read.
    private var open: ScheduleSyntax?
    /// The previous header lacked its `{`: a line holding only `{` is then accepted.
    private var expectingBrace = false
    /// Where the last non-blank line's content ended, for "unclosed at end of file".
    private var lastContent = SourceRange(at: .start)
    /// Pasted Python code was reported (`FieldHint.pythonCode`) since the last header
    /// or closing brace: its further lines (indented, or starting with a Python
    /// keyword) are not reported again.
    private var pythonReported = false
    /// The previous statement's expression was broken over lines
    /// (`FileParser+LineContinuation`): its continuation lines are skipped.
    private var skippingContinuation = false

    init(bytes: [UInt8], limits: ScheduleLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func run() {
        var start = 0
        var number = 1
        while start <= bytes.count, !stopped {
            var lineFeed = start
            while lineFeed < bytes.count, bytes[lineFeed] != UInt8(ascii: "\n") { lineFeed += 1 }
            parseLine(number: number, start: start, end: lineFeed)
            if lineFeed >= bytes.count { break }
            start = lineFeed + 1
            number += 1
        }
        if !stopped, let block = open {
            report(Diagnostic(ScheduleDiagnostic.unclosedSchedule(name: block.name, openedAt: block.range.start),
                              at: SourceRange(at: lastContent.end), notes: [Note("schedule opened here", at: block.range)]))
            close(at: nil)
        }
    }

    // MARK: Reporting

    /// Records an error, charging it to the open schedule; stops at the error budget.
    private mutating func report(_ d: Diagnostic) {
        guard !stopped else { return }
        if diagnostics.count >= limits.maximumErrors {
            diagnostics.append(Diagnostic(ScheduleDiagnostic.tooManyErrors(limit: limits.maximumErrors), at: d.range))
            stopped = true
            return
        }
        diagnostics.append(d)
        if d.severity == .error { open?.syntaxErrorCount += 1 }
    }

    private mutating func close(at range: SourceRange?) {
        guard var block = open else { return }
        block.closingRange = range
        schedules.append(block)
        open = nil
    }

    // MARK: Lines

    private mutating func parseLine(number: Int, start: Int, end: Int) {
        let length = end - start
        if length > limits.maximumLineBytes {
            report(Diagnostic(ScheduleDiagnostic.lineTooLong(bytes: length, limit: limits.maximumLineBytes),
                              at: SourceRange(at: SourceLocation(line: number, column: 1, offset: start))))
            skipped(number: number, start: start, end: end)
            return
        }
        if let bad = firstInvalidUTF8Byte(start, end) {
            let probe = LineCursor(bytes: bytes, line: SourceLine(number: number, start: start, contentEnd: bad))
            let at = probe.location(bad)
            report(Diagnostic(SyntaxDiagnostic.invalidUTF8(byte: bytes[bad]),
                              at: SourceRange(start: at, end: SourceLocation(line: at.line, column: at.column + 1,
                                                                             offset: bad + 1))))
            skipped(number: number, start: start, end: end)
            return
        }
        let line = SourceLine(number: number, start: start, contentEnd: contentEnd(start, end))
        var c = LineCursor(bytes: bytes, line: line)
        if skippingContinuation {
            if continuesExpression(lineAt: start) { return }
            skippingContinuation = false
        }
        c.skipSpaces()
        if c.atEnd { return }
        let contentStart = c.offset
        lastContent = c.range(contentStart..<line.contentEnd)

        if expectingBrace {
            expectingBrace = false
            if c.text(contentStart..<line.contentEnd) == "{" { return }
        }
        if c.peekByte == UInt8(ascii: "}") {
            pythonReported = false
            closingBrace(&c)
            return
        }
        guard let wordRange = c.readWord() else {
            let found = c.peekToken() ?? ""
            if open != nil, let first = found.utf8.first, Self.continuationStarts.contains(first) {
                report(Diagnostic(ScheduleDiagnostic.continuedLine(String(UnicodeScalar(first))), at: c.range(contentStart..<(contentStart + 1))))
                open?.statements.append(StatementSyntax(.invalid(nil, name: nil), range: c.range(contentStart..<line.contentEnd)))
            } else if open != nil {
                report(Diagnostic(ScheduleDiagnostic.unknownStatement(found, suggestion: nil), at: c.range(contentStart..<(contentStart + found.utf8.count))))
                open?.statements.append(StatementSyntax(.invalid(nil, name: nil), range: c.range(contentStart..<line.contentEnd)))
            } else {
                report(Diagnostic(ScheduleDiagnostic.expectedSchedule(found: found), at: c.range(contentStart..<(contentStart + found.utf8.count))))
            }
            return
        }
        let word = c.text(wordRange)
        if word == "schedule" {
            pythonReported = false
            header(&c, keyword: wordRange)
            return
        }
        let isPython = FieldHint.pythonKeywords.contains(word)
        if pythonReported, isPython || (open == nil && contentStart > line.start) {
            open?.statements.append(StatementSyntax(.invalid(nil, name: nil), range: c.range(contentStart..<line.contentEnd)))
            return
        }
        pythonReported = pythonReported || isPython
        guard open != nil else {
            if isPython {
                report(FieldHint.pythonCode(keyword: word).diagnostic(at: c.range(wordRange)))
                return
            }
            if let keyword = StatementKeyword.leadingWords[word] {
                report(Diagnostic(ScheduleDiagnostic.statementOutsideSchedule(keyword: keyword.rawValue), at: c.range(wordRange)))
            } else {
                report(Diagnostic(ScheduleDiagnostic.expectedSchedule(found: word), at: c.range(wordRange)))
            }
            return
        }
        var statements = StatementParser(limits: limits.expression)
        let statement = statements.parse(&c, word: wordRange)
        var found = statements.diagnostics + statements.warnings.diagnostics
        if end < bytes.count, continuesExpression(lineAt: end + 1),
           let joined = Self.joiningContinuation(found, contentEnd: line.contentEnd, nextLine: number + 1) {
            found = joined
            skippingContinuation = true
        }
        for d in found { report(d) }
        if !stopped { open?.statements.append(statement) }
    }

    /// A line inside a block that was skipped (too long, invalid UTF-8) still counts
    /// as a failed statement of the keyword and name its first ASCII words spell, so
    /// that the validator does not report it missing (`target` on a too-long line).
    private mutating func skipped(number: Int, start: Int, end: Int) {
        guard open != nil else { return }
        var i = start
        func word() -> String {
            while i < end, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
            let from = i
            while i < end, i - from < 64, isASCIILetter(bytes[i]) || isASCIIDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") {
                i += 1
            }
            return String(decoding: bytes[from..<i], as: UTF8.self)
        }
        let keyword = StatementKeyword.leadingWords[word()]
        var name: String?
        if keyword == .let || keyword == .param || keyword == .time || keyword == .function {
            let w = word()
            name = w.isEmpty ? nil : w
        }
        let at = SourceLocation(line: number, column: 1, offset: start)
        open?.statements.append(StatementSyntax(.invalid(keyword, name: name), range: SourceRange(at: at)))
    }

    private mutating func closingBrace(_ c: inout LineCursor) {
        let brace = c.range(c.offset..<(c.offset + 1))
        c.offset += 1
        c.skipSpaces()
        guard open != nil else {
            report(Diagnostic(ScheduleDiagnostic.unmatchedClosingBrace, at: brace))
            return
        }
        if !c.atEnd, let extra = c.peekToken() {
            report(Diagnostic(ScheduleDiagnostic.unexpectedText(extra, after: "'}'"), at: c.range(c.offset..<(c.offset + extra.utf8.count))))
        }
        close(at: brace)
    }

    /// `schedule NAME ["TITLE"] {`. A header with an error still opens a block, so
    /// that its statements are checked rather than reported as outside a schedule.
    private mutating func header(_ c: inout LineCursor, keyword: Range<Int>) {
        let headerRange = c.range(keyword.lowerBound..<c.end)
        if let block = open {
            report(Diagnostic(ScheduleDiagnostic.unclosedSchedule(name: block.name, openedAt: block.range.start),
                              at: c.range(keyword), notes: [Note("schedule opened here", at: block.range)]))
            close(at: nil)
        }
        guard !stopped else { return }
        if schedules.count >= limits.maximumSchedules {
            report(Diagnostic(ScheduleDiagnostic.tooManySchedules(limit: limits.maximumSchedules), at: c.range(keyword)))
            stopped = true
            return
        }
        open = ScheduleSyntax(name: "", nameRange: c.point(keyword.upperBound), title: nil, range: headerRange,
                              statements: [], closingRange: nil, syntaxErrorCount: 0)
        c.skipSpaces()
        let nameStart = c.offset
        if let first = c.peekByte, isASCIILetter(first) || first == UInt8(ascii: "_") {
            while let b = c.peekByte, isASCIILetter(b) || isASCIIDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") {
                c.offset += 1
            }
            open?.name = c.text(nameStart..<c.offset)
            open?.nameRange = c.range(nameStart..<c.offset)
        } else {
            let found = c.peekToken()
            let at = found.map { c.range(c.offset..<(c.offset + $0.utf8.count)) } ?? c.point(c.offset)
            report(Diagnostic(ScheduleDiagnostic.expectedScheduleName(found: found == "{" ? nil : found), at: at))
            // Skip to the `{`, if any, so that the block still opens.
            while !c.atEnd, c.peekByte != UInt8(ascii: "{") { c.offset += c.scalar(at: c.offset).1 }
        }
        c.skipSpaces()
        if c.peekByte == UInt8(ascii: "\"") {
            do {
                open?.title = try c.readString()
            } catch {
                report(Diagnostic(ScheduleDiagnostic.unterminatedString, at: c.range(error.open..<(error.open + 1))))
                return
            }
            c.skipSpaces()
        }
        guard c.consume("{") else {
            let found = c.peekToken()
            report(Diagnostic(ScheduleDiagnostic.expectedOpenBrace(found: found),
                              at: found.map { c.range(c.offset..<(c.offset + $0.utf8.count)) } ?? c.point(c.offset)))
            expectingBrace = c.atEnd
            return
        }
        c.skipSpaces()
        if c.atEnd { return }
        // `schedule a { }`: an empty block (the validator reports what it lacks).
        if c.rest == "}" {
            close(at: c.range(c.offset..<c.end))
            return
        }
        let extra = c.peekToken() ?? ""
        report(Diagnostic(ScheduleDiagnostic.unexpectedText(extra, after: "'{': statements go on their own lines"),
                          at: c.range(c.offset..<(c.offset + extra.utf8.count))))
        // Recovery for `schedule a { target = eps }`: the text is still read as a
        // statement, and a final `}` closes the block.
        let closes = c.bytes[c.end - 1] == UInt8(ascii: "}")
        let inner = SourceLine(number: c.line.number, start: c.line.start,
                               contentEnd: closes ? ExpressionFragment.trim(c, c.offset..<(c.end - 1)).upperBound : c.end)
        var statement = LineCursor(bytes: bytes, line: inner)
        statement.offset = c.offset
        if let word = statement.readWord(), statement.text(word) != "schedule" {
            var parser = StatementParser(limits: limits.expression)
            let parsed = parser.parse(&statement, word: word)
            for d in parser.diagnostics { report(d) }
            open?.statements.append(parsed)
        }
        if closes { close(at: c.range((c.end - 1)..<c.end)) }
    }

    // MARK: Bytes

    /// Where the statement text of a line ends: before a `#` that is not inside a
    /// string, then before trailing whitespace (spaces, tabs, no-break spaces, CR).
    private func contentEnd(_ start: Int, _ end: Int) -> Int {
        var i = start
        var inString = false
        var stop = end
        while i < end {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "#") {
                stop = i
                break
            }
            i += 1
        }
        while stop > start {
            let b = bytes[stop - 1]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                stop -= 1
            } else if b == 0xA0, stop - 2 >= start, bytes[stop - 2] == 0xC2 {
                stop -= 2
            } else {
                break
            }
        }
        return stop
    }

    /// The offset of the first byte in `start..<end` that does not begin a
    /// well-formed UTF-8 sequence (no overlong forms, surrogates, or values above
    /// U+10FFFF), or nil. The same table as the expression lexer's.
    private func firstInvalidUTF8Byte(_ start: Int, _ end: Int) -> Int? {
        var i = start
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < end && bytes[k] >= low && bytes[k] <= high
        }
        while i < end {
            let b0 = bytes[i]
            switch b0 {
            case 0x00...0x7F:
                i += 1
            case 0xC2...0xDF:
                guard continuation(i + 1) else { return i }
                i += 2
            case 0xE0...0xEF:
                let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
                guard continuation(i + 1, low, high), continuation(i + 2) else { return i }
                i += 3
            case 0xF0...0xF4:
                let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
                guard continuation(i + 1, low, high), continuation(i + 2), continuation(i + 3) else { return i }
                i += 4
            default:
                return i
            }
        }
        return nil
    }
}

func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
