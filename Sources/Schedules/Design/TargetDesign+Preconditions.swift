import Exact
import Symbolic

/// The proofs a design needs before it has a target: a function of time nonzero,
/// positive or nonnegative on the whole domain, each decided by the zero finder
/// (complete zero set, no undefined point, a certified ball between zeros); a
/// failure names the point or the sub-interval where it fails.
struct DesignPreconditions {
    var model: UnifiedModel
    var finder: ZeroFinder { ZeroFinder(assuming: model.assumptions) }
    var t: String { model.domain.variable }

    /// The sign (+1 or −1) of det A, proven constant and nonzero on the domain.
    func nonzero(_ det: CanonicalForm, requirement r: DesignRequirement) throws -> Int {
        let what = r.quantity == .det ? "det A = \(text(det))" : "det A = \(text(det)) (from \(r.quantity.rawValue) = \(printASCII(r.written)))"
        switch finder.sign(of: det, on: model.domain) {
        case .positive(let ends) where ends.isEmpty: return 1
        case .negative: return -1
        case .positive(let ends): throw TargetDesignError(r.quantity.option, "\(what) is 0 at \(ends[0].text(variable: t)), a point of the domain: the target would not determine x0 and eps there")
        case .zeroInside(let p): throw TargetDesignError(r.quantity.option, "\(what) is 0 at \(p.text(variable: t)), a point of the domain: the target would not determine x0 and eps there")
        case .identicallyZero: throw TargetDesignError(r.quantity.option, "\(what) is 0 on the whole domain")
        case .undefined(let p): throw TargetDesignError(r.quantity.option, "\(what) is undefined at \(p.text(variable: t))")
        case .unknown(let why): throw TargetDesignError(r.quantity.option, "could not prove \(what) nonzero on the domain: \(why)")
        }
    }

    /// `f` > 0 at every point of the domain.
    func positive(_ f: CanonicalForm, requirement r: DesignRequirement, failure: String) throws {
        let sign = finder.sign(of: f, on: model.domain)
        if case .positive(let ends) = sign, ends.isEmpty { return }
        throw failed(f, sign, r, failure)
    }

    /// `f` ≥ 0 at every point of the domain.
    func nonnegative(_ f: CanonicalForm, requirement r: DesignRequirement, failure: String) throws {
        let sign = finder.sign(of: f, on: model.domain)
        switch sign {
        case .positive, .identicallyZero: return
        case .zeroInside where segments(f).allSatisfy({ $0.sign == 1 }): return   // touches 0 only at its zeros
        default: throw failed(f, sign, r, failure, zerosFail: false)
        }
    }

    /// `zerosFail`: whether the zeros of `f` are failures too (f > 0 needed) or not
    /// (f ≥ 0 needed); it decides whether the reported intervals contain them.
    func failed(_ f: CanonicalForm, _ sign: SignOnDomain, _ r: DesignRequirement, _ failure: String,
                zerosFail: Bool = true) -> TargetDesignError {
        let subject = "\(r.quantity.rawValue) = \(printASCII(r.written))"
        switch sign {
        case .positive(let ends):
            return TargetDesignError(r.quantity.option, "\(subject): \(failure) at \(ends[0].text(variable: t)) (\(text(f)) is 0 there)")
        case .identicallyZero:
            return TargetDesignError(r.quantity.option, "\(subject): \(failure) on the whole domain")
        case .negative:
            // Zeros at the ends only (the sign is that of the interior).
            let zeros = finder.zeros(of: f, on: model.domain).points
            guard let p = zeros.first else {
                return TargetDesignError(r.quantity.option, "\(subject): \(failure) on the whole domain (\(text(f)) < 0)")
            }
            return located(f, r, failure, zero: p, zerosFail: zerosFail)
        case .zeroInside(let p):
            return located(f, r, failure, zero: p, zerosFail: zerosFail)
        case .undefined(let p):
            return TargetDesignError(r.quantity.option, "\(subject) is undefined at \(p.text(variable: t))")
        case .unknown(let why):
            return TargetDesignError(r.quantity.option, "\(subject): could not prove the contrary of \(failure) on the domain: \(why)")
        }
    }

