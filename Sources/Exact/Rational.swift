import CFlintArb

/// Owns one GMP `mpq_t`, always in canonical form (coprime, denominator > 0).
final class MPQStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpq_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }

    convenience init(copying other: MPQStorage) {
        self.init()
        __gmpq_set(pointer, other.pointer)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact rational number p/q over GMP, always normalised: gcd(p, q) = 1 and q > 0,
/// so equal values have equal representations (and equal hashes and text).
///
/// Division by zero: the operator `/` and `reciprocal` trap with a precondition
/// failure, like `Int`; `divided(by:)`, `inverse()` and `power(_:)` throw
/// `ArithmeticError.divisionByZero` instead, and are what code handling user input
/// calls.
public struct Rational: Sendable {
    var storage: MPQStorage

    init(storage: MPQStorage) { self.storage = storage }

    static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let s = MPQStorage()
        body(s.pointer)
        return Rational(storage: s)
    }

    var pointer: UnsafeMutablePointer<__mpq_struct> { storage.pointer }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = MPQStorage(copying: storage) }
    }

    public init(_ value: Int) {
        storage = MPQStorage()
        __gmpq_set_si(storage.pointer, value, 1)
    }

    public init(_ value: BigInt) {
        storage = MPQStorage()
        __gmpq_set_z(storage.pointer, value.pointer)
    }

    /// numerator/denominator, normalised. Throws on a zero denominator.
    public init(_ numerator: BigInt, _ denominator: BigInt) throws(ArithmeticError) {
        guard !denominator.isZero else { throw .divisionByZero }
        storage = MPQStorage()
        __gmpz_set(sched_mpq_numref(storage.pointer), numerator.pointer)
        __gmpz_set(sched_mpq_denref(storage.pointer), denominator.pointer)
        __gmpq_canonicalize(storage.pointer)
    }

    /// numerator/denominator for machine integers. Precondition: denominator ≠ 0.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational with a zero denominator")
        self = try! Rational(BigInt(numerator), BigInt(denominator))
    }

    /// The exact value of a finite `Double` (every finite double is a dyadic rational);
    /// nil for NaN and infinities.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        storage = MPQStorage()
        __gmpq_set_d(storage.pointer, value)
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var numerator: BigInt {
        BigInt.make { __gmpz_set($0, sched_mpq_numref_const(pointer)) }
    }

    /// Always positive.
    public var denominator: BigInt {
        BigInt.make { __gmpz_set($0, sched_mpq_denref_const(pointer)) }
    }

    public var signum: Int { Int(sched_mpq_sgn(pointer)) }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isPositive: Bool { signum > 0 }
    public var isInteger: Bool { __gmpz_cmp_si(sched_mpq_denref_const(pointer), 1) == 0 }
    public var isOne: Bool { isInteger && __gmpz_cmp_si(sched_mpq_numref_const(pointer), 1) == 0 }

    /// Bits of numerator plus bits of denominator: the size that drives cost.
    public var bitSize: Int {
        Int(__gmpz_sizeinbase(sched_mpq_numref_const(pointer), 2) + __gmpz_sizeinbase(sched_mpq_denref_const(pointer), 2))
    }

    public var magnitude: Rational { Rational.make { __gmpq_abs($0, pointer) } }

    /// The largest integer ≤ self.
    public var floor: BigInt {
        BigInt.make { __gmpz_fdiv_q($0, sched_mpq_numref_const(pointer), sched_mpq_denref_const(pointer)) }
    }

    /// The smallest integer ≥ self.
    public var ceiling: BigInt {
        BigInt.make { __gmpz_cdiv_q($0, sched_mpq_numref_const(pointer), sched_mpq_denref_const(pointer)) }
    }

    /// The nearest `Double`, correctly rounded (ties to even, through MPFR); values
    /// beyond the `Double` range give ±infinity and tiny ones round to ±0 or a
    /// subnormal. Note that GMP's own `mpq_get_d` truncates instead.
    public var doubleValue: Double { sched_mpq_get_d_nearest(pointer) }

    /// 1/self; throws on zero.
    public func inverse() throws(ArithmeticError) -> Rational {
        guard !isZero else { throw .divisionByZero }
        return Rational.make { __gmpq_inv($0, pointer) }
    }

    /// self / divisor; throws on a zero divisor.
    public func divided(by divisor: Rational) throws(ArithmeticError) -> Rational {
        guard !divisor.isZero else { throw .divisionByZero }
        return Rational.make { __gmpq_div($0, pointer, divisor.pointer) }
    }

    /// self^exponent for any integer exponent; a negative exponent of zero throws
    /// `divisionByZero`, and a result past `ExactBudget.maximumBits` throws `tooLarge`.
    public func power(_ exponent: Int) throws(ArithmeticError) -> Rational {
        if exponent == 0 { return .one }
        if exponent < 0 {
            guard exponent != Int.min else { throw .tooLarge("exponent \(exponent)") }
            return try inverse().power(-exponent)
        }
        let num = try numerator.power(exponent)
        let den = try denominator.power(exponent)
        // Already coprime: powers of coprime integers are coprime.
        return Rational.make {
            __gmpz_set(sched_mpq_numref($0), num.pointer)
            __gmpz_set(sched_mpq_denref($0), den.pointer)
        }
    }

    /// self · 2^k for any integer k.
    public func timesPowerOfTwo(_ k: Int) -> Rational {
        k >= 0 ? Rational.make { __gmpq_mul_2exp($0, pointer, mp_bitcnt_t(k)) }
               : Rational.make { __gmpq_div_2exp($0, pointer, mp_bitcnt_t(-k)) }
    }

    /// The exact rational square root when self is the square of a rational.
    public func exactSquareRoot() -> Rational? {
        guard !isNegative,
              let (n, nExact) = numerator.squareRoot(), nExact,
              let (d, dExact) = denominator.squareRoot(), dExact else { return nil }
        return try? Rational(n, d)
    }

    /// gcd of rationals: the largest positive rational g with self/g and other/g both
    /// integers, i.e. gcd(numerators)/lcm(denominators); gcd(0, 0) = 0.
    public static func gcd(_ a: Rational, _ b: Rational) -> Rational {
        let n = BigInt.gcd(a.numerator, b.numerator)
        let d = BigInt.lcm(a.denominator, b.denominator)
        return n.isZero ? .zero : try! Rational(n, d)
    }

    /// lcm of rationals: lcm(numerators)/gcd(denominators); zero if either is zero.
    public static func lcm(_ a: Rational, _ b: Rational) -> Rational {
        if a.isZero || b.isZero { return .zero }
        return try! Rational(BigInt.lcm(a.numerator, b.numerator), BigInt.gcd(a.denominator, b.denominator))
    }

    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: Equatable, Comparable, Hashable {
    public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.pointer, b.pointer) != 0 }
    public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.pointer, b.pointer) < 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension Rational {
    public static func + (a: Rational, b: Rational) -> Rational { make { __gmpq_add($0, a.pointer, b.pointer) } }
    public static func - (a: Rational, b: Rational) -> Rational { make { __gmpq_sub($0, a.pointer, b.pointer) } }
    public static func * (a: Rational, b: Rational) -> Rational { make { __gmpq_mul($0, a.pointer, b.pointer) } }
    public static prefix func - (a: Rational) -> Rational { make { __gmpq_neg($0, a.pointer) } }

    /// Exact quotient. Precondition: `b != 0`; use `divided(by:)` to get a thrown
    /// `ArithmeticError.divisionByZero` instead of a trap.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational division by zero")
        return make { __gmpq_div($0, a.pointer, b.pointer) }
    }

    public static func += (a: inout Rational, b: Rational) {
        a.makeUnique(); __gmpq_add(a.pointer, a.pointer, b.pointer)
    }
    public static func -= (a: inout Rational, b: Rational) {
        a.makeUnique(); __gmpq_sub(a.pointer, a.pointer, b.pointer)
    }
    public static func *= (a: inout Rational, b: Rational) {
        a.makeUnique(); __gmpq_mul(a.pointer, a.pointer, b.pointer)
    }
    /// Precondition: `b != 0`.
    public static func /= (a: inout Rational, b: Rational) {
        precondition(!b.isZero, "Rational division by zero")
        a.makeUnique(); __gmpq_div(a.pointer, a.pointer, b.pointer)
    }
}
