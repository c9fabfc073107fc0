import Exact
import Symbolic

/// Everything sched derives for one schedule: the quantities, the inverse and the
/// one-step update, the values at the ends, the zero sets and the undefined points.
public struct ModelAnalysis: Sendable {
    public var model: UnifiedModel
    public var quantities: [String: Result<CanonicalForm, SimplificationError>]
    /// x̂0 = (d·x_t − σ·ŷ)/det A and ε̂ = (−c·x_t + α·ŷ)/det A, coefficient by coefficient.
    public var inverse: [String: Result<CanonicalForm, SimplificationError>]
    public var secondTime: String
    /// x_s = from_xt·x_t + from_target·ŷ.
    public var step: [String: Result<CanonicalForm, SimplificationError>]
    /// 1 − ρ² = s²·det²/(Var(x_t)·Var(y)), checked for this schedule.
    public var lagrangeIdentity: ZeroTestResult
    public var ends: (lower: [String: EndValue], upper: [String: EndValue])
    public var zeros: [String: ZeroSet]
    public var undefined: ZeroSet

    /// The value of a quantity at an end of the domain.
    public enum EndValue: Sendable, Equatable {
        /// The exact value (the limit, where the end is open).
        case exact(CanonicalForm)
        /// Not determined (an infinite end, or a quantity undefined there).
        case unknown(String)
    }

    public static let zeroSetQuantities = ["det", "rho", "alpha", "sigma"]

    public init(_ model: UnifiedModel) {
        self.model = model
        let q = model.quantities()
        quantities = q
        let t = model.time
        func get(_ name: String) throws(SimplificationError) -> CanonicalForm {
            switch q[name]! {
            case .success(let f): return f
            case .failure(let e): throw e
            }
        }
        func define(_ body: () throws -> CanonicalForm) -> Result<CanonicalForm, SimplificationError> {
            do { return .success(try Deadline.forQuantity(body)) } catch let error as SimplificationError { return .failure(error) } catch {
                return .failure(.domain("\(error)"))
            }
        }
        inverse = [
            "x0_from_xt": define { try model.d / get("det") },
            "x0_from_target": define { try -model.sigma / get("det") },
            "eps_from_xt": define { try -model.c / get("det") },
            "eps_from_target": define { try model.alpha / get("det") },
        ]
        let symbols = [model.alpha, model.sigma, model.c, model.d, model.dataVariance].reduce(into: Set<String>()) { $0.formUnion($1.symbols) }
        let s = model.secondTimeName(avoiding: symbols)
        secondTime = s
        let later: [String: CanonicalForm] = [t: .symbol(s)]
        step = [
            "from_xt": define {
                let alphaS = try model.alpha.substituting(later), sigmaS = try model.sigma.substituting(later)
                return try (alphaS * model.d - sigmaS * model.c) / get("det")
            },
            "from_target": define {
                let alphaS = try model.alpha.substituting(later), sigmaS = try model.sigma.substituting(later)
                return try (sigmaS * model.alpha - alphaS * model.sigma) / get("det")
            },
        ]
        lagrangeIdentity = Deadline.forQuantity {
            do {
                let rhs = try model.dataVariance * get("det").power(2) / (get("var_x") * get("var_y"))
                let difference = try CanonicalForm.one - get("rho").power(2) - rhs
                return ZeroTest(assuming: model.assumptions).test(difference)
            } catch {
                return .unknown(reason: "\(error)")
            }
        }
        ends = (Self.endValues(q, model, lower: true), Self.endValues(q, model, lower: false))
        let finder = ZeroFinder(assuming: model.assumptions)
        var zeroSets: [String: ZeroSet] = [:]
        for name in Self.zeroSetQuantities {
            switch q[name]! {
            case .success(let f): zeroSets[name] = Deadline.forQuantity { finder.zeros(of: f, on: model.domain) }
            case .failure(let e): zeroSets[name] = .incomplete("\(name) is undefined: \(e)")
            }
        }
        undefined = Deadline.forQuantity { Self.undefinedPoints(model, finder) }
        // A point where the coefficients are undefined is no zero (ρ may tend to 0
        // there, but has no value).
        let excluded = undefined.points.compactMap { p -> CanonicalForm? in
            if case .exact(let f) = p.location { return f }
            return nil
        }
        for (name, set) in zeroSets where !excluded.isEmpty {
            var kept = set
            kept.points = set.points.filter { p in
                if case .exact(let f) = p.location, excluded.contains(f) { return false }
                return true
            }
            if kept.points.count != set.points.count {
                let note = "points where the coefficients are undefined are left out"
                kept.note = kept.note.map { $0 + "; " + note } ?? note
            }
            zeroSets[name] = kept
        }
        zeros = zeroSets
    }

