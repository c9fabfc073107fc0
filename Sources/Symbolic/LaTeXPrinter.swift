import Exact

/// How `printLaTeX` sets quotients.
public enum LaTeXStyle: Hashable, Sendable {
    /// `\frac{a}{b}`: for display math and running text in documents.
    case display
    /// `\tfrac{a}{b}` (amsmath), also in `\tfrac{d}{d t}`: text-size fractions, so that
    /// a quotient does not blow up the line height of a table cell or an inline formula.
    case inline
}

/// Prints `e` as LaTeX math (without `$` delimiters), following SymPy's `latex()`
/// conventions so that output from both tools reads the same, e.g.
/// `\cos\left(\frac{\pi t}{2}\right)`, `\sqrt{1 - \alpha^{2}}`,
/// `\frac{\sigma_{d}^{2}}{s^{2} + \sigma_{d}^{2}}`, `\frac{1}{1 + e^{- x}}`.
///
/// The tree is printed as it is, never simplified or reordered (SymPy reorders terms
/// and folds `x^{-1}` into `\frac{1}{x}`; this printer does neither). Only `amsmath` is
/// needed, for `\operatorname` and `\tfrac`.
///
/// Conventions, and where they differ from SymPy:
///
/// - **Names** are split as SymPy's `split_super_sub` does: trailing digits after the
///   letters and each `_part` are subscripts, each `__part` a superscript, and every
///   part that is the canonical name of a Greek letter is its command: `x0` → `x_{0}`,
///   `sigma_d` → `\sigma_{d}`, `beta_min` → `\beta_{min}`, `lamda` → `\lambda`,
///   `epsilon` → `\epsilon`, `Gamma` → `\Gamma`, `Alpha` → `\mathrm{A}`,
///   `x_alpha_2` → `x_{\alpha 2}`, `x__a` → `x^{a}`. Other names print as they are
///   (`eps`, `ab`), as in SymPy. Unlike SymPy, only the canonical spellings of `Names`
///   are Greek (not `ALPHA`, `varphi` or `khi`), no modifiers are applied (`xbar` stays
///   `xbar`, not `\bar{x}`), and a name SymPy would print with an empty part or a bare
///   underscore (`_x`, `x_`, `x__`) prints as `\mathit{\_x}`, so that it is neither a
///   stray subscript nor a different name.
/// - **exp** is `e^{x}`, as in SymPy, unless the expression also has a variable named
///   `e`, whose powers would look the same; then every exp is `\exp\left(x\right)`.
/// - **Functions** are `\sin\left(x\right)`, `\log\left(x\right)`,
///   `\operatorname{atan}\left(x\right)`, `\operatorname{sigmoid}\left(x\right)`
///   (SymPy adds braces and a space: `\sin{\left(x \right)}`). A power of a
///   trigonometric or hyperbolic function, atan or sigmoid puts the exponent on the
///   name, `\sin^{2}\left(x\right)`, and a power of log after the call,
///   `\log\left(x\right)^{2}`, as in SymPy; a negative exponent is kept off the name
///   (`\left(\sin\left(x\right)\right)^{-1}`, not the arcsine-looking `\sin^{-1}`).
/// - **Derivatives** are `\frac{d}{d t} f`, the operand parenthesized when it is a sum
///   or starts with a minus, as in SymPy (`\frac{d}{d t} 2 t`,
///   `\frac{d}{d t} \left(- t\right)`). As a factor a derivative is parenthesized, so
///   that it is clear where its operand ends: `\left(\frac{d}{d t} t^{2}\right) s`.
/// - **Products** are juxtaposed with a space (`2 \pi t`, `\beta_{min} t`), with
///   `\cdot` before a factor that starts with a digit (`2 \cdot 3`, `t \cdot 2^{s}`)
///   and between a number and a numeric fraction (`2 \cdot \frac{3}{4}`, not the mixed
///   number 2¾).
/// - **Quotients** are `\frac{a}{b}` (or `\tfrac`), which groups visually, so a quotient
///   needs parentheses only as the base of a power.
/// - **Numbers**: decimals as written (`0.75`), scientific notation as
///   `1.5 \cdot 10^{-30}` (`10^{-30}` for a mantissa of 1), other rationals as
///   `\frac{1}{3}`; a negative number is `-2` or `- \frac{3}{4}` as in SymPy, while a
///   negation is `- x` with a space, also as in SymPy.
/// - **Parentheses** are `\left(…\right)` and as few as the tree needs: the same rules
///   as `printASCII` (`- t^{2}`, `\left(- t\right)^{2}`, `2^{3^{2}}`,
///   `\left(2^{3}\right)^{2}`, `a - \left(b - c\right)`, `a + \left(- b\right)`), minus
///   those that braces and fractions make unnecessary.
public func printLaTeX(_ e: Expr, style: LaTeXStyle = .display) -> String {
    LaTeXPrinter(style: style, expAsPower: !LaTeXPrinter.mentionsVariableE(e)).render(e)
}

