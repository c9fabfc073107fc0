import Exact
import Symbolic

/// The sign of a function f of the time, piece by piece along the domain.
///
/// The marks are f's certified zeros and its cut points, sorted along the domain:
/// points where f is undefined (poles, zeros of log arguments, and any the caller
/// gives) and boundaries (zeros of square-root arguments, where f may be defined on
/// one side only). Between two consecutive marks, or a mark and an end of the
/// domain, lies a piece. Each piece has a rational witness strictly inside it —
/// strictly between the rational brackets of the marks around it, never a midpoint
/// of approximations — so the witness lies in the domain whatever its ends (π/2,
/// ∞), and beyond the last mark of a half-infinite domain too. The sign of f at the
/// witness is +1 or −1 when an Arb ball excludes 0 there, nil otherwise.
///
/// What is proven:
/// - always: f has the recorded sign at each witness and at each boundary point
///   with a sign (a ball that excludes 0, after exact substitution), and f = 0 at each
///   zero (from the zero finder);
/// - when `complete` (f's zero set and the cut set are complete): on each piece f
///   has no zero and no cut, so every denominator and log argument is nonzero and
///   every square-root argument has one sign throughout the piece; f is then
///   continuous wherever it is defined and defined either on the whole piece or
///   nowhere in it — a finite ball at the witness shows the first — and by the
///   intermediate value theorem f has the witness's sign on the whole piece.
/// Nothing is decided from a floating-point value.
public struct SignChart: Sendable {
    /// What a mark is.
    public enum Kind: Sendable, Equatable {
        /// f = 0 there.
        case zero
        /// f is undefined there (a pole, a zero of a log argument, a given cut).
        case undefined
        /// A zero of a square-root argument: f may be defined on one side only.
        case boundary
    }

    /// A mark of the chart.
    public struct Point: Sendable, Equatable {
        public var point: ZeroPoint
        public var kind: Kind
        /// 0 for a zero; ±1 for a boundary where f's sign is certified; else nil.
        public var sign: Int?
    }

    /// The open stretch of the domain between two consecutive marks (or ends).
    public struct Piece: Sendable, Equatable {
        /// The index in `points` of the mark below, nil for the domain's lower end.
        public var below: Int?
        /// The index in `points` of the mark above, nil for the domain's upper end.
        public var above: Int?
        /// A rational strictly inside the piece (so inside the domain); nil when the
        /// marks around it could not be separated.
        public var witness: Rational?
        /// f's sign at the witness: ±1 certified by a ball, 0 when f ≡ 0, else nil.
        public var sign: Int?
    }

    /// Where f has a sign, as evidence.
    public enum Witness: Sendable, Equatable {
        /// f has this sign at this rational of the domain.
        case rational(Rational, sign: Int)
        /// f has this sign (0: a zero) at this point of the domain.
        case point(ZeroPoint, sign: Int)
    }

    /// A three-valued answer with its evidence.
    public enum Answer: Sendable, Equatable {
        /// Proven; with a witness when the statement is "somewhere".
        case proven(Witness?)
        /// Refuted; with a witness when the refutation is at a point.
        case refuted(Witness?)
        /// Neither could be shown, and why.
        case unknown(String)
    }

    public let variable: String
    public let points: [Point]
    public let pieces: [Piece]
    public let identicallyZero: Bool
    /// True when f's zero set and the cut set are complete (see the type's comment).
    public let complete: Bool
    /// Why the chart is incomplete, or which marks could not be separated.
    public let note: String?

