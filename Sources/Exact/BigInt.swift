import CFlintArb

/// Owns one GMP `mpz_t`: allocated and initialised in `init`, cleared in `deinit`.
///
/// Never shared while mutated: `BigInt` copies it before any in-place update unless
/// the reference is unique (copy-on-write).
final class MPZStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    convenience init(copying other: MPZStorage) {
        self.init()
        __gmpz_set(pointer, other.pointer)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// An arbitrary-precision integer over GMP, with value semantics.
///
/// Arithmetic is exact; only the size budget (`ExactBudget.maximumBits`) limits it,
/// and only the throwing operations (`power(_:)`) check that budget, since sums and
/// products of in-budget values cannot run away.
public struct BigInt: Sendable {
    var storage: MPZStorage

    init(storage: MPZStorage) { self.storage = storage }

    /// Builds a value by running `body` on a freshly initialised `mpz_t`.
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let s = MPZStorage()
        body(s.pointer)
        return BigInt(storage: s)
    }

    var pointer: UnsafeMutablePointer<__mpz_struct> { storage.pointer }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = MPZStorage(copying: storage) }
    }

    public init(_ value: Int) {
        storage = MPZStorage()
        __gmpz_set_si(storage.pointer, value)
    }

    public static let zero = BigInt(0)
    public static let one = BigInt(1)

    /// Parses an optionally signed decimal integer ("42", "-7", "+3").
    public init?(_ text: some StringProtocol) {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        // 10^n needs n·log2(10) bits.
        guard body.utf8.count <= ExactBudget.maximumBits / 4 else { return nil }
        let s = MPZStorage()
        let ok = String(body).withCString { __gmpz_set_str(s.pointer, $0, 10) }
        guard ok == 0 else { return nil }
        if negative { __gmpz_neg(s.pointer, s.pointer) }
        storage = s
    }

    /// The sign: −1, 0 or 1.
    public var signum: Int { Int(sched_mpz_sgn(pointer)) }
    public var isZero: Bool { signum == 0 }
    public var isOne: Bool { __gmpz_cmp_si(pointer, 1) == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isOdd: Bool { sched_mpz_odd_p(pointer) != 0 }

    /// Number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(pointer, 2)) }

    /// The value as an `Int` when it fits.
    public var exactInt: Int? {
        guard __gmpz_fits_slong_p(pointer) != 0 else { return nil }
        return __gmpz_get_si(pointer)
    }

    public var magnitude: BigInt { BigInt.make { __gmpz_abs($0, pointer) } }

    /// The nearest `Double` (ties to even); ±infinity beyond the `Double` range.
    public var doubleValue: Double { Rational(self).doubleValue }

    public func power(_ exponent: Int) throws(ArithmeticError) -> BigInt {
        guard exponent >= 0 else {
            throw .invalidNumber("negative exponent \(exponent) for an integer power")
        }
        if exponent <= 1 || isZero || __gmpz_cmpabs_ui(pointer, 1) == 0 {
            if exponent == 0 { return .one }
            if isZero || exponent == 1 { return self }
            return (isNegative && exponent % 2 == 1) ? BigInt(-1) : .one
        }
        let (bits, overflow) = bitWidth.multipliedReportingOverflow(by: exponent)
        guard !overflow, bits <= ExactBudget.maximumBits + exponent else {
            throw .tooLarge("an integer power with about \(overflow ? Int.max : bits) bits")
        }
        return BigInt.make { __gmpz_pow_ui($0, pointer, UInt(exponent)) }
    }

    /// Quotient rounded towards −∞ and the matching remainder (sign of the divisor).
    public func flooredDivision(by divisor: BigInt) throws(ArithmeticError) -> (quotient: BigInt, remainder: BigInt) {
        guard !divisor.isZero else { throw .divisionByZero }
        let q = MPZStorage(), r = MPZStorage()
        __gmpz_fdiv_qr(q.pointer, r.pointer, pointer, divisor.pointer)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Quotient rounded towards zero and the remainder with the sign of the dividend,
    /// like Swift's `Int`.
    public func quotientAndRemainder(dividingBy divisor: BigInt) throws(ArithmeticError) -> (quotient: BigInt, remainder: BigInt) {
        guard !divisor.isZero else { throw .divisionByZero }
        let q = MPZStorage(), r = MPZStorage()
        __gmpz_tdiv_qr(q.pointer, r.pointer, pointer, divisor.pointer)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Whether the machine-word `divisor` (> 0) divides `self`: no allocation, for
    /// trial division.
    public func isDivisible(by divisor: UInt) -> Bool {
        __gmpz_divisible_ui_p(pointer, divisor) != 0
    }

    /// The exact quotient when `divisor` divides `self`, otherwise nil.
    public func exactQuotient(dividingBy divisor: BigInt) -> BigInt? {
        guard !divisor.isZero, __gmpz_divisible_p(pointer, divisor.pointer) != 0 else { return nil }
        return BigInt.make { __gmpz_divexact($0, pointer, divisor.pointer) }
    }

    /// The non-negative greatest common divisor; gcd(0, 0) = 0.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        make { __gmpz_gcd($0, a.pointer, b.pointer) }
    }

    /// The non-negative least common multiple; lcm(a, 0) = 0.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        make { __gmpz_lcm($0, a.pointer, b.pointer) }
    }

    /// The integer square root ⌊√self⌋ and whether it is exact; nil for negatives.
    public func squareRoot() -> (root: BigInt, isExact: Bool)? {
        guard !isNegative else { return nil }
        let r = BigInt.make { __gmpz_sqrt($0, pointer) }
        return (r, __gmpz_perfect_square_p(pointer) != 0)
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: CustomStringConvertible, LosslessStringConvertible {
    public init?(_ description: String) { self.init(Substring(description)) }

    public var description: String {
        let size = __gmpz_sizeinbase(pointer, 10) + 2
        var buffer = [CChar](repeating: 0, count: size)
        return buffer.withUnsafeMutableBufferPointer { buf in
            __gmpz_get_str(buf.baseAddress, 10, pointer)
            return String(cString: buf.baseAddress!)
        }
    }
}

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.pointer, b.pointer) == 0 }
    public static func < (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.pointer, b.pointer) < 0 }

    public func hash(into hasher: inout Hasher) {
        let limbs = Int(pointer.pointee._mp_size)
        hasher.combine(limbs)
        for i in 0..<abs(limbs) { hasher.combine(__gmpz_getlimbn(pointer, i)) }
    }
}

