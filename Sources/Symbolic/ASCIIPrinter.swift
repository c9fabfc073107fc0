import Exact

/// Prints `e` in plain ASCII with explicit operators (`*`, `^`, `sqrt(…)`, `pi`) and the
/// fewest parentheses that reparse to the same tree, e.g. `2*pi*t`, `-t^2`,
/// `(1 - t)*(1 + t)`, `2^3^2`, `(2^3)^2`.
///
/// Guarantee: `parse(printASCII(e)) == e` for every tree the parser can produce, i.e.
/// whose number literals are non-negative terminating decimals (`0.1`, `1e-30`) and
/// whose limits are within `ParserLimits`. Other rationals, which only code can build,
/// print as a parenthesised quotient, `(1/3)` or `(-2)`, which reparses to the same
/// value but as a division or negation.
///
/// The output is also Python/SymPy syntax once `^` becomes `**`: there is no
/// juxtaposition, and the two places where a human would hesitate get parentheses even
/// though this grammar does not need them: a negation as a right operand (`a - (-b)`,
/// `2^(-t)`), and a negation of a negation (`-(-t)`).
public func printASCII(_ e: Expr) -> String {
    var out = ""
    ASCIIPrinter.write(e, into: &out)
    return out
}

/// Prints `e` with every operation in parentheses and no spaces: `-t^2 * 2` is
/// `((-(t^2))*2)`. This is the right-hand side of the examples in
/// `grammar/expression.ebnf`, where the grouping must be unmistakable.
public func printFullyParenthesized(_ e: Expr) -> String {
    var out = ""
    ASCIIPrinter.writeFullyParenthesized(e, into: &out)
    return out
}

enum ASCIIPrinter {
    /// Binding strength: sums 1, products 2, negation 3, powers 4, atoms 5.
    static func level(_ e: Expr) -> Int {
        switch e.kind {
        case .binary(.add, _, _), .binary(.subtract, _, _): return 1
        case .binary(.multiply, _, _), .binary(.divide, _, _): return 2
        case .negation: return 3
        case .binary(.power, _, _): return 4
        case .number, .variable, .pi, .function, .derivative, .application: return 5
        }
    }

    static func isNegation(_ e: Expr) -> Bool {
        if case .negation = e.kind { return true }
        return false
    }

    static func write(_ e: Expr, into out: inout String) {
        func operand(_ x: Expr, parenthesized: Bool) {
            if parenthesized { out += "(" }
            write(x, into: &out)
            if parenthesized { out += ")" }
        }
        switch e.kind {
        case .number(let r):
            out += numberAtom(r)
        case .variable(let name):
            out += name
        case .pi:
            out += "pi"
        case .negation(let x):
            out += "-"
            operand(x, parenthesized: level(x) < 4)
        case .binary(let op, let l, let r):
            switch op {
            case .add, .subtract:
                operand(l, parenthesized: false)
                out += op == .add ? " + " : " - "
                operand(r, parenthesized: level(r) <= 1 || isNegation(r))
            case .multiply, .divide:
                operand(l, parenthesized: level(l) < 2)
                out += op.rawValue
                operand(r, parenthesized: level(r) <= 2 || isNegation(r))
            case .power:
                operand(l, parenthesized: level(l) < 5)
                out += "^"
                operand(r, parenthesized: level(r) < 4)
            }
        case .function(let f, let x):
            out += f.name + "("
            write(x, into: &out)
            out += ")"
        case .derivative(let x, let variable):
            out += "diff("
            write(x, into: &out)
            out += ", " + variable + ")"
        case .application(let name, let x):
            out += name + "("
            write(x, into: &out)
            out += ")"
        }
    }

    static func writeFullyParenthesized(_ e: Expr, into out: inout String) {
        switch e.kind {
        case .number, .variable, .pi:
            write(e, into: &out)
        case .negation(let x):
            out += "(-"
            writeFullyParenthesized(x, into: &out)
            out += ")"
        case .binary(let op, let l, let r):
            out += "("
            writeFullyParenthesized(l, into: &out)
            out += op.rawValue
            writeFullyParenthesized(r, into: &out)
            out += ")"
        case .function(let f, let x):
            out += f.name + "("
            writeFullyParenthesized(x, into: &out)
            out += ")"
        case .derivative(let x, let variable):
            out += "diff("
            writeFullyParenthesized(x, into: &out)
            out += ", " + variable + ")"
        case .application(let name, let x):
            out += name + "("
            writeFullyParenthesized(x, into: &out)
            out += ")"
        }
    }

    /// A number as an operand: a bare decimal when the parser would read it back as
    /// the same literal, otherwise a parenthesised quotient or negation.
    static func numberAtom(_ r: Rational) -> String {
        if !r.isNegative, let text = decimalText(r) { return text }
        return "(" + (r.isNegative ? "-" : "") + numberText(r.magnitude) + ")"
    }

    /// A non-negative rational as a decimal literal when it terminates (`0.125`,
    /// `1e-30`), else as `p/q`.
    static func numberText(_ r: Rational) -> String {
        decimalText(r) ?? "\(r.numerator)/\(r.denominator)"
    }

    /// The shortest decimal literal for a non-negative `r` whose denominator is
    /// 2^a·5^b; nil otherwise. Plain notation unless more than 20 zeros would be
    /// written, then scientific (`1e25`, `1.5e-30`), which the lexer reads exactly.
    static func decimalText(_ r: Rational) -> String? {
        guard !r.isNegative else { return nil }
        if r.isZero { return "0" }
        var scaled = r.numerator
        var exponent = 0
        let d = r.denominator
        if !d.isOne {
            // d = 2^a·5^b divides 10^k for k = max(a, b) < bitWidth(d).
            let k = d.bitWidth
            guard let power = try? BigInt(10).power(k), let factor = power.exactQuotient(dividingBy: d) else {
                return nil
            }
            scaled = scaled * factor
            exponent = -k
        }
        var digits = Array(scaled.description.utf8)
        var zeros = 0
        while digits.count > 1, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            zeros += 1
        }
        exponent += zeros
        let n = digits.count
        let text = String(decoding: digits, as: UTF8.self)
        if exponent >= 0 {
            if exponent <= 20 { return text + String(repeating: "0", count: exponent) }
        } else {
            let point = n + exponent
            if point > 0 {
                return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
            }
            if -point <= 20 { return "0." + String(repeating: "0", count: -point) + text }
        }
        let mantissa = n == 1 ? text : String(decoding: digits[..<1], as: UTF8.self) + "." + String(decoding: digits[1...], as: UTF8.self)
        return mantissa + "e" + String(exponent + n - 1)
    }
}
