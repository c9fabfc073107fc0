import Exact
import Symbolic

/// Random expressions of the kind schedules are made of, well defined for positive
/// t, x, s: rational functions, square roots and logarithms of positive polynomials,
/// exp, trigonometric and logistic functions — and identities built from them, so
/// that a fair share of the generated differences are zero.
public struct ScheduleLikeExpressions {
    var rng: SeededRandom
    public static let symbols = ["t", "x", "s"]

    public init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func symbol() -> Expr { .variable(rng.pick(Self.symbols)) }

    mutating func smallNumber() -> Expr {
        rng.chance(0.8) ? .number(rng.int(1...5)) : .binary(.divide, .number(rng.int(1...7)), .number(rng.int(2...5)))
    }

    /// A polynomial that is positive for positive symbols: c + Σ cᵢ·monomialᵢ.
    mutating func positivePolynomial() -> Expr {
        var e: Expr = smallNumber()
        for _ in 0..<rng.int(1...2) {
            let power = rng.int(1...3)
            let v = symbol()
            let monomial: Expr = power == 1 ? v : .binary(.power, v, .number(power))
            e = .binary(.add, e, rng.chance(0.5) ? monomial : .binary(.multiply, smallNumber(), monomial))
        }
        return e
    }

    mutating func polynomial() -> Expr {
        var e: Expr = rng.chance(0.5) ? symbol() : .binary(.multiply, smallNumber(), symbol())
        for _ in 0..<rng.int(0...2) {
            let term: Expr = rng.chance(0.5) ? smallNumber() : .binary(.power, symbol(), .number(rng.int(1...3)))
            e = .binary(rng.chance(0.5) ? .add : .subtract, e, term)
        }
        return e
    }

    mutating func atom() -> Expr {
        switch rng.int(0...10) {
        case 0, 1: return polynomial()
        case 2: return .binary(.divide, polynomial(), positivePolynomial())
        case 3: return .function(.sqrt, positivePolynomial())
        case 4: return .function(.log, positivePolynomial())
        case 5: return .function(.exp, .binary(.divide, polynomial(), .number(rng.int(1...4))))
        case 6: return .function(rng.pick([.sin, .cos]), .binary(.multiply, smallNumber(), symbol()))
        case 7: return .function(rng.pick([.sin, .cos]), .binary(.divide, .binary(.multiply, .pi, symbol()), .number(rng.int(1...4))))
        case 8: return .function(rng.pick([.atan, .tanh, .sigmoid]), polynomial())
        case 9: return .binary(.power, positivePolynomial(), .binary(.divide, .number(1), .number(2)))
        default: return symbol()
        }
    }

    public mutating func expression(depth: Int) -> Expr {
        if depth <= 1 || rng.chance(0.15) { return atom() }
        switch rng.int(0...9) {
        case 0, 1: return .binary(.add, expression(depth: depth - 1), expression(depth: depth - 1))
        case 2: return .binary(.subtract, expression(depth: depth - 1), expression(depth: depth - 1))
        case 3, 4: return .binary(.multiply, expression(depth: depth - 1), expression(depth: depth - 1))
        case 5: return .binary(.divide, expression(depth: depth - 1), positivePolynomial())
        case 6: return .binary(.power, expression(depth: depth - 1), .number(rng.int(2...3)))
        case 7: return identity(expression(depth: depth - 1))
        default: return .derivative(expression(depth: depth - 1), variable: rng.pick(Self.symbols))
        }
    }

    /// An expression equal to `e`, written differently.
    mutating func identity(_ e: Expr) -> Expr {
        let u = atom()
        switch rng.int(0...4) {
        case 0:  // e·(sin²u + cos²u)
            let arg: Expr = .binary(.multiply, smallNumber(), symbol())
            let one: Expr = .binary(.add, .binary(.power, .function(.sin, arg), .number(2)), .binary(.power, .function(.cos, arg), .number(2)))
            return .binary(.multiply, e, one)
        case 1:  // (e·P)/P
            let p = positivePolynomial()
            return .binary(.divide, .binary(.multiply, e, p), p)
        case 2:  // e + u − u
            return .binary(.subtract, .binary(.add, e, u), u)
        case 3:  // e·exp(a)·exp(−a)
            let a = polynomial()
            return .binary(.multiply, .binary(.multiply, e, .function(.exp, a)), .function(.exp, .negation(a)))
        default:  // e + sqrt(P)² − P
            let p = positivePolynomial()
            return .binary(.subtract, .binary(.add, e, .binary(.power, .function(.sqrt, p), .number(2))), p)
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): reproducible inputs from a seed.
public struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
