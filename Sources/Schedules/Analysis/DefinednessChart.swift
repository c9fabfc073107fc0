import Exact
import Symbolic

/// Where an expression is defined on a domain, certified: the domain cut at every zero
/// of every definedness condition's function, and each piece and each cut point
/// labelled defined, undefined or unknown.
///
/// Why the cuts suffice: on an open piece between consecutive cuts, no condition
/// function vanishes (their zero sets are complete), so each keeps one sign there —
/// the functions are continuous on the piece, since the points where *they* are
/// undefined are cuts too (their own conditions are in the list). One witness per
/// piece, evaluated with Arb, therefore decides the whole piece. A cut point is decided
/// on its own: undefined when a ≠ 0 or > 0 condition vanishes there, otherwise by the
/// signs of the ≥ 0 and > 0 conditions at the point.
struct DefinednessChart {
    enum Status: Equatable { case defined, undefined, unknown }

    /// A cut point inside the domain (or at a closed end).
    struct Mark {
        var point: ZeroPoint
        var status: Status
    }

    struct Piece {
        /// A rational strictly inside the piece and the domain.
        var witness: Rational?
        var status: Status
    }

    let domain: AnalysisDomain
    /// Interior cut points, in order; `pieces[i]` lies before `marks[i]`.
    private(set) var marks: [Mark] = []
    private(set) var pieces: [Piece] = []
    /// The status of the closed finite ends (nil when open or infinite).
    private(set) var lowerEnd: Status?
    private(set) var upperEnd: Status?
    private(set) var complete = true
    private(set) var notes: [String] = []

    /// The condition index of a cut that may or may not fail its condition.
    static let undecidedCut = -1

