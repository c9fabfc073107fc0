import Exact

/// Prints `e` for people, in the style of SymPy's pretty printer on one line: Greek
/// letters, `π`, `√`, superscript exponents, `−` (U+2212) and juxtaposition, e.g.
/// `cos(πt/2)`, `√(1 − α²)`, `σ_d²/(s² + σ_d²)`, `β_min t + (β_max − β_min)t²/2`.
///
/// Guarantee: the output is unambiguous, and `parse(printUnicode(e)) == e` for every
/// tree the parser can produce (the same trees as `printASCII`'s guarantee). Rationals
/// that only code can build print as the quotient or negation they equal (`1/3`,
/// `−2`), which reparses to the same value but as a different tree; so does a variable
/// that code names `pi` (it prints as the constant `π`).
///
/// Decisions, and why:
///
/// - **Names.** A name's leading run of letters becomes its Greek letter when it is the
///   canonical spelling of one (`alpha` → `α`, `sigma_d` → `σ_d`, `lamda` → `λ`,
///   `epsilon` → `ε`; `eps` stays `eps`, `alphabet` stays `alphabet`). Letters that
///   look like Latin ones stay ASCII, since a reader could not tell them apart: `omicron`
///   and the capitals `Alpha Beta Epsilon Zeta Eta Iota Kappa Mu Nu Omicron Rho Tau
///   Upsilon Chi`. Only the head is converted: the lexer extends a Greek letter with
///   ASCII letters, digits and `_` only, so `sigma_alpha` must stay `σ_alpha`.
///   Trailing digits right after the letters become subscript digits (`x0` → `x₀`,
///   `t12` → `t₁₂`, `alpha2` → `α₂`), which the lexer reads back as the same name;
///   digits after `_` stay as they are (`x_1`), since `x₁` would be the name `x1`.
/// - **Exponents.** Integer literals of up to three digits, possibly negated, are
///   superscripts: `t²`, `t⁻¹`, `(t + 1)¹⁰`. Anything else uses `^`: `2^t`, `t^0.5`,
///   `2^(−t)`, `t^1000`. A superscript binds to the primary before it, so the base of a
///   superscript is parenthesized unless it is a number, name, π or call: `(√t)²`,
///   `(t²)³` (`t²³` would be t^23).
/// - **Products** are juxtaposed (`2t`, `2πt`, `π(1 − t)`, `(t + 1)(t − 1)`, `t²s`),
///   with a space where two names would merge or a word follows (`β_min t`,
///   `x₀ t`, `2 sin(t)`, `σ_d sin(t)`, `1e-30 t`, `2 e` since `2e1` would be a number),
///   and `·` where juxtaposition would be misread: before a number (`2·3`, `t·2^s`,
///   which the parser requires), after a bare root (`√2·t`, not √(2t)), after a `^`
///   exponent (`2^t·s`, not 2^(ts)) and between a name and `(` (`t·(1 − t)`, since
///   `α(1 − t)` is α applied to 1 − t).
/// - **Applications** of a quantity print as written: `α(1/2)`, `ρ(s)`.
/// - **Quotients** are `a/b` with the fewest parentheses a reader needs: a product
///   or quotient as divisor is parenthesized (`1/(2t)`), and so is a quotient as the
///   left operand of a product or quotient (`(π/2)t`, `(a/b)/c`), because `π/2t` and
///   `a/b/c` are read differently by different people even though the grammar is clear.
/// - **Functions** are called as in the input language (`sin(t)`, `exp(−t)`,
///   `sigmoid(x)`, `diff(cos(t), t)`), except `sqrt`, which is `√t` for a number, name,
///   π or call and `√(…)` otherwise (`√(t²)`: the parser reads `√t²` as √(t²), but a
///   reader could take it for (√t)²).
/// - **Minus** is U+2212 for subtraction, negation and negative numbers; an exponent in
///   scientific notation keeps its ASCII hyphen (`1e-30`), which is all the lexer reads.
///   A negation is parenthesized as a right operand (`a − (−b)`, `2(−t)`, `2^(−t)`).
public func printUnicode(_ e: Expr) -> String {
    UnicodePrinter.render(e).text
}

enum UnicodePrinter {
    /// How a rendering begins, seen from a factor juxtaposed to its left.
    enum Start: Equatable {
        /// A number: juxtaposition is impossible (the parser rejects `t 2`), so `·`.
        case digit
        /// A name whose letters before any subscript are one letter (`t`, `x₀`, `σ_d`),
        /// or π. `greek` tells whether that letter is Greek.
        case letter(greek: Bool)
        /// A longer name (`eps`, `_x`) or a call (`sin(t)`, `diff(…)`).
        case word
        case open
        case radical
        case minus
    }