struct LaTeXPrinter {
    let style: LaTeXStyle
    /// Whether exp prints as `e^{x}` (see `printLaTeX`).
    let expAsPower: Bool

    var fraction: String { style == .display ? "\\frac" : "\\tfrac" }

    /// How a subtree prints, for deciding parentheses.
    enum Shape {
        case sum
        /// A product, or a number in scientific notation with a mantissa.
        case product
        /// A negation or negative number: leads with a minus.
        case negative
        /// `\frac{…}{…}`: grouped, except as the base of a power.
        case fraction
        /// `a^{b}`, `e^{x}`, `10^{k}`.
        case power
        /// `\frac{d}{d t} f`: open to the right.
        case derivative
        /// `\sqrt{…}`: grouped, except as the base of a power.
        case root
        /// A call `\sin\left(…\right)`.
        case call
        /// A number, name or π.
        case atom
    }

    static func mentionsVariableE(_ e: Expr) -> Bool {
        switch e.kind {
        case .variable(let name): return name == "e"
        case .number, .pi: return false
        case .negation(let x), .function(_, let x): return mentionsVariableE(x)
        case .application(let name, let x): return name == "e" || mentionsVariableE(x)
        case .derivative(let x, let variable): return variable == "e" || mentionsVariableE(x)
        case .binary(_, let l, let r): return mentionsVariableE(l) || mentionsVariableE(r)
        }
    }

    func shape(_ e: Expr) -> Shape {
        switch e.kind {
        case .number(let r):
            if r.isNegative { return .negative }
            guard let text = ASCIIPrinter.decimalText(r) else { return .fraction }
            guard let mark = text.firstIndex(of: "e") else { return .atom }
            return text[..<mark] == "1" ? .power : .product
        case .variable, .pi: return .atom
        case .negation: return .negative
        case .binary(.add, _, _), .binary(.subtract, _, _): return .sum
        case .binary(.multiply, _, _): return .product
        case .binary(.divide, _, _): return .fraction
        case .binary(.power, _, _): return .power
        case .function(.sqrt, _): return .root
        case .function(.exp, _): return expAsPower ? .power : .call
        case .function: return .call
        case .derivative: return .derivative
        case .application: return .atom
        }
    }

    static func parenthesized(_ text: String) -> String { "\\left(" + text + "\\right)" }

    func render(_ e: Expr, parenthesized wrap: Bool) -> String {
        wrap ? LaTeXPrinter.parenthesized(render(e)) : render(e)
    }

    /// Whether `e` prints ending in an open derivative (`- \frac{d}{d t} f`), whose
    /// operand would seem to extend over a factor juxtaposed after it.
    func endsInDerivative(_ e: Expr) -> Bool {
        switch e.kind {
        case .derivative: return true
        case .negation(let x): return !needsParenthesesAfterMinus(x) && endsInDerivative(x)
        default: return false
        }
    }

    func needsParenthesesAfterMinus(_ x: Expr) -> Bool {
        switch shape(x) {
        case .sum, .product, .negative: return true
        default: return false
        }
    }

