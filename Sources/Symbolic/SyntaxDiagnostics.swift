/// The catalogue of every diagnostic the expression lexer and parser emit.
///
/// One case per message, so that the full list of what a user can be told lives in one
/// place, each with a stable ID. Several cases can share an ID when they are the same
/// problem seen from two sides (an unclosed `(` and a stray `)` are both
/// `unbalanced-parenthesis`).
public enum SyntaxDiagnostic: DiagnosticMessage, Hashable {
    case emptyInput
    case inputTooLarge(bytes: Int, limit: Int)
    case invalidUTF8(byte: UInt8)
    case unexpectedCharacter(Unicode.Scalar)
    case malformedNumber(literal: String)
    case malformedSuperscript
    case numberTooLarge(literal: String, limit: Int)
    case numbersTooLarge(limitBits: Int)
    /// An operand was missing. `after` is the preceding token's text, if any; `before`
    /// the text of the token found instead, used when nothing precedes.
    case expectedExpression(after: String?, before: String?)
    case unclosedParenthesis(openedAt: SourceLocation)
    case unmatchedClosingParenthesis
    case missingOperator(beforeNumber: String)
    case unexpectedToken(String)
    case unknownFunction(name: String, suggestion: String?)
    /// `t(1-t)`: a name that is neither a function nor applicable, before `(`.
    case notAFunction(name: String)
    case expectedOpenParenthesis(function: String)
    case missingArgument(function: String, arity: Int)
    case tooManyArguments(function: String, arity: Int)
    case expectedVariable(function: String)
    case reservedWord(String)
    case exponentTooLarge(exponent: String, limit: Int)
    case nestingTooDeep(limit: Int)
    case expressionTooComplex(limit: Int)

    public var id: DiagnosticID {
        switch self {
        case .emptyInput: return "empty-input"
        case .inputTooLarge: return "input-too-large"
        case .invalidUTF8: return "invalid-utf8"
        case .unexpectedCharacter: return "unexpected-character"
        case .malformedNumber: return "malformed-number"
        case .malformedSuperscript: return "malformed-superscript"
        case .numberTooLarge: return "number-too-large"
        case .numbersTooLarge: return "numbers-too-large"
        case .expectedExpression: return "expected-expression"
        case .unclosedParenthesis, .unmatchedClosingParenthesis: return "unbalanced-parenthesis"
        case .missingOperator: return "missing-operator"
        case .unexpectedToken: return "unexpected-token"
        case .unknownFunction: return "unknown-function"
        case .notAFunction: return "not-a-function"
        case .expectedOpenParenthesis: return "expected-open-parenthesis"
        case .missingArgument: return "missing-argument"
        case .tooManyArguments: return "too-many-arguments"
        case .expectedVariable: return "expected-variable"
        case .reservedWord: return "reserved-word"
        case .exponentTooLarge: return "exponent-too-large"
        case .nestingTooDeep: return "nesting-too-deep"
        case .expressionTooComplex: return "expression-too-complex"
        }
    }

    public var severity: Severity { .error }

    public var message: String {
        switch self {
        case .emptyInput:
            return "expected an expression, but the input is empty"
        case .inputTooLarge(let bytes, let limit):
            return "expression too large: \(bytes) bytes (limit \(limit) bytes)"
        case .invalidUTF8(let byte):
            return "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2))"
        case .unexpectedCharacter(let scalar):
            return "unexpected character \(describe(scalar))"
        case .malformedNumber(let literal):
            return "expected a digit after the decimal point in '\(abbreviated(literal))'"
        case .malformedSuperscript:
            return "expected a superscript digit after '⁻'"
        case .numberTooLarge(let literal, let limit):
            return "number '\(abbreviated(literal))' is too large (decimal exponent limit \(limit))"
        case .numbersTooLarge(let limitBits):
            return "number literals too large in total (more than \(limitBits) bits)"
        case .expectedExpression(let after?, _):
            return "expected an expression after '\(abbreviated(after))'"
        case .expectedExpression(nil, let before?):
            return "expected an expression before '\(abbreviated(before))'"
        case .expectedExpression(nil, nil):
            return "expected an expression"
        case .unclosedParenthesis(let openedAt):
            return "expected ')' to close the '(' at \(openedAt)"
        case .unmatchedClosingParenthesis:
            return "unexpected ')' without a matching '('"
        case .missingOperator(let number):
            return "expected an operator before number '\(abbreviated(number))'"
        case .unexpectedToken(let text):
            return "unexpected '\(abbreviated(text))' after a complete expression"
        case .unknownFunction(let name, let suggestion?):
            return "unknown function '\(abbreviated(name))'; did you mean '\(suggestion)'?"
        case .unknownFunction(let name, nil):
            return "unknown function '\(abbreviated(name))'"
        case .notAFunction(let name):
            return "'\(abbreviated(name))' is not a function; write \(abbreviated(name))*(…) to multiply"
        case .expectedOpenParenthesis(let function):
            return "expected '(' after function name '\(function)'"
        case .missingArgument(let function, let arity):
            return "missing argument to '\(function)': it takes \(arity) argument\(arity == 1 ? "" : "s")"
        case .tooManyArguments(let function, let arity):
            return "too many arguments to '\(function)': it takes \(arity) argument\(arity == 1 ? "" : "s")"
        case .expectedVariable(let function):
            return "the second argument of '\(function)' must be a variable name"
        case .reservedWord(let word):
            return "'\(word)' is a reserved word and cannot be used as a name"
        case .exponentTooLarge(let exponent, let limit):
            return "exponent \(abbreviated(exponent)) is too large (limit \(limit))"
        case .nestingTooDeep(let limit):
            return "expression nested too deeply (more than \(limit) levels)"
        case .expressionTooComplex(let limit):
            return "expression too complex: its syntax tree would be more than \(limit) levels deep"
        }
    }

    /// `'@'` for visible characters, with the code point added outside ASCII so that
    /// look-alikes (`–` for `-`) are recognisable; `U+0007` for invisible ones.
    private func describe(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(scalar.value, width: 4)
        if isInvisible(scalar) { return code }
        return scalar.isASCII ? "'\(scalar)'" : "'\(scalar)' (\(code))"
    }
}

/// Upper-case hexadecimal, zero-padded.
func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Characters that print as nothing or move the cursor: controls, format characters,
/// separators, combining marks, unassigned code points. They are described by code
/// point in messages and drawn as U+FFFD in snippets.
func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
         .paragraphSeparator, .spaceSeparator, .nonspacingMark, .enclosingMark, .spacingMark:
        return true
    default:
        return false
    }
}
