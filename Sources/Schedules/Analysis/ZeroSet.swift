import Exact
import Symbolic

/// One zero of a quantity on the time domain.
public struct ZeroPoint: Sendable, Equatable {
    public enum Location: Sendable, Equatable {
        /// Exactly this value, verified by exact evaluation (`1/2`, `1`, `pi/4`).
        case exact(CanonicalForm)
        /// The only zero in the open interval (lower, upper) with rational ends; the
        /// minimal polynomial when the zero is algebraic and it is known.
        case enclosure(lower: Rational, upper: Rational, minimalPolynomial: Polynomial?)
    }

    public let location: Location
    /// The order of the zero, when known.
    public var multiplicity: Int?
    /// A decimal approximation (17 significant digits).
    public var approximation: String

    /// A rational at (or, for an irrational exact zero, within 2⁻¹²⁸ of) the zero,
    /// for sorting; computed once, since the exact case needs a ball evaluation.
    let sortKey: Rational

    public init(location: Location, multiplicity: Int?, approximation: String) {
        self.location = location
        self.multiplicity = multiplicity
        self.approximation = approximation
        switch location {
        case .exact(let f):
            sortKey = f.rationalValue ?? f.ball(at: [:], precision: 256).midpoint ?? .zero
        case .enclosure(let lower, _, _):
            sortKey = lower
        }
    }
}

extension ZeroPoint {
    /// `t = 1/2`, or `t ≈ 0.70710678118654752 (in (1/2, 1))` for an enclosure.
    public func text(variable: String) -> String {
        switch location {
        case .exact(let f): return "\(variable) = \(printASCII(f.expression))"
        case .enclosure(let l, let u, _): return "\(variable) ≈ \(approximation) (in (\(l), \(u)))"
        }
    }
}

/// The zero set of a quantity on the domain: identically zero, or a list of points,
/// with `complete` true only when it is proven that there are no others.
public struct ZeroSet: Sendable, Equatable {
    public var identicallyZero: Bool
    public var complete: Bool
    public var points: [ZeroPoint]
    /// Why the set is incomplete (or how it was obtained).
    public var note: String?
    /// Zeros of the canonical form left out because the expression as written is
    /// undefined there, each with its reason (and limit, when known).
    public var excluded: [String] = []

    public init(identicallyZero: Bool, complete: Bool, points: [ZeroPoint], note: String?) {
        self.identicallyZero = identicallyZero
        self.complete = complete
        self.points = points
        self.note = note
    }

    public static let identically = ZeroSet(identicallyZero: true, complete: true, points: [], note: nil)

    public static func incomplete(_ reason: String, points: [ZeroPoint] = []) -> ZeroSet {
        ZeroSet(identicallyZero: false, complete: false, points: points, note: reason)
    }
}

/// The time domain with exact (possibly irrational: π/2) or infinite ends.
public struct AnalysisDomain: Sendable {
    public var variable: String
    public var lower: CanonicalForm?
    public var upper: CanonicalForm?
    public var lowerClosed: Bool
    public var upperClosed: Bool

    public init(variable: String, lower: CanonicalForm?, upper: CanonicalForm?, lowerClosed: Bool, upperClosed: Bool) {
        self.variable = variable
        self.lower = lower
        self.upper = upper
        self.lowerClosed = lowerClosed
        self.upperClosed = upperClosed
    }

    /// [0, 1]
    public static func unit(_ variable: String = "t") -> AnalysisDomain {
        AnalysisDomain(variable: variable, lower: .zero, upper: .one, lowerClosed: true, upperClosed: true)
    }

    /// A rational point strictly inside the domain, where a function without zeros
    /// or poles on it shows its sign: the midpoint of finite ends, one past a finite
    /// lower end; nil when the ends cannot be separated.
    var interiorPoint: Rational? {
        let l = lower?.ball(at: [:], precision: 128).upperBound
        let u = upper?.ball(at: [:], precision: 128).lowerBound
        switch (l, u) {
        case (let l?, let u?): return l < u ? (l + u).timesPowerOfTwo(-1) : nil
        case (let l?, nil): return l + 1
        case (nil, let u?): return u - 1
        default: return .zero
        }
    }

    /// The interval with rational ends when both ends are rational (or infinite).
    var rationalInterval: RealInterval? {
        func bound(_ f: CanonicalForm?, closed: Bool) -> RealInterval.Bound? {
            guard let f else { return .infinite }
            guard let r = f.rationalValue else { return nil }
            return .finite(r, closed: closed)
        }
        guard let l = bound(lower, closed: lowerClosed), let u = bound(upper, closed: upperClosed) else { return nil }
        return RealInterval(lower: l, upper: u)
    }
}
