import Exact
import Symbolic

/// The sign of a function of time on the whole domain, proven or refused: what the
/// data variance (> 0) and the argument of an application (inside the domain) need.
public enum SignOnDomain: Sendable, Equatable {
    /// 0 at every point of the domain.
    case identicallyZero
    /// Undefined at a point of the domain (a pole, the logarithm of 0, …).
    case undefined(ZeroPoint)
    /// A zero strictly inside the domain; the sign on either side is not decided.
    case zeroInside(ZeroPoint)
    /// Positive on the whole domain except at `zeros`, which are ends of the domain.
    case positive(exceptAt: [ZeroPoint])
    /// No zero on the domain, and negative at this time.
    case negative(at: Rational)
    /// Not decided, and why.
    case unknown(String)
}

extension ZeroFinder {
    /// The sign of `f` (a function of the domain's variable alone) on `domain`: its
    /// zero set must be complete, it must be defined everywhere there, and then a
    /// rigorous ball at one interior point gives the sign everywhere between zeros
    /// at the ends (continuity). Nothing is concluded from floating point.
    public func sign(of f: CanonicalForm, on domain: AnalysisDomain) -> SignOnDomain {
        let zeros = zeros(of: f, on: domain)
        if zeros.identicallyZero { return .identicallyZero }
        guard zeros.complete else { return .unknown(zeros.note ?? "its zero set is incomplete") }
        let undefined = DefinednessChart(.structural(of: f), on: domain) { self.zeros(of: $0, on: domain) }.undefinedSet
        if let point = undefined.points.first { return .undefined(point) }
        if let interval = undefined.intervals.first, case .point(let point) = interval.lower { return .undefined(point) }
        if !undefined.intervals.isEmpty { return .unknown("it is undefined on part of the domain") }
        guard undefined.complete else { return .unknown(undefined.note ?? "its undefined points could not be located") }
        let atEnds = zeros.points.filter { point in
            guard case .exact(let x) = point.location else { return false }
            return x == domain.lower || x == domain.upper
        }
        if let inside = zeros.points.first(where: { !atEnds.contains($0) }) { return .zeroInside(inside) }
        guard let sample = domain.interiorPoint else { return .unknown("the domain has no interior point") }
        let value = f.ball(at: [domain.variable: sample], precision: 256)
        if value.isCertainlyPositive { return .positive(exceptAt: atEnds) }
        if value.isCertainlyNegative { return .negative(at: sample) }
        return .unknown("its sign at \(domain.variable) = \(sample) is undecided")
    }
}