    /// How a rendering ends, seen from a factor juxtaposed to its right.
    enum End: Equatable {
        case number
        /// A one-letter ASCII name: merges with a following ASCII letter.
        case singleLetter
        /// A Greek letter alone: the lexer ends the name there (`σt`).
        case greekLetter
        /// π: ends like a Greek letter (`πt`) but is no name, so `π(1 − t)` is a
        /// product, not an application.
        case constant
        /// A longer name, one ending in a subscript (`β_min`, `x₀`), or a number in
        /// scientific notation (`1e-30 t` reads better than `1e-30t`).
        case name
        /// The `)` of a call.
        case call
        /// A `)` that closes a group, or a superscript.
        case closed
        /// The operand of a root without parentheses: `√2t` would read as √(2t).
        case radical
        /// A `^` exponent: `2^ts` would read as 2^(ts).
        case caret
    }

    struct Piece {
        var text: String
        var start: Start
        var end: End
    }

    /// Binding strength, as in `ASCIIPrinter.level`: sums 1, products and quotients 2,
    /// negation 3, powers 4, atoms 5. Numbers rank as they print: `1/3` is a quotient,
    /// `−2` a negation, `−1/3` a quotient.
    static func level(_ e: Expr) -> Int {
        if case .number(let r) = e.kind {
            if ASCIIPrinter.decimalText(r.magnitude) == nil { return 2 }
            return r.isNegative ? 3 : 5
        }
        return ASCIIPrinter.level(e)
    }

    /// Whether `e` prints as a quotient `a/b`.
    static func isQuotient(_ e: Expr) -> Bool {
        switch e.kind {
        case .binary(.divide, _, _): return true
        case .number(let r): return ASCIIPrinter.decimalText(r.magnitude) == nil
        default: return false
        }
    }

    static func parenthesized(_ p: Piece) -> Piece {
        Piece(text: "(" + p.text + ")", start: .open, end: .closed)
    }

    static func render(_ e: Expr, parenthesized wrap: Bool) -> Piece {
        let p = render(e)
        return wrap ? parenthesized(p) : p
    }

    /// A right operand: parenthesized below `minimumLevel`, and whenever it prints with
    /// a leading minus (`a + (−2t)`, `a − (−1/3)`, `2(−t)`), which would otherwise
    /// follow an operator.
    static func rightOperand(_ e: Expr, minimumLevel: Int) -> Piece {
        let p = render(e)
        return level(e) < minimumLevel || p.start == .minus ? parenthesized(p) : p
    }

    static func render(_ e: Expr) -> Piece {
        switch e.kind {
        case .number(let r):
            return number(r)
        case .variable(let name):
            return self.name(name)
        case .pi:
            return Piece(text: "π", start: .letter(greek: true), end: .constant)
        case .negation(let x):
            let operand = render(x, parenthesized: level(x) < 4)
            return Piece(text: "\u{2212}" + operand.text, start: .minus, end: operand.end)
        case .binary(let op, let l, let r):
            switch op {
            case .add, .subtract:
                // The left operand of a sum is the rest of the sum: walk that chain and
                // append, so that n terms print in linear time rather than by n copies
                // of a growing prefix.
                var chain = [(op, r)]
                var head = l
                while case .binary(let o, let hl, let hr) = head.kind, o == .add || o == .subtract {
                    chain.append((o, hr))
                    head = hl
                }
                let first = render(head)
                var text = first.text
                var end = first.end
                for (o, operand) in chain.reversed() {
                    let right = rightOperand(operand, minimumLevel: 2)
                    text += o == .add ? " + " : " \u{2212} "
                    text += right.text
                    end = right.end
                }
                return Piece(text: text, start: first.start, end: end)
            case .multiply:
                let left = render(l, parenthesized: level(l) < 2 || isQuotient(l))
                let right = rightOperand(r, minimumLevel: 3)
                return Piece(text: left.text + separator(left, right) + right.text, start: left.start, end: right.end)
            case .divide:
                let left = render(l, parenthesized: level(l) < 2 || isQuotient(l))
                let right = rightOperand(r, minimumLevel: 3)
                return Piece(text: left.text + "/" + right.text, start: left.start, end: right.end)
            case .power:
                var isRoot = false
                if case .function(.sqrt, _) = l.kind { isRoot = true }
                let base = render(l, parenthesized: level(l) < 5 || isRoot)
                if let digits = superscript(r) {
                    return Piece(text: base.text + digits, start: base.start, end: .closed)
                }
                let exponent = rightOperand(r, minimumLevel: 4)
                return Piece(text: base.text + "^" + exponent.text, start: base.start, end: .caret)
            }
        case .function(.sqrt, let x):
            if isRadicand(x) {
                return Piece(text: "√" + render(x).text, start: .radical, end: .radical)
            }
            return Piece(text: "√(" + render(x).text + ")", start: .radical, end: .closed)
        case .function(let f, let x):
            return Piece(text: f.spec.unicodeName + "(" + render(x).text + ")", start: .word, end: .call)
        case .derivative(let x, let variable):
            return Piece(text: "diff(" + render(x).text + ", " + name(variable).text + ")", start: .word, end: .call)
        case .application(let function, let x):
            return Piece(text: name(function).text + "(" + render(x).text + ")", start: name(function).start, end: .call)
        }
    }

