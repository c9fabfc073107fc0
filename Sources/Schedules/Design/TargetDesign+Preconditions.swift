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
        default: throw failed(f, sign, r, failure)
        }
    }

    func failed(_ f: CanonicalForm, _ sign: SignOnDomain, _ r: DesignRequirement, _ failure: String) -> TargetDesignError {
        let subject = "\(r.quantity.rawValue) = \(printASCII(r.written))"
        switch sign {
        case .positive(let ends):
            return TargetDesignError(r.quantity.option, "\(subject): \(failure) at \(ends[0].text(variable: t)) (\(text(f)) is 0 there)")
        case .identicallyZero:
            return TargetDesignError(r.quantity.option, "\(subject): \(failure) on the whole domain (\(text(f)) is 0)")
        case .negative:
            return TargetDesignError(r.quantity.option, "\(subject): \(failure) on the whole domain (\(text(f)) < 0)")
        case .zeroInside(let p):
            let region = negativeRegions(f).map { "\(t) in \($0)" }.joined(separator: " and ")
            let whereText = region.isEmpty ? "at \(p.text(variable: t))" : "for \(region)"
            return TargetDesignError(r.quantity.option, "\(subject): \(failure) \(whereText) (\(text(f)) is 0 at \(p.text(variable: t)))")
        case .undefined(let p):
            return TargetDesignError(r.quantity.option, "\(subject) is undefined at \(p.text(variable: t))")
        case .unknown(let why):
            return TargetDesignError(r.quantity.option, "\(subject): could not prove the contrary of \(failure) on the domain: \(why)")
        }
    }

    /// The closed sub-intervals of the domain where `f` < 0, between consecutive zeros
    /// (or a zero and an end): with a complete zero set and no pole, `f` keeps one sign
    /// between zeros, and a certified ball at a rational point inside gives it.
    func negativeRegions(_ f: CanonicalForm) -> [String] {
        let zeros = finder.zeros(of: f, on: model.domain)
        guard zeros.complete, !zeros.identicallyZero else { return [] }
        let points = zeros.points.sorted { $0.sortKey < $1.sortKey }
        let lower = model.domain.lower.map { ($0.ball(at: [:], precision: 128).midpoint, printASCII($0.expression)) }
        let upper = model.domain.upper.map { ($0.ball(at: [:], precision: 128).midpoint, printASCII($0.expression)) }
        var ends: [(Rational?, String)] = [lower.map { ($0.0, $0.1) } ?? (nil, "-inf")]
        for p in points { ends.append((p.sortKey, Self.bound(p))) }
        ends.append(upper.map { ($0.0, $0.1) } ?? (nil, "inf"))
        var regions: [String] = []
        for i in 0..<(ends.count - 1) {
            let (l, lText) = ends[i], (u, uText) = ends[i + 1]
            let inside: Rational?
            switch (l, u) {
            case (let l?, let u?): inside = l < u ? (l + u).timesPowerOfTwo(-1) : nil
            case (let l?, nil): inside = l + 1
            case (nil, let u?): inside = u - 1
            default: inside = .zero
            }
            guard let inside, f.ball(at: [t: inside], precision: 256).isCertainlyNegative else { continue }
            regions.append("[\(lText), \(uText)]")
        }
        return regions
    }

    /// A zero as an interval end: its exact value, or its decimal approximation.
    static func bound(_ p: ZeroPoint) -> String {
        if case .exact(let f) = p.location { return printASCII(f.expression) }
        return "≈\(p.approximation)"
    }

    func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }
}
