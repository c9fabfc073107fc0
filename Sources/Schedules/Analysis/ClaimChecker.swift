import Exact
import Symbolic

/// The verdict on one `expect` claim, with its evidence.
public struct ClaimVerdict: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable { case proven, refuted, unknown }

    public var status: Status
    /// What proves or refutes it, or what was tried.
    public var evidence: String
    /// For a refutation at a point: the point (`t = 1/3`) and the values there.
    public var counterexample: String?

    static func proven(_ evidence: String) -> ClaimVerdict { ClaimVerdict(status: .proven, evidence: evidence, counterexample: nil) }
    static func unknown(_ evidence: String) -> ClaimVerdict { ClaimVerdict(status: .unknown, evidence: evidence, counterexample: nil) }
    static func refuted(_ evidence: String, at point: String? = nil) -> ClaimVerdict {
        ClaimVerdict(status: .refuted, evidence: evidence, counterexample: point)
    }
}

/// Decides `expect` claims against an analysis: proven, refuted (with a counterexample
/// or an exact disagreement), or unknown — never from floating point alone.
public struct ClaimChecker: Sendable {
    public let analysis: ModelAnalysis

    public init(_ analysis: ModelAnalysis) { self.analysis = analysis }

    var model: UnifiedModel { analysis.model }
    var t: String { model.time }

    /// The canonical form of an expression over quantity names, the time and params.
    func form(_ e: Expr) throws -> CanonicalForm {
        try analysis.quantitySimplifier.canonicalForm(of: e)
    }

    /// The same, with where the expression as written is defined (the quantities it
    /// names bring their own conditions, and the coefficients'); the canonical form
    /// may have values where the expression has none.
    func definedForm(_ e: Expr) throws -> (form: CanonicalForm, definedness: Definedness) {
        let (f, own) = try analysis.quantitySimplifier.definedForm(of: e)
        return (f, own.union(analysis.coefficientDefinedness).union(.structural(of: f)))
    }

    /// A refutation when a claimed point lies outside the domain (no counterexample
    /// point: the claim is about a time the schedule does not have), unknown when that
    /// cannot be decided, nil when it lies inside.
    func outsideTheDomain(_ c: CanonicalForm) -> ClaimVerdict? {
        switch model.domain.contains(ZeroPoint(location: .exact(c), multiplicity: nil, approximation: "")) {
        case true?: return nil
        case false?: return .refuted("\(t) = \(Self.text(c)) lies outside the domain \(AnalysisText.domain(model.domain))")
        case nil: return .unknown("whether \(t) = \(Self.text(c)) lies in the domain could not be decided")
        }
    }

    /// For an identity: where the schedule is defined but a side is not, the sides
    /// are not equal there — refuted at such a point (or unknown when undecided).
    func undefinedWhereTheScheduleIsDefined(_ sides: Definedness) -> ((String, String) -> ClaimVerdict)? {
        let extra = sides.conditions.filter { !analysis.coefficientDefinedness.conditions.contains($0) }
        guard !extra.isEmpty else { return nil }
        let chart = model.chart(sides)
        let schedule = model.chart(analysis.coefficientDefinedness)
        for piece in chart.pieces where piece.status == .undefined {
            guard let w = piece.witness else { continue }
            let point = ZeroPoint(location: .exact(CanonicalForm(w)), multiplicity: nil, approximation: w.decimalString(significantDigits: 17))
            if schedule.status(of: point) == .defined {
                return { q, e in .refuted("\(q) and \(e) are not both defined at \(self.t) = \(w), where the schedule is", at: "\(self.t) = \(w)") }
            }
        }
        for mark in chart.marks where mark.status == .undefined {
            if schedule.status(of: mark.point) == .defined {
                let at = self.pointText(mark.point)
                return { q, e in .refuted("\(q) and \(e) are not both defined at \(at), where the schedule is", at: at) }
            }
        }
        // A closed end is a point of the domain too (√(1/2 − t)… defined only at t = 1/2).
        for (side, end) in [(chart.lowerEnd, schedule.lowerEnd), (chart.upperEnd, schedule.upperEnd)].enumerated()
        where end.0 == .undefined && end.1 == .defined {
            guard let at = (side == 0 ? model.domain.lower : model.domain.upper).map({ "\(self.t) = \(Self.text($0))" }) else { continue }
            return { q, e in .refuted("\(q) and \(e) are not both defined at \(at), where the schedule is", at: at) }
        }
        if !chart.complete {
            let note = chart.notes.joined(separator: "; ")
            return { q, e in .unknown("\(q) and \(e) are equal where both are defined, but where that is was not decided: \(note)") }
        }
        return nil
    }

