import CFlintArb

/// A univariate polynomial with rational coefficients, over FLINT's `fmpq_poly`
/// (an integer polynomial with one common denominator), with value semantics.
///
/// The variable has no name here; printers take one (`description(variable:)`).
public struct Polynomial: Sendable {
    var storage: FMPQPolyStorage

    init(storage: FMPQPolyStorage) { self.storage = storage }

    static func make(_ body: (UnsafeMutablePointer<fmpq_poly_struct>) -> Void) -> Polynomial {
        let s = FMPQPolyStorage()
        body(s.pointer)
        return Polynomial(storage: s)
    }

    var pointer: UnsafeMutablePointer<fmpq_poly_struct> { storage.pointer }

    /// Coefficients from the constant term up: `[c0, c1, …]` is c0 + c1·x + ….
    public init(coefficients: [Rational]) {
        storage = FMPQPolyStorage()
        for (i, c) in coefficients.enumerated() where !c.isZero {
            c.withFMPQ { fmpq_poly_set_coeff_fmpq(storage.pointer, i, $0) }
        }
    }

    public init(coefficients: [Int]) { self.init(coefficients: coefficients.map { Rational($0) }) }

    public init(_ constant: Rational) { self.init(coefficients: [constant]) }

    /// The polynomial x.
    public static let x = Polynomial(coefficients: [0, 1] as [Int])
    public static let zero = Polynomial(coefficients: [] as [Rational])
    public static let one = Polynomial(coefficients: [1] as [Int])

    /// ∏ (x − r) over `roots`.
    public init(roots: [Rational]) {
        var p = Polynomial.one
        for r in roots { p = p * Polynomial(coefficients: [-r, 1]) }
        self = p
    }

    /// The degree; −1 for the zero polynomial.
    public var degree: Int { fmpq_poly_degree(pointer) }
    public var isZero: Bool { degree < 0 }
    public var isConstant: Bool { degree <= 0 }

    public func coefficient(_ i: Int) -> Rational {
        guard i >= 0 else { return .zero }
        return Rational.fromFMPQ { fmpq_poly_get_coeff_fmpq($0, pointer, i) }
    }

    /// All coefficients, constant term first; empty for the zero polynomial.
    public var coefficients: [Rational] { degree < 0 ? [] : (0...degree).map(coefficient) }

    public var leadingCoefficient: Rational { coefficient(degree) }

    /// The positive rational g with self/g a primitive integer polynomial with
    /// positive leading coefficient — content in FLINT's sense, sign-adjusted.
    public var content: Rational {
        if isZero { return .zero }
        let c = Rational.fromFMPQ { fmpq_poly_content($0, pointer) }
        return leadingCoefficient.isNegative ? -c : c
    }

    /// self / content: integer coefficients, gcd 1, positive leading coefficient.
    public var primitivePart: Polynomial {
        if isZero { return self }
        return self.scaled(by: content.isZero ? .one : try! content.inverse())
    }

    /// self divided by its leading coefficient.
    public var monic: Polynomial {
        if isZero { return self }
        return Polynomial.make { fmpq_poly_make_monic($0, pointer) }
    }

    public func scaled(by c: Rational) -> Polynomial {
        c.withFMPQ { q in Polynomial.make { fmpq_poly_scalar_mul_fmpq($0, pointer, q) } }
    }

    public var derivative: Polynomial { Polynomial.make { fmpq_poly_derivative($0, pointer) } }

    /// Exact value at a rational point.
    public func evaluate(at x: Rational) -> Rational {
        x.withFMPQ { q in Rational.fromFMPQ { fmpq_poly_evaluate_fmpq($0, pointer, q) } }
    }

    /// self(inner(x)).
    public func composed(with inner: Polynomial) -> Polynomial {
        Polynomial.make { fmpq_poly_compose($0, pointer, inner.pointer) }
    }

