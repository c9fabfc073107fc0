import Exact
@testable import Symbolic

/// Random expression trees for the printers' property tests, with a fixed seed.
///
/// With `parserProducible` (the default) every tree is one the parser can produce: its
/// numbers are non-negative terminating decimals, its names canonical and not reserved,
/// its literal exponents within `ParserLimits.standard`. Otherwise numbers may be any
/// rational, as trees built in code may hold. The names are chosen to exercise the
/// printers' hard cases: names that merge when juxtaposed (`x0 t`), `e` next to a
/// number (`2 e1` must not become 2e1 = 20), Greek heads with suffixes, names that look
/// like functions before `(` (`sine`, `expm`), underscores in every position.
struct PrinterTreeGenerator {
    var random: SplitMix64
    let parserProducible: Bool

    init(seed: UInt64, parserProducible: Bool = true) {
        random = SplitMix64(seed: seed)
        self.parserProducible = parserProducible
    }

    static let names = [
        "t", "s", "x", "y", "e", "E", "e1", "x0", "x_1", "t12", "ab", "eps", "sine", "expm", "logits",
        "alpha", "alpha2", "beta_min", "beta_max", "sigma", "sigma_d", "sigma_min", "epsilon", "lamda",
        "lamda_min", "tau", "pi_1", "pi2", "omicron", "Gamma", "Alpha", "Sigma", "Pi", "nu", "x__a",
        "_x", "x_", "sigma_alpha", "alpha_bar", "alphabet", "d",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    /// A number the parser can produce: a non-negative terminating decimal, sometimes
    /// one that prints in scientific notation.
    mutating func decimal() -> Rational {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4: return Rational(Int.random(in: 0...12, using: &random))
        case 4..<6: return Rational(Int.random(in: 0...100_000, using: &random), 1000)
        case 6: return Rational(Int.random(in: 1...99, using: &random), 4)
        case 7: return pick([try! Rational(10).power(-30), Rational(25, 10) * (try! Rational(10).power(25)), Rational(15, 10) * (try! Rational(10).power(-40))])
        default: return Rational(Int.random(in: 13...5000, using: &random))
        }
    }

    mutating func number() -> Rational {
        if parserProducible || chance(0.5) { return decimal() }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return -decimal()
        case 1: return Rational(Int.random(in: -20...20, using: &random), pick([3, 7, 12, 15]))
        default: return -Rational(Int.random(in: 1...9, using: &random))
        }
    }

    mutating func leaf() -> Expr {
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<7: return .number(number())
        case 7..<17: return .variable(pick(Self.names))
        default: return .pi
        }
    }

    /// An exponent: often an integer literal (superscript material), sometimes
    /// negated, otherwise any tree whose literal, if it is one, is within the limit.
    mutating func exponent(depth: Int) -> Expr {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4: return .number(Rational(pick([0, 1, 2, 2, 3, 4, 10, 12, 123, 999, 1000, 10_000])))
        case 4..<6: return .negation(.number(Rational(pick([1, 2, 3, 10]))))
        default:
            let e = expression(depth: depth)
            var literal: Rational?
            switch e.kind {
            case .number(let r): literal = r
            case .negation(let x): if case .number(let r) = x.kind { literal = r }
            default: break
            }
            if let literal, literal.magnitude > Rational(10_000) { return .number(Rational(7, 2)) }
            return e
        }
    }

    mutating func expression(depth: Int) -> Expr {
        if depth <= 0 || chance(0.12) { return leaf() }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<10:
            return .negation(expression(depth: depth - 1))
        case 10..<25:
            return .binary(pick([.add, .subtract]), expression(depth: depth - 1), expression(depth: depth - 1))
        case 25..<50:
            return .binary(.multiply, expression(depth: depth - 1), expression(depth: depth - 1))
        case 50..<62:
            return .binary(.divide, expression(depth: depth - 1), expression(depth: depth - 1))
        case 62..<80:
            return .binary(.power, expression(depth: depth - 1), exponent(depth: depth - 1))
        case 80..<95:
            return .function(pick(Function.oracleFunctions), expression(depth: depth - 1))
        default:
            return .derivative(expression(depth: depth - 1), variable: pick(Self.names))
        }
    }

    /// `count` trees of height at most `depth + 1`.
    mutating func expressions(_ count: Int, depth: Int = 5) -> [Expr] {
        (0..<count).map { _ in expression(depth: depth) }
    }
}
