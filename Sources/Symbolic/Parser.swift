import Exact

/// The outcome of parsing one expression: a tree, or the diagnostics explaining why
/// not, together with the source needed to draw them.
///
/// The parser stops at the first error (there is no recovery inside one expression),
/// so `diagnostics` holds at most one error today; it is a list so that warnings and
/// recovery can be added without changing callers.
public struct ParseResult: Sendable {
    public let expression: Expr?
    public let diagnostics: [Diagnostic]
    public let source: SourceText
    /// Text read anyway, with a warning (`np.exp(t)` is `exp(t)`): kept apart from
    /// `diagnostics`, whose first element is the error when there is no expression.
    public var warnings: [Diagnostic] = []

    /// The diagnostics drawn with source lines and carets.
    public func formattedDiagnostics(fileName: String = "<input>") -> String {
        DiagnosticFormatter(fileName: fileName).format(diagnostics, in: source)
    }
}

/// The error thrown by `Expr(parsing:)`; its description is the formatted
/// diagnostic.
public struct ParseError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public let source: SourceText

    /// The first (today: the only) error.
    public var diagnostic: Diagnostic { diagnostics[0] }

    public func formatted(fileName: String = "<input>") -> String {
        DiagnosticFormatter(fileName: fileName).format(diagnostics, in: source)
    }

    public var description: String { formatted() }
}

/// Which names may be applied to an argument: `alpha(1/2)`, `rho(s)`.
///
/// A name followed by `(` (with or without space) is never a product: it is a call
/// of a function, an application of an applicable name, or the error
/// `not-a-function` ("'t' is not a function; write t*(…) to multiply"). What is
/// applicable depends on where the expression stands, so the caller says.
public enum ApplicableNames: Sendable {
    /// Exactly these canonical names (the quantities of a schedule and its lets, in
    /// the REPL); none on the command line, where there is no schedule.
    case only(Set<String>)
    /// Every name: the caller checks each `.application` node with
    /// `NotAFunction.diagnostic` (schedule files, where a let is known only once
    /// the whole block is read).
    case any

    func contains(_ name: String) -> Bool {
        switch self {
        case .only(let names): return names.contains(name)
        case .any: return true
        }
    }

    /// Whether `name` is listed by name (`.any` lists none).
    func knows(_ name: String) -> Bool {
        if case .only(let names) = self { return names.contains(name) }
        return false
    }
}

/// Entry points for parsing the expression language of `grammar/expression.ebnf`.
public enum ExpressionParser {
    /// Parses `text`. Never traps: every failure is a diagnostic.
    public static func parse(_ text: String, limits: ParserLimits = .standard,
                             applicable: ApplicableNames = .only([])) -> ParseResult {
        parse(source: SourceText(text), limits: limits, applicable: applicable)
    }

    /// Parses raw bytes (`[UInt8]`, `Data`, …) that should be UTF-8; an invalid byte is
    /// reported as `invalid-utf8` at its line and column.
    public static func parse<Bytes: Collection>(utf8 bytes: Bytes, limits: ParserLimits = .standard,
                                                applicable: ApplicableNames = .only([])) -> ParseResult
    where Bytes.Element == UInt8 {
        parse(source: SourceText(utf8: bytes), limits: limits, applicable: applicable)
    }

    static func parse(source: SourceText, limits: ParserLimits, applicable: ApplicableNames = .only([])) -> ParseResult {
        var warnings: [Diagnostic] = []
        do throws(ParseFailure) {
            guard source.bytes.count <= limits.maximumInputBytes else {
                throw ParseFailure(.inputTooLarge(bytes: source.bytes.count, limit: limits.maximumInputBytes),
                                   at: SourceRange(at: .start))
            }
            var parser = try Parser(bytes: source.bytes, limits: limits, applicable: applicable)
            defer { warnings = parser.warnings }
            let expression = try parser.parseInput()
            return ParseResult(expression: expression, diagnostics: [], source: source, warnings: parser.warnings)
        } catch {
            return ParseResult(expression: nil, diagnostics: [error.diagnostic], source: source, warnings: warnings)
        }
    }
}

extension Expr {
    /// Parses `text`, throwing the first error.
    public init(parsing text: String, limits: ParserLimits = .standard) throws(ParseError) {
        let result = ExpressionParser.parse(text, limits: limits)
        guard let expression = result.expression else {
            throw ParseError(diagnostics: result.diagnostics, source: result.source)
        }
        self = expression
    }
}

