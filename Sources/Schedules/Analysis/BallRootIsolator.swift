import Exact
import Symbolic

/// Certified isolation of the zeros of a (transcendental) function of one variable on
/// a finite domain, from ball enclosures of f and its derivatives over intervals.
///
/// On each rational interval I of a bisection:
/// - if the enclosure f(I) excludes 0, I holds no zero;
/// - if f′(I) excludes 0, f is strictly monotone on I: it has a zero inside exactly
///   when f changes sign between the ends (signs from point balls, or exact
///   evaluation when a ball cannot decide);
/// - at an exact zero r of order k (f(r) = … = f^(k−1)(r) = 0 exactly, checked by
///   the canonical form), if f^(k)(I) excludes 0 on an interval I ∋ r, Taylor's
///   theorem gives f(x) = f^(k)(ξ)(x − r)^k/k! ≠ 0 for x ≠ r in I: r is the only zero
///   there and its multiplicity is k;
/// - otherwise I is halved, down to a depth where closed-form candidates inside I are
///   tried exactly; an interval that stays undecided makes the set incomplete, with
///   its bounds in the reason. Nothing is ever reported from a floating-point guess.
struct BallRootIsolator {
    let function: CanonicalForm
    let domain: AnalysisDomain
    let assumptions: Assumptions
    let derivatives: [CanonicalForm?]
    var variable: String { domain.variable }

    static let maximumDepth = 44
    static let maximumIntervals = 6_000
    static let derivativeOrders = 3

    init(function: CanonicalForm, domain: AnalysisDomain, assumptions: Assumptions) {
        self.function = function
        self.domain = domain
        self.assumptions = assumptions
        var ds: [CanonicalForm?] = [function]
        for _ in 0..<Self.derivativeOrders {
            ds.append(ds.last!.flatMap { try? $0.derivative(withRespectTo: domain.variable, assuming: assumptions) })
        }
        derivatives = ds
    }

    init(function: CanonicalForm, domain: AnalysisDomain, assumptions: Assumptions, derivatives: [CanonicalForm?]) {
        self.function = function
        self.domain = domain
        self.assumptions = assumptions
        self.derivatives = derivatives
    }

    // MARK: Evaluation

    func enclosure(order: Int, over lower: Rational, _ upper: Rational, precision: Int = 128) -> Ball? {
        guard let f = derivatives[order] else { return nil }
        let x = lower == upper ? Ball(lower, precision: precision) : Ball(lower: lower, upper: upper, precision: precision)
        let b = f.ball(atBalls: [variable: x], precision: precision)
        return b.isFinite ? b : nil
    }

    func excludesZero(order: Int, _ lower: Rational, _ upper: Rational) -> Bool {
        enclosure(order: order, over: lower, upper).map { $0.isCertainlyNonzero } ?? false
    }

    /// Exact value of the order-th derivative at a point (closed form).
    func exactValue(order: Int, at x: CanonicalForm) -> CanonicalForm? {
        guard let f = derivatives[order] else { return nil }
        return try? f.substituting([variable: x], assuming: assumptions)
    }

    func isExactZero(order: Int = 0, at x: CanonicalForm) -> Bool {
        guard let v = exactValue(order: order, at: x) else { return false }
        return v.isZero || ZeroTest(assuming: assumptions).test(v).isProvenZero
    }

    /// The order of an exact zero (1…derivativeOrders), when the next derivative is
    /// proven nonzero there.
    func order(ofZeroAt x: CanonicalForm) -> Int? {
        for k in 1...Self.derivativeOrders {
            guard let v = exactValue(order: k, at: x) else { return nil }
            if v.isZero { continue }
            let verdict = ZeroTest(assuming: assumptions).test(v)
            if verdict.isProvenNonzero { return k }
            if !verdict.isProvenZero { return nil }
        }
        return nil
    }

