import Exact
import Symbolic

/// Where two certified points stand relative to each other.
enum PointOrder: Equatable {
    case before, same, after
}

extension ZeroPoint {
    /// The point as an exact form: the exact location, or for a root of a quadratic
    /// minimal polynomial a·t² + b·t + c its closed form (−b ± √(b² − 4ac))/(2a), the
    /// sign chosen by the enclosure. Limits and substitutions need a form; higher
    /// degrees have none here.
    var exactValue: CanonicalForm? {
        switch location {
        case .exact(let f): return f
        case .enclosure(let lower, let upper, let minimal?) where minimal.degree == 2:
            let a = minimal.coefficient(2), b = minimal.coefficient(1), c = minimal.coefficient(0)
            let discriminant = b * b - 4 * a * c
            guard discriminant.isPositive, let root = try? CanonicalForm.sqrt(CanonicalForm(discriminant)) else { return nil }
            for sign in [Rational(1), Rational(-1)] {
                guard let candidate = try? (CanonicalForm(-b) + root.scaled(by: sign)).scaled(by: 1 / (2 * a)) else { continue }
                let ball = candidate.ball(at: [:], precision: 256)
                if let l = ball.lowerBound, let u = ball.upperBound, l > lower, u < upper { return candidate }
            }
            return nil
        default:
            return nil
        }
    }

    /// A closed rational interval that contains the point (the enclosure, or a
    /// 256-bit ball of the exact value).
    var bounds: (lower: Rational, upper: Rational)? {
        switch location {
        case .exact(let f):
            if let r = f.rationalValue { return (r, r) }
            let ball = f.ball(at: [:], precision: 256)
            guard let l = ball.lowerBound, let u = ball.upperBound else { return nil }
            return (l, u)
        case .enclosure(let l, let u, _):
            return (l, u)
        }
    }

    /// The order of two points, proven, or nil when it could not be decided (two
    /// overlapping enclosures of unknown functions). Equal exact forms are the same
    /// point; an exact value equals an algebraic enclosure when it is a root of the
    /// minimal polynomial inside the interval (which holds one root only); enclosures
    /// of the same minimal polynomial are the same root when they overlap.
    func order(relativeTo other: ZeroPoint) -> PointOrder? {
        if case .exact(let a) = location, case .exact(let b) = other.location {
            if a == b { return .same }
            if let difference = try? a - b, ZeroTest().test(difference).isProvenZero { return .same }
        }
        guard let (l1, u1) = bounds, let (l2, u2) = other.bounds else { return nil }
        if u1 < l2 { return .before }
        if u2 < l1 { return .after }
        // Overlapping bounds: decide equality exactly.
        switch (location, other.location) {
        case (.enclosure(_, _, let p?), .enclosure(_, _, let q?)):
            return p.primitivePart == q.primitivePart || p.primitivePart == -q.primitivePart ? .same : separated(from: other)
        case (.exact(let f), .enclosure(_, _, let p?)), (.enclosure(_, _, let p?), .exact(let f)):
            if f.rationalValue != nil { return separated(from: other) }   // irreducible of degree ≥ 2: no rational root
            if Self.isRoot(f, of: p) { return .same }
            return separated(from: other)
        case (.exact, .exact):
            return separated(from: other)
        default:
            return nil
        }
    }

    /// Known distinct points with overlapping bounds: ordered by refinement.
    private func separated(from other: ZeroPoint) -> PointOrder? {
        guard let a = refinedBounds(bits: 160), let b = other.refinedBounds(bits: 160) else { return nil }
        if a.upper < b.lower { return .before }
        if b.upper < a.lower { return .after }
        return nil
    }

    /// Bounds narrowed to width 2^−bits (relative to 1), for separating close points.
    func refinedBounds(bits: Int) -> (lower: Rational, upper: Rational)? {
        switch location {
        case .exact(let f):
            if let r = f.rationalValue { return (r, r) }
            let ball = f.ball(at: [:], precision: bits + 64)
            guard let l = ball.lowerBound, let u = ball.upperBound else { return nil }
            return (l, u)
        case .enclosure(let l, let u, let minimal?):
            guard let roots = try? minimal.realRoots(in: RealInterval(lower: .finite(l, closed: false), upper: .finite(u, closed: false))),
                  roots.count == 1, case .algebraic(let e) = roots[0].value else { return (l, u) }
            let refined = e.refined(bits: bits)
            return (refined.lower, refined.upper)
        case .enclosure(let l, let u, nil):
            return (l, u)
        }
    }

    /// p(f) = 0, proven by the canonical form.
    static func isRoot(_ f: CanonicalForm, of p: Polynomial) -> Bool {
        var value = CanonicalForm.zero
        for (i, c) in p.coefficients.enumerated() where !c.isZero {
            guard let power = try? f.power(i), let sum = try? value + power.scaled(by: c) else { return false }
            value = sum
        }
        return value.isZero || ZeroTest().test(value).isProvenZero
    }
}

extension AnalysisDomain {
    /// Whether a point lies in the domain: true, false, or nil when undecided.
    func contains(_ p: ZeroPoint) -> Bool? {
        for (end, isLower, closed) in [(lower, true, lowerClosed), (upper, false, upperClosed)] {
            guard let end else { continue }
            let endPoint = ZeroPoint(location: .exact(end), multiplicity: nil, approximation: "")
            guard let order = p.order(relativeTo: endPoint) else { return nil }
            switch order {
            case .same: if !closed { return false }
            case .before: if isLower { return false }
            case .after: if !isLower { return false }
            }
        }
        return true
    }
}
