import CFlintArb

// Evaluation and substitution. All exact; each checks a size budget first, so a
// hostile point (a huge rational raised to a huge degree) throws
// `ArithmeticError.tooLarge` instead of exhausting memory.

extension MultivariatePolynomial {
    /// The exact value at the point with coordinates `values` (one per ring variable,
    /// in ring order). Throws `tooLarge` when the value could need more than
    /// `ExactBudget.maximumBits` bits.
    public func evaluate(at values: [Rational]) throws(ArithmeticError) -> Rational {
        let ring = self.ring
        precondition(values.count == ring.variableCount,
                     "\(values.count) values for a ring with \(ring.variableCount) variables")
        if isConstant { return constantValue! }
        // |value| and its denominator are bounded through Σ degᵢ·size(vᵢ) plus the size
        // of the coefficients and the number of terms.
        var bits = coefficientHeightBits + content.bitSize + (Int.bitWidth - termCount.leadingZeroBitCount)
        for (d, v) in zip(degrees, values) where d > 0 {
            bits = bits.saturatingAdded(d.saturatingMultiplied(by: v.bitSize))
        }
        guard bits <= ExactBudget.maximumBits else {
            throw .tooLarge("a polynomial value of about \(bits) bits")
        }
        let n = values.count
        let points = UnsafeMutablePointer<fmpq>.allocate(capacity: n)
        for i in 0..<n {
            fmpq_init(points + i)
            fmpq_set_mpq(points + i, values[i].pointer)
        }
        defer {
            for i in 0..<n { fmpq_clear(points + i) }
            points.deallocate()
        }
        let pointers: [UnsafeMutablePointer<fmpq>?] = (0..<n).map { points + $0 }
        var ok: Int32 = 0
        let value = Rational.fromFMPQ { ok = fmpq_mpoly_evaluate_all_fmpq($0, pointer, pointers, ring.context) }
        guard ok != 0 else { throw .tooLarge("a polynomial value") }
        return value
    }

    /// The exact value when each variable named in `assignment` takes the given value.
    /// Precondition: every variable the polynomial uses is assigned (names outside
    /// the ring and unused variables are ignored).
    public func evaluate(at assignment: [String: Rational]) throws(ArithmeticError) -> Rational {
        let used = Set(usedVariables)
        let values = ring.variables.map { name -> Rational in
            if let v = assignment[name] { return v }
            precondition(!used.contains(name), "no value for the variable '\(name)'")
            return .zero
        }
        return try evaluate(at: values)
    }

    /// self with `variable` replaced by the rational `value`; the result no longer uses
    /// the variable (it stays in the ring). A variable outside the ring leaves self
    /// unchanged.
    public func substituting(_ variable: String, with value: Rational) throws(ArithmeticError) -> MultivariatePolynomial {
        guard let i = ring.index(of: variable) else { return self }
        let d = degree(in: variable)
        if d <= 0 { return self }
        let bits = (coefficientHeightBits + content.bitSize).saturatingAdded(d.saturatingMultiplied(by: value.bitSize))
        guard bits <= ExactBudget.maximumBits else {
            throw .tooLarge("substituting a value of \(value.bitSize) bits into degree \(d)")
        }
        let ring = self.ring
        var ok: Int32 = 0
        let result = value.withFMPQ { q in
            MultivariatePolynomial.make(in: ring) { ok = fmpq_mpoly_evaluate_one_fmpq($0, pointer, i, q, ring.context) }
        }
        guard ok != 0 else { throw .tooLarge("substituting into a polynomial") }
        return result
    }

    /// self with `variable` replaced by the polynomial `replacement` of the same ring
    /// (composition). A variable outside the ring leaves self unchanged.
    public func substituting(_ variable: String, with replacement: MultivariatePolynomial) throws(ArithmeticError) -> MultivariatePolynomial {
        try substituting([variable: replacement])
    }

    /// self with each variable named in `replacements` replaced by its polynomial, all
    /// at once (so x → y, y → x swaps them). Precondition: the replacements belong to
    /// the ring of self. Throws `tooLarge` when a replacement raised to the degree of
    /// its variable would pass the `power(_:)` budgets, or the total degree would pass
    /// `PolynomialBudget.maximumDegree`.
    public func substituting(_ replacements: [String: MultivariatePolynomial]) throws(ArithmeticError) -> MultivariatePolynomial {
        let ring = self.ring
        var images = ring.generators
        var changed = false
        var largestDegree = 1
        for (name, q) in replacements {
            precondition(q.ring == ring, "a replacement from \(q.ring) for a polynomial of \(ring)")
            guard let i = ring.index(of: name) else { continue }
            let d = degree(in: name)
            guard d > 0 else { continue }
            try q.checkPowerBudget(d)
            largestDegree = Swift.max(largestDegree, q.totalDegree)
            images[i] = q
            changed = true
        }
        guard changed else { return self }
        let bound = totalDegree.saturatingMultiplied(by: largestDegree)
        guard largestDegree <= 1 || bound <= PolynomialBudget.maximumDegree else {
            throw .tooLarge("a substitution of total degree up to \(bound)")
        }
        var ok: Int32 = 0
        let result = withExtendedLifetime(images) {
            var pointers: [UnsafeMutablePointer<fmpq_mpoly_struct>?] = images.map { $0.pointer }
            return MultivariatePolynomial.make(in: ring) { out in
                ok = fmpq_mpoly_compose_fmpq_mpoly(out, pointer, &pointers, ring.context, ring.context)
            }
        }
        guard ok != 0 else { throw .tooLarge("a polynomial substitution") }
        return result
    }
}

extension Int {
    /// self + other, or Int.max on overflow (both ≥ 0).
    func saturatingAdded(_ other: Int) -> Int {
        let (s, overflow) = addingReportingOverflow(other)
        return overflow ? .max : s
    }
}
