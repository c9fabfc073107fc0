import Exact
import Foundation
import Testing
@testable import Symbolic
import SchedTestSupport

/// The shared fixed-seed generator (SplitMix64).
typealias SplitMix64 = SeededRandom

/// Parses or fails the test with the formatted diagnostic.
func parse(_ text: String) throws -> Expr {
    let result = ExpressionParser.parse(text)
    guard let e = result.expression else {
        throw TestFailure(message: "could not parse \(text.debugDescription):\n" + result.formattedDiagnostics())
    }
    return e
}

struct TestFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The package root, found from this file's path, for reading `grammar/`.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Random syntax trees in the form the parser produces: non-negative terminating
/// decimal literals, canonical names, literal exponents within budget.
struct RandomExpressions {
    var rng: SplitMix64

    /// Includes names SymPy would otherwise take for its own objects (E, I, N, S, O,
    /// Q, beta, gamma, zeta), Greek names, and `lamda`.
    static let names = [
        "t", "x", "y", "x0", "beta_min", "beta_max", "sigma_d", "sigma", "alpha", "alpha_bar",
        "lamda", "lamda_min", "epsilon", "eps", "e", "omega", "tau", "Omega", "Pi", "a_1",
        "gamma", "beta", "zeta", "E", "I", "N", "S", "O", "Q", "_k", "T2",
    ]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func number(small: Bool = false) -> Rational {
        if small { return rng.chance(0.8) ? Rational(rng.int(0...5)) : Rational(rng.int(1...9), 2) }
        switch rng.int(0...5) {
        case 0, 1: return Rational(rng.int(0...20))
        case 2: return Rational(rng.int(0...1_000_000))
        case 3:  // a decimal with up to 6 places
            let places = rng.int(1...6)
            return try! Rational(BigInt(rng.int(0...9_999_999)), BigInt(10).power(places))
        case 4:  // scientific, large or small
            let exponent = rng.int(-40...40)
            return Rational(rng.int(1...999)) * (try! Rational(10).power(exponent))
        default:  // a long integer
            var digits = String(rng.int(1...9))
            for _ in 0..<rng.int(10...40) { digits += String(rng.int(0...9)) }
            return Rational(BigInt(digits)!)
        }
    }

    mutating func leaf(small: Bool = false) -> Expr {
        switch rng.int(0...9) {
        case 0...3: return .number(number(small: small))
        case 4: return .pi
        default: return .variable(rng.pick(Self.names))
        }
    }

    /// A tree of height at most `depth + 1`.
    mutating func expression(depth: Int, small: Bool = false) -> Expr {
        if depth == 0 || rng.chance(0.2) { return leaf(small: small) }
        switch rng.int(0...11) {
        case 0: return .negation(expression(depth: depth - 1, small: small))
        case 1...5:
            let op = rng.pick([BinaryOperator.add, .subtract, .multiply, .divide])
            return .binary(op, expression(depth: depth - 1, small: small), expression(depth: depth - 1, small: small))
        case 6, 7:
            // Exponents use small literals: within the parser's budget, and cheap for SymPy.
            return .binary(.power, expression(depth: depth - 1, small: small), expression(depth: min(depth - 1, 2), small: true))
        case 8, 9, 10:
            return .function(rng.pick(Function.oracleFunctions), expression(depth: depth - 1, small: small))
        default:
            return .derivative(expression(depth: depth - 1, small: small), variable: rng.pick(Self.names))
        }
    }
}

/// Prints a tree the way a person might type it, choosing at random among the
/// equivalent spellings the grammar allows: juxtaposition, `·` `×` `÷` `−` `**`,
/// superscripts, `√`, `π`, Greek letters, redundant parentheses and spaces. Parsing
/// the result must give the tree back; this exercises the grammar far beyond what
/// `printASCII` produces.
struct HumanPrinter {
    var rng: SplitMix64

    static let greek: [String: String] = {
        var table: [String: String] = [:]
        for (scalar, name) in Names.greek where name != "pi" {
            if table[name] == nil || "αβγδεζηθικλμνξορστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΡΣΤΥΦΧΨΩ".unicodeScalars.contains(scalar) {
                table[name] = String(scalar)
            }
        }
        return table
    }()