    init(_ definedness: Definedness, on domain: AnalysisDomain, positiveParameters: Set<String> = [],
         zeros: (CanonicalForm) -> ZeroSet) {
        self.domain = domain
        let t = domain.variable
        var located: [DefinednessCondition] = []
        var everywhereUndefined = false
        let signs = PositivityByShape(strict: positiveParameters.subtracting([t]), nonnegative: positiveParameters)
        for original in definedness.conditions {
            guard let condition = Self.withoutPositiveFactors(original, time: t, signs) else { continue }
            let g = condition.function
            if !g.symbols.isSubset(of: [t]) {
                complete = false
                notes.append("where \(condition) holds was not decided (it depends on parameters)")
                continue
            }
            located.append(condition)
        }
        // Zeros of every condition, merged into one ordered list of cut points.
        var cuts: [(point: ZeroPoint, zeroOf: Set<Int>)] = []
        // Conditions whose zeros are not all known: at a point they are decided by a
        // ball there, not by absence from the list.
        var incomplete = Set<Int>()
        for (index, condition) in located.enumerated() {
            let z = zeros(condition.function)
            if z.identicallyZero {
                if condition.excludesZeros { everywhereUndefined = true; notes.append("\(condition) fails everywhere") }
                continue
            }
            if !z.complete {
                complete = false
                incomplete.insert(index)
                notes.append("the zeros of \(printASCII(condition.function.expression)) are not all located\(z.note.map { ": \($0)" } ?? "")")
            }
            var points = z.points
            if case .notBothZero(_, let g) = condition {
                // Only the common zeros fail the condition.
                let other = zeros(g)
                if !other.complete {
                    complete = false
                    incomplete.insert(index)
                    notes.append("the zeros of \(printASCII(g.expression)) are not all located")
                }
                if !other.identicallyZero {
                    var common: [ZeroPoint] = []
                    for p in points {
                        let orders = other.points.map { p.order(relativeTo: $0) }
                        if orders.contains(.same) {
                            common.append(p)
                        } else if orders.contains(where: { $0 == nil }) {
                            // Maybe a common zero (two enclosures of one root, not proven
                            // equal): a cut whose status is unknown, never a defined point.
                            complete = false
                            Self.insert(p, from: Self.undecidedCut, into: &cuts, complete: &complete)
                        }
                    }
                    points = common
                }
            }
            for p in points { Self.insert(p, from: index, into: &cuts, complete: &complete) }
        }
        // Cut points at the ends belong to the ends.
        var lowerZeroOf = Set<Int>(), upperZeroOf = Set<Int>()
        cuts.removeAll { cut in
            for (end, isLower) in [(domain.lower, true), (domain.upper, false)] {
                guard let end else { continue }
                if cut.point.order(relativeTo: ZeroPoint(location: .exact(end), multiplicity: nil, approximation: "")) == .same {
                    if isLower { lowerZeroOf.formUnion(cut.zeroOf) } else { upperZeroOf.formUnion(cut.zeroOf) }
                    return true
                }
            }
            return false
        }
        func status(zeroOf: Set<Int>, onPiece: Bool = false, evaluate: (CanonicalForm) -> Ball?) -> Status {
            if everywhereUndefined { return .undefined }
            var result = zeroOf.contains(Self.undecidedCut) ? Status.unknown : Status.defined
            for (index, condition) in located.enumerated() {
                if zeroOf.contains(index) {
                    if condition.excludesZeros { return .undefined }
                    continue
                }
                // On a piece, a ball at the witness decides only the witness: a zero the
                // list misses may lie in the piece, so an incomplete condition leaves it open.
                if onPiece, incomplete.contains(index) { result = .unknown; continue }
                if incomplete.contains(index), condition.excludesZeros {
                    // Not a listed zero, but the list may miss some: the ball decides.
                    var nonzero = evaluate(condition.function).map { $0.isFinite && $0.isCertainlyNonzero } ?? false
                    if !nonzero, case .notBothZero(_, let g) = condition {
                        nonzero = evaluate(g).map { $0.isFinite && $0.isCertainlyNonzero } ?? false
                    }
                    if !nonzero { result = .unknown }
                }
                guard condition.excludesNegativeValues else { continue }
                guard let b = evaluate(condition.function), b.isFinite else { result = .unknown; continue }
                if b.isCertainlyNegative { return .undefined }
                if !b.isCertainlyPositive { result = .unknown }
            }
            return result
        }
        func atPoint(_ p: ZeroPoint) -> (CanonicalForm) -> Ball? {
            { g in
                for precision in [128, 512] {
                    let b: Ball
                    if let x = p.exactValue, x.rationalValue == nil {
                        b = g.ball(atBalls: [t: x.ball(at: [:], precision: precision)], precision: precision)
                    } else if let (l, u) = p.bounds {
                        b = g.ball(atBalls: [t: l == u ? Ball(l, precision: precision) : Ball(lower: l, upper: u, precision: precision)], precision: precision)
                    } else { return nil }
                    if b.isFinite && b.isCertainlyNonzero { return b }
                    if precision == 512 { return b }
                }
                return nil
            }
        }
        marks = cuts.map { Mark(point: $0.point, status: status(zeroOf: $0.zeroOf, evaluate: atPoint($0.point))) }
        if domain.lowerClosed, let end = domain.lower {
            lowerEnd = status(zeroOf: lowerZeroOf, evaluate: atPoint(ZeroPoint(location: .exact(end), multiplicity: nil, approximation: "")))
        }
        if domain.upperClosed, let end = domain.upper {
            upperEnd = status(zeroOf: upperZeroOf, evaluate: atPoint(ZeroPoint(location: .exact(end), multiplicity: nil, approximation: "")))
        }
        // One witness per piece.
        let lowerBound = domain.lower.flatMap { $0.ball(at: [:], precision: 256).upperBound }
        let upperBound = domain.upper.flatMap { $0.ball(at: [:], precision: 256).lowerBound }
        var left: Rational? = lowerBound
        for i in 0...marks.count {
            let right: Rational? = i < marks.count ? marks[i].point.bounds?.lower : upperBound
            let witness = Self.witness(between: left, right, lowerInfinite: domain.lower == nil && i == 0,
                                       upperInfinite: domain.upper == nil && i == marks.count)
            var pieceStatus = Status.unknown
            if let witness {
                pieceStatus = status(zeroOf: [], onPiece: true) { g in
                    for precision in [128, 512] {
                        let b = g.ball(at: [t: witness], precision: precision)
                        if !b.isFinite || b.isCertainlyNonzero || precision == 512 { return b }
                    }
                    return nil
                }
            } else {
                complete = false
                notes.append("two cut points could not be separated")
            }
            pieces.append(Piece(witness: witness, status: pieceStatus))
            if i < marks.count { left = marks[i].point.bounds?.upper }
        }
        if marks.contains(where: { $0.status == .unknown }) || pieces.contains(where: { $0.status == .unknown })
            || lowerEnd == .unknown || upperEnd == .unknown {
            complete = false
            notes.append("the sign of a condition could not be decided at some point")
        }
    }

