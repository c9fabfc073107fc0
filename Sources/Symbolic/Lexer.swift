/// Turns UTF-8 bytes into tokens, one at a time, on demand.
///
/// The lexer is pulled by the parser rather than run ahead, so that a lexical error
/// (a stray `@`, an invalid byte) is reported only if every token before it was
/// grammatical: the first error in the input is the one reported, whatever its kind.
///
/// It works on bytes, not `String`, because input may come from files that are not
/// valid UTF-8 and the position of the bad byte must be reported exactly; decoding is
/// `UTF8Decoding.decode`. Lexical rules are those of `grammar/expression.ebnf`.
struct Lexer {
    let bytes: [UInt8]
    private(set) var offset = 0
    private(set) var line = 1
    private(set) var column = 1

    /// Where the token being scanned began.
    private var tokenStart = SourceLocation.start
    /// Warnings for text read anyway (`np.exp` as `exp`, `FieldHint.modulePrefix`).
    private(set) var warnings: [Diagnostic] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    /// The scalar at the current position; nil at the end or on an invalid byte.
    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        var position = offset
        for _ in 0..<ahead {
            guard position < bytes.count else { return nil }
            let (scalar, length) = UTF8Decoding.decode(bytes, at: position)
            guard scalar != nil else { return nil }
            position += length
        }
        guard position < bytes.count else { return nil }
        return UTF8Decoding.decode(bytes, at: position).scalar
    }

    /// Moves past the current scalar (which must be valid), keeping line and column.
    private mutating func advance() {
        let (scalar, length) = UTF8Decoding.decode(bytes, at: offset)
        offset += length
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{A0}"
    }

    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z")
    }

    static func isDigit(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s >= "0" && s <= "9"
    }

    /// Characters that continue an ASCII name (and a Greek name's suffix): letters,
    /// digits, `_`, subscript digits.
    static func continuesName(_ s: Unicode.Scalar) -> Bool {
        isASCIILetter(s) || isDigit(s) || s == "_" || Names.subscriptDigit(s) != nil
    }

    /// The token from `tokenStart` to the current position.
    private func make(_ kind: TokenKind, value: String? = nil, isGreek: Bool = false) -> Token {
        let text = String(decoding: bytes[tokenStart.offset..<offset], as: UTF8.self)
        return Token(kind: kind, text: text, value: value ?? text,
                     range: SourceRange(start: tokenStart, end: location),
                     isGreek: isGreek)
    }

    /// The next token, or a thrown diagnostic for the first lexical error.
    mutating func next() throws(ParseFailure) -> Token {
        while let s = peek(), Lexer.isWhitespace(s) { advance() }
        let start = location

        guard offset < bytes.count else {
            return Token(kind: .endOfInput, text: "", value: "", range: SourceRange(at: start))
        }
        guard let scalar = peek() else {
            throw ParseFailure(.invalidUTF8(byte: bytes[offset]), at: SourceRange(start: start, end: start.advanced(byteCount: 1)))
        }

        tokenStart = start

        func single(_ kind: TokenKind) -> Token {
            advance()
            return make(kind)
        }

        switch scalar {
        case "+": return single(.plus)
        case "-", "\u{2212}": return single(.minus)  // − MINUS SIGN
        case "*":
            advance()
            if peek() == "*" {
                advance()
                return make(.power)
            }
            return make(.times)
        case "\u{B7}", "\u{22C5}", "\u{D7}": return single(.times)  // · ⋅ ×
        case "/", "\u{F7}": return single(.divide)  // ÷
        case "^": return single(.power)
        case "(": return single(.leftParenthesis)
        case ")": return single(.rightParenthesis)
        case ",": return single(.comma)
        case "\u{221A}": return single(.squareRoot)  // √
        case "[":
            advance()
            throw ParseFailure(FieldHint.discreteTime(written: "[").diagnostic(at: SourceRange(start: start, end: location)))
        case "0"..."9":
            return try number()
        case ".":
            if Lexer.isDigit(peek(1)) { return try number() }
            advance()
            throw ParseFailure(.unexpectedCharacter(scalar), at: SourceRange(start: start, end: location))
        case "\u{207B}":  // ⁻
            return try superscript()
        default:
            break
        }

        if Names.superscriptDigit(scalar) != nil {
            return try superscript()
        }
        if Lexer.isASCIILetter(scalar) || scalar == "_" {
            var name = asciiName()
            // `np.exp`, `jax.numpy.exp`: the module prefix is dropped, with a warning.
            let prefixStart = tokenStart
            while FieldHint.modulePrefixes.contains(name), peek() == ".", let s = peek(1), Lexer.isASCIILetter(s) {
                advance()
                tokenStart = location
                name = asciiName()
            }
            if tokenStart != prefixStart {
                let prefix = SourceRange(start: prefixStart, end: tokenStart)
                let module = String(decoding: bytes[prefixStart.offset..<(tokenStart.offset - 1)], as: UTF8.self)
                warnings.append(FieldHint.modulePrefix(prefix: module, name: name).diagnostic(at: prefix))
            }
            return make(.name, value: Names.canonicalASCII(name))
        }
        if let greek = Names.greek[scalar] {
            advance()
            var name = greek
            // A Greek letter is a name by itself (`πt` is π·t, `αβ` is α·β); only a
            // digit, subscript digit or `_` can extend it: `σ_d`, `α0`, `x₀`.
            if let s = peek(), Lexer.isDigit(s) || s == "_" || Names.subscriptDigit(s) != nil {
                while let s = peek(), Lexer.continuesName(s) {
                    name.append(Names.subscriptDigit(s) ?? Character(s))
                    advance()
                }
            }
            return make(.name, value: name, isGreek: true)
        }
        advance()
        throw ParseFailure(.unexpectedCharacter(scalar), at: SourceRange(start: start, end: location))
    }

    /// The letters, digits, `_` and subscript digits of an ASCII name, from here.
    private mutating func asciiName() -> String {
        var name = ""
        while let s = peek(), Lexer.continuesName(s) {
            name.append(Names.subscriptDigit(s) ?? Character(s))
            advance()
        }
        return name
    }

    /// `digits [ "." digits ] [ exponent ]` or `"." digits [ exponent ]`. An `e` starts
    /// an exponent only when a digit, or a sign and a digit, follows: `2e3` is 2000 but
    /// `2e` is 2·e and `2exp(t)` is 2·exp(t).
    private mutating func number() throws(ParseFailure) -> Token {
        while Lexer.isDigit(peek()) { advance() }
        if peek() == "." {
            advance()
            guard Lexer.isDigit(peek()) else {
                let text = String(decoding: bytes[tokenStart.offset..<offset], as: UTF8.self)
                throw ParseFailure(.malformedNumber(literal: text), at: SourceRange(at: location))
            }
            while Lexer.isDigit(peek()) { advance() }
        }
        if peek() == "e" || peek() == "E" {
            if Lexer.isDigit(peek(1)) || ((peek(1) == "+" || peek(1) == "-") && Lexer.isDigit(peek(2))) {
                advance()
                if peek() == "+" || peek() == "-" { advance() }
                while Lexer.isDigit(peek()) { advance() }
            }
        }
        return make(.number)
    }

    /// `[ "⁻" ] superscript-digit { superscript-digit }`, value in ASCII (`⁻¹²` → `-12`).
    private mutating func superscript() throws(ParseFailure) -> Token {
        var value = ""
        if peek() == "\u{207B}" {
            advance()
            value = "-"
            guard let s = peek(), Names.superscriptDigit(s) != nil else {
                throw ParseFailure(.malformedSuperscript, at: SourceRange(at: location))
            }
        }
        while let s = peek(), let digit = Names.superscriptDigit(s) {
            value.append(digit)
            advance()
        }
        return make(.superscript, value: value)
    }
}

extension SourceLocation {
    /// The location `byteCount` bytes further on the same line, counting each byte as a
    /// column; used to span a single invalid byte.
    func advanced(byteCount: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + byteCount, offset: offset + byteCount)
    }
}
