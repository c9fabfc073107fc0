import Exact
import Foundation
import Schedules
import Symbolic

/// Text-level helpers shared by the derivation, the table and the plot: escaping
/// schedule titles for pdflatex, citation keys, decimals, and printing linear
/// combinations and intervals.
enum LaTeXText {
    // MARK: Titles and other running text

    /// Characters outside ASCII that titles use, as LaTeX that pdflatex understands
    /// without extra packages. Math symbols are set in math mode.
    static let unicodeReplacements: [Character: String] = {
        var table: [Character: String] = [:]
        let greek: [(Character, String)] = [
            ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ζ", "zeta"),
            ("η", "eta"), ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"),
            ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"), ("υ", "upsilon"),
            ("φ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"), ("Γ", "Gamma"), ("Δ", "Delta"),
            ("Θ", "Theta"), ("Λ", "Lambda"), ("Ξ", "Xi"), ("Π", "Pi"), ("Σ", "Sigma"), ("Φ", "Phi"),
            ("Ψ", "Psi"), ("Ω", "Omega"),
        ]
        for (c, name) in greek { table[c] = "$\\\(name)$" }
        let symbols: [(Character, String)] = [
            ("≠", "$\\neq$"), ("≤", "$\\leq$"), ("≥", "$\\geq$"), ("≈", "$\\approx$"), ("±", "$\\pm$"),
            ("×", "$\\times$"), ("·", "$\\cdot$"), ("−", "$-$"), ("→", "$\\to$"), ("∞", "$\\infty$"),
            ("²", "$^{2}$"), ("³", "$^{3}$"), ("₀", "$_{0}$"), ("₁", "$_{1}$"), ("₂", "$_{2}$"), ("√", "$\\surd$"),
            ("–", "--"), ("—", "---"), ("‘", "`"), ("’", "'"), ("“", "``"), ("”", "''"), ("…", "\\ldots{}"),
        ]
        for (c, s) in symbols { table[c] = s }
        return table
    }()

