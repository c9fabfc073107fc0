/// The kinds of token the lexer produces. Unicode spellings are folded here, so the
/// parser never sees them: `−` is `.minus`, `·` and `×` are `.times`, `**` is `.power`.
enum TokenKind: Hashable, Sendable {
    /// A non-negative decimal literal; `Token.value` is its ASCII spelling.
    case number
    /// An identifier; `Token.value` is its canonical ASCII spelling (`σ_d` → `sigma_d`).
    case name
    case plus
    case minus
    case times
    case divide
    case power
    case leftParenthesis
    case rightParenthesis
    case comma
    /// The prefix square root `√`.
    case squareRoot
    /// A run of superscript digits, optionally after `⁻`; `Token.value` is the ASCII
    /// integer (`⁻¹²` → `-12`).
    case superscript
    case endOfInput
}

/// One token with the exact text it was spelled with (for messages) and its
/// canonical value (for the tree).
struct Token: Sendable {
    var kind: TokenKind
    /// The source spelling, e.g. `**`, `σ_d`, `²`.
    var text: String
    /// Canonical form: ASCII name or number text; equal to `text` for operators.
    var value: String
    var range: SourceRange
    /// For names: whether the name was spelled with a Greek letter. A Greek letter is
    /// never a function keyword (`β(…)` is the name beta, not the function beta).
    var isGreek: Bool = false

    /// How the token is quoted in messages: its source text, or "end of input".
    var quoted: String {
        kind == .endOfInput ? "end of input" : "'\(abbreviated(text))'"
    }
}

/// `text` shortened to at most `limit` characters for messages, so that a one-megabyte
/// literal does not produce a one-megabyte message.
func abbreviated(_ text: String, limit: Int = 40) -> String {
    guard text.unicodeScalars.count > limit else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 3))) + "..."
}
