import Symbolic

/// One physical line of a file.
struct SourceLine {
    /// 1-based line number.
    let number: Int
    /// Byte offset of the line's first byte.
    let start: Int
    /// Byte offset just after the statement text: before a comment, trailing
    /// whitespace, the CR of a CRLF and the LF.
    let contentEnd: Int
}

/// A position inside one line of a file, read one piece at a time by the parser.
///
/// It works on the file's bytes (the line has been checked to be well-formed
/// UTF-8) and computes columns by counting Unicode scalars from the start of the
/// line, the way `SourceLocation` defines them.
struct LineCursor {
    let bytes: [UInt8]
    let line: SourceLine
    var offset: Int

    init(bytes: [UInt8], line: SourceLine) {
        self.bytes = bytes
        self.line = line
        self.offset = line.start
    }

    var end: Int { line.contentEnd }
    var atEnd: Bool { offset >= end }
    var peekByte: UInt8? { offset < end ? bytes[offset] : nil }

    // MARK: Positions

    /// The location of byte `offset` of this line.
    func location(_ at: Int) -> SourceLocation {
        var column = 1
        var i = line.start
        while i < at {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line.number, column: column, offset: at)
    }

    func range(_ r: Range<Int>) -> SourceRange { SourceRange(start: location(r.lowerBound), end: location(r.upperBound)) }

    /// An empty range at byte `at`.
    func point(_ at: Int) -> SourceRange { SourceRange(at: location(at)) }

    func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    /// The rest of the line, from the cursor.
    var rest: String { text(offset..<end) }

    // MARK: Scalars

    /// The scalar at byte `at` and its length (the line is valid UTF-8).
    func scalar(at: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[at]
        let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        var value = UInt32(length == 1 ? b0 : length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07)
        for k in 1..<length { value = (value << 6) | UInt32(bytes[at + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    var peekScalar: Unicode.Scalar? { atEnd ? nil : scalar(at: offset).0 }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{A0}" || s == "\r" }

    mutating func skipSpaces() {
        while !atEnd {
            let (s, n) = scalar(at: offset)
            guard LineCursor.isSpace(s) else { return }
            offset += n
        }
    }

    /// True (and consumed) when the text at the cursor is `literal`.
    mutating func consume(_ literal: String) -> Bool {
        var i = offset
        for b in literal.utf8 {
            guard i < end, bytes[i] == b else { return false }
            i += 1
        }
        offset = i
        return true
    }

    /// Consumes `word` when it stands alone (not followed by a name character).
    mutating func consumeWord(_ word: String) -> Bool {
        let saved = offset
        guard consume(word) else { return false }
        if let s = peekScalar, LineCursor.continuesName(s) {
            offset = saved
            return false
        }
        return true
    }

    // MARK: Words

    /// Letters, `_`, Greek letters and µ start a name.
    static func startsName(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || isGreek(s)
    }

    /// Name characters: those that start one, digits and subscript digits.
    static func continuesName(_ s: Unicode.Scalar) -> Bool {
        startsName(s) || (s >= "0" && s <= "9") || (0x2080...0x2089).contains(s.value)
    }

    static func isGreek(_ s: Unicode.Scalar) -> Bool { (0x0370...0x03FF).contains(s.value) || s == "\u{B5}" }

    /// A maximal run of name characters starting with a name start, or nil.
    mutating func readWord() -> Range<Int>? {
        guard let first = peekScalar, LineCursor.startsName(first) else { return nil }
        let start = offset
        while let s = peekScalar, LineCursor.continuesName(s) { offset += scalar(at: offset).1 }
        return start..<offset
    }

    /// A run of characters that is not whitespace, for quoting what was found instead
    /// of what was expected; nil at the end.
    func peekToken() -> String? {
        var i = offset
        while i < end {
            let (s, n) = scalar(at: i)
            if LineCursor.isSpace(s) { break }
            i += n
        }
        return i > offset ? text(offset..<i) : nil
    }

    /// `"…"` at the cursor: the decoded text (`\"` is `"`, `\\` is `\`, any other
    /// backslash is kept), or nil if there is no `"` here; throws when the string is
    /// not closed on this line.
    mutating func readString() throws(StringError) -> String? {
        guard peekByte == UInt8(ascii: "\"") else { return nil }
        let open = offset
        offset += 1
        var value: [UInt8] = []
        while offset < end {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: value, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\"), offset + 1 < end,
               bytes[offset + 1] == UInt8(ascii: "\"") || bytes[offset + 1] == UInt8(ascii: "\\") {
                value.append(bytes[offset + 1])
                offset += 2
                continue
            }
            value.append(b)
            offset += 1
        }
        throw StringError(open: open)
    }

    struct StringError: Error {
        let open: Int
    }
}
