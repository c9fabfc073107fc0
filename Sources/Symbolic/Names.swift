/// How names are spelled inside the tree.
///
/// Decision: a name is stored in one canonical ASCII spelling, so that `σ_d` and
/// `sigma_d` are the same variable, printed output is plain ASCII that SymPy and
/// Python read, and nothing downstream has to compare Unicode. A Greek letter becomes
/// its Unicode character name in lower case (upper case for capitals):
/// GREEK SMALL LETTER SIGMA → `sigma`. Two consequences worth knowing:
///
/// - λ is `lamda` (the Unicode name, and SymPy's spelling), because `lambda` is a
///   Python keyword that SymPy cannot read. For the same reason the ASCII identifiers
///   `lambda` and `Lambda`, alone or followed by a digit or `_`, are respelled `lamda`
///   and `Lamda`: `λ_min`, `lambda_min` and `lamda_min` are one variable.
/// - ε is `epsilon`; the ASCII name `eps` is a different, ordinary name.
///
/// `π` and the ASCII `pi` are not names at all but the constant π; `Π` is the ordinary
/// name `Pi`.
enum Names {
    /// Greek letters and their canonical ASCII names. Variant forms (ϵ ϑ ϕ ϱ ς, and the
    /// micro sign µ that keyboards produce for μ) map to the same name as the main form.
    static let greek: [Unicode.Scalar: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
        "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa",
        "λ": "lamda", "μ": "mu", "µ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi",
        "ρ": "rho", "ϱ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon",
        "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
        "Α": "Alpha", "Β": "Beta", "Γ": "Gamma", "Δ": "Delta", "Ε": "Epsilon", "Ζ": "Zeta",
        "Η": "Eta", "Θ": "Theta", "Ι": "Iota", "Κ": "Kappa", "Λ": "Lamda", "Μ": "Mu",
        "Ν": "Nu", "Ξ": "Xi", "Ο": "Omicron", "Π": "Pi", "Ρ": "Rho", "Σ": "Sigma",
        "Τ": "Tau", "Υ": "Upsilon", "Φ": "Phi", "Χ": "Chi", "Ψ": "Psi", "Ω": "Omega",
    ]

    /// The ASCII spellings of Greek letters, which are never taken for misspelled
    /// functions (`tau(1-t)` is "not a function", not "did you mean 'tan'?").
    static let greekASCII: Set<String> = Set(greek.values).union(["lambda", "Lambda"])

    /// Python keywords (less `lambda`, which is respelled). They are reserved so that
    /// printed expressions stay readable by Python and SymPy, and so that the schedule
    /// file grammar can use words like `if` and `in` as keywords later.
    static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
        "global", "if", "import", "in", "is", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ]

    /// The canonical spelling of an ASCII identifier: `lambda…` becomes `lamda…` when
    /// `lambda` is the whole name or is followed by a digit or `_`.
    static func canonicalASCII(_ name: String) -> String {
        for (long, short) in [("lambda", "lamda"), ("Lambda", "Lamda")] where name.hasPrefix(long) {
            let rest = name.dropFirst(long.count)
            if let next = rest.first, !(next.isASCII && (next.isNumber || next == "_")) { continue }
            return short + rest
        }
        return name
    }

    /// The ASCII digit for a subscript digit ₀…₉, which may continue a name (`x₀` is
    /// the name `x0`).
    static func subscriptDigit(_ scalar: Unicode.Scalar) -> Character? {
        guard (0x2080...0x2089).contains(scalar.value) else { return nil }
        return Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(scalar.value - 0x2080)))
    }

    /// The ASCII digit for a superscript digit ⁰…⁹.
    static func superscriptDigit(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x2070: return "0"
        case 0x00B9: return "1"
        case 0x00B2: return "2"
        case 0x00B3: return "3"
        case 0x2074...0x2079: return Character(Unicode.Scalar(UInt8(ascii: "4") + UInt8(scalar.value - 0x2074)))
        default: return nil
        }
    }
}