    /// The chart of f on `domain` from f's zero set there and the cut points:
    /// `undefined` (f has no value there) and `boundaries` (zeros of square-root
    /// arguments). `cutsComplete` says whether the caller's cuts are all of them;
    /// marks outside the domain must not be given.
    public init(function f: CanonicalForm, domain: AnalysisDomain, zeros: ZeroSet,
                undefined: [ZeroPoint] = [], boundaries: [ZeroPoint] = [], cutsComplete: Bool = true, note: String? = nil) {
        variable = domain.variable
        identicallyZero = zeros.identicallyZero
        complete = zeros.complete && cutsComplete
        var notes = [zeros.note, note].compactMap { $0 }   // `note` is the parameter here
        var marks = Self.marks(f, domain, zeros: identicallyZero ? [] : zeros.points, undefined: undefined, boundaries: boundaries)
        let ends = Self.endBrackets(domain)
        var inseparable = false
        Self.sort(&marks)
        var built: [Piece] = []
        // The sequence lower end, marks…, upper end; a piece between each consecutive two,
        // except where a mark is the end itself.
        let count = marks.count
        for k in 0...count {
            let below = k == 0 ? nil : k - 1, above = k == count ? nil : k
            if below == nil, let a = above, marks[a].atLowerEnd { continue }
            if above == nil, let b = below, marks[b].atUpperEnd { continue }
            let lowerBound = below.map { Bound(marks[$0].bracket) } ?? ends.lower
            let upperBound = above.map { Bound(marks[$0].bracket) } ?? ends.upper
            var witness: Rational?
            switch (lowerBound, upperBound) {
            case (.infinite, .infinite): witness = .zero
            case (.bracket(let l), .infinite): witness = Rational.simplest(above: l.upper, below: nil)
            case (.infinite, .bracket(let u)): witness = Rational.simplest(above: nil, below: u.lower)
            case (.bracket(var l), .bracket(var u)):
                if PointBracket.separate(&l, &u) == true {
                    witness = Rational.simplest(above: l.upper, below: u.lower)
                } else {
                    inseparable = true
                }
            default:
                inseparable = true
            }
            let sign: Int? = witness.flatMap { w in zeros.identicallyZero ? 0 : Self.sign(of: f, domain.variable, at: w) }
            built.append(Piece(below: below, above: above, witness: witness, sign: sign))
        }
        if inseparable { notes.append("two marks could not be separated, so a piece between them has no witness") }
        points = marks.map { Point(point: $0.point, kind: $0.kind, sign: $0.sign) }
        pieces = built
        self.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// The chart of f on `domain` with its cut points found here: the zeros of f's
    /// denominators and log arguments (undefined) and of its square-root arguments
    /// (boundaries), at every depth, plus the caller's `undefinedAt` points. `zeros` is
    /// f's zero set when already known.
    public static func of(_ f: CanonicalForm, on domain: AnalysisDomain, finder: ZeroFinder,
                          zeros: ZeroSet? = nil, undefinedAt extra: ZeroSet? = nil) -> SignChart {
        let z = zeros ?? finder.zeros(of: f, on: domain)
        var undefined: [ZeroPoint] = extra?.points ?? []
        var boundaries: [ZeroPoint] = []
        var notes: [String] = []
        var cutsComplete = extra.map { $0.complete && !$0.identicallyZero } ?? true
        if let n = extra?.note, !(extra?.complete ?? true) { notes.append(n) }
        for (form, isBoundary) in criticalForms(of: f) {
            let cuts = finder.zeros(of: form, on: domain)
            if cuts.identicallyZero {
                cutsComplete = false
                notes.append("\(printASCII(form.expression)) vanishes identically")
                continue
            }
            if !cuts.complete { cutsComplete = false; if let n = cuts.note { notes.append(n) } }
            if isBoundary { boundaries += cuts.points } else { undefined += cuts.points }
        }
        return SignChart(function: f, domain: domain, zeros: z, undefined: undefined, boundaries: boundaries,
                         cutsComplete: cutsComplete, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// The forms whose zeros can break f's continuity: denominators and log
    /// arguments (false) and square-root arguments (true), from every level.
    static func criticalForms(of f: CanonicalForm) -> [(CanonicalForm, isBoundary: Bool)] {
        Definedness.structural(of: f).conditions.compactMap { condition in
            let g = condition.function
            guard !g.symbols.isEmpty || g.isZero else { return nil }
            return (g, !condition.excludesZeros)
        }
    }

    // MARK: Queries

    /// The pieces where f is certified negative.
    public var negativePieces: [Piece] { pieces.filter { $0.sign == -1 } }

    /// f > 0 at every point of the domain.
    public var positiveEverywhere: Answer { hasSignEverywhere(1) }
    /// f < 0 at every point of the domain.
    public var negativeEverywhere: Answer { hasSignEverywhere(-1) }
    /// f < 0 at some point of the domain (proven with the witness), or f ≥ 0 wherever
    /// it is defined on the domain (refuted).
    public var somewhereNegative: Answer { hasSignSomewhere(-1) }

    /// f has sign `s` (±1) at every point of the domain: refuted by a zero or a
    /// witness of the other sign; unknown where f is undefined at a point, or the
    /// chart is incomplete or undecided.
    public func hasSignEverywhere(_ s: Int) -> Answer {
        if identicallyZero { return .refuted(pieces.first?.witness.map { .rational($0, sign: 0) }) }
        if let z = points.first(where: { $0.kind == .zero }) { return .refuted(.point(z.point, sign: 0)) }
        if let p = pieces.first(where: { $0.sign == -s }), let w = p.witness { return .refuted(.rational(w, sign: -s)) }
        if let b = points.first(where: { $0.kind == .boundary && $0.sign == -s }) { return .refuted(.point(b.point, sign: -s)) }
        if let u = points.first(where: { $0.kind == .undefined }) {
            return .unknown("it is undefined at \(variable) ≈ \(u.point.approximation)")
        }
        guard complete else { return .unknown("its zeros or cut points are incomplete: \(note ?? "")") }
        if let p = pieces.first(where: { $0.sign == nil }) { return .unknown(undecided(p)) }
        if let b = points.first(where: { $0.kind == .boundary && $0.sign == nil }) {
            return .unknown("its sign at \(variable) ≈ \(b.point.approximation) could not be decided")
        }
        if pieces.count == 1, let w = pieces[0].witness { return .proven(.rational(w, sign: s)) }
        return .proven(nil)
    }

    /// f has sign `s` (±1) at some point of the domain: proven with the witness;
    /// refuted when the chart is complete and every piece and boundary has the other
    /// sign (or f ≡ 0).
    public func hasSignSomewhere(_ s: Int) -> Answer {
        if let p = pieces.first(where: { $0.sign == s }), let w = p.witness { return .proven(.rational(w, sign: s)) }
        if let b = points.first(where: { $0.kind == .boundary && $0.sign == s }) { return .proven(.point(b.point, sign: s)) }
        if identicallyZero { return .refuted(nil) }
        guard complete else { return .unknown("its zeros or cut points are incomplete: \(note ?? "")") }
        if let p = pieces.first(where: { $0.sign == nil }) { return .unknown(undecided(p)) }
        if let b = points.first(where: { $0.kind == .boundary && $0.sign == nil }) {
            return .unknown("its sign at \(variable) ≈ \(b.point.approximation) could not be decided")
        }
        return .refuted(nil)
    }

    /// Whether f changes sign at the mark `index` (a zero inside the domain): proven
    /// when the pieces on both sides have opposite signs (complete chart) or the zero
    /// has odd order; refuted when they have the same sign, the order is even, or the
    /// mark is an end of the domain (there is no other side).
    public func changesSign(at index: Int) -> Answer {
        guard points.indices.contains(index), points[index].kind == .zero else {
            return .unknown("not a zero of the function")
        }
        guard let left = pieces.first(where: { $0.above == index }), let right = pieces.first(where: { $0.below == index }) else {
            return .refuted(nil)   // at an end of the domain
        }
        if complete, let a = left.sign, let b = right.sign, a != 0, b != 0 {
            return a != b ? .proven(nil) : .refuted(nil)
        }
        if let m = points[index].point.multiplicity {
            return m % 2 == 1 ? .proven(nil) : .refuted(nil)
        }
        return .unknown("the order of the zero is unknown and the signs on both sides are not both certified")
    }

    func undecided(_ p: Piece) -> String {
        guard let w = p.witness else { return "two marks could not be separated" }
        return "its sign at \(variable) = \(w) could not be decided"
    }

    // MARK: Construction

    struct Mark {
        var point: ZeroPoint
        var kind: Kind
        var sign: Int?
        var bracket: PointBracket?
        var atLowerEnd: Bool
        var atUpperEnd: Bool
    }

    /// The marks, with a zero that is also undefined counted as undefined, and a
    /// boundary that is also a zero counted as a zero.
    static func marks(_ f: CanonicalForm, _ domain: AnalysisDomain, zeros: [ZeroPoint], undefined: [ZeroPoint], boundaries: [ZeroPoint]) -> [Mark] {
        var out: [Mark] = []
        func sameExact(_ a: ZeroPoint, _ b: ZeroPoint) -> Bool {
            guard case .exact(let x) = a.location, case .exact(let y) = b.location else { return a == b }
            return x == y
        }
        func add(_ p: ZeroPoint, _ kind: Kind) {
            if let i = out.firstIndex(where: { sameExact($0.point, p) }) {
                if kind == .undefined { out[i].kind = .undefined; out[i].sign = nil }
                return
            }
            var m = Mark(point: p, kind: kind, sign: kind == .zero ? 0 : nil, bracket: PointBracket(p),
                         atLowerEnd: isEnd(p, domain.lower), atUpperEnd: isEnd(p, domain.upper))
            if kind == .boundary, case .exact(let x) = p.location {
                m.sign = exactSign(f, domain.variable, at: x)
                if m.sign == 0 { m.kind = .zero }
            }
            out.append(m)
        }
        for p in undefined { add(p, .undefined) }
        for p in zeros { add(p, .zero) }
        for p in boundaries { add(p, .boundary) }
        return out
    }

    /// Sorted along the domain by their brackets, narrowed until neighbours are
    /// disjoint where they can be (the pieces record the pairs that cannot).
    static func sort(_ marks: inout [Mark]) {
        marks.sort { $0.point.sortKey < $1.point.sortKey }
        guard marks.count > 1 else { return }
        for _ in 0..<marks.count {
            var swapped = false
            for i in 0..<(marks.count - 1) {
                guard var a = marks[i].bracket, var b = marks[i + 1].bracket else { continue }
                let order = PointBracket.separate(&a, &b)
                marks[i].bracket = a; marks[i + 1].bracket = b
                if order == false { marks.swapAt(i, i + 1); swapped = true }
            }
            if !swapped { break }
        }
    }

    /// One side of a piece: an infinite end, or a mark or finite end with its bracket
    /// (unenclosed: a closed form whose ball is not finite).
    enum Bound {
        case infinite
        case bracket(PointBracket)
        case unenclosed

        init(_ bracket: PointBracket?) { self = bracket.map { .bracket($0) } ?? .unenclosed }
    }

    /// The bounds of the domain's ends.
    static func endBrackets(_ d: AnalysisDomain) -> (lower: Bound, upper: Bound) {
        func bound(_ end: CanonicalForm?) -> Bound { end.map { Bound(PointBracket(exact: $0)) } ?? .infinite }
        return (bound(d.lower), bound(d.upper))
    }

    static func isEnd(_ p: ZeroPoint, _ end: CanonicalForm?) -> Bool {
        guard let end, case .exact(let x) = p.location else { return false }
        if x == end { return true }
        guard let d = try? x - end else { return false }
        return d.isZero || ZeroTest().test(d).isProvenZero
    }

    /// The sign of f at a rational, when a finite ball excludes 0.
    static func sign(of f: CanonicalForm, _ t: String, at x: Rational) -> Int? {
        for precision in [128, 512, 2048] {
            let b = f.ball(at: [t: x], precision: precision)
            if b.isCertainlyPositive { return 1 }
            if b.isCertainlyNegative { return -1 }
        }
        return nil
    }

    /// The sign of f at an exact point, from its exact value there.
    static func exactSign(_ f: CanonicalForm, _ t: String, at x: CanonicalForm) -> Int? {
        guard let v = try? f.substituting([t: x]) else { return nil }
        return ConstantSign.sign(v)
    }
}