/// A diagnostic on its way out of the lexer or parser.
struct ParseFailure: Error {
    let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    init(_ message: SyntaxDiagnostic, at range: SourceRange, notes: [Note] = [], fixIts: [FixIt] = []) {
        diagnostic = Diagnostic(message, at: range, notes: notes, fixIts: fixIts)
    }
}

/// An operator-precedence parser that keeps its pending work on an explicit stack
/// instead of the call stack.
///
/// It implements the grammar of `grammar/expression.ebnf`:
///
///     sum      product { (+|-) product }
///     product  unary { (*|/) unary | juxtaposed }
///     unary    (-|+|√) unary | power
///     power    postfix [ ^ unary ]          (right-associative through `unary`)
///     postfix  primary { superscript }
///     primary  number | name | call | application | ( sum )
///
/// Why not plain recursive descent: each level of parentheses would cost several
/// stack frames, and in a debug build 200 levels of `sin(` already overflow the 512 KiB
/// stacks of Swift concurrency's threads, where the REPL and tests run. Here the stack
/// is an array on the heap, so stack use is constant whatever the input, and the
/// nesting budget (`ParserLimits.maximumNesting`) is a policy, not a safety net.
///
/// The parser alternates between two positions:
/// - *operand position* (`readOperand`): prefix operators, `(`, `f(` and `alpha(` are
///   pushed as frames until an atom (number, name, π) arrives;
/// - *operator position* (the loop in `parseInput`): superscripts and `^` attach to the
///   operand; a binary operator or juxtaposition first reduces the frames that bind
///   tighter, then pushes itself; `)` and `,` reduce down to their group or call.
///
/// Within one group the stack always holds binary frames below prefix/power frames, so
/// "reduce what binds tighter" is: all prefix and power frames, then binary frames of
/// equal or higher precedence (left associativity).
struct Parser {
    /// A subtree and its height, so that height is computed once, while building.
    struct Parsed {
        var expression: Expr
        var height: Int
        var range: SourceRange { expression.range! }
    }

    /// Work waiting for an operand.
    enum Frame {
        /// `-`, `+` or `√` waiting for its operand.
        case prefix(Token)
        /// `base ^` waiting for the exponent.
        case power(base: Parsed, op: Token)
        /// `lhs op` waiting for the right operand; juxtaposition is `*` at the position
        /// of the right operand.
        case binary(lhs: Parsed, op: BinaryOperator, precedence: Int, at: SourceRange)
        /// `(` of a group.
        case group(open: Token)
        /// `f(` of a call.
        case call(name: Token, open: Token)
        /// `alpha(` of an application.
        case application(name: Token, open: Token)
    }

    private var lexer: Lexer
    private var current: Token
    private var previous: Token?
    private var stack: [Frame] = []
    private var nesting = 0
    private var literalBits = 0
    private let limits: ParserLimits
    private let applicable: ApplicableNames

    init(bytes: [UInt8], limits: ParserLimits, applicable: ApplicableNames = .only([])) throws(ParseFailure) {
        self.lexer = Lexer(bytes: bytes)
        self.limits = limits
        self.applicable = applicable
        current = try lexer.next()
    }

    private mutating func advance() throws(ParseFailure) {
        previous = current
        current = try lexer.next()
    }

    /// The lexer's warnings so far.
    var warnings: [Diagnostic] { lexer.warnings }

    /// Where a problem with the current token is reported: the token itself, or, at
    /// the end of input, the point just after the previous token (so that trailing
    /// blank lines do not move the caret away from the text).
    private var currentRange: SourceRange {
        if current.kind == .endOfInput, let previous { return SourceRange(at: previous.range.end) }
        return current.range
    }

    private mutating func push(_ frame: Frame, nestingAt token: Token) throws(ParseFailure) {
        nesting += 1
        guard nesting <= limits.maximumNesting else {
            throw ParseFailure(.nestingTooDeep(limit: limits.maximumNesting), at: token.range)
        }
        stack.append(frame)
    }

    private func build(_ kind: Expr.Kind, range: SourceRange, height: Int, reportAt: SourceRange) throws(ParseFailure) -> Parsed {
        guard height <= limits.maximumHeight else {
            throw ParseFailure(.expressionTooComplex(limit: limits.maximumHeight), at: reportAt)
        }
        return Parsed(expression: Expr(kind, range: range), height: height)
    }

