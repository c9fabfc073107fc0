import CFlintArb

extension PolynomialBudget {
    /// The largest number of terms `MultivariatePolynomial.power` and substitution may
    /// produce, judged by an upper bound on the count before computing.
    public static let maximumTermCount = 1_000_000
    /// The largest size, in coefficient bits over all terms (terms × bits per
    /// coefficient, both bounded before computing), of a power: 2²⁸ bits is 32 MB.
    /// FLINT's power is one call that cannot be interrupted, so its size is its time:
    /// ((1 + t)³⁰⁰ + sin t)³⁰ has 10⁵ terms of 9,000 bits and took 20 s.
    public static let maximumPowerBits = 1 << 28
}

extension MultivariatePolynomial {
    /// Checks that both operands live in equal rings and returns that ring.
    static func commonRing(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> PolynomialRing {
        precondition(a.ring == b.ring, "polynomials of different rings \(a.ring) and \(b.ring); convert them to one ring first")
        return a.ring
    }

    /// Runs a FLINT binary operation `body(out, a, b, ctx)` on operands of one ring.
    static func binary(
        _ a: MultivariatePolynomial, _ b: MultivariatePolynomial,
        _ body: (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_struct>,
                 UnsafePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void
    ) -> MultivariatePolynomial {
        let ring = commonRing(a, b)
        return make(in: ring) { body($0, a.pointer, b.pointer, ring.context) }
    }

    /// Runs a FLINT unary operation `body(out, self, ctx)`.
    func unary(
        _ body: (UnsafeMutablePointer<fmpq_mpoly_struct>, UnsafePointer<fmpq_mpoly_struct>,
                 UnsafePointer<fmpq_mpoly_ctx_struct>) -> Void
    ) -> MultivariatePolynomial {
        let ring = self.ring
        return MultivariatePolynomial.make(in: ring) { body($0, pointer, ring.context) }
    }

    public static func + (a: MultivariatePolynomial, b: MultivariatePolynomial) -> MultivariatePolynomial {
        binary(a, b) { fmpq_mpoly_add($0, $1, $2, $3) }
    }

    public static func - (a: MultivariatePolynomial, b: MultivariatePolynomial) -> MultivariatePolynomial {
        binary(a, b) { fmpq_mpoly_sub($0, $1, $2, $3) }
    }

    public static func * (a: MultivariatePolynomial, b: MultivariatePolynomial) -> MultivariatePolynomial {
        binary(a, b) { fmpq_mpoly_mul($0, $1, $2, $3) }
    }

    public static prefix func - (a: MultivariatePolynomial) -> MultivariatePolynomial {
        a.unary { fmpq_mpoly_neg($0, $1, $2) }
    }

    public static func += (a: inout MultivariatePolynomial, b: MultivariatePolynomial) { a = a + b }
    public static func -= (a: inout MultivariatePolynomial, b: MultivariatePolynomial) { a = a - b }
    public static func *= (a: inout MultivariatePolynomial, b: MultivariatePolynomial) { a = a * b }

    // MARK: Scalars

    /// c · self.
    public func scaled(by c: Rational) -> MultivariatePolynomial {
        c.withFMPQ { q in unary { fmpq_mpoly_scalar_mul_fmpq($0, $1, q, $2) } }
    }

    /// self / c; throws `divisionByZero` when c = 0.
    public func divided(by c: Rational) throws(ArithmeticError) -> MultivariatePolynomial {
        guard !c.isZero else { throw .divisionByZero }
        return c.withFMPQ { q in unary { fmpq_mpoly_scalar_div_fmpq($0, $1, q, $2) } }
    }

    public static func * (c: Rational, p: MultivariatePolynomial) -> MultivariatePolynomial { p.scaled(by: c) }
    public static func * (p: MultivariatePolynomial, c: Rational) -> MultivariatePolynomial { p.scaled(by: c) }

    /// p / c. Precondition: c ≠ 0 (use `divided(by:)` for a thrown error instead).
    public static func / (p: MultivariatePolynomial, c: Rational) -> MultivariatePolynomial {
        precondition(!c.isZero, "MultivariatePolynomial division by zero")
        return try! p.divided(by: c)
    }

    public static func + (p: MultivariatePolynomial, c: Rational) -> MultivariatePolynomial {
        c.withFMPQ { q in p.unary { fmpq_mpoly_add_fmpq($0, $1, q, $2) } }
    }

    public static func + (c: Rational, p: MultivariatePolynomial) -> MultivariatePolynomial { p + c }

    public static func - (p: MultivariatePolynomial, c: Rational) -> MultivariatePolynomial {
        c.withFMPQ { q in p.unary { fmpq_mpoly_sub_fmpq($0, $1, q, $2) } }
    }

    public static func - (c: Rational, p: MultivariatePolynomial) -> MultivariatePolynomial { -(p - c) }

    // MARK: Powers

    /// self^exponent, with 0^0 = 1.
    ///
    /// Throws `invalidNumber` for a negative exponent and `tooLarge` when the result
    /// would pass a budget: total degree past `PolynomialBudget.maximumDegree`, more
    /// than `PolynomialBudget.maximumTermCount` terms (bounded by the number of
    /// multisets of `exponent` terms of self and by the number of monomials within the
    /// degree box), or coefficients past `ExactBudget.maximumBits` bits.
    public func power(_ exponent: Int) throws(ArithmeticError) -> MultivariatePolynomial {
        guard exponent >= 0 else { throw .invalidNumber("negative polynomial exponent \(exponent)") }
        if exponent == 0 { return ring.one }
        if exponent == 1 || isZero || isOne { return self }
        try checkPowerBudget(exponent)
        let ring = self.ring
        var ok: Int32 = 0
        let result = MultivariatePolynomial.make(in: ring) { ok = fmpq_mpoly_pow_ui($0, pointer, UInt(exponent), ring.context) }
        guard ok != 0 else { throw .tooLarge("a polynomial power with exponent \(exponent)") }
        return result
    }

    /// Throws when self^exponent would pass the degree, term-count or coefficient-size
    /// budgets (see `power(_:)`).
    func checkPowerBudget(_ exponent: Int) throws(ArithmeticError) {
        guard exponent > 1, !isZero else { return }
        let (degree, overflow) = totalDegree.multipliedReportingOverflow(by: exponent)
        guard !overflow, degree <= PolynomialBudget.maximumDegree else {
            throw .tooLarge("a polynomial of total degree \(overflow ? Int.max : degree)")
        }
        // Terms: at most C(exponent + t − 1, t − 1) products of t terms, and at most
        // ∏ (exponent·degᵢ + 1) monomials in the degree box.
        let limit = PolynomialBudget.maximumTermCount
        let t = termCount
        let multisets = saturatingBinomial(exponent + t - 1, t - 1, limit: limit)
        let box = degrees.reduce(1) { saturatingProduct($0, exponent.saturatingMultiplied(by: $1).saturatingAdded(1), limit: limit) }
        guard Swift.min(multisets, box) <= limit else {
            throw .tooLarge("a polynomial power with more than \(limit) terms")
        }
        // Coefficients: those of zpoly^n are at most (t·H)^n for height H, and the
        // content is raised to the n-th power.
        let bitsPerFactor = coefficientHeightBits + content.bitSize + (Int.bitWidth - t.leadingZeroBitCount)
        let (bits, bitsOverflow) = bitsPerFactor.multipliedReportingOverflow(by: exponent)
        guard !bitsOverflow, bits <= ExactBudget.maximumBits else {
            throw .tooLarge("a polynomial power with coefficients of about \(bitsOverflow ? Int.max : bits) bits")
        }
        let terms = Swift.min(multisets, box)
        let (total, totalOverflow) = terms.multipliedReportingOverflow(by: bits)
        guard !totalOverflow, total <= PolynomialBudget.maximumPowerBits else {
            throw .tooLarge("a polynomial power of about \(terms) terms with coefficients of about \(bits) bits")
        }
    }

    /// The bit length of the largest coefficient of the primitive integer part.
    var coefficientHeightBits: Int {
        let zpoly = fmpq_mpoly_zpoly_ref(pointer, context)!
        var height = 0
        for i in 0..<termCount { height = Swift.max(height, Int(fmpz_bits(zpoly.pointee.coeffs + i))) }
        return height
    }

    // MARK: Division

    /// True when divisor · q = self for some polynomial q of the ring. Zero divides
    /// only zero.
    public func isDivisible(by divisor: MultivariatePolynomial) -> Bool {
        if divisor.isZero { return isZero && divisor.ring == ring }
        return exactQuotient(dividingBy: divisor) != nil
    }

    /// The polynomial q with divisor · q = self, or nil when there is none — in
    /// particular nil for a zero divisor. Precondition: equal rings.
    public func exactQuotient(dividingBy divisor: MultivariatePolynomial) -> MultivariatePolynomial? {
        let ring = MultivariatePolynomial.commonRing(self, divisor)
        guard !divisor.isZero else { return nil }
        var divisible: Int32 = 0
        let q = MultivariatePolynomial.make(in: ring) { divisible = fmpq_mpoly_divides($0, pointer, divisor.pointer, ring.context) }
        return divisible != 0 ? q : nil
    }

    /// Multivariate division with remainder: self = quotient · divisor + remainder
    /// where no term of the remainder is divisible by the leading monomial of the
    /// divisor. Both parts depend on the ring's monomial order. Throws
    /// `divisionByZero` for a zero divisor.
    public func quotientAndRemainder(dividingBy divisor: MultivariatePolynomial) throws(ArithmeticError) -> (quotient: MultivariatePolynomial, remainder: MultivariatePolynomial) {
        let ring = MultivariatePolynomial.commonRing(self, divisor)
        guard !divisor.isZero else { throw .divisionByZero }
        let q = FMPQMPolyStorage(ring: ring), r = FMPQMPolyStorage(ring: ring)
        fmpq_mpoly_divrem(q.pointer, r.pointer, pointer, divisor.pointer, ring.context)
        return (MultivariatePolynomial(storage: q), MultivariatePolynomial(storage: r))
    }
}

extension Int {
    /// self · other, or Int.max on overflow (both ≥ 0).
    func saturatingMultiplied(by other: Int) -> Int {
        let (p, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : p
    }
}

/// a · b, or any value above `limit` once the product passes it (a, b ≥ 0).
private func saturatingProduct(_ a: Int, _ b: Int, limit: Int) -> Int {
    let p = a.saturatingMultiplied(by: b)
    return p > limit ? limit + 1 : p
}

/// C(n, k) when it is at most `limit`, otherwise `limit + 1`. Each partial product
/// C(n − k + i, i) is an integer, so the running division is exact.
private func saturatingBinomial(_ n: Int, _ k: Int, limit: Int) -> Int {
    if k < 0 || k > n { return 0 }
    let k = Swift.min(k, n - k)
    var c = 1
    for i in stride(from: 1, through: k, by: 1) {
        let (p, overflow) = c.multipliedReportingOverflow(by: n - k + i)
        if overflow { return limit + 1 }
        c = p / i
        if c > limit { return limit + 1 }
    }
    return c
}
