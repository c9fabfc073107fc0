import CFlintArb

/// Why an exact algebraic computation was refused.
public enum AlgebraicNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A division, reciprocal or negative power of zero, or tan at a pole.
    case divisionByZero
    /// The result is not a real number (an even root of a negative number).
    case notReal(String)
    /// The result's minimal polynomial would exceed `AlgebraicNumberBudget` (degree or
    /// coefficient size): refused before computing it, so that nothing hangs.
    case overBudget(String)

    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        case .notReal(let what): return "not a real number: \(what)"
        case .overBudget(let what): return "algebraic number too large: \(what)"
        }
    }
}

/// Bounds on the algebraic numbers `AlgebraicNumber` builds. A sum or product of
/// numbers of degrees m and n has degree up to m·n, found by a resultant and a
/// factorisation whose cost grows quickly with both; an operation whose result could
/// pass these bounds throws `AlgebraicNumberError.overBudget` instead.
public enum AlgebraicNumberBudget {
    /// The largest degree of a minimal polynomial (a bound on m·n for binary operations).
    public static let maximumDegree = 64
    /// The largest height, in bits, of a minimal polynomial's coefficients (a bound on
    /// their sum for binary operations).
    public static let maximumHeightBits = 8192
}

/// A real algebraic number, exactly: Calcium's `qqbar_t`, which stores the minimal
/// polynomial over ℤ (irreducible, primitive, positive leading coefficient) and a complex
/// ball that isolates the number from the polynomial's other roots.
///
/// Equality and signs are decided exactly (equal minimal polynomials and overlapping
/// isolating balls mean equal numbers), so cos(π/5) = (1 + √5)/4 is a theorem, not a
/// numerical coincidence. Values are immutable: every operation makes a new number.
///
/// Calcium refines a number's enclosure in place while it computes with it, so a number
/// must not be used from two threads at once: the class is deliberately not `Sendable`.
public final class AlgebraicNumber {
    let pointer: UnsafeMutablePointer<qqbar_struct>

    private init() {
        pointer = .allocate(capacity: 1)
        qqbar_init(pointer)
    }

    deinit {
        qqbar_clear(pointer)
        pointer.deallocate()
    }

    /// Builds a number by running `body` on a freshly initialised `qqbar_t` (value 0).
    static func make(_ body: (UnsafeMutablePointer<qqbar_struct>) -> Void) -> AlgebraicNumber {
        let x = AlgebraicNumber()
        body(x.pointer)
        return x
    }

    /// The rational `value`.
    public convenience init(_ value: Rational) {
        self.init()
        value.withFMPQ { qqbar_set_fmpq(pointer, $0) }
    }

    public convenience init(_ value: Int) { self.init(Rational(value)) }

    // MARK: Properties

    /// The degree of the minimal polynomial: 1 exactly for rationals.
    public var degree: Int { qqbar_degree(pointer) }

    /// −1, 0 or 1.
    public var signum: Int { Int(qqbar_sgn_re(pointer)) }

    public var isZero: Bool { qqbar_is_zero(pointer) != 0 }

    /// The value as a rational, when it is one.
    public var rationalValue: Rational? {
        guard qqbar_is_rational(pointer) != 0 else { return nil }
        return Rational.fromFMPQ { qqbar_get_fmpq($0, pointer) }
    }

    /// The minimal polynomial over ℤ: irreducible, primitive, positive leading coefficient
    /// (8x³ + 4x² − 4x − 1 for cos(2π/7)).
    public var minimalPolynomial: Polynomial { Polynomial(integerPolynomial: sched_qqbar_poly(pointer)) }

    /// A ball that certainly contains the number, with about `precision` bits.
    public func enclosure(precision: Int = Ball.defaultPrecision) -> Ball {
        Ball.checkPrecision(precision)
        return Ball.make(precision: precision) { qqbar_get_arb($0, pointer, precision) }
    }

    /// For a number of degree ≤ 2, the integers (a, b, c, q) with value (a + b√c)/q,
    /// c squarefree (b = c = 0 for a rational); nil for higher degrees.
    public var quadraticForm: (a: BigInt, b: BigInt, c: BigInt, q: BigInt)? {
        guard degree <= 2 else { return nil }
        var parts = [fmpz](repeating: 0, count: 4)
        for i in 0..<4 { fmpz_init(&parts[i]) }
        defer { for i in 0..<4 { fmpz_clear(&parts[i]) } }
        return parts.withUnsafeMutableBufferPointer { p in
            let z = p.baseAddress!
            qqbar_get_quadratic(z, z + 1, z + 2, z + 3, pointer, 1)
            return (BigInt(fmpz: z), BigInt(fmpz: z + 1), BigInt(fmpz: z + 2), BigInt(fmpz: z + 3))
        }
    }
}

// MARK: - Arithmetic

extension AlgebraicNumber {
    /// Throws unless a binary operation on x and y stays within the budget.
    static func checkBinary(_ x: AlgebraicNumber, _ y: AlgebraicNumber, _ operation: String) throws(AlgebraicNumberError) {
        guard qqbar_binop_within_limits(x.pointer, y.pointer, AlgebraicNumberBudget.maximumDegree,
                                        AlgebraicNumberBudget.maximumHeightBits) != 0 else {
            throw .overBudget("\(operation) of numbers of degrees \(x.degree) and \(y.degree)")
        }
    }