    /// The condition with the factors proven positive by their shape taken out of its
    /// functions (σ_d·sin t ≠ 0 is sin t ≠ 0 for σ_d > 0; s/√(s² + σ_d²) ≠ 0 is s ≠ 0);
    /// signs are kept, since the factors are positive. Nil when nothing is left to
    /// decide.
    static func withoutPositiveFactors(_ c: DefinednessCondition, time t: String, _ signs: PositivityByShape) -> DefinednessCondition? {
        func reduced(_ f: CanonicalForm) -> CanonicalForm {
            guard !f.symbols.isSubset(of: [t]) else { return f }
            func strip(_ p: MultivariatePolynomial) -> MultivariatePolynomial? {
                let factorization = p.factored()
                var kept = p.ring.constant(factorization.content)
                for (factor, multiplicity) in factorization.factors {
                    if signs.isPositive(factor) { continue }
                    guard let power = try? factor.power(multiplicity) else { return nil }
                    kept = kept * power
                }
                return kept
            }
            guard let n = strip(f.numerator), let d = strip(f.denominator) else { return f }
            return (try? CanonicalForm(numerator: n, denominator: d)) ?? f
        }
        let result: DefinednessCondition
        switch c {
        case .nonzero(let f): result = .nonzero(reduced(f))
        case .nonnegative(let f): result = .nonnegative(reduced(f))
        case .positive(let f): result = .positive(reduced(f))
        case .notBothZero(let f, let g): result = .notBothZero(reduced(f), reduced(g))
        }
        if result.holdsTrivially { return nil }
        if case .notBothZero(let f, let g) = result, f == g { return .nonzero(f) }
        if case .notBothZero(let f, let g) = result {
            return signs.isPositive(f.numerator) || signs.isPositive(g.numerator) ? nil : result
        }
        if signs.isPositive(result.function.numerator) && signs.isPositive(result.function.denominator) { return nil }
        return result
    }

    /// A rational strictly between two bounds (either may be infinite).
    static func witness(between a: Rational?, _ b: Rational?, lowerInfinite: Bool, upperInfinite: Bool) -> Rational? {
        // The simplest rational in between: short evidence (t = 2, not a 60-digit midpoint).
        switch (a, b) {
        case (let a?, let b?) where !lowerInfinite && !upperInfinite:
            return a < b ? Rational.simplest(above: a, below: b) : nil
        case (let a?, _) where upperInfinite:
            return Rational.simplest(above: a, below: nil)
        case (_, let b?) where lowerInfinite:
            return Rational.simplest(above: nil, below: b)
        case (nil, nil) where lowerInfinite && upperInfinite:
            return .zero
        default:
            return nil
        }
    }

    /// Inserts a point into the ordered cut list, merging it with an equal one.
    private static func insert(_ p: ZeroPoint, from index: Int, into cuts: inout [(point: ZeroPoint, zeroOf: Set<Int>)], complete: inout Bool) {
        var position = cuts.count
        for (i, cut) in cuts.enumerated() {
            switch p.order(relativeTo: cut.point) {
            case .same?:
                cuts[i].zeroOf.insert(index)
                // Keep the more explicit description of the point.
                if case .enclosure = cut.point.location, case .exact = p.location { cuts[i].point = p }
                return
            case .before?:
                position = Swift.min(position, i)
            case .after?:
                continue
            case nil:
                complete = false
                if p.sortKey < cut.point.sortKey { position = Swift.min(position, i) }
            }
        }
        cuts.insert((p, [index]), at: position)
    }

    // MARK: Queries

    /// Nothing undefined, proven.
    var definedEverywhere: Bool {
        complete && lowerEnd != .undefined && upperEnd != .undefined
            && marks.allSatisfy { $0.status == .defined } && pieces.allSatisfy { $0.status == .defined }
    }

    /// The status at a point of the domain.
    func status(of p: ZeroPoint) -> Status {
        if let end = domain.lower, p.order(relativeTo: ZeroPoint(location: .exact(end), multiplicity: nil, approximation: "")) == .same {
            return lowerEnd ?? .unknown
        }
        if let end = domain.upper, p.order(relativeTo: ZeroPoint(location: .exact(end), multiplicity: nil, approximation: "")) == .same {
            return upperEnd ?? .unknown
        }
        for (i, mark) in marks.enumerated() {
            switch p.order(relativeTo: mark.point) {
            case .same?: return mark.status
            case .before?: return pieces[i].status
            case .after?: continue
            case nil: return .unknown
            }
        }
        return pieces[marks.count].status
    }