    static let superscripts: [Character: String] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
    ]

    mutating func space() -> String { rng.chance(0.3) ? " " : "" }

    mutating func name(_ name: String) -> String {
        if rng.chance(0.5) {
            // Respell a Greek head: sigma_d → σ_d, lamda → λ.
            let head = name.prefix(while: { $0.isLetter })
            let rest = name.dropFirst(head.count)
            if let letter = Self.greek[String(head)], rest.isEmpty || rest.first == "_" || rest.first!.isNumber {
                return letter + rest
            }
        }
        if name.hasPrefix("lamda"), rng.chance(0.5) { return "lambda" + name.dropFirst(5) }
        return name
    }

    mutating func print(_ e: Expr) -> String {
        var text = core(e)
        if rng.chance(0.05) { text = "(" + text + ")" }
        return text
    }

    private mutating func operand(_ e: Expr, parenthesize: Bool) -> String {
        let text = print(e)
        return parenthesize ? "(" + space() + text + space() + ")" : text
    }

    private mutating func core(_ e: Expr) -> String {
        switch e.kind {
        case .number(let r):
            let text = ASCIIPrinter.numberAtom(r)
            // Same value, other spellings: 0.5 as .5, 250 as 2.5e2 are left to the
            // lexer tests; here only the case of the exponent letter varies.
            return rng.chance(0.2) ? text.replacingOccurrences(of: "e", with: "E") : text
        case .variable(let n):
            return name(n)
        case .pi:
            return rng.chance(0.5) ? "π" : "pi"
        case .negation(let x):
            let sign = rng.chance(0.5) ? "−" : "-"
            let gap = space()
            return sign + gap + operand(x, parenthesize: ASCIIPrinter.level(x) < 4)
        case .function(.sqrt, let x) where rng.chance(0.5):
            // √ takes a unary operand: anything but sums and products goes bare.
            return "√" + operand(x, parenthesize: ASCIIPrinter.level(x) < 3)
        case .function(let f, let x):
            let gap = rng.chance(0.1) ? " " : ""
            let argument: String = space() + print(x) + space()
            return f.name + gap + "(" + argument + ")"
        case .derivative(let x, let v):
            let argument: String = print(x)
            let variable: String = space() + name(v)
            return "diff(" + argument + "," + variable + ")"
        case .application(let n, let x):
            return name(n) + "(" + space() + print(x) + space() + ")"
        case .binary(let op, let l, let r):
            switch op {
            case .add, .subtract:
                let lhs = operand(l, parenthesize: false)
                let rhs = operand(r, parenthesize: ASCIIPrinter.level(r) <= 1)
                let symbol = op == .add ? "+" : rng.pick(["-", "−"])
                return lhs + space() + symbol + space() + rhs
            case .multiply, .divide:
                let lhs = operand(l, parenthesize: ASCIIPrinter.level(l) < 2)
                let rhs = operand(r, parenthesize: ASCIIPrinter.level(r) <= 2 || (ASCIIPrinter.isNegation(r) && rng.chance(0.5)))
                if op == .divide { return lhs + space() + rng.pick(["/", "÷"]) + space() + rhs }
                // Juxtaposition, but never a name before `(`: that is an application.
                if let first = rhs.unicodeScalars.first, rng.chance(0.6), startsJuxtaposable(first),
                   first != "(" || lhs.hasSuffix(")") || (endsWithNumber(lhs) && lhs.last.map { $0.isNumber || $0 == "." } == true)
                {
                    // No space only where the lexer cannot merge the two.
                    let number = endsWithNumber(lhs)
                    let glue = (first == "(" && (lhs.hasSuffix(")") || number))
                        || (number && first != "e" && first != "E")
                    return lhs + (glue && rng.chance(0.5) ? "" : " ") + rhs
                }
                return lhs + space() + rng.pick(["*", "·", "×", "⋅"]) + space() + rhs
            case .power:
                // `√x^2` is √(x^2), so a square root as base is spelled sqrt(x).
                let base: String
                if case .function(.sqrt, let x) = l.kind {
                    base = "sqrt(" + print(x) + ")"
                } else {
                    base = operand(l, parenthesize: ASCIIPrinter.level(l) < 5)
                }
                if let sup = superscript(r), rng.chance(0.5) { return base + sup }
                let exponent = operand(r, parenthesize: ASCIIPrinter.level(r) < 3)
                return base + space() + rng.pick(["^", "**"]) + space() + exponent
            }
        }
    }

    /// A juxtaposed factor must begin with a name, π, a function, `(` or `√`.
    private func startsJuxtaposable(_ s: Unicode.Scalar) -> Bool {
        s == "(" || s == "√" || s == "_" || s.properties.isAlphabetic
    }

    /// Whether `text` ends with a number literal (rather than a name such as `x0`):
    /// only then may a juxtaposed factor follow without a space.
    private func endsWithNumber(_ text: String) -> Bool {
        let tail = text.unicodeScalars.reversed().prefix(while: { $0 == "_" || $0 == "." || ($0.properties.isAlphabetic) || ("0"..."9").contains($0) })
        guard let head = tail.last else { return false }
        return ("0"..."9").contains(head) || head == "."
    }

    /// `²`, `⁻¹` for small integer literal exponents.
    private func superscript(_ e: Expr) -> String? {
        var negative = false
        var inner = e
        if case .negation(let x) = e.kind { negative = true; inner = x }
        guard case .number(let r) = inner.kind, r.isInteger, !r.isNegative else { return nil }
        let digits = r.numerator.description
        return (negative ? "⁻" : "") + digits.map { Self.superscripts[$0]! }.joined()
    }
}

extension Function {
    /// The functions the random trees of the SymPy differential tests use: those the
    /// oracles translate (Tests/oracles), in a fixed order so that seeds keep their trees.
    static let oracleFunctions: [Function] = [.sqrt, .exp, .log, .sin, .cos, .tan, .atan, .sinh, .cosh, .tanh, .sigmoid]
}