    // MARK: Driver

    mutating func parseInput() throws(ParseFailure) -> Expr {
        if current.kind == .endOfInput { throw ParseFailure(.emptyInput, at: SourceRange(at: .start)) }
        var operand = try readOperand()
        while true {
            // `operand` is a complete primary here: superscripts and `^` come first.
            operand = try applySuperscripts(to: operand)
            if current.kind == .power {
                try push(.power(base: operand, op: current), nestingAt: current)
                try advance()
                operand = try readOperand()
                continue
            }
            switch current.kind {
            case .plus, .minus, .times, .divide:
                let token = current
                let (op, precedence): (BinaryOperator, Int) = switch token.kind {
                case .plus: (.add, 1)
                case .minus: (.subtract, 1)
                case .times: (.multiply, 2)
                default: (.divide, 2)
                }
                operand = try reduce(operand, downTo: precedence)
                stack.append(.binary(lhs: operand, op: op, precedence: precedence, at: token.range))
                try advance()
                operand = try readOperand()
            case .name, .leftParenthesis, .squareRoot:
                // Juxtaposition: multiplication with the precedence of `*`.
                operand = try reduce(operand, downTo: 2)
                stack.append(.binary(lhs: operand, op: .multiply, precedence: 2, at: current.range))
                operand = try readOperand()
            case .number:
                // `2 3`, `t 2`, `(a)2`: a number on the right is never juxtaposed.
                throw ParseFailure(.missingOperator(beforeNumber: current.text), at: current.range,
                                   fixIts: [FixIt(replacing: SourceRange(at: current.range.start), with: "*")])
            case .rightParenthesis:
                operand = try reduce(operand, downTo: 0)
                switch stack.last {
                case .group(let open)?:
                    stack.removeLast()
                    nesting -= 1
                    let close = current
                    try advance()
                    operand = Parsed(expression: Expr(operand.expression.kind, range: open.range.union(close.range)),
                                     height: operand.height)
                case .call(let name, _)?:
                    if name.value == "diff" {
                        throw ParseFailure(.missingArgument(function: name.value, arity: 2), at: current.range)
                    }
                    operand = try finishCall(argument: operand, variable: nil)
                case .application?:
                    operand = try finishApplication(argument: operand)
                default:
                    throw ParseFailure(.unmatchedClosingParenthesis, at: current.range)
                }
            case .comma:
                operand = try reduce(operand, downTo: 0)
                switch stack.last {
                case .call(let name, let open)?:
                    guard name.value == "diff" else {
                        throw ParseFailure(.tooManyArguments(function: name.value, arity: 1), at: current.range)
                    }
                    let variable = try readDerivativeVariable(open: open)
                    operand = try finishCall(argument: operand, variable: variable)
                case .application(let name, _)?:
                    throw ParseFailure(.tooManyArguments(function: name.text, arity: 1), at: current.range)
                case .group(let open)?:
                    throw unclosed(open)
                default:
                    throw ParseFailure(.unexpectedToken(current.text), at: current.range)
                }
            case .endOfInput:
                operand = try reduce(operand, downTo: 0)
                switch stack.last {
                case .group(let open)?, .call(_, let open)?, .application(_, let open)?:
                    throw unclosed(open)
                default:
                    return operand.expression
                }
            default:
                throw ParseFailure(.unexpectedToken(current.text), at: current.range)
            }
        }
    }

    // MARK: Operand position

    /// Pushes prefix operators, `(` and `f(` until an atom arrives, and returns it.
    private mutating func readOperand() throws(ParseFailure) -> Parsed {
        while true {
            let token = current
            switch token.kind {
            case .minus, .plus, .squareRoot:
                try push(.prefix(token), nestingAt: token)
                try advance()
            case .leftParenthesis:
                try push(.group(open: token), nestingAt: token)
                try advance()
            case .number:
                try advance()
                let value = try literal(token.text, at: token.range)
                return Parsed(expression: Expr(.number(value), range: token.range), height: 1)
            case .name:
                if let atom = try readName() { return atom }
            case .rightParenthesis where previous == nil:
                throw ParseFailure(.unmatchedClosingParenthesis, at: token.range)
            default:
                if let previous {
                    throw ParseFailure(.expectedExpression(after: previous.text, before: nil), at: currentRange)
                }
                throw ParseFailure(.expectedExpression(after: nil, before: token.text), at: token.range)
            }
        }
    }

