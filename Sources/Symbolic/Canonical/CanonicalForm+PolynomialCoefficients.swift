import Exact

extension CanonicalForm {
    /// The coefficients c₀ … c_d of the numerator read as a polynomial in `variable`,
    /// when every other kernel is free of it (4t² − (8√2 + 9)t + 9√2 + 8 gives
    /// [9√2 + 8, −8√2 − 9, 4]); nil when a kernel depends on the variable (sin t, √t).
    ///
    /// The zeros of such a numerator are bounded (Cauchy: |t| ≤ 1 + max |cₖ/c_d|), which
    /// turns a search on an unbounded domain into a finite one.
    public func numeratorCoefficients(in variable: String) -> [CanonicalForm]? {
        let key = KernelTable.shared.register(.symbol(variable))
        for k in kernels {
            if case .symbol(variable) = k { continue }
            if k.symbols.contains(variable) { return nil }
        }
        return numerator.coefficients(in: key).map { c in
            CanonicalForm(normalizedNumerator: c, denominator: c.ring.one)
        }
    }
}
