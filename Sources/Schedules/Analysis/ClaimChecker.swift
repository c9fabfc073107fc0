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
        var bindings: [String: CanonicalForm] = [:]
        for (name, value) in analysis.quantities { if case .success(let f) = value { bindings[name] = f } }
        return try Simplifier(assuming: model.assumptions, bindings: bindings).canonicalForm(of: e)
    }

    static func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }

    /// The verdict, within one quantity's time budget (`Deadline.forQuantity`).
    public func check(_ claim: Claim) -> ClaimVerdict {
        Deadline.forQuantity { verdict(claim) }
    }

    func verdict(_ claim: Claim) -> ClaimVerdict {
        do {
            switch claim {
            case .identity(let q, let e):
                let difference = try form(q) - form(e)
                switch ZeroTest(assuming: model.assumptions).test(difference) {
                case .zero(let method):
                    return .proven("\(printASCII(q)) − (\(printASCII(e))) is 0: \(method)")
                case .nonzero(let point, let value):
                    let at = point.keys.sorted().map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
                    return .refuted("\(printASCII(q)) − (\(printASCII(e))) = \(value) ≠ 0 at \(at)", at: at)
                case .unknown(let reason):
                    return .unknown("the difference \(Self.text(difference)) is neither proven zero nor nonzero: \(reason)")
                }
            case .nonzero(let q):
                let z = ZeroFinder(assuming: model.assumptions).zeros(of: try form(q), on: model.domain)
                if z.identicallyZero { return .refuted("\(printASCII(q)) is identically 0") }
                if let p = z.points.first { return .refuted("\(printASCII(q)) vanishes at \(pointText(p))", at: pointText(p)) }
                if z.complete { return .proven("the zero set of \(printASCII(q)) on the domain is empty (complete)") }
                return .unknown("no zero found, but the search was incomplete: \(z.note ?? "")")
            case .zeroAt(let q, let variable, let at):
                let value = try form(at)
                let atPoint = try form(q).substituting([variable: value], assuming: model.assumptions)
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

    func pointText(_ p: ZeroPoint) -> String {
        switch p.location {
        case .exact(let f): return "\(t) = \(Self.text(f))"
        case .enclosure(let l, let u, _): return "\(t) ≈ \(p.approximation) (in (\(l), \(u)))"
        }
    }

    func checkZeroSet(_ q: Expr, _ claimed: [Expr]) throws -> ClaimVerdict {
        let subject = try form(q)
        let z = ZeroFinder(assuming: model.assumptions).zeros(of: subject, on: model.domain)
        let claimedForms = try claimed.map(form)
        let listed = "{" + claimedForms.map(Self.text).joined(separator: ", ") + "}"
        if z.identicallyZero { return .refuted("\(printASCII(q)) is identically 0, not only at \(listed)") }
        // Each claimed point must be a zero, shown exactly: a ball inside an enclosure
        // is no proof that the claimed value is the zero there.
        var undecided: [String] = []
        for c in claimedForms {
            let value = try subject.substituting([t: c], assuming: model.assumptions)
            let verdict = ZeroTest(assuming: model.assumptions).test(value)
            if verdict.isProvenNonzero { return .refuted("\(printASCII(q)) at \(t) = \(Self.text(c)) is \(Self.text(value)) ≠ 0", at: "\(t) = \(Self.text(c))") }
            if !verdict.isProvenZero { undecided.append(Self.text(c)) }
        }
        // Each found zero must be claimed.
        var matched = 0
        for p in z.points {
            let isClaimed: Bool
            switch p.location {
            case .exact(let f): isClaimed = claimedForms.contains(f)
            case .enclosure(let l, let u, _):
                isClaimed = claimedForms.contains { c in
                    let b = c.ball(at: [:], precision: 256)
                    return (b.lowerBound.map { $0 > l } ?? false) && (b.upperBound.map { $0 < u } ?? false)
                }
            }
            if !isClaimed { return .refuted("\(printASCII(q)) also vanishes at \(pointText(p)), which \(listed) leaves out", at: pointText(p)) }
            matched += 1
        }
        if !undecided.isEmpty {
            return .unknown("\(printASCII(q)) at \(t) = \(undecided.joined(separator: ", ")) could be neither proven zero nor nonzero")
        }
        if z.complete && matched == z.points.count && z.points.count == claimedForms.count {
            return .proven("the zero set of \(printASCII(q)) on the domain is exactly \(listed) (complete)")
        }
        if z.complete && z.points.count < claimedForms.count {
            return .refuted("\(printASCII(q)) has \(z.points.count) zero(s) on the domain, not \(claimedForms.count): claimed points lie outside the domain or are listed twice")
        }
        return .unknown("the zero set found is incomplete: \(z.note ?? "")")
    }

    func checkSign(_ q: Expr, positive: Bool) throws -> ClaimVerdict {
        let f = try form(q)
        let z = ZeroFinder(assuming: model.assumptions).zeros(of: f, on: model.domain)
        let word = positive ? "positive" : "negative"
        if z.identicallyZero { return .refuted("\(printASCII(q)) is identically 0") }
        if let p = z.points.first { return .refuted("\(printASCII(q)) vanishes at \(pointText(p))", at: pointText(p)) }
        guard z.complete else { return .unknown("the zero set could not be completed: \(z.note ?? "")") }
        // No pole either (a sign can change through one).
        if !f.isPolynomial {
            let denominator = try CanonicalForm(numerator: f.denominator, denominator: f.denominator.ring.one)
            let poles = ZeroFinder(assuming: model.assumptions).zeros(of: denominator, on: model.domain)
            if !poles.complete || !poles.points.isEmpty || poles.identicallyZero {
                return .unknown("\(printASCII(q)) has or may have poles on the domain")
            }
        }
        // No zero on the domain: the sign anywhere is the sign everywhere (continuity).
        guard let sample = samplePoint() else { return .unknown("no interior point to test the sign") }
        let b = f.ball(at: [t: sample], precision: 256)
        if (positive && b.isCertainlyPositive) || (!positive && b.isCertainlyNegative) {
            return .proven("\(printASCII(q)) has no zero on the domain and is \(word) at \(t) = \(sample)")
        }
        if (positive && b.isCertainlyNegative) || (!positive && b.isCertainlyPositive) {
            return .refuted("\(printASCII(q)) is \(positive ? "negative" : "positive") at \(t) = \(sample)", at: "\(t) = \(sample)")
        }
        return .unknown("the sign at \(t) = \(sample) could not be decided")
    }

    func samplePoint() -> Rational? {
        let l = model.domain.lower?.ball(at: [:], precision: 128).upperBound
        let u = model.domain.upper?.ball(at: [:], precision: 128).lowerBound
        switch (l, u) {
        case (let l?, let u?): return l < u ? (l + u).timesPowerOfTwo(-1) : nil
        case (let l?, nil): return l + 1
        case (nil, let u?): return u - 1
        default: return .zero
        }
    }
}