    /// The undefined part of the domain as isolated points and intervals.
    var undefinedSet: UndefinedSet {
        // The sequence: [lower end], piece 0, mark 0, piece 1, …, piece n, [upper end].
        enum Element { case lowerEnd, piece(Int), mark(Int), upperEnd }
        var sequence: [(Element, Status)] = []
        if let s = lowerEnd { sequence.append((.lowerEnd, s)) }
        for i in pieces.indices {
            sequence.append((.piece(i), pieces[i].status))
            if i < marks.count { sequence.append((.mark(i), marks[i].status)) }
        }
        if let s = upperEnd { sequence.append((.upperEnd, s)) }
        var set = UndefinedSet(complete: complete, points: [], intervals: [], note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        var i = 0
        while i < sequence.count {
            guard sequence[i].1 == .undefined else { i += 1; continue }
            var j = i
            while j + 1 < sequence.count, sequence[j + 1].1 == .undefined { j += 1 }
            let run = sequence[i...j]
            if !run.contains(where: { if case .piece = $0.0 { return true }; return false }) {
                for (element, _) in run {
                    switch element {
                    case .mark(let k):
                        // The order of a zero of a condition says nothing about the undefined point.
                        var p = marks[k].point
                        p.multiplicity = nil
                        set.points.append(p)
                    case .lowerEnd: if let e = domain.lower { set.points.append(Self.endPoint(e)) }
                    case .upperEnd: if let e = domain.upper { set.points.append(Self.endPoint(e)) }
                    case .piece: break
                    }
                }
            } else {
                func boundary(_ element: Element, lower: Bool) -> (UndefinedSet.Boundary, closed: Bool) {
                    switch element {
                    case .lowerEnd: return (.point(Self.endPoint(domain.lower!)), true)
                    case .upperEnd: return (.point(Self.endPoint(domain.upper!)), true)
                    case .mark(let k): return (.point(marks[k].point), true)
                    case .piece(let k):
                        // The run starts (ends) inside this piece: open at its boundary.
                        if lower {
                            if k == 0 { return domain.lower.map { (.point(Self.endPoint($0)), false) } ?? (.infinity, false) }
                            return (.point(marks[k - 1].point), false)
                        }
                        if k == marks.count { return domain.upper.map { (.point(Self.endPoint($0)), false) } ?? (.infinity, false) }
                        return (.point(marks[k].point), false)
                    }
                }
                let (lo, loClosed) = boundary(run.first!.0, lower: true)
                let (hi, hiClosed) = boundary(run.last!.0, lower: false)
                set.intervals.append(UndefinedSet.Interval(lower: lo, upper: hi, lowerClosed: loClosed, upperClosed: hiClosed))
            }
            i = j + 1
        }
        return set
    }

    static func endPoint(_ end: CanonicalForm) -> ZeroPoint {
        let approximation = end.rationalValue?.decimalString(significantDigits: 17)
            ?? end.ball(at: [:], precision: 128).decimalString(digits: 17)
        return ZeroPoint(location: .exact(end), multiplicity: nil, approximation: approximation)
    }
}

/// The points of the domain where an expression is undefined: isolated points and
/// intervals, `complete` only when it is proven that there are no others.
public struct UndefinedSet: Sendable, Equatable {
    public enum Boundary: Sendable, Equatable {
        case point(ZeroPoint)
        /// −∞ as a lower boundary, +∞ as an upper one.
        case infinity
    }

    public struct Interval: Sendable, Equatable {
        public var lower: Boundary
        public var upper: Boundary
        public var lowerClosed: Bool
        public var upperClosed: Bool
    }

    /// The limits of a quantity at an undefined point from the left and the right.
    public struct SideLimits: Sendable, Equatable {
        public var left: Limit?
        public var right: Limit?
    }

    public var complete: Bool
    public var points: [ZeroPoint]
    public var intervals: [Interval]
    public var note: String?
    /// For each point (same order), the one-sided limits of α, σ, det, ρ that were found.
    public var limits: [[String: SideLimits]] = []

    /// Nothing undefined was found (proven empty only when `complete`).
    public var isEmpty: Bool { points.isEmpty && intervals.isEmpty }
}

/// Positivity read from the shape of a polynomial in kernels, given symbols known
/// positive (symbolic parameters) or nonnegative (the time on a domain with lower
/// end ≥ 0): every coefficient positive, every factor of every term nonnegative
/// (π, exp, √, those symbols, or an even power of anything), and one term strictly
/// positive (π, exp, positive symbols, √ of something positive). Such a sum is > 0.
struct PositivityByShape {
    let strict: Set<String>
    let nonnegative: Set<String>

    func isPositive(_ p: MultivariatePolynomial) -> Bool {
        if let c = p.constantValue { return c.isPositive }
        var kinds: [(nonnegative: Bool, strict: Bool)] = []
        for key in p.ring.variables {
            switch CanonicalForm.kernelForm(key: key, in: p)?.kernel {
            case .pi?, .exp?: kinds.append((true, true))
            case .symbol(let name)?: kinds.append((nonnegative.contains(name) || strict.contains(name), strict.contains(name)))
            case .sqrt(let r)?: kinds.append((true, isPositive(r.numerator) && isPositive(r.denominator)))
            default: kinds.append((false, false))
            }
        }
        var someStrict = false
        for term in p.terms {
            guard term.coefficient.isPositive else { return false }
            var strictTerm = true
            for (i, e) in term.exponents.enumerated() where e > 0 {
                if !kinds[i].nonnegative && e % 2 == 1 { return false }
                if !kinds[i].strict { strictTerm = false }
            }
            if strictTerm { someStrict = true }
        }
        return someStrict
    }
}