    public static func + (x: AlgebraicNumber, y: AlgebraicNumber) throws(AlgebraicNumberError) -> AlgebraicNumber {
        try checkBinary(x, y, "a sum")
        return make { qqbar_add($0, x.pointer, y.pointer) }
    }

    public static func - (x: AlgebraicNumber, y: AlgebraicNumber) throws(AlgebraicNumberError) -> AlgebraicNumber {
        try checkBinary(x, y, "a difference")
        return make { qqbar_sub($0, x.pointer, y.pointer) }
    }

    public static func * (x: AlgebraicNumber, y: AlgebraicNumber) throws(AlgebraicNumberError) -> AlgebraicNumber {
        try checkBinary(x, y, "a product")
        return make { qqbar_mul($0, x.pointer, y.pointer) }
    }

    public static prefix func - (x: AlgebraicNumber) -> AlgebraicNumber { make { qqbar_neg($0, x.pointer) } }

    public func divided(by y: AlgebraicNumber) throws(AlgebraicNumberError) -> AlgebraicNumber {
        if y.isZero { throw .divisionByZero }
        try Self.checkBinary(self, y, "a quotient")
        return Self.make { qqbar_div($0, pointer, y.pointer) }
    }

    /// xⁿ for any integer n (n < 0 needs x ≠ 0); the degree does not grow, the
    /// coefficients grow about |n|-fold.
    public func power(_ n: Int) throws(AlgebraicNumberError) -> AlgebraicNumber {
        if n < 0 && isZero { throw .divisionByZero }
        guard n.magnitude <= UInt(AlgebraicNumberBudget.maximumHeightBits),
              qqbar_height_bits(pointer) * Int(n.magnitude) <= AlgebraicNumberBudget.maximumHeightBits else {
            throw .overBudget("power \(n) of a number of degree \(degree)")
        }
        return Self.make { qqbar_pow_si($0, pointer, n) }
    }

    /// The real n-th root (n ≥ 1): the nonnegative one of a nonnegative number, and for
    /// odd n the negative one of a negative number; an even root of a negative number
    /// throws `notReal`.
    public func root(_ n: Int) throws(AlgebraicNumberError) -> AlgebraicNumber {
        precondition(n >= 1, "root index \(n) must be at least 1")
        if n == 1 || isZero { return self }
        guard n <= AlgebraicNumberBudget.maximumDegree, degree * n <= AlgebraicNumberBudget.maximumDegree else {
            throw .overBudget("root \(n) of a number of degree \(degree)")
        }
        if signum < 0 {
            guard n % 2 == 1 else { throw .notReal("an even root of a negative number") }
            return -(try (-self).root(n))
        }
        // qqbar_root_ui gives the principal root, which for x > 0 is the positive real one.
        return Self.make { qqbar_root_ui($0, pointer, UInt(n)) }
    }
}

// MARK: - Trigonometric values at rational multiples of π

extension AlgebraicNumber {
    /// (p, q) with r = p/q in lowest terms, unless the value at r·π could pass the degree
    /// budget: φ(`rootOrder`)/2 bounds the degree of a real number in the field of the
    /// `rootOrder`-th roots of unity.
    static func checkAngle(_ r: Rational, rootOrder: (Int) -> Int) throws(AlgebraicNumberError) -> (p: Int, q: Int) {
        guard let p = r.numerator.exactInt, let q = r.denominator.exactInt, q <= 1 << 20,
              Int(n_euler_phi(UInt(rootOrder(q)))) / 2 <= AlgebraicNumberBudget.maximumDegree else {
            throw .overBudget("a trigonometric value at \(r)·π")
        }
        return (p, q)
    }

    /// cos(r·π), exactly (cos(π/5) = (1 + √5)/4): the real part of a 2q-th root of unity.
    public static func cosPi(_ r: Rational) throws(AlgebraicNumberError) -> AlgebraicNumber {
        let (p, q) = try checkAngle(r) { 2 * $0 }
        return make { qqbar_cos_pi($0, p, UInt(q)) }
    }

    /// sin(r·π) = cos((1/2 − r)·π), exactly.
    public static func sinPi(_ r: Rational) throws(AlgebraicNumberError) -> AlgebraicNumber {
        let shifted = (Rational(1, 2) - r).denominator.exactInt ?? Int.max / 4
        let (p, q) = try checkAngle(r) { _ in 2 * shifted }
        return make { qqbar_sin_pi($0, p, UInt(q)) }
    }

    /// tan(r·π), exactly, in the field of the 4q-th roots of unity (tan θ =
    /// −i(e^{iθ} − e^{−iθ})/(e^{iθ} + e^{−iθ})); throws `divisionByZero` at the poles
    /// (r ∈ ½ + ℤ).
    public static func tanPi(_ r: Rational) throws(AlgebraicNumberError) -> AlgebraicNumber {
        let (p, q) = try checkAngle(r) { 4 * $0 }
        var defined: Int32 = 0
        let x = make { defined = qqbar_tan_pi($0, p, UInt(q)) }
        if defined == 0 { throw .divisionByZero }
        return x
    }
}

// MARK: - Comparison and text

extension AlgebraicNumber: Equatable, CustomStringConvertible {
    public static func == (x: AlgebraicNumber, y: AlgebraicNumber) -> Bool { qqbar_equal(x.pointer, y.pointer) != 0 }

    /// "root of <minimal polynomial> near <decimal>", or the rational itself.
    public var description: String {
        if let r = rationalValue { return "\(r)" }
        return "root of \(minimalPolynomial.description(variable: "x")) near \(enclosure().decimalString(digits: 10))"
    }
}
