import CFlintArb

extension Polynomial {
    /// An enclosure of p(t) for every t in the ball `x`, at `x.precision`.
    ///
    /// The polynomial is stored as an integer polynomial N(x) over one positive common
    /// denominator d (FLINT's fmpq_poly form), so it is evaluated as N(x)/d: the integer
    /// coefficients enter the ball arithmetic exactly, and only one division rounds,
    /// instead of rounding every rational coefficient to binary first.
    ///
    /// Ball evaluation of a polynomial suffers from the dependency problem: the terms
    /// of N(x) are bounded separately, so where they nearly cancel — near a root, or for
    /// expanded forms like (x − 1)¹⁰ near x = 1 — the result is much wider than the true
    /// range of p over the ball. It is still an enclosure. For a tight value, evaluate
    /// at a narrow ball (high precision), or in a better-conditioned form.
    public func evaluate(at x: Ball) -> Ball {
        let numerator = FMPZPolyStorage()
        fmpq_poly_get_numerator(numerator.pointer, pointer)
        let denominator = UnsafeMutablePointer<fmpz>.allocate(capacity: 1)
        fmpz_init(denominator)
        defer { fmpz_clear(denominator); denominator.deallocate() }
        fmpq_poly_get_denominator(denominator, pointer)
        return withExtendedLifetime(numerator) {
            Ball.make(precision: x.precision) { result in
                arb_fmpz_poly_evaluate_arb(result, numerator.pointer, x.pointer, x.precision)
                arb_div_fmpz(result, result, denominator, x.precision)
            }
        }
    }
}