    static func endValues(_ q: [String: Result<CanonicalForm, SimplificationError>], _ model: UnifiedModel, lower: Bool) -> [String: EndValue] {
        let end = lower ? model.domain.lower : model.domain.upper
        var out: [String: EndValue] = [:]
        for name in UnifiedModel.quantityNames {
            guard case .success(let f) = q[name]! else { out[name] = .unknown("undefined on the domain"); continue }
            guard let end else {
                out[name] = limitAtInfinity(f, model.time).map { .exact($0) } ?? .unknown("limit at infinity not determined")
                continue
            }
            do { out[name] = .exact(try Deadline.forQuantity { try f.substituting([model.time: end], assuming: model.assumptions) }) } catch {
                out[name] = .unknown("undefined at \(printASCII(end.expression)): \(error)")
            }
        }
        return out
    }

    /// The limit at +∞ of a rational function of t alone (degrees compared), else nil.
    static func limitAtInfinity(_ f: CanonicalForm, _ t: String) -> CanonicalForm? {
        guard f.symbols.isSubset(of: [t]),
              let n = f.numerator.univariate(in: t), let d = f.denominator.univariate(in: t),
              Set(f.numerator.usedVariables).union(f.denominator.usedVariables).isSubset(of: [t]) else { return nil }
        if n.degree < d.degree { return .zero }
        if n.degree == d.degree { return CanonicalForm(n.leadingCoefficient / d.leadingCoefficient) }
        return nil   // ±∞: no finite value
    }

    /// Points of the domain where a coefficient is undefined: zeros of denominators and
    /// of log arguments, and the ends of stretches where a square-root argument is
    /// negative.
    static func undefinedPoints(_ model: UnifiedModel, _ finder: ZeroFinder) -> ZeroSet {
        var critical: [CanonicalForm] = []
        var radicands: [CanonicalForm] = []
        func collect(_ f: CanonicalForm) {
            if !f.denominator.isOne, let den = try? CanonicalForm(numerator: f.denominator, denominator: f.denominator.ring.one) {
                critical.append(den)
            }
            for k in f.kernels {
                switch k {
                case .log(let a): critical.append(a); collect(a)
                case .sqrt(let r): radicands.append(r); collect(r)
                case .exp(let a), .sin(let a), .cos(let a), .atan(let a): collect(a)
                default: break
                }
            }
        }
        for f in [model.alpha, model.sigma, model.c, model.d, model.dataVariance] { collect(f) }
        var points: [ZeroPoint] = []
        var notes: [String] = []
        var complete = true
        for f in critical {
            let z = finder.zeros(of: f, on: model.domain)
            if z.identicallyZero { notes.append("\(printASCII(f.expression)) vanishes identically"); complete = false; continue }
            points += z.points
            if !z.complete { complete = false; if let n = z.note { notes.append(n) } }
        }
        for r in radicands {
            // Negative somewhere? Check the sign between consecutive zeros.
            let z = finder.zeros(of: r, on: model.domain)
            if !z.complete { complete = false; if let n = z.note { notes.append(n) }; continue }
            if radicandNegativeSomewhere(r, zeros: z, model) {
                notes.append("the square-root argument \(printASCII(r.expression)) is negative on part of the domain")
                points += z.points
            }
        }
        return ZeroSet(identicallyZero: false, complete: complete, points: ZeroFinder.merged(points).map {
            var p = $0; p.multiplicity = nil; return p
        }, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    static func radicandNegativeSomewhere(_ r: CanonicalForm, zeros: ZeroSet, _ model: UnifiedModel) -> Bool {
        guard let lower = model.domain.lower?.ball(at: [:], precision: 128).midpoint else { return false }
        let upper = model.domain.upper?.ball(at: [:], precision: 128).midpoint ?? lower + 1000
        var marks = [lower]
        for p in zeros.points {
            switch p.location {
            case .exact(let f): if let m = f.ball(at: [:], precision: 128).midpoint { marks.append(m) }
            case .enclosure(let l, let u, _): marks.append((l + u).timesPowerOfTwo(-1))
            }
        }
        marks.append(upper)
        marks.sort()
        for (a, b) in zip(marks, marks.dropFirst()) where a < b {
            let m = (a + b).timesPowerOfTwo(-1)
            if r.ball(at: [model.time: m], precision: 128).isCertainlyNegative { return true }
        }
        return false
    }
}