    /// True when the expression is proven defined at t = w: a refutation needs a value.
    func isDefined(_ definedness: Definedness, at w: CanonicalForm) -> Bool {
        definedness.holds(at: [t: w], assuming: model.assumptions) == true
    }

    static func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }

    /// The verdict, within one quantity's time budget (`Deadline.forQuantity`).
    public func check(_ claim: Claim) -> ClaimVerdict {
        Deadline.forQuantity { verdict(claim) }
    }

    func verdict(_ claim: Claim) -> ClaimVerdict {
        // With no defined point, every claim is vacuous; sched says so rather than
        // proving or refuting on values the schedule does not have.
        if analysis.undefinedEverywhere {
            return .unknown("the schedule is undefined at every point of its domain (S006): the claim has no point to hold at")
        }
        do {
            switch claim {
            case .identity(let q, let e):
                // An identity on the domain: rewrites that hold there (√(g²) = g where
                // g ≥ 0) may prove it; a counterexample must lie in the domain.
                let (left, right) = (try definedForm(q), try definedForm(e))
                let (lhs, rhs) = (left.form, right.form)
                let raw = try lhs - rhs
                let difference = DomainSimplification(domain: model.domain, finder: ZeroFinder(assuming: model.assumptions)).simplify(raw)
                let sides = left.definedness.union(right.definedness)
                switch model.zeroTestOnDomain(difference, alsoDefined: [lhs, rhs], definedness: sides) {
                case .zero(let method):
                    let rewritten = difference == raw ? "" : " on the domain, after √(g²) = g where g ≥ 0 there"
                    // Equal where both sides are defined; the claim also needs them
                    // defined wherever the schedule is (exp(log α) has no value where α ≤ 0).
                    if let gap = undefinedWhereTheScheduleIsDefined(sides) { return gap(printASCII(q), printASCII(e)) }
                    return .proven("\(printASCII(q)) − (\(printASCII(e))) is 0\(rewritten): \(method)")
                case .nonzero(let point, let value):
                    let at = point.keys.sorted().map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
                    // Both sides must have values there as written.
                    if let w = point[t], !isDefined(left.definedness.union(right.definedness), at: CanonicalForm(w)) {
                        return .unknown("the difference is nonzero at \(at), but the claim's sides are not both defined there")
                    }
                    return .refuted("\(printASCII(q)) − (\(printASCII(e))) = \(value) ≠ 0 at \(at)", at: at)
                case .unknown(let reason):
                    return .unknown("the difference \(Self.text(difference)) is neither proven zero nor nonzero: \(reason)")
                }
            case .nonzero(let q):
                let z = zerosWhereDefined(try definedForm(q))
                if z.identicallyZero { return .refuted("\(printASCII(q)) is identically 0") }
                if let p = z.points.first { return .refuted("\(printASCII(q)) vanishes at \(pointText(p))", at: pointText(p)) }
                if z.complete { return .proven("the zero set of \(printASCII(q)) on the domain is empty \(Self.completeText(z))") }
                return .unknown("no zero found, but the search was incomplete: \(z.note ?? "")")
            case .zeroAt(let q, let variable, let at):
                let value = try form(at)
                let subject = try definedForm(q)
                if variable == t, let outside = outsideTheDomain(value) { return outside }
                if variable == t, !isDefined(subject.definedness, at: value) {
                    if subject.definedness.holds(at: [t: value], assuming: model.assumptions) == false {
                        return .refuted("\(printASCII(q)) is undefined at \(variable) = \(Self.text(value)), so it is not 0 there")
                    }
                    return .unknown("whether \(printASCII(q)) is defined at \(variable) = \(Self.text(value)) was not decided")
                }
                let atPoint = try subject.form.substituting([variable: value], assuming: model.assumptions)
                let verdict = ZeroTest(assuming: model.assumptions).test(atPoint)
                if verdict.isProvenZero { return .proven("\(printASCII(q)) at \(variable) = \(Self.text(value)) is exactly 0") }
                if verdict.isProvenNonzero {
                    return .refuted("\(printASCII(q)) at \(variable) = \(Self.text(value)) is \(Self.text(atPoint)) ≠ 0", at: "\(variable) = \(Self.text(value))")
                }
                return .unknown("the value \(Self.text(atPoint)) could not be decided")
            case .zeroSet(let q, let claimed):
                return try checkZeroSet(q, claimed)
            case .positive(let q):
                return try checkSign(q, positive: true)
            case .negative(let q):
                return try checkSign(q, positive: false)
            }
        } catch {
            return .unknown("the claim could not be evaluated: \(error)")
        }
    }

    /// "(complete)", with the points left out because the expression is undefined there.
    static func completeText(_ z: ZeroSet) -> String {
        z.excluded.isEmpty ? "(complete)" : "(complete; \(z.excluded.joined(separator: "; ")))"
    }

    /// The zeros of an expression on the domain without the points where it is
    /// undefined as written: its canonical form may have a value there, it has none.
    func zerosWhereDefined(_ e: (form: CanonicalForm, definedness: Definedness)) -> ZeroSet {
        analysis.zerosAsWritten(e.form, definedness: e.definedness)
    }

    func pointText(_ p: ZeroPoint) -> String { p.text(variable: t) }

    func checkZeroSet(_ q: Expr, _ claimed: [Expr]) throws -> ClaimVerdict {
        let written = try definedForm(q)
        let subject = written.form
        let z = zerosWhereDefined(written)
        let claimedForms = try claimed.map(form)
        let listed = "{" + claimedForms.map(Self.text).joined(separator: ", ") + "}"
        if z.identicallyZero { return .refuted("\(printASCII(q)) is identically 0, not only at \(listed)") }
        // Each claimed point must be a zero, shown exactly: a ball inside an enclosure
        // is no proof that the claimed value is the zero there; and where the
        // expression is undefined it has no zero.
        var undecided: [String] = []
        for c in claimedForms {
            if let outside = outsideTheDomain(c) { return outside }
            if written.definedness.holds(at: [t: c], assuming: model.assumptions) == false {
                return .refuted("\(printASCII(q)) is undefined at \(t) = \(Self.text(c)), so that is no zero")
            }
            let value = try subject.substituting([t: c], assuming: model.assumptions)
            let verdict = ZeroTest(assuming: model.assumptions).test(value)
            if verdict.isProvenNonzero { return .refuted("\(printASCII(q)) at \(t) = \(Self.text(c)) is \(Self.text(value)) ≠ 0", at: "\(t) = \(Self.text(c))") }
            if !verdict.isProvenZero { undecided.append(Self.text(c)) }
        }
        // Each found zero must be claimed: matched by a claimed point proven equal to it.
        let equal = z.points.map { p in claimedForms.map { c in sameZero(p, c, subject) } }
        for (i, p) in z.points.enumerated() where equal[i].allSatisfy({ $0 == false }) {
            return .refuted("\(printASCII(q)) also vanishes at \(pointText(p)), which \(listed) leaves out", at: pointText(p))
        }
        if !undecided.isEmpty {
            return .unknown("\(printASCII(q)) at \(t) = \(undecided.joined(separator: ", ")) could be neither proven zero nor nonzero")
        }
        // Proven: a one-to-one matching, every pairing decided.
        let decided = equal.allSatisfy { row in row.allSatisfy { $0 != nil } }
        let oneToOne = equal.allSatisfy { row in row.filter { $0 == true }.count == 1 }
            && claimedForms.indices.allSatisfy { j in equal.filter { $0[j] == true }.count == 1 }
        if z.complete && decided && oneToOne {
            return .proven("the zero set of \(printASCII(q)) on the domain is exactly \(listed) \(Self.completeText(z))")
        }
        let unmatchedClaim = claimedForms.indices.contains { j in equal.allSatisfy { $0[j] == false } }
        if z.complete && decided && (unmatchedClaim || z.points.count < claimedForms.count) {
            return .refuted("\(printASCII(q)) has \(z.points.count) zero(s) on the domain, not \(claimedForms.count): claimed points lie outside the domain or are listed twice")
        }
        if !decided { return .unknown("a claimed point could be neither proven equal to a zero found nor told apart from it") }
        return .unknown("the zero set found is incomplete: \(z.note ?? "")")
    }

    /// Whether the zero `p` of `subject` is the claimed point `c` (an exact zero of
    /// `subject`, or the answer is only "different" or unknown): an exact zero is
    /// compared exactly; an enclosure, which isolates one zero of the whole
    /// function, is `c` when c is an exact zero and its ball lies strictly inside, and
    /// is not `c` when the ball lies strictly outside.
    func sameZero(_ p: ZeroPoint, _ c: CanonicalForm, _ subject: CanonicalForm) -> Bool? {
        switch p.location {
        case .exact(let f):
            if f == c { return true }
            guard let d = try? f - c else { return nil }
            let verdict = ZeroTest(assuming: model.assumptions).test(d)
            return verdict.isProvenZero ? true : verdict.isProvenNonzero ? false : nil
        case .enclosure(let l, let u, _):
            let b = c.ball(at: [:], precision: 256)
            guard let lo = b.lowerBound, let hi = b.upperBound else { return nil }
            if hi <= l || lo >= u { return false }
            guard lo > l && hi < u else { return nil }
            let isZero = (try? subject.substituting([t: c], assuming: model.assumptions)).map {
                $0.isZero || ZeroTest(assuming: model.assumptions).test($0).isProvenZero
            } ?? false
            return isZero ? true : nil
        }
    }

    /// `q > 0` / `q < 0` on the domain, from the sign chart of q with the schedule's
    /// undefined points as cuts: refuted by a zero or a witness of the other sign in
    /// the domain; proven when the chart is complete, has no undefined point and every
    /// piece has the sign (continuity between the marks).
    func checkSign(_ q: Expr, positive: Bool) throws -> ClaimVerdict {
        let written = try definedForm(q)
        let f = written.form
        // Where q as written is undefined it has no value: those points are cuts, and
        // an interval where it is undefined leaves "everywhere" unproven.
        let undefined = analysis.model.chart(written.definedness).undefinedSet
        var cuts = undefined.points
        for i in undefined.intervals {
            for b in [i.lower, i.upper] { if case .point(let p) = b { cuts.append(p) } }
        }
        let extra = ZeroSet(identicallyZero: false, complete: undefined.complete, points: cuts,
                            note: undefined.complete ? nil : undefined.note)
        let chart = SignChart.of(f, on: model.domain, finder: ZeroFinder(assuming: model.assumptions), undefinedAt: extra)
        let word = positive ? "positive" : "negative"
        var answer = chart.hasSignEverywhere(positive ? 1 : -1)
        // A witness must be a point where q as written has a value.
        switch answer {
        case .refuted(.rational(let w, _)?) where !isDefined(written.definedness, at: CanonicalForm(w)):
            answer = .unknown("the witness \(t) = \(w) is not a point where \(printASCII(q)) is defined")
        case .refuted(.point(let p, _)?) where p.exactValue.map({ !isDefined(written.definedness, at: $0) }) ?? true:
            answer = .unknown("\(printASCII(q)) is not proven defined at \(pointText(p))")
        case .proven where !undefined.intervals.isEmpty:
            answer = .unknown("\(printASCII(q)) is undefined on part of the domain")
        default: break
        }
        switch answer {
        case .proven(let witness):
            if case .rational(let w, _)? = witness {
                return .proven("\(printASCII(q)) has no zero or pole on the domain and is \(word) at \(t) = \(w)")
            }
            return .proven("\(printASCII(q)) is \(word) on each piece of the domain between its zeros and cut points (complete)")
        case .refuted(let witness):
            switch witness {
            case .rational(let w, let sign)?:
                if sign == 0 { return .refuted("\(printASCII(q)) is identically 0", at: "\(t) = \(w)") }
                return .refuted("\(printASCII(q)) is \(sign > 0 ? "positive" : "negative") at \(t) = \(w)", at: "\(t) = \(w)")
            case .point(let p, let sign)?:
                if sign == 0 { return .refuted("\(printASCII(q)) vanishes at \(pointText(p))", at: pointText(p)) }
                return .refuted("\(printASCII(q)) is \(sign > 0 ? "positive" : "negative") at \(pointText(p))", at: pointText(p))
            case nil:
                return .refuted("\(printASCII(q)) is identically 0")
            }
        case .unknown(let reason):
            return .unknown("the sign of \(printASCII(q)) on the domain could not be decided: \(reason)")
        }
    }
}