    public func power(_ exponent: Int) throws(ArithmeticError) -> Polynomial {
        guard exponent >= 0 else { throw .invalidNumber("negative polynomial exponent \(exponent)") }
        let (deg, overflow) = max(degree, 1).multipliedReportingOverflow(by: exponent)
        guard !overflow, deg <= PolynomialBudget.maximumDegree else {
            throw .tooLarge("a polynomial of degree \(overflow ? Int.max : deg)")
        }
        return Polynomial.make { fmpq_poly_pow($0, pointer, UInt(exponent)) }
    }

    /// Quotient and remainder of Euclidean division; throws on a zero divisor.
    public func quotientAndRemainder(dividingBy divisor: Polynomial) throws(ArithmeticError) -> (quotient: Polynomial, remainder: Polynomial) {
        guard !divisor.isZero else { throw .divisionByZero }
        let q = FMPQPolyStorage(), r = FMPQPolyStorage()
        fmpq_poly_divrem(q.pointer, r.pointer, pointer, divisor.pointer)
        return (Polynomial(storage: q), Polynomial(storage: r))
    }

    /// The monic greatest common divisor (zero when both are zero).
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        make { fmpq_poly_gcd($0, a.pointer, b.pointer) }
    }

    /// The resultant Res(a, b): zero exactly when a and b share a complex root.
    public static func resultant(_ a: Polynomial, _ b: Polynomial) -> Rational {
        Rational.fromFMPQ { fmpq_poly_resultant($0, a.pointer, b.pointer) }
    }

    public var isSquarefree: Bool { fmpq_poly_is_squarefree(pointer) != 0 }

    /// The primitive integer polynomial with the same roots, as FLINT's fmpz_poly.
    func primitiveIntegerPolynomial() -> FMPZPolyStorage {
        let z = FMPZPolyStorage()
        fmpq_poly_get_numerator(z.pointer, pointer)
        fmpz_poly_primitive_part(z.pointer, z.pointer)
        return z
    }

    init(integerPolynomial z: UnsafePointer<fmpz_poly_struct>) {
        storage = FMPQPolyStorage()
        fmpq_poly_set_fmpz_poly(storage.pointer, z)
    }
}

/// Limits on polynomial sizes, so that hostile input errors out instead of exhausting
/// memory or time.
public enum PolynomialBudget {
    /// Largest degree built by `power` and accepted by root isolation.
    public static let maximumDegree = 10_000
}

extension Polynomial: Equatable, Hashable {
    public static func == (a: Polynomial, b: Polynomial) -> Bool { fmpq_poly_equal(a.pointer, b.pointer) != 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(coefficients) }
}

extension Polynomial {
    public static func + (a: Polynomial, b: Polynomial) -> Polynomial { make { fmpq_poly_add($0, a.pointer, b.pointer) } }
    public static func - (a: Polynomial, b: Polynomial) -> Polynomial { make { fmpq_poly_sub($0, a.pointer, b.pointer) } }
    public static func * (a: Polynomial, b: Polynomial) -> Polynomial { make { fmpq_poly_mul($0, a.pointer, b.pointer) } }
    public static prefix func - (a: Polynomial) -> Polynomial { make { fmpq_poly_neg($0, a.pointer) } }
    public static func * (c: Rational, p: Polynomial) -> Polynomial { p.scaled(by: c) }
}

extension Polynomial: CustomStringConvertible {
    public var description: String { description(variable: "x") }

    /// Text in sched's input syntax, highest power first: "2*t^3 - t + 1/2".
    public func description(variable: String) -> String {
        if isZero { return "0" }
        var out = ""
        for i in stride(from: degree, through: 0, by: -1) {
            let c = coefficient(i)
            if c.isZero { continue }
            let magnitude = c.magnitude
            if out.isEmpty { out += c.isNegative ? "-" : "" } else { out += c.isNegative ? " - " : " + " }
            let monomial = i == 0 ? "" : (i == 1 ? variable : "\(variable)^\(i)")
            if i == 0 { out += magnitude.description }
            else if magnitude.isOne { out += monomial }
            else { out += "\(magnitude)*\(monomial)" }
        }
        return out
    }
}
