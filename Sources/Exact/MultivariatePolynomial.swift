import CFlintArb

/// Owns one FLINT `fmpq_mpoly_t` and the ring whose context it was built with.
///
/// The strong `ring` reference is what keeps the FLINT context alive until `deinit`
/// has cleared the polynomial. Never mutated once handed to a `MultivariatePolynomial`.
final class FMPQMPolyStorage: @unchecked Sendable {
    let ring: PolynomialRing
    let pointer: UnsafeMutablePointer<fmpq_mpoly_struct>

    init(ring: PolynomialRing) {
        self.ring = ring
        pointer = .allocate(capacity: 1)
        fmpq_mpoly_init(pointer, ring.context)
    }

    deinit {
        fmpq_mpoly_clear(pointer, ring.context)
        pointer.deallocate()
    }
}

/// A polynomial with rational coefficients in the named variables of a
/// `PolynomialRing`, over FLINT's `fmpq_mpoly`, with value semantics.
///
/// FLINT keeps it as content · (primitive integer polynomial with positive leading
/// coefficient) with the terms sorted by the ring's monomial order, so equal
/// polynomials have equal representations.
///
/// Binary operations need both operands in equal rings (a precondition): convert with
/// `converted(to:)` first. Operations that can blow up on hostile input (`power`,
/// substitution, evaluation, resultants) check budgets and throw
/// `ArithmeticError.tooLarge`; division by a zero polynomial never reaches FLINT.
public struct MultivariatePolynomial: Sendable {
    var storage: FMPQMPolyStorage

    init(storage: FMPQMPolyStorage) { self.storage = storage }

    /// Builds a polynomial of `ring` by running `body` on a fresh zero `fmpq_mpoly`.
    static func make(in ring: PolynomialRing, _ body: (UnsafeMutablePointer<fmpq_mpoly_struct>) -> Void) -> MultivariatePolynomial {
        let s = FMPQMPolyStorage(ring: ring)
        body(s.pointer)
        return MultivariatePolynomial(storage: s)
    }

    var pointer: UnsafeMutablePointer<fmpq_mpoly_struct> { storage.pointer }
    var context: UnsafeMutablePointer<fmpq_mpoly_ctx_struct> { storage.ring.context }

    /// The ring this polynomial belongs to.
    public var ring: PolynomialRing { storage.ring }

    /// One term: coefficient · ∏ xᵢ^exponents[i], exponents in ring order.
    public struct Term: Hashable, Sendable {
        public var coefficient: Rational
        /// One non-negative exponent per ring variable, in ring order.
        public var exponents: [Int]

        public init(coefficient: Rational, exponents: [Int]) {
            self.coefficient = coefficient
            self.exponents = exponents
        }

        /// The total degree Σ exponents.
        public var totalDegree: Int { exponents.reduce(0, +) }
    }

    /// Σ terms in `ring`, like terms added together and zero terms dropped.
    /// Preconditions: each exponent vector has one entry ≥ 0 per ring variable.
    public init(terms: some Sequence<Term>, in ring: PolynomialRing) {
        let s = FMPQMPolyStorage(ring: ring)
        let n = ring.variableCount
        let exponents = UnsafeMutablePointer<UInt>.allocate(capacity: max(n, 1))
        defer { exponents.deallocate() }
        for term in terms where !term.coefficient.isZero {
            precondition(term.exponents.count == n,
                         "a term with \(term.exponents.count) exponents in a ring with \(n) variables")
            for (i, e) in term.exponents.enumerated() {
                precondition(e >= 0, "negative exponent \(e) in a polynomial term")
                exponents[i] = UInt(e)
            }
            term.coefficient.withFMPQ { fmpq_mpoly_push_term_fmpq_ui(s.pointer, $0, exponents, ring.context) }
        }
        fmpq_mpoly_sort_terms(s.pointer, ring.context)
        fmpq_mpoly_combine_like_terms(s.pointer, ring.context)
        storage = s
    }

    /// The constant `value` in `ring`.
    public init(_ value: Rational, in ring: PolynomialRing) { self = ring.constant(value) }

    // MARK: Shape

    public var isZero: Bool { fmpq_mpoly_is_zero(pointer, context) != 0 }
    public var isOne: Bool { fmpq_mpoly_is_one(pointer, context) != 0 }
    /// True for the constants, zero included.
    public var isConstant: Bool { fmpq_mpoly_is_fmpq(pointer, context) != 0 }

    /// The value of a constant polynomial (zero for zero); nil when a variable occurs.
    public var constantValue: Rational? {
        guard isConstant else { return nil }
        return Rational.fromFMPQ { fmpq_mpoly_get_fmpq($0, pointer, context) }
    }

    /// The coefficient of the monomial 1 (the value at the origin).
    public var constantTerm: Rational {
        coefficient(of: [Int](repeating: 0, count: ring.variableCount))
    }

    /// The number of non-zero terms.
    public var termCount: Int { fmpq_mpoly_length(pointer, context) }

    /// The largest total degree of a term; −1 for the zero polynomial.
    public var totalDegree: Int {
        precondition(fmpq_mpoly_total_degree_fits_si(pointer, context) != 0, "total degree exceeds Int")
        return fmpq_mpoly_total_degree_si(pointer, context)
    }