/// The one normalization of names, for every place that compares them (lets, params,
/// `--param` and `--at` names, lint rules, the REPL): a name is compared by the
/// canonical ASCII spelling the parser stores (`Names`), so `σ_d` and `sigma_d`,
/// `x₀` and `x0`, `λ` and `lambda` are the same name wherever they are written.
public enum NameSpelling {
    /// The canonical spelling of `text` when it is exactly one name (`σ_d` → `sigma_d`,
    /// `x₀` → `x0`, `lambda_min` → `lamda_min`, `beta` → `beta`); nil when it is not a
    /// single name (`αβ`, `2t`, `sigma d`, `π`, the empty string).
    public static func canonical(_ text: String) -> String? {
        let names = scan(text)
        guard names.count == 1, names[0].range == text.unicodeScalars.startIndex..<text.unicodeScalars.endIndex,
              names[0].name != "pi" else { return nil }
        return names[0].name
    }

    /// The canonical names written in `text`, left to right, by the lexer's rules:
    /// a Greek letter is a name by itself unless a digit, subscript digit or `_`
    /// continues it (`αβ` is two names), number literals are skipped (`2e3` holds no
    /// name), and every other character separates names. `pi`/`π` are not names.
    public static func names(in text: String) -> [String] {
        scan(text).map(\.name).filter { $0 != "pi" }
    }

    private static func scan(_ text: String) -> [(name: String, range: Range<String.UnicodeScalarView.Index>)] {
        let scalars = text.unicodeScalars
        var out: [(name: String, range: Range<String.UnicodeScalarView.Index>)] = []
        var i = scalars.startIndex
        func continuesName(_ s: Unicode.Scalar) -> Bool { Lexer.continuesName(s) }
        func readSuffix(into name: inout String) {
            while i < scalars.endIndex, continuesName(scalars[i]) {
                name.append(Names.subscriptDigit(scalars[i]) ?? Character(scalars[i]))
                i = scalars.index(after: i)
            }
        }
        while i < scalars.endIndex {
            let s = scalars[i]
            let start = i
            if Lexer.isASCIILetter(s) || s == "_" {
                var name = ""
                readSuffix(into: &name)
                out.append((Names.canonicalASCII(name), start..<i))
            } else if let greek = Names.greek[s] {
                i = scalars.index(after: i)
                var name = greek
                if i < scalars.endIndex, Lexer.isDigit(scalars[i]) || scalars[i] == "_" || Names.subscriptDigit(scalars[i]) != nil {
                    readSuffix(into: &name)
                }
                out.append((name, start..<i))
            } else if Lexer.isDigit(s) || (s == "." && i < scalars.index(before: scalars.endIndex) && Lexer.isDigit(scalars[scalars.index(after: i)])) {
                skipNumber(scalars, &i)
            } else {
                i = scalars.index(after: i)
            }
        }
        return out
    }

    /// Moves `i` past a number literal: digits, a fraction, and an exponent only when
    /// a digit (after an optional sign) follows the `e`, as the lexer reads them.
    private static func skipNumber(_ scalars: String.UnicodeScalarView, _ i: inout String.UnicodeScalarView.Index) {
        func digit(at j: String.UnicodeScalarView.Index) -> Bool { j < scalars.endIndex && Lexer.isDigit(scalars[j]) }
        while digit(at: i) { i = scalars.index(after: i) }
        if i < scalars.endIndex, scalars[i] == ".", digit(at: scalars.index(after: i)) {
            i = scalars.index(after: i)
            while digit(at: i) { i = scalars.index(after: i) }
        }
        guard i < scalars.endIndex, scalars[i] == "e" || scalars[i] == "E" else { return }
        var j = scalars.index(after: i)
        if j < scalars.endIndex, scalars[j] == "+" || scalars[j] == "-" { j = scalars.index(after: j) }
        guard digit(at: j) else { return }
        i = j
        while digit(at: i) { i = scalars.index(after: i) }
    }
}
