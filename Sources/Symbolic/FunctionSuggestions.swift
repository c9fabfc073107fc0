/// Deciding when `name(…)` is a mistyped or unsupported function, and what to suggest.
///
/// A name before `(` that is neither a function nor applicable (`ApplicableNames`) is
/// an error; `NotAFunction` picks which one. Saying "'sqr' is not a function" would
/// hide the typo, so a name written *immediately* before `(` (no space) is reported
/// as an unknown function, with a suggestion, when it looks like one:
///
/// - it is at least two ASCII letters and digits long, has no `_`, and is not the ASCII
///   name of a Greek letter (`tau(1-t)`, `beta_min(1-t)` and `t(1+t)` are "not a
///   function");
/// - and it is a common function name from other tools (`ln`, `abs`, `arcsin`, …), or
///   starts with a known function name of three or more letters (`cosine`, `log10`,
///   `expm1`), or is within edit distance 1 (2 for names of five or more letters) of a
///   known function (`sqr`, `sni`, `sigmod`).
///
/// Anything else is "not a function", with the fix-it `name*(…)`.
enum FunctionSuggestions {
    /// Every name that may be called: the registered functions and `diff`.
    static let knownNames: [String] = FunctionRegistry.names + ["diff"]

    /// Names from other tools that mean a function we have: suggest ours (each spec's
    /// `suggestedFrom`, and `diff`'s).
    static let aliases: [String: String] = FunctionRegistry.all.reduce(into: ["deriv": "diff", "derivative": "diff"]) { table, spec in
        for other in spec.suggestedFrom { table[other] = spec.function.name }
    }

    /// Function names from other tools that we do not have and that nothing is close to
    /// (a name registered later leaves this list by itself).
    static let unsupported: Set<String> = Set([
        "asin", "acos", "arcsin", "arccos", "asinh", "acosh", "atanh", "arsinh", "arcosh",
        "artanh", "arcsinh", "arccosh", "arctanh", "atan2", "abs", "sign", "sgn", "floor",
        "ceil", "round", "min", "max", "pow", "erf", "erfc", "sec", "csc", "cot", "coth",
        "sech", "csch", "cbrt", "lg", "softplus", "relu", "heaviside",
    ]).subtracting(knownNames)

    /// Whether `name`, written directly before `(`, should be reported as an unknown
    /// function (see the type's documentation).
    static func looksLikeFunction(_ name: String) -> Bool {
        guard name.count >= 2, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              !Names.greekASCII.contains(name) else { return false }
        if aliases[name] != nil || unsupported.contains(name) { return true }
        if knownNames.contains(where: { $0.count >= 3 && name.hasPrefix($0) }) { return true }
        return closest(to: name) != nil
    }

    /// The known function to suggest for `name`, if any.
    static func suggestion(for name: String) -> String? {
        if let alias = aliases[name] { return alias }
        if let prefix = knownNames.filter({ $0.count >= 3 && name.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
            return prefix
        }
        return closest(to: name)
    }

    /// The known name nearest to `name` within the distance threshold; ties go to the
    /// earlier name in `knownNames`.
    static func closest(to name: String) -> String? {
        let threshold = name.count >= 5 ? 2 : 1
        var best: (name: String, distance: Int)?
        for candidate in knownNames {
            let d = editDistance(name.lowercased(), candidate)
            if d <= threshold, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and
    /// adjacent transpositions each cost 1, so `sqtr` is one edit from `sqrt`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
