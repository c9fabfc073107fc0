import Exact
import Symbolic

extension AnalysisDomain {
    /// Fractions of the way across a finite domain, and offsets from the end of a
    /// half-infinite one, at which candidate witnesses are placed.
    static let witnessFractions: [Rational] = [
        Rational(3, 7), Rational(5, 11), Rational(13, 17), Rational(1, 3), Rational(29, 31),
        Rational(2, 9), Rational(5, 13), Rational(7, 8), Rational(1, 2), Rational(1, 10),
    ]
    static let witnessOffsets: [Rational] = [
        Rational(3, 7), Rational(7, 5), Rational(19, 8), Rational(5, 11), Rational(11, 6),
        Rational(13, 17), Rational(1, 3), Rational(29, 31), Rational(5, 2), Rational(10),
    ]

    /// Rationals strictly inside the domain, for searching a witness of a claim that
    /// holds on the domain only: the simplest rational inside first (short evidence),
    /// then fractions of the way between the rational brackets of the ends (inside
    /// even when an end is irrational, like π/2), or offsets past the finite end of a
    /// half-infinite domain. Empty if an end cannot be enclosed.
    public var witnessCandidates: [Rational] {
        func bracket(_ end: CanonicalForm?) -> PointBracket?? { end.map { PointBracket(exact: $0) } }
        let spread: [Rational], simplest: Rational
        switch (bracket(lower), bracket(upper)) {
        case (nil, nil):
            simplest = .zero
            spread = Self.witnessOffsets.flatMap { [$0, -$0] }
        case (let l??, nil):
            simplest = Rational.simplest(above: l.upper, below: nil)
            spread = Self.witnessOffsets.map { l.upper + $0 }
        case (nil, let u??):
            simplest = Rational.simplest(above: nil, below: u.lower)
            spread = Self.witnessOffsets.map { u.lower - $0 }
        case (let l??, let u??):
            let a = l.upper, b = u.lower
            guard a < b else { return [] }
            simplest = Rational.simplest(above: a, below: b)
            spread = Self.witnessFractions.map { a + (b - a) * $0 }
        default:
            return []
        }
        return [simplest] + spread.filter { $0 != simplest }
    }
}

extension UnifiedModel {
    /// The zero test of a form over the time and the parameters, with witnesses of
    /// "nonzero" taken inside the domain and at points where the schedule's
    /// coefficients (and `alsoDefined`) are defined: a refutation of an identity on
    /// the domain. A difference nonzero only outside the domain is unknown here.
    ///
    /// The canonical forms may have values where the schedule as written has none
    /// (√(t − ½)² is t − ½ at t = 0), so candidates are kept only where `definedness`
    /// (by default the coefficients') is proven to hold.
    public func zeroTestOnDomain(_ f: CanonicalForm, alsoDefined: [CanonicalForm] = [], definedness: Definedness? = nil) -> ZeroTestResult {
        let conditions = definedness.map { $0.union(coefficientDefinedness) } ?? coefficientDefinedness
        // The witnesses of the pieces where the conditions hold come first: they are
        // defined by construction, wherever on the domain the schedule lives.
        let chart = chart(conditions)
        let pieces = chart.pieces.filter { $0.status == .defined }.compactMap(\.witness)
        let closedEnds = [domain.lowerClosed ? domain.lower?.rationalValue : nil, domain.upperClosed ? domain.upper?.rationalValue : nil]
            .compactMap { $0 }
        // With parameters, a condition is decided at the whole witness point (time and
        // parameters), by the zero test; a time alone leaves it open.
        let candidates = (pieces + domain.witnessCandidates + closedEnds).filter {
            conditions.holds(at: [time: CanonicalForm($0)], assuming: assumptions) != false
        }
        let result = ZeroTest(assuming: assumptions).test(f, witnesses: [time: candidates],
                                                    alsoDefined: [alpha, sigma, c, d, dataVariance] + alsoDefined,
                                                    definedness: conditions)
        // A nonzero constant is nonzero at every defined point; the evidence still names
        // one, in the domain and proven defined there (a candidate only not proven
        // undefined will not do), so that the claim can be checked there.
        if case .nonzero(var point, let value) = result, point[time] == nil,
           let first = candidates.first(where: { conditions.holds(at: [time: CanonicalForm($0)], assuming: assumptions) == true }) {
            point[time] = first
            return .nonzero(point: point, value: value)
        }
        return result
    }
}