    /// The sign of f at a rational point: ±1, 0 for an exact zero, nil if undecided.
    func sign(at x: Rational, knownZeros: [Rational: Int?], limitSigns: [Rational: Int] = [:]) -> Int? {
        if knownZeros[x] != nil { return 0 }
        if let s = limitSigns[x] { return s }
        for precision in [128, 512, 2048] {
            if let b = enclosure(order: 0, over: x, x, precision: precision) {
                if b.isCertainlyPositive { return 1 }
                if b.isCertainlyNegative { return -1 }
            }
        }
        return isExactZero(at: CanonicalForm(x)) ? 0 : nil
    }

    // MARK: Isolation

    struct Found { var points: [ZeroPoint] = []; var undecided: [(Rational, Rational)] = []; var note: String? }

    /// Isolates the zeros on the domain, cut first at every point where the function
    /// may be discontinuous or undefined (zeros of its denominators, of its √ and log
    /// arguments, of its kernels' arguments' denominators: `Definedness.structural`).
    /// Bisection certificates need continuity, so they run on each piece between cuts
    /// separately; a piece where the function is undefined has no zeros; at a cut that
    /// is an open end of a piece, the sign comes from the one-sided limit there.
    func isolate() -> ZeroSet {
        if let unknown = ZeroFinder.unknownFunctionsNote(function) { return .incomplete(unknown) }
        guard domain.lower != nil, domain.upper != nil else {
            if let bounded = boundedByCauchy() {
                return BallRootIsolator(function: function, domain: bounded, assumptions: assumptions, derivatives: derivatives).isolate()
            }
            return .incomplete("the domain is unbounded: zeros of \(printASCII(function.expression)) were not searched beyond a finite range")
        }
        let structural = Definedness.structural(of: function)
        if structural.isEmpty { return isolateContinuous(on: domain) }
        let finder = ZeroFinder(assuming: assumptions)
        let chart = DefinednessChart(structural, on: domain) { finder.zeros(of: $0, on: domain) }
        guard chart.complete else {
            return .incomplete("the points where \(printASCII(function.expression)) may be discontinuous could not all be located: \(chart.notes.joined(separator: "; "))")
        }
        var points: [ZeroPoint] = []
        var reasons: [String] = []
        // The cut points themselves, where the function is defined there.
        for mark in chart.marks where mark.status == .defined {
            guard let x = mark.point.exactValue else {
                reasons.append("the value at the cut point \(mark.point.approximation) was not decided"); continue
            }
            if isExactZero(at: x) { points.append(exactPoint(x, multiplicity: order(ofZeroAt: x))) }
        }
        // A closed end where f is defined but the piece next to it is not (√ of a
        // radicand that is 0 there and negative after): no piece search sees it.
        for (end, status, piece) in [(domain.lowerClosed ? domain.lower : nil, chart.lowerEnd, chart.pieces.first),
                                     (domain.upperClosed ? domain.upper : nil, chart.upperEnd, chart.pieces.last)] {
            guard let end, status == .defined, piece?.status == .undefined else { continue }
            if isExactZero(at: end) { points.append(exactPoint(end, multiplicity: nil)) }
        }
        // The pieces, each with open ends at its cuts.
        for (i, piece) in chart.pieces.enumerated() where piece.status != .undefined {
            let lower: CanonicalForm?, upper: CanonicalForm?
            let lowerClosed: Bool, upperClosed: Bool
            if i == 0 { lower = domain.lower; lowerClosed = domain.lowerClosed } else {
                lower = chart.marks[i - 1].point.exactValue; lowerClosed = false
            }
            if i == chart.marks.count { upper = domain.upper; upperClosed = domain.upperClosed } else {
                upper = chart.marks[i].point.exactValue; upperClosed = false
            }
            guard let lower, let upper else {
                reasons.append("a cut point of \(printASCII(function.expression)) has no closed form, so the piece next to it was not searched")
                continue
            }
            let piece = AnalysisDomain(variable: variable, lower: lower, upper: upper, lowerClosed: lowerClosed, upperClosed: upperClosed)
            let set = BallRootIsolator(function: function, domain: piece, assumptions: assumptions, derivatives: derivatives).isolateContinuous(on: piece)
            points += set.points
            if !set.complete, let note = set.note { reasons.append(note) }
        }
        points = deduplicated(points.sorted { $0.sortKey < $1.sortKey })
        return ZeroSet(identicallyZero: false, complete: reasons.isEmpty, points: points, note: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
    }

    /// The domain cut to where a polynomial numerator can vanish: every zero of
    /// Σ cₖ·t^k has |t| ≤ 1 + max |cₖ/c_d| (Cauchy), with the cₖ constants (√2, π
    /// allowed) bounded by balls. Nil when the numerator is no such polynomial or its
    /// leading coefficient is not proven nonzero.
    func boundedByCauchy() -> AnalysisDomain? {
        guard let c = function.numeratorCoefficients(in: variable), c.count >= 2 else { return nil }
        let balls = c.map { $0.ball(at: [:], precision: 128) }
        guard let leadBall = balls.last, leadBall.isCertainlyNonzero,
              let leadLow = (leadBall.isCertainlyPositive ? leadBall.lowerBound : (-leadBall).lowerBound), leadLow > .zero else { return nil }
        var largest = Rational.zero
        for b in balls.dropLast() {
            guard let hi = b.upperBound, let lo = b.lowerBound else { return nil }
            let m = max(hi, -lo)
            if m > largest { largest = m }
        }
        // A rational bound a little beyond, so that the new end is no zero.
        var bound = Rational((Rational(1) + largest / leadLow).ceiling) + 1
        // …and beyond the finite end, so that the cut domain is not empty.
        for end in [domain.lower, domain.upper].compactMap({ $0 }) {
            guard let e = end.ball(at: [:], precision: 128).upperBound, let f = end.ball(at: [:], precision: 128).lowerBound else { return nil }
            bound = max(bound, Rational(max(e, -f).ceiling) + 1)
        }
        var bounded = domain
        if domain.upper == nil { bounded.upper = CanonicalForm(bound); bounded.upperClosed = true }
        if domain.lower == nil { bounded.lower = CanonicalForm(-bound); bounded.lowerClosed = true }
        return bounded
    }

    /// The sign of the one-sided limit at an open end where the function has no value
    /// (0 for a limit 0), or nil.
    func limitSign(at end: CanonicalForm, fromAbove: Bool) -> Int? {
        let limit = OneSidedLimit(variable: variable, point: end, side: fromAbove ? 1 : -1, assumptions: assumptions).limit(of: function)
        switch limit {
        case .positiveInfinity?: return 1
        case .negativeInfinity?: return -1
        case .finite(let v)?: return v.isZero ? 0 : OneSidedLimit.sign(of: v)
        case nil: return nil
        }
    }

    /// Isolation on a domain where the function is continuous (except possibly at
    /// open ends, approached through one-sided limits).
    func isolateContinuous(on domain: AnalysisDomain) -> ZeroSet {
        guard let lowerEnd = domain.lower, let upperEnd = domain.upper else {
            return .incomplete("the domain is unbounded: zeros of \(printASCII(function.expression)) were not searched beyond a finite range")
        }
        var found = Found()
        // Signs at open ends where the function has no value, from one-sided limits.
        var limitSigns: [Rational: Int] = [:]
        // Exact zeros at the ends (reported only where the end is closed).
        var endOrders: [Rational: Int?] = [:]
        var workLower: Rational, workUpper: Rational
        var neighbourhoods: [(lower: Rational, upper: Rational, zeroAtEnd: Bool, order: Int?)] = []
        func endPoint(_ end: CanonicalForm, closed: Bool, isLower: Bool) -> Rational? {
            let zero = isExactZero(at: end)
            let k = zero ? order(ofZeroAt: end) : nil
            if zero && closed { found.points.append(exactPoint(end, multiplicity: k)) }
            let undefinedThere = !zero && !closed && exactValue(order: 0, at: end) == nil
            if let r = end.rationalValue {
                if zero { endOrders[r] = k }
                if undefinedThere, let s = limitSign(at: end, fromAbove: isLower) { limitSigns[r] = s }
                return r
            }
            // Irrational end: work from a rational just inside, and check the gap.
            let b = end.ball(at: [:], precision: 256)
            guard let lo = b.lowerBound, let hi = b.upperBound else { return nil }
            if undefinedThere {
                // No value at the end: the gap's inner part is certified by monotonicity
                // there and the sign of the limit agreeing with the sign just inside.
                let inner = isLower ? hi : lo
                if excludesZero(order: 1, lo, hi), let s = limitSign(at: end, fromAbove: isLower), s != 0,
                   let si = sign(at: inner, knownZeros: [:]), si == s {
                    return inner
                }
            }
            neighbourhoods.append((lo, hi, zero, k))
            return isLower ? hi : lo
        }
        guard let wl = endPoint(lowerEnd, closed: domain.lowerClosed, isLower: true),
              let wu = endPoint(upperEnd, closed: domain.upperClosed, isLower: false) else {
            return .incomplete("the ends of the domain could not be enclosed")
        }
        workLower = wl
        workUpper = wu
        guard workLower < workUpper else { return ZeroSet(identicallyZero: false, complete: true, points: found.points, note: nil) }
        // Gaps between an irrational end and the working interval.
        for n in neighbourhoods {
            if excludesZero(order: 0, n.lower, n.upper) { continue }
            if n.zeroAtEnd, let k = n.order, excludesZero(order: k, n.lower, n.upper) { continue }
            found.undecided.append((n.lower, n.upper))
        }

        var knownZeros = endOrders
        var stack: [(Rational, Rational, Int)] = [(workLower, workUpper, 0)]
        var examined = 0
        while let (l, u, depth) = stack.popLast() {
            examined += 1
            if examined > Self.maximumIntervals { found.undecided.append((l, u)); continue }
            if let e = Deadline.exceeded { return .incomplete("\(e)", points: deduplicated(found.points.sorted { $0.sortKey < $1.sortKey })) }
            if excludesZero(order: 0, l, u) { continue }
            // An exact zero at an end of I, with a proven order k: no other zero in I
            // when f^(k)(I) excludes 0.
            let touching = [l, u].filter { knownZeros[$0] != nil }
            if !touching.isEmpty, touching.allSatisfy({ r in
                if let k = knownZeros[r] ?? nil { return excludesZero(order: k, l, u) }
                return false
            }) { continue }
            if touching.isEmpty || touching.allSatisfy({ knownZeros[$0] == nil }), excludesZero(order: 1, l, u) {
                // Strictly monotone on I.
                guard let sl = sign(at: l, knownZeros: knownZeros, limitSigns: limitSigns),
                      let su = sign(at: u, knownZeros: knownZeros, limitSigns: limitSigns) else {
                    found.undecided.append((l, u)); continue
                }
                if sl * su < 0 { found.points.append(enclosedPoint(l, u, limitSigns: limitSigns)) }
                let atLimit = limitSigns[l] != nil || limitSigns[u] != nil
                if sl == 0 || su == 0 { if touching.isEmpty && !atLimit { recordExact(l, u, sl, su, &knownZeros, &found) } }
                continue
            } else if !touching.isEmpty, excludesZero(order: 1, l, u) {
                continue   // monotone and zero at an end: no zero inside
            }
            if depth >= Self.maximumDepth {
                if let r = certifiedClosedForm(in: l, u) {
                    found.points.append(exactPoint(r.0, multiplicity: r.1))
                } else {
                    found.undecided.append((l, u))
                }
                continue
            }
            let m = (l + u).timesPowerOfTwo(-1)
            if knownZeros[m] == nil, let s = sign(at: m, knownZeros: knownZeros), s == 0 {
                let k = order(ofZeroAt: CanonicalForm(m))
                knownZeros[m] = k
                found.points.append(exactPoint(CanonicalForm(m), multiplicity: k))
            }
            stack.append((m, u, depth + 1))
            stack.append((l, m, depth + 1))
        }
        let points = deduplicated(found.points.sorted { $0.sortKey < $1.sortKey })
        if found.undecided.isEmpty { return ZeroSet(identicallyZero: false, complete: true, points: points, note: nil) }
        let where_ = found.undecided.prefix(3).map { "[\($0.0.decimalString(significantDigits: 8)), \($0.1.decimalString(significantDigits: 8))]" }.joined(separator: ", ")
        return .incomplete("could not decide whether \(printASCII(function.expression)) vanishes in \(where_)\(found.undecided.count > 3 ? " and \(found.undecided.count - 3) more intervals" : "")", points: points)
    }

    /// Records an exact zero found as a sign 0 at an end of a monotone interval.
    func recordExact(_ l: Rational, _ u: Rational, _ sl: Int, _ su: Int, _ known: inout [Rational: Int?], _ found: inout Found) {
        for (x, s) in [(l, sl), (u, su)] where s == 0 && known[x] == nil {
            let k = order(ofZeroAt: CanonicalForm(x))
            known[x] = k
            found.points.append(exactPoint(CanonicalForm(x), multiplicity: k))
        }
    }

    /// A closed form r in [l, u] with f(r) = 0 exactly and no other zero in [l, u]
    /// (by the Taylor argument), with its order.
    func certifiedClosedForm(in l: Rational, _ u: Rational) -> (CanonicalForm, Int)? {
        for candidate in ClosedFormCandidates.candidates(in: l, u) where isExactZero(at: candidate) {
            if let k = order(ofZeroAt: candidate), excludesZero(order: k, l, u) { return (candidate, k) }
        }
        return nil
    }

    func exactPoint(_ x: CanonicalForm, multiplicity: Int?) -> ZeroPoint {
        let approx = x.rationalValue?.decimalString(significantDigits: 17)
            ?? (x.value(at: [:], correctDigits: 17).map { $0.ball.decimalString(digits: 17) } ?? "?")
        return ZeroPoint(location: .exact(x), multiplicity: multiplicity, approximation: approx)
    }

    /// A simple zero in (l, u) where f changes sign: refined by bisection to width
    /// ≤ 10⁻¹⁵, then checked for a closed form.
    func enclosedPoint(_ l0: Rational, _ u0: Rational, limitSigns: [Rational: Int] = [:]) -> ZeroPoint {
        var l = l0, u = u0
        let target = Rational(1, 1_000_000_000_000_000)
        let sl = sign(at: l, knownZeros: [:], limitSigns: limitSigns) ?? 0
        var steps = 0
        while u - l > target && steps < 200 {
            steps += 1
            let m = (l + u).timesPowerOfTwo(-1)
            guard let s = sign(at: m, knownZeros: [:]) else { break }
            if s == 0 { return exactPoint(CanonicalForm(m), multiplicity: 1) }
            if s == sl { l = m } else { u = m }
        }
        for candidate in ClosedFormCandidates.candidates(in: l, u) where isExactZero(at: candidate) {
            return exactPoint(candidate, multiplicity: 1)
        }
        let mid = (l + u).timesPowerOfTwo(-1)
        return ZeroPoint(location: .enclosure(lower: l, upper: u, minimalPolynomial: nil), multiplicity: 1,
                         approximation: mid.decimalString(significantDigits: 17))
    }

    /// Exact points may be found twice (as an end of two neighbouring intervals).
    func deduplicated(_ points: [ZeroPoint]) -> [ZeroPoint] {
        var out: [ZeroPoint] = []
        for p in points {
            if let last = out.last, case .exact(let a) = last.location, case .exact(let b) = p.location, a == b { continue }
            out.append(p)
        }
        return out
    }
}