    func render(_ e: Expr) -> String {
        switch e.kind {
        case .number(let r):
            return number(r)
        case .variable(let name):
            return LaTeXPrinter.name(name)
        case .pi:
            return "\\pi"
        case .negation(let x):
            return "- " + render(x, parenthesized: needsParenthesesAfterMinus(x))
        case .binary(let op, let l, let r):
            switch op {
            case .add, .subtract:
                // A term that prints with a leading minus (`- t`, `-2 t`) is parenthesized,
                // so that two signs never meet: `a + \left(-2 t\right)`.
                // The left operand is the rest of the sum: walk that chain and append,
                // so that n terms print in linear time.
                var chain = [(op, r)]
                var head = l
                while case .binary(let o, let hl, let hr) = head.kind, o == .add || o == .subtract {
                    chain.append((o, hr))
                    head = hl
                }
                var text = render(head)
                for (o, operand) in chain.reversed() {
                    let right = render(operand)
                    let wrap = shape(operand) == .sum || right.hasPrefix("-")
                    text += o == .add ? " + " : " - "
                    text += wrap ? LaTeXPrinter.parenthesized(right) : right
                }
                return text
            case .multiply:
                let left = render(l, parenthesized: shape(l) == .sum || endsInDerivative(l))
                let s = shape(r)
                let right = render(r, parenthesized: [.sum, .product, .negative, .derivative].contains(s))
                return left + LaTeXPrinter.separator(left, right) + right
            case .divide:
                return fraction + "{" + render(l) + "}{" + render(r) + "}"
            case .power:
                return power(l, r)
            }
        case .function(let f, let x):
            switch f {
            case .sqrt: return "\\sqrt{" + render(x) + "}"
            case .exp where expAsPower: return "e^{" + render(x) + "}"
            default: return LaTeXPrinter.functionName(f) + LaTeXPrinter.parenthesized(render(x))
            }
        case .derivative(let x, let variable):
            let operand = render(x)
            let wrap = shape(x) == .sum || operand.hasPrefix("-")
            return fraction + "{d}{d " + LaTeXPrinter.name(variable) + "} "
                + (wrap ? LaTeXPrinter.parenthesized(operand) : operand)
        case .application(let name, let x):
            return LaTeXPrinter.name(name) + LaTeXPrinter.parenthesized(render(x))
        }
    }

    func power(_ base: Expr, _ exponent: Expr) -> String {
        let exponentText = "^{" + render(exponent) + "}"
        switch shape(base) {
        case .atom:
            let text = render(base)
            // A name with a superscript (`x__a` → `x^{a}`) cannot take another one.
            return (text.contains("^") ? LaTeXPrinter.parenthesized(text) : text) + exponentText
        case .call:
            guard case .function(let f, let x) = base.kind else { break }
            let argument = LaTeXPrinter.parenthesized(render(x))
            let name = LaTeXPrinter.functionName(f)
            switch f.spec.latexExponent {
            case .afterCall:
                return name + argument + exponentText
            case .onName:
                var negative = false
                switch exponent.kind {
                case .negation: negative = true
                case .number(let r): negative = r.isNegative
                default: break
                }
                if !negative { return name + exponentText + argument }
            }
        default:
            break
        }
        return LaTeXPrinter.parenthesized(render(base)) + exponentText
    }

    static func functionName(_ f: Function) -> String { f.spec.latexName }

    /// ` \cdot ` before a factor starting with a digit, and between a factor ending in a
    /// digit and a numeric fraction (SymPy's `_between_two_numbers_p`); else a space.
    static func separator(_ left: String, _ right: String) -> String {
        if let first = right.first, first.isASCII, first.isNumber { return " \\cdot " }
        let endsInDigit = left.reversed().drop(while: { $0 == "}" || $0 == " " }).first.map { $0.isASCII && $0.isNumber } ?? false
        if endsInDigit, startsWithNumericFraction(right) { return " \\cdot " }
        return " "
    }

    /// Whether `text` starts with `\frac{digits}{digits}` (or `\tfrac`).
    static func startsWithNumericFraction(_ text: String) -> Bool {
        for command in ["\\frac{", "\\tfrac{"] where text.hasPrefix(command) {
            let rest = text.dropFirst(command.count)
            let numerator = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !numerator.isEmpty, rest.dropFirst(numerator.count).hasPrefix("}{") else { return false }
            let denominator = rest.dropFirst(numerator.count + 2).prefix(while: { $0.isASCII && $0.isNumber })
            return !denominator.isEmpty && rest.dropFirst(numerator.count + 2 + denominator.count).hasPrefix("}")
        }
        return false
    }

    func number(_ r: Rational) -> String {
        let magnitude = r.magnitude
        guard let text = ASCIIPrinter.decimalText(magnitude) else {
            let quotient = fraction + "{\(magnitude.numerator)}{\(magnitude.denominator)}"
            return r.isNegative ? "- " + quotient : quotient
        }
        var body = text
        if let mark = text.firstIndex(of: "e") {
            let mantissa = String(text[..<mark])
            let power = "10^{" + String(text[text.index(after: mark)...]) + "}"
            body = mantissa == "1" ? power : mantissa + " \\cdot " + power
        }
        return r.isNegative ? "-" + body : body
    }