    /// The failure on the sub-intervals where `f` < 0, with one of its zeros.
    func located(_ f: CanonicalForm, _ r: DesignRequirement, _ failure: String, zero p: ZeroPoint, zerosFail: Bool) -> TargetDesignError {
        let region = segments(f).filter { $0.sign == -1 }.map { "\(t) in \($0.text(closedAtZeros: zerosFail))" }.joined(separator: " and ")
        let whereText = region.isEmpty ? "at \(p.text(variable: t))" : "for \(region)"
        return TargetDesignError(r.quantity.option, "\(r.quantity.rawValue) = \(printASCII(r.written)): \(failure) \(whereText) (\(text(f)) is 0 at \(p.text(variable: t)))")
    }

    /// The sub-intervals of the domain between consecutive zeros of `f` (or a zero and
    /// an end), each with its sign: with a complete zero set and no pole, `f` keeps
    /// one sign between zeros, and a certified ball at a rational point inside gives
    /// it (0 when the ball does not decide). Empty when the zero set is incomplete.
    func segments(_ f: CanonicalForm) -> [DomainSegment] {
        let zeros = finder.zeros(of: f, on: model.domain)
        guard zeros.complete, !zeros.identicallyZero else { return [] }
        let domain = model.domain
        func end(_ form: CanonicalForm?, infinite: String, closed: Bool) -> DomainSegment.End {
            DomainSegment.End(key: form?.ball(at: [:], precision: 128).midpoint, text: form.map(text) ?? infinite, isZero: false, closed: closed)
        }
        var ends = [end(domain.lower, infinite: "-inf", closed: domain.lowerClosed)]
        for p in zeros.points.sorted(by: { $0.sortKey < $1.sortKey }) {
            ends.append(DomainSegment.End(key: p.sortKey, text: Self.bound(p), isZero: true, closed: true))
        }
        ends.append(end(domain.upper, infinite: "inf", closed: domain.upperClosed))
        var out: [DomainSegment] = []
        for (l, u) in zip(ends, ends.dropFirst()) {
            let inside: Rational?
            switch (l.key, u.key) {
            case (let a?, let b?): inside = a < b ? (a + b).timesPowerOfTwo(-1) : nil
            case (let a?, nil): inside = a + 1
            case (nil, let b?): inside = b - 1
            default: inside = .zero
            }
            guard let inside else { continue }
            let ball = f.ball(at: [t: inside], precision: 256)
            out.append(DomainSegment(lower: l, upper: u, sign: ball.isCertainlyPositive ? 1 : ball.isCertainlyNegative ? -1 : 0))
        }
        return out
    }

    /// A zero as an interval end: its exact value, or its decimal approximation.
    static func bound(_ p: ZeroPoint) -> String {
        if case .exact(let f) = p.location { return printASCII(f.expression) }
        return "≈\(p.approximation)"
    }

    func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }
}

/// A piece of the domain between zeros of a function, with the function's sign there.
struct DomainSegment {
    struct End {
        var key: Rational?
        var text: String
        var isZero: Bool
        var closed: Bool
    }

    var lower: End
    var upper: End
    /// +1, −1, or 0 when not decided.
    var sign: Int

    /// `[2, 80]`; a zero end is open unless `closedAtZeros`, a domain end as the domain is.
    func text(closedAtZeros: Bool) -> String {
        let open = lower.isZero ? (closedAtZeros ? "[" : "(") : (lower.closed ? "[" : "(")
        let close = upper.isZero ? (closedAtZeros ? "]" : ")") : (upper.closed ? "]" : ")")
        return "\(open)\(lower.text), \(upper.text)\(close)"
    }
}