    /// A name: the constant π or a variable (returned), the start of a call or an
    /// application (pushed, nil returned), or a name that cannot be called (thrown).
    private mutating func readName() throws(ParseFailure) -> Parsed? {
        let token = current
        let name = token.value
        if Names.reserved.contains(name) {
            throw ParseFailure(.reservedWord(name), at: token.range)
        }
        try advance()
        if name == "pi" {
            return Parsed(expression: Expr(.pi, range: token.range), height: 1)
        }
        if !token.isGreek, FunctionSuggestions.knownNames.contains(name) {
            guard current.kind == .leftParenthesis else {
                throw ParseFailure(.expectedOpenParenthesis(function: name), at: currentRange)
            }
            let open = current
            try push(.call(name: token, open: open), nestingAt: open)
            try advance()
            if current.kind == .rightParenthesis {
                throw ParseFailure(.missingArgument(function: name, arity: name == "diff" ? 2 : 1), at: current.range)
            }
            return nil
        }
        if current.kind == .leftParenthesis {
            // `max(a, b)`, `cumprod(…)`: functions sched deliberately lacks, said why,
            // unless the caller knows the name as a quantity or let.
            if !token.isGreek, let hint = FieldHint.call(name), !applicable.knows(name) {
                throw ParseFailure(hint.diagnostic(at: token.range))
            }
            guard applicable.contains(name) else {
                throw ParseFailure(NotAFunction.diagnostic(written: token.text, name: name, at: token.range,
                                                           parenthesis: current.range.start))
            }
            let open = current
            try push(.application(name: token, open: open), nestingAt: open)
            try advance()
            if current.kind == .rightParenthesis {
                throw ParseFailure(.missingArgument(function: token.text, arity: 1), at: current.range)
            }
            return nil
        }
        return Parsed(expression: Expr(.variable(name), range: token.range), height: 1)
    }

    /// After the `,` of `diff(f, x)`: the variable, which must be a single name followed
    /// by `)`. Leaves the current token on the `)`.
    private mutating func readDerivativeVariable(open: Token) throws(ParseFailure) -> String {
        try advance()
        if current.kind == .rightParenthesis {
            throw ParseFailure(.missingArgument(function: "diff", arity: 2), at: current.range)
        }
        let candidate = current
        guard candidate.kind == .name, !Names.reserved.contains(candidate.value), candidate.value != "pi",
              candidate.isGreek || !FunctionSuggestions.knownNames.contains(candidate.value)
        else {
            throw ParseFailure(.expectedVariable(function: "diff"), at: currentRange)
        }
        try advance()
        switch current.kind {
        case .rightParenthesis: return candidate.value
        case .comma: throw ParseFailure(.tooManyArguments(function: "diff", arity: 2), at: current.range)
        case .endOfInput: throw unclosed(open)
        default: throw ParseFailure(.expectedVariable(function: "diff"), at: candidate.range)
        }
    }

    // MARK: Operator position

    private mutating func applySuperscripts(to base: Parsed) throws(ParseFailure) -> Parsed {
        var base = base
        while current.kind == .superscript {
            let token = current
            try advance()
            let negative = token.value.hasPrefix("-")
            let value = try literal(negative ? String(token.value.dropFirst()) : token.value, at: token.range)
            var exponent = Parsed(expression: Expr(.number(value), range: token.range), height: 1)
            if negative {
                exponent = Parsed(expression: Expr(.negation(exponent.expression), range: token.range), height: 2)
            }
            try checkExponent(exponent)
            base = try build(.binary(.power, base.expression, exponent.expression), range: base.range.union(token.range),
                             height: max(base.height, exponent.height) + 1, reportAt: token.range)
        }
        return base
    }