    /// Whether `√` can take `x` without parentheses: a number, name, π or call (but not
    /// another root, `√√t`, nor a number that prints as a quotient or negation).
    static func isRadicand(_ x: Expr) -> Bool {
        switch x.kind {
        case .number: return level(x) == 5
        case .variable, .pi, .derivative, .application: return true
        case .function(let f, _): return f != .sqrt
        default: return false
        }
    }

    /// What goes between two juxtaposed factors: nothing, a space, or `·`.
    static func separator(_ left: Piece, _ right: Piece) -> String {
        if right.start == .digit { return "·" }
        if right.start == .open, [.singleLetter, .greekLetter, .name].contains(left.end) { return "·" }
        switch left.end {
        case .radical, .caret: return "·"
        case .name, .call: return " "
        default: break
        }
        switch right.start {
        case .word:
            return " "
        case .letter(let greek):
            switch left.end {
            case .singleLetter: return greek ? "" : " "
            // `2e1` and `2E5` would be numbers; `2 e` keeps the name visible.
            case .number: return right.text.first == "e" || right.text.first == "E" ? " " : ""
            default: return ""
            }
        case .open, .radical, .digit, .minus:
            // (A right factor never starts with a minus: `rightOperand` wraps it.)
            return ""
        }
    }

    /// A number as it prints: a decimal when the parser would read it back as the same
    /// literal, otherwise the quotient and sign it equals.
    static func number(_ r: Rational) -> Piece {
        let magnitude = r.magnitude
        let text = ASCIIPrinter.decimalText(magnitude) ?? "\(magnitude.numerator)/\(magnitude.denominator)"
        // `1e-30 t`, not `1e-30t`: scientific notation ends like a name.
        let end: End = text.contains("e") ? .name : .number
        if r.isNegative { return Piece(text: "\u{2212}" + text, start: .minus, end: end) }
        return Piece(text: text, start: .digit, end: end)
    }

    /// The superscript form of an exponent that is an integer literal of at most three
    /// digits, possibly negated (`²`, `⁻¹`); nil for any other exponent.
    static func superscript(_ exponent: Expr) -> String? {
        var negative = false
        var value: Rational
        switch exponent.kind {
        case .number(let r):
            value = r
        case .negation(let x):
            guard case .number(let r) = x.kind, !r.isNegative else { return nil }
            negative = true
            value = r
        default:
            return nil
        }
        if value.isNegative {
            negative = true
            value = value.magnitude
        }
        guard value.isInteger, value < Rational(1000) else { return nil }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var text = negative ? "⁻" : ""
        for d in value.numerator.description.utf8 { text.append(digits[Int(d - UInt8(ascii: "0"))]) }
        return text
    }

    /// Greek letters by canonical name, less the variant forms and the letters that
    /// look like Latin ones (see `printUnicode`).
    static let greekLetters: [String: String] = {
        let variants: Set<Unicode.Scalar> = ["ϵ", "ϑ", "ϕ", "ϱ", "ς", "µ"]
        let lookalikes: Set<String> = [
            "omicron", "Alpha", "Beta", "Epsilon", "Zeta", "Eta", "Iota", "Kappa", "Mu", "Nu",
            "Omicron", "Rho", "Tau", "Upsilon", "Chi",
        ]
        var letters: [String: String] = [:]
        for (scalar, name) in Names.greek where !variants.contains(scalar) && !lookalikes.contains(name) {
            letters[name] = String(Character(scalar))
        }
        return letters
    }()

    /// A variable's name: Greek head, subscript digits (see `printUnicode`); the
    /// ASCII primes of an abstract function's derivative are primes, `alpha'` α′.
    static func name(_ name: String) -> Piece {
        if name.hasSuffix("'") {
            let primes = name.reversed().prefix(while: { $0 == "'" }).count
            let base = self.name(String(name.dropLast(primes)))
            return Piece(text: base.text + String(repeating: "\u{2032}", count: primes), start: base.start, end: .name)
        }
        let letters = name.prefix(while: { $0.isASCII && $0.isLetter })
        let rest = name.dropFirst(letters.count)
        guard !letters.isEmpty else {
            // `_x`: nothing to convert; a word, so that nothing is glued to it.
            return Piece(text: name, start: .word, end: .name)
        }
        let greek = greekLetters[String(letters)]
        let head = greek ?? String(letters)
        var suffix = String(rest)
        if !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let subscripts: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
            suffix = String(rest.utf8.map { subscripts[Int($0 - UInt8(ascii: "0"))] })
        }
        let single = head.count == 1
        let start: Start = single ? .letter(greek: greek != nil) : .word
        let end: End
        if !suffix.isEmpty || !single {
            end = .name
        } else {
            end = greek != nil ? .greekLetter : .singleLetter
        }
        return Piece(text: head + suffix, start: start, end: end)
    }
}