extension BigInt {
    public static func + (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_add($0, a.pointer, b.pointer) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_sub($0, a.pointer, b.pointer) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_mul($0, a.pointer, b.pointer) } }
    public static prefix func - (a: BigInt) -> BigInt { make { __gmpz_neg($0, a.pointer) } }

    /// Truncating division, like `Int`. Precondition: `b != 0` (use
    /// `quotientAndRemainder(dividingBy:)` for a thrown error instead).
    public static func / (a: BigInt, b: BigInt) -> BigInt {
        precondition(!b.isZero, "BigInt division by zero")
        return make { __gmpz_tdiv_q($0, a.pointer, b.pointer) }
    }

    /// Remainder with the sign of `a`, like `Int`. Precondition: `b != 0`.
    public static func % (a: BigInt, b: BigInt) -> BigInt {
        precondition(!b.isZero, "BigInt remainder by zero")
        return make { __gmpz_tdiv_r($0, a.pointer, b.pointer) }
    }

    public static func += (a: inout BigInt, b: BigInt) {
        a.makeUnique(); __gmpz_add(a.pointer, a.pointer, b.pointer)
    }
    public static func -= (a: inout BigInt, b: BigInt) {
        a.makeUnique(); __gmpz_sub(a.pointer, a.pointer, b.pointer)
    }
    public static func *= (a: inout BigInt, b: BigInt) {
        a.makeUnique(); __gmpz_mul(a.pointer, a.pointer, b.pointer)
    }

    /// self · 2^k (k ≥ 0).
    public func shiftedLeft(_ k: Int) -> BigInt {
        precondition(k >= 0)
        return BigInt.make { __gmpz_mul_2exp($0, pointer, mp_bitcnt_t(k)) }
    }
}