    /// Applies every pending prefix and power frame to `operand`, then every binary
    /// frame of precedence ≥ `precedence`, stopping at a group or call.
    private mutating func reduce(_ operand: Parsed, downTo precedence: Int) throws(ParseFailure) -> Parsed {
        var operand = operand
        while let frame = stack.last {
            switch frame {
            case .prefix(let token):
                stack.removeLast()
                nesting -= 1
                let range = token.range.union(operand.range)
                switch token.kind {
                case .plus:
                    // Unary plus leaves no node.
                    operand = Parsed(expression: Expr(operand.expression.kind, range: range), height: operand.height)
                case .minus:
                    operand = try build(.negation(operand.expression), range: range, height: operand.height + 1,
                                        reportAt: token.range)
                default:
                    operand = try build(.function(.sqrt, operand.expression), range: range, height: operand.height + 1,
                                        reportAt: token.range)
                }
            case .power(let base, let op):
                stack.removeLast()
                nesting -= 1
                try checkExponent(operand)
                operand = try build(.binary(.power, base.expression, operand.expression), range: base.range.union(operand.range),
                                    height: max(base.height, operand.height) + 1, reportAt: op.range)
            case .binary(let lhs, let op, let framePrecedence, let at):
                guard framePrecedence >= precedence else { return operand }
                stack.removeLast()
                operand = try build(.binary(op, lhs.expression, operand.expression), range: lhs.range.union(operand.range),
                                    height: max(lhs.height, operand.height) + 1, reportAt: at)
            case .group, .call, .application:
                return operand
            }
        }
        return operand
    }

    /// Closes the call on top of the stack at the current `)`.
    private mutating func finishCall(argument: Parsed, variable: String?) throws(ParseFailure) -> Parsed {
        guard case .call(let name, _)? = stack.popLast() else { preconditionFailure("no call to finish") }
        nesting -= 1
        let close = current
        try advance()
        let range = name.range.union(close.range)
        let kind: Expr.Kind = if let variable {
            .derivative(argument.expression, variable: variable)
        } else {
            .function(Function(named: name.value)!, argument.expression)
        }
        return try build(kind, range: range, height: argument.height + 1, reportAt: name.range)
    }

    /// Closes the application on top of the stack at the current `)`; the argument's
    /// range takes in the parentheses.
    private mutating func finishApplication(argument: Parsed) throws(ParseFailure) -> Parsed {
        guard case .application(let name, let open)? = stack.popLast() else { preconditionFailure("no application to finish") }
        nesting -= 1
        let close = current
        try advance()
        let group = Expr(argument.expression.kind, range: open.range.union(close.range))
        return try build(.application(name.value, group), range: name.range.union(close.range),
                         height: argument.height + 1, reportAt: name.range)
    }

    // MARK: Helpers

    /// The error for a `(` whose `)` did not come where it had to.
    private func unclosed(_ open: Token) -> ParseFailure {
        let atEnd = current.kind == .endOfInput
        return ParseFailure(.unclosedParenthesis(openedAt: open.range.start), at: currentRange,
                            notes: [Note("'(' opened here", at: open.range)],
                            fixIts: atEnd ? [FixIt(replacing: currentRange, with: ")")] : [])
    }

    /// Converts a literal exactly, enforcing the per-literal budget of `Exact` and the
    /// per-expression total of `ParserLimits.maximumLiteralBits`.
    private mutating func literal(_ text: String, at range: SourceRange) throws(ParseFailure) -> Rational {
        let value: Rational
        do {
            value = try Rational(parsing: text)
        } catch {
            throw ParseFailure(.numberTooLarge(literal: text, limit: ExactBudget.maximumDecimalExponent), at: range)
        }
        literalBits += value.bitSize
        guard literalBits <= limits.maximumLiteralBits else {
            throw ParseFailure(.numbersTooLarge(limitBits: limits.maximumLiteralBits), at: range)
        }
        return value
    }

    /// Rejects literal exponents beyond `maximumExponent` (`t^1000000000`), which no
    /// later stage could expand. Only literals (possibly negated) are checked here;
    /// computed exponents are the simplifier's business.
    private func checkExponent(_ exponent: Parsed) throws(ParseFailure) {
        var value: Rational
        switch exponent.expression.kind {
        case .number(let r): value = r
        case .negation(let inner):
            guard case .number(let r) = inner.kind else { return }
            value = -r
        default: return
        }
        guard value.magnitude > Rational(limits.maximumExponent) else { return }
        let text = (value.isNegative ? "-" : "") + ASCIIPrinter.numberText(value.magnitude)
        throw ParseFailure(.exponentTooLarge(exponent: text, limit: limits.maximumExponent), at: exponent.range)
    }
}
