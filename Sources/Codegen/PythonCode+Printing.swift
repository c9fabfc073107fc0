import Exact
import Symbolic

/// Printing `PythonCode` as Python source, with the fewest parentheses Python's
/// precedence needs (the same levels as the expression language: `-x**2` is
/// −(x²), `**` is right-associative) and the helpers the code calls collected.
struct PythonPrinter {
    /// The Python name of each schedule variable (the time is always `t`, the second
    /// time of the update `s`).
    var names: [String: String]
    /// The stable spellings of the language's functions (`FunctionSpec.numpyStable`),
    /// or the naive ones.
    var stable: Bool
    /// The helpers the printed code uses, by name.
    private(set) var helpers: [String: String] = [:]

    init(names: [String: String], stable: Bool) {
        self.names = names
        self.stable = stable
    }

    /// 2⁶³: the integers from here on do not fit NumPy's int64.
    static let int64Limit = BigInt("9223372036854775808")!

    /// Sums 1, products 2, negation 3, powers 4, atoms 5.
    static func level(_ c: PythonCode) -> Int {
        switch c {
        case .binary(.add, _, _), .binary(.subtract, _, _): return 1
        case .binary(.multiply, _, _), .binary(.divide, _, _): return 2
        case .negation: return 3
        case .binary(.power, _, _): return 4
        case .number(let r): return r.isNegative ? 3 : (r.denominator.isOne ? 5 : 2)
        case .variable, .pi, .function, .primitive: return 5
        }
    }

    static func isNegative(_ c: PythonCode) -> Bool {
        if case .negation = c { return true }
        if case .number(let r) = c { return r.isNegative }
        return false
    }

    mutating func print(_ c: PythonCode) -> String {
        switch c {
        case .number(let r):
            let magnitude = r.magnitude
            // An integer beyond int64 would make NumPy build an object array (np.log of
            // it fails): written as a float literal, which Python rounds correctly.
            let whole = magnitude.numerator.description
            let text = magnitude.denominator.isOne
                ? (magnitude.numerator >= Self.int64Limit ? whole + ".0" : whole)
                : "\(magnitude.numerator)/\(magnitude.denominator)"
            return r.isNegative ? "-" + (magnitude.denominator.isOne ? text : "(\(text))") : text
        case .variable(let n):
            return names[n] ?? n
        case .pi:
            return "np.pi"
        case .negation(let x):
            return "-" + operand(x, Self.level(x) < 4)
        case .binary(let op, let l, let r):
            switch op {
            case .add, .subtract:
                return operand(l, false) + (op == .add ? " + " : " - ") + operand(r, Self.level(r) <= 1 || Self.isNegative(r))
            case .multiply, .divide:
                return operand(l, Self.level(l) < 2) + op.rawValue + operand(r, Self.level(r) <= 2 || Self.isNegative(r))
            case .power:
                return operand(l, Self.level(l) < 5) + "**" + operand(r, Self.level(r) < 4)
            }
        case .function(let f, let x):
            let spelling = stable ? f.spec.numpyStable : f.spec.numpy
            if let helper = spelling.helper { helpers[helper.name] = helper.definition }
            return spelling.call(print(x))
        case .primitive(let p, let x):
            if let helper = p.helper { helpers[helper.name] = helper.definition }
            return p.call(print(x))
        }
    }

    private mutating func operand(_ x: PythonCode, _ parenthesized: Bool) -> String {
        let text = print(x)
        return parenthesized ? "(" + text + ")" : text
    }
}
