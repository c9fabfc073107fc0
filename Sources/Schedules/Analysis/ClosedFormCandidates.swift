import Exact
import Symbolic

/// Closed forms worth trying inside an enclosure of a zero: the simplest rational in
/// it, and the simplest rational multiple of π. A candidate is only ever *reported*
/// after exact verification (`ZeroFinder.isExactZero`), so a poor guess costs time,
/// never correctness.
enum ClosedFormCandidates {
    /// The rational with the smallest denominator in [lower, upper] (continued
    /// fractions / Stern–Brocot), if that denominator is at most `maximumDenominator`.
    static func simplestRational(in lower: Rational, _ upper: Rational, maximumDenominator: Int = 1_000) -> Rational? {
        guard lower <= upper else { return nil }
        if lower.isNegative && upper.isNegative {
            return simplestRational(in: -upper, -lower, maximumDenominator: maximumDenominator).map { -$0 }
        }
        if !lower.isPositive { return .zero }
        // Both positive: walk the continued fractions of the two ends.
        var (a, b) = (lower, upper)
        var terms: [BigInt] = []
        for _ in 0..<64 {
            let fa = a.floor
            if Rational(fa) == a { terms.append(fa); break }
            if Rational(fa) < a && Rational(fa + .one) <= b { terms.append(fa + .one); break }
            terms.append(fa)
            let ra = a - Rational(fa), rb = b - Rational(fa)
            guard !ra.isZero, !rb.isZero else { break }
            (a, b) = (1 / rb, 1 / ra)
        }
        var value = Rational(terms.last ?? .zero)
        for term in terms.dropLast().reversed() { value = Rational(term) + 1 / value }
        guard value >= lower, value <= upper, value.denominator <= BigInt(maximumDenominator) else { return nil }
        return value
    }

    static func candidates(in lower: Rational, _ upper: Rational) -> [CanonicalForm] {
        var out: [CanonicalForm] = []
        if let r = simplestRational(in: lower, upper) { out.append(CanonicalForm(r)) }
        // q·π with q simplest in [lower/π, upper/π] (π enclosed by rationals).
        let pi = Ball.pi(precision: 256)
        if let pl = pi.lowerBound, let pu = pi.upperBound, pl.isPositive {
            let ql = lower.isNegative ? lower / pl : lower / pu
            let qu = upper.isNegative ? upper / pu : upper / pl
            if let q = simplestRational(in: ql, qu, maximumDenominator: 48), !q.isZero {
                out.append(CanonicalForm.pi.scaled(by: q))
            }
        }
        return out
    }
}
