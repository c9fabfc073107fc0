import CFlintArb

/// The Sturm sequence p₀ = p, p₁ = p′, pᵢ₊₁ = −rem(pᵢ₋₁, pᵢ) of a polynomial.
///
/// Sturm's theorem: for a < b with p(a), p(b) ≠ 0 the number of *distinct* real roots
/// of p in (a, b) is V(a) − V(b), V(x) being the number of sign changes in the
/// sequence evaluated at x. It is independent of the Descartes bisection that
/// `RealRootIsolator` uses, which makes it the cross-check of every isolating
/// interval. Exact, but its rational coefficients grow quickly: meant for checking,
/// not for high degrees.
public struct SturmSequence: Sendable {
    public let polynomials: [Polynomial]

    /// Precondition: `p` is not zero.
    public init(_ p: Polynomial) {
        precondition(!p.isZero, "Sturm sequence of the zero polynomial")
        var seq = [p, p.derivative]
        while let last = seq.last, !last.isZero, last.degree > 0 {
            let r = try! seq[seq.count - 2].quotientAndRemainder(dividingBy: last).remainder
            if r.isZero { break }
            // Only signs matter, so normalise the size (keep the sign of −r).
            seq.append((-r).scaled(by: r.content.magnitude.isZero ? .one : try! r.content.magnitude.inverse()))
        }
        if seq.last?.isZero == true { seq.removeLast() }
        polynomials = seq
    }

    /// Sign changes of the sequence at a rational point (zeros skipped).
    public func signChanges(at x: Rational) -> Int {
        countChanges(polynomials.map { $0.evaluate(at: x).signum })
    }

    /// Sign changes at +∞ (`positive`) or −∞: the signs of the leading terms.
    public func signChangesAtInfinity(positive: Bool) -> Int {
        countChanges(polynomials.map { p in
            let s = p.leadingCoefficient.signum
            return (positive || p.degree % 2 == 0) ? s : -s
        })
    }

    /// Distinct real roots in the half-open interval (a, b].
    public func countRoots(above a: Rational, upTo b: Rational) -> Int {
        signChanges(at: a) - signChanges(at: b)
    }

    /// Distinct real roots on the whole line.
    public var totalRealRoots: Int {
        signChangesAtInfinity(positive: false) - signChangesAtInfinity(positive: true)
    }

    private func countChanges(_ signs: [Int]) -> Int {
        var count = 0, previous = 0
        for s in signs where s != 0 {
            if previous != 0 && s != previous { count += 1 }
            previous = s
        }
        return count
    }
}