    /// A title or citation as LaTeX text: special characters escaped, Greek letters and
    /// common symbols as math, adjacent math runs merged (`$\sigma$\_data$^{2}$`).
    /// Other non-ASCII letters are kept (pdflatex reads UTF-8 Latin letters); anything
    /// else becomes `?`, so that the output always compiles.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "%", "_": out += "\\\(ch)"
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            default:
                if let r = unicodeReplacements[ch] {
                    out += r
                } else if ch.isASCII {
                    out.append(ch)
                } else if ch.unicodeScalars.allSatisfy({ (0xC0...0x17F).contains($0.value) && $0.value != 0xD7 && $0.value != 0xF7 }) {
                    out.append(ch)
                } else {
                    out += "?"
                }
            }
        }
        return out.replacingOccurrences(of: "$$", with: "")
    }

    // MARK: Citations

    static let titleStopWords: Set<String> = ["a", "an", "the", "on", "of", "and", "for", "to", "in", "with", "towards"]

    /// A BibTeX-style key derived from free citation text, Google Scholar's scheme:
    /// first author's surname, year, first significant word of the title:
    /// "Ho, Jain, Abbeel. Denoising diffusion probabilistic models. 2020" → `ho2020denoising`.
    /// Nil when the text has no surname or no year; then the text itself is printed.
    static func citationKey(_ cite: String) -> String? {
        func letters(_ s: Substring) -> String {
            String(s.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
        }
        let words = cite.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == ";" })
        guard let first = words.first, !letters(first).isEmpty else { return nil }
        let years = words.filter { w in w.count == 4 && w.allSatisfy(\.isNumber) && (w.hasPrefix("19") || w.hasPrefix("20")) }
        guard let year = years.last else { return nil }
        // The title starts after the first ". " (the author list ends there).
        var titleWord = ""
        if let dot = cite.range(of: ". ") {
            let title = cite[dot.upperBound...].split(whereSeparator: { !$0.isLetter })
            titleWord = title.map(letters).first { !$0.isEmpty && !titleStopWords.contains($0) } ?? ""
        }
        return letters(first) + year + titleWord
    }

    // MARK: Numbers

    /// `q` as a decimal with `digits` places, rounded down (`up` false) or up, so that
    /// bounds printed with it still enclose what they bound.
    static func decimal(_ q: Rational, digits: Int, up: Bool) -> String {
        var scale = BigInt(1)
        for _ in 0..<digits { scale = scale * BigInt(10) }
        let scaled = q * Rational(scale)
        let n = up ? scaled.ceiling : scaled.floor
        let negative = n < BigInt(0)
        var text = (negative ? -n : n).description
        while text.count <= digits { text = "0" + text }
        var whole = String(text.dropLast(digits)), fraction = String(text.suffix(digits))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A double as pgfplots reads it, with 6 significant digits (deterministic).
    static func coordinate(_ x: Double) -> String {
        if x == 0 { return "0" }
        return String(format: "%.6g", x)
    }

    // MARK: Math

    static func math(_ f: CanonicalForm, _ style: LaTeXStyle = .display) -> String {
        printLaTeX(presentable(f.expression), style: style)
    }

    /// The tree with the sign of a quotient in front of it, as SymPy prints it:
    /// `- \frac{s}{\sqrt{…}}` rather than `\frac{- s}{\sqrt{…}}`.
    static func presentable(_ e: Expr) -> Expr {
        switch e.kind {
        case .number, .variable, .pi: return e
        case .negation(let x): return .negation(presentable(x))
        case .function(let f, let x): return .function(f, presentable(x))
        case .derivative(let x, let v): return .derivative(presentable(x), variable: v)
        case .application(let name, let x): return .application(name, presentable(x))
        case .binary(.divide, let n, let d):
            let (negative, magnitude) = split(presentable(n))
            let quotient = Expr.binary(.divide, magnitude, presentable(d))
            return negative ? .negation(quotient) : quotient
        case .binary(let op, let l, let r): return .binary(op, presentable(l), presentable(r))
        }
    }

    /// (true, x) for `-x`, a negative number or a product led by one, else (false, e).
    static func split(_ e: Expr) -> (negative: Bool, magnitude: Expr) {
        if case .negation(let inner) = e.kind { return (true, inner) }
        if case .number(let r) = e.kind, r.isNegative { return (true, .number(-r)) }
        if case .binary(.multiply, let l, let r) = e.kind {
            let (negative, magnitude) = split(l)
            if negative { return (true, .binary(.multiply, magnitude, r)) }
        }
        return (false, e)
    }

    /// `c₁·X₁ + c₂·X₂ + …` with the symbols as LaTeX (macros): zero terms left out,
    /// unit coefficients dropped, a negative coefficient turned into a subtraction. The
    /// expression printer sets each term, so parentheses follow its rules.
    static func linearCombination(_ terms: [(CanonicalForm, String)], style: LaTeXStyle = .display) -> String {
        var text = ""
        for (coefficient, symbol) in terms where !coefficient.isZero {
            let (negative, c) = split(presentable(coefficient.expression))
            let placeholder = "QQSCHEDPLACEHOLDER"
            let isOne: Bool = { if case .number(let r) = c.kind { return r.isOne }; return false }()
            let term = isOne ? symbol
                : printLaTeX(.binary(.multiply, c, .variable(placeholder)), style: style).replacingOccurrences(of: placeholder, with: symbol)
            if text.isEmpty {
                text = negative ? "- " + term : term
            } else {
                text += (negative ? " - " : " + ") + term
            }
        }
        return text.isEmpty ? "0" : text
    }

    /// `t \in [0, 1]`, `s \in [\frac{1}{500}, 80]`, with open ends and infinities.
    static func interval(_ time: TimeDomain) -> String {
        let lower = time.lower.map { math($0) } ?? "-\\infty"
        let upper = time.upper.map { math($0) } ?? "\\infty"
        let open = time.lowerClosed && time.lower != nil ? "\\left[" : "\\left("
        let close = time.upperClosed && time.upper != nil ? "\\right]" : "\\right)"
        return "\(open)\(lower), \(upper)\(close)"
    }

    /// The time variable as LaTeX (`t`, `s`, `\tau`).
    static func variable(_ name: String) -> String { printLaTeX(.variable(name)) }
}