    /// The largest exponent of `variable`; 0 when the ring lacks the variable or the
    /// polynomial does not use it, −1 for the zero polynomial.
    public func degree(in variable: String) -> Int {
        if isZero { return -1 }
        guard let i = ring.index(of: variable) else { return 0 }
        precondition(fmpq_mpoly_degrees_fit_si(pointer, context) != 0, "degree exceeds Int")
        return fmpq_mpoly_degree_si(pointer, i, context)
    }

    /// The degree in each ring variable, in ring order (all −1 for zero).
    public var degrees: [Int] {
        let n = ring.variableCount
        if n == 0 { return [] }
        precondition(fmpq_mpoly_degrees_fit_si(pointer, context) != 0, "degree exceeds Int")
        return [Int](unsafeUninitializedCapacity: n) { buffer, count in
            fmpq_mpoly_degrees_si(buffer.baseAddress, pointer, context)
            count = n
        }
    }

    /// The variables that occur with a positive exponent, in ring order.
    public var usedVariables: [String] {
        let n = ring.variableCount
        if n == 0 { return [] }
        var used = [Int32](repeating: 0, count: n)
        used.withUnsafeMutableBufferPointer { fmpq_mpoly_used_vars($0.baseAddress, pointer, context) }
        return (0..<n).filter { used[$0] != 0 }.map { ring.variables[$0] }
    }

    /// True when the polynomial uses `variable`.
    public func uses(_ variable: String) -> Bool { degree(in: variable) > 0 }

    // MARK: Terms

    /// The terms, largest first in the ring's monomial order. A random-access view
    /// that reads each term from FLINT on demand.
    public var terms: Terms { Terms(polynomial: self) }

    /// The non-zero terms of a polynomial, largest first in the ring's monomial order.
    public struct Terms: RandomAccessCollection, Sendable {
        let polynomial: MultivariatePolynomial

        public var startIndex: Int { 0 }
        public var endIndex: Int { polynomial.termCount }

        public subscript(position: Int) -> Term {
            precondition(position >= 0 && position < endIndex, "term index out of range")
            return Term(coefficient: polynomial.coefficient(atTerm: position),
                        exponents: polynomial.exponents(atTerm: position))
        }
    }

    func coefficient(atTerm i: Int) -> Rational {
        Rational.fromFMPQ { fmpq_mpoly_get_term_coeff_fmpq($0, pointer, i, context) }
    }

    func exponents(atTerm i: Int) -> [Int] {
        let n = ring.variableCount
        if n == 0 { return [] }
        precondition(fmpq_mpoly_term_exp_fits_si(pointer, i, context) != 0, "exponent exceeds Int")
        return [Int](unsafeUninitializedCapacity: n) { buffer, count in
            fmpq_mpoly_get_term_exp_si(buffer.baseAddress, pointer, i, context)
            count = n
        }
    }

    /// The coefficient of ∏ xᵢ^exponents[i] (zero when absent).
    /// Preconditions: one exponent ≥ 0 per ring variable.
    public func coefficient(of exponents: [Int]) -> Rational {
        let n = ring.variableCount
        precondition(exponents.count == n, "\(exponents.count) exponents in a ring with \(n) variables")
        precondition(exponents.allSatisfy { $0 >= 0 }, "negative exponent")
        let vector = exponents.map { UInt($0) } + [0]
        return vector.withUnsafeBufferPointer { e in
            Rational.fromFMPQ { fmpq_mpoly_get_coeff_fmpq_ui($0, pointer, e.baseAddress, context) }
        }
    }

    /// The coefficient of variable^exponent when the polynomial is read as a
    /// polynomial in `variable` with coefficients in the other variables: for
    /// p = 3·x²·y + x² − y, `p.coefficient(of: "x", degree: 2)` is 3·y + 1.
    public func coefficient(of variable: String, degree exponent: Int) -> MultivariatePolynomial {
        precondition(exponent >= 0, "negative exponent")
        guard let i = ring.index(of: variable) else { return exponent == 0 ? self : ring.zero }
        var vars = [i]
        var exps = [UInt(exponent)]
        return MultivariatePolynomial.make(in: ring) { out in
            fmpq_mpoly_get_coeff_vars_ui(out, pointer, &vars, &exps, 1, context)
        }
    }

    /// The coefficients c₀, c₁, …, c_d of p = Σ cₖ·variable^k, each free of
    /// `variable`; empty for the zero polynomial.
    public func coefficients(in variable: String) -> [MultivariatePolynomial] {
        let d = degree(in: variable)
        if d < 0 { return [] }
        return (0...d).map { coefficient(of: variable, degree: $0) }
    }

    /// The largest term in the ring's monomial order. Precondition: not zero.
    public var leadingTerm: Term {
        precondition(!isZero, "leading term of the zero polynomial")
        return terms[0]
    }

    /// The coefficient of the largest term in the ring's monomial order (zero for the
    /// zero polynomial).
    public var leadingCoefficient: Rational { isZero ? .zero : coefficient(atTerm: 0) }
}

extension MultivariatePolynomial: Equatable, Hashable {
    /// Equal rings and equal polynomials. Polynomials of different rings are never
    /// equal, even when they print alike; convert them to one ring to compare values.
    public static func == (a: MultivariatePolynomial, b: MultivariatePolynomial) -> Bool {
        guard a.ring == b.ring else { return false }
        if a.storage === b.storage { return true }
        return fmpq_mpoly_equal(a.pointer, b.pointer, a.context) != 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ring)
        hasher.combine(termCount)
        for term in terms { hasher.combine(term) }
    }
}