    // MARK: Names

    /// LaTeX for Greek letters by canonical name (`Names.greek`), as SymPy prints them:
    /// commands, or upright Latin capitals where LaTeX has no command (`\mathrm{A}`).
    static let greekCommands: [String: String] = {
        var commands: [String: String] = [:]
        for name in Set(Names.greek.values) {
            if let first = name.first, first.isLowercase {
                commands[name] = name == "omicron" ? "o" : "\\" + (name == "lamda" ? "lambda" : name)
            }
        }
        let capitals: [String: String] = [
            "Alpha": "\\mathrm{A}", "Beta": "\\mathrm{B}", "Gamma": "\\Gamma", "Delta": "\\Delta",
            "Epsilon": "\\mathrm{E}", "Zeta": "\\mathrm{Z}", "Eta": "\\mathrm{H}", "Theta": "\\Theta",
            "Iota": "\\mathrm{I}", "Kappa": "\\mathrm{K}", "Lamda": "\\Lambda", "Mu": "\\mathrm{M}",
            "Nu": "\\mathrm{N}", "Xi": "\\Xi", "Omicron": "\\mathrm{O}", "Pi": "\\Pi", "Rho": "\\mathrm{P}",
            "Sigma": "\\Sigma", "Tau": "\\mathrm{T}", "Upsilon": "\\Upsilon", "Phi": "\\Phi",
            "Chi": "\\mathrm{X}", "Psi": "\\Psi", "Omega": "\\Omega",
        ]
        commands.merge(capitals) { $1 }
        return commands
    }()

    static func translate(_ part: Substring) -> String {
        greekCommands[String(part)] ?? String(part)
    }

    /// A variable's name (see `printLaTeX`); the primes of an abstract function's
    /// derivative stay primes, `alpha'` is \alpha'.
    static func name(_ name: String) -> String {
        if name.hasSuffix("'") {
            let primes = name.reversed().prefix(while: { $0 == "'" }).count
            return self.name(String(name.dropLast(primes))) + String(repeating: "'", count: primes)
        }
        guard let parts = splitSuperSub(name), !parts.head.isEmpty, !parts.head.contains("_"),
              !parts.supers.contains(where: \.isEmpty), !parts.subs.contains(where: \.isEmpty)
        else {
            var escaped = ""
            for c in name { escaped += c == "_" ? "\\_" : String(c) }
            return "\\mathit{" + escaped + "}"
        }
        var text = translate(parts.head)
        if !parts.supers.isEmpty { text += "^{" + parts.supers.map(translate).joined(separator: " ") + "}" }
        if !parts.subs.isEmpty { text += "_{" + parts.subs.map(translate).joined(separator: " ") + "}" }
        return text
    }

    /// SymPy's `split_super_sub` for names without `^`: the head, the `__` parts and
    /// the `_` parts; trailing digits right after a head of letters are the first
    /// subscript (`t12` → `t`, [], [`12`]).
    static func splitSuperSub(_ text: String) -> (head: Substring, supers: [Substring], subs: [Substring])? {
        guard !text.isEmpty else { return nil }
        let chars = Array(text)
        var head: Substring?
        var supers: [Substring] = []
        var subs: [Substring] = []
        var position = 0
        func substring(_ range: Range<Int>) -> Substring {
            let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
            return text[lower..<text.index(lower, offsetBy: range.count)]
        }
        while position < chars.count {
            var start = position + 1
            let isDouble = position + 1 < chars.count && chars[position] == "_" && chars[position + 1] == "_"
            if isDouble { start += 1 }
            var next = start
            while next < chars.count, chars[next] != "_" { next += 1 }
            next = min(next, chars.count)
            let part = substring(position..<next)
            position = next
            if head == nil {
                head = part
            } else if part.hasPrefix("__") {
                supers.append(part.dropFirst(2))
            } else {
                subs.append(part.dropFirst())
            }
        }
        guard var name = head else { return nil }
        let letters = name.prefix(while: { $0.isASCII && $0.isLetter })
        let digits = name.dropFirst(letters.count)
        if !letters.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            subs.insert(digits, at: 0)
            name = letters
        }
        return (name, supers, subs)
    }
}
