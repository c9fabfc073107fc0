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
    /// Where the coefficients as written are undefined on the domain.
    public var undefined: UndefinedSet
    /// The conditions behind `undefined`: the coefficients' as written and their
    /// canonical forms' own.
    public var coefficientDefinedness: Definedness

    /// The value of a quantity at an end of the domain.
    public enum EndValue: Sendable, Equatable {
        /// The exact value (the limit, where the end is open).
        case exact(CanonicalForm)
        /// Not determined (an infinite end, or a quantity undefined there).
        case unknown(String)
        /// The end belongs to the domain, but the quantity as written has no value
        /// there; the one-sided limit from inside the domain, when it was found.
        case undefined(limit: Limit?)
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
        // Definedness: the coefficients as written, then each quantity's own formula.
        let finder = ZeroFinder(assuming: model.assumptions)
        var conditionZeros: [CanonicalForm: ZeroSet] = [:]
        func zerosOfCondition(_ g: CanonicalForm) -> ZeroSet {
            if let z = conditionZeros[g] { return z }
            let z = finder.zeros(of: g, on: model.domain)
            conditionZeros[g] = z
            return z
        }
        let coefficients = model.coefficientDefinedness
        coefficientDefinedness = coefficients
        let coefficientChart = Deadline.forQuantity {
            DefinednessChart(coefficients, on: model.domain, positiveParameters: model.assumptions.positive, zeros: zerosOfCondition)
        }
        undefined = coefficientChart.undefinedSet
        undefined.limits = undefined.points.map { p in
            // Where a coefficient has a removable singularity or a jump, say where it goes
            // (one quantity's budget per point: a limit past it is unknown, not waited for).
            guard let x = p.exactValue else { return [:] }
            return Deadline.forQuantity { () -> [String: UndefinedSet.SideLimits] in
                var out: [String: UndefinedSet.SideLimits] = [:]
                for name in ["alpha", "sigma", "det", "rho"] {
                    guard case .success(let f)? = q[name] else { continue }
                    let left = OneSidedLimit(variable: t, point: x, side: -1, assumptions: model.assumptions).limit(of: f)
                    let right = OneSidedLimit(variable: t, point: x, side: 1, assumptions: model.assumptions).limit(of: f)
                    if left != nil || right != nil { out[name] = UndefinedSet.SideLimits(left: left, right: right) }
                }
                return out
            }
        }
        var charts: [String: DefinednessChart] = [:]
        func chart(_ name: String) -> DefinednessChart {
            if let c = charts[name] { return c }
            let own = model.formulaDefinedness(of: name, q)
            var c = coefficientChart
            if !own.isEmpty {
                var all = coefficients
                all.formUnion(own)
                c = Deadline.forQuantity {
                    DefinednessChart(all, on: model.domain, positiveParameters: model.assumptions.positive, zeros: zerosOfCondition)
                }
            }
            charts[name] = c
            return c
        }
        ends = (Self.endValues(q, model, lower: true, chart: chart), Self.endValues(q, model, lower: false, chart: chart))
        var zeroSets: [String: ZeroSet] = [:]
        for name in Self.zeroSetQuantities {
            switch q[name]! {
            case .success(let f):
                zeroSets[name] = Self.restricted(Deadline.forQuantity { finder.zeros(of: f, on: model.domain) }, to: chart(name), f, model,
                                                 undefinedText: name == "rho" || name == "det" ? "\(name == "rho" ? "ρ" : "det A") is undefined there"
                                                     : "the schedule is undefined there")
            case .failure(let e):
                zeroSets[name] = .incomplete("\(name) is undefined: \(e)")
            }
        }
        zeros = zeroSets
    }

    /// A zero set with the points where the quantity *as written* is undefined taken
    /// out (ρ may tend to 0 there, but has no value), and incomplete when it is not
    /// known everywhere where the quantity is defined.
    static func restricted(_ set: ZeroSet, to chart: DefinednessChart, _ f: CanonicalForm, _ model: UnifiedModel,
                           undefinedText: String) -> ZeroSet {
        guard !set.identicallyZero else {
            return chart.definedEverywhere ? set : ZeroSet(identicallyZero: true, complete: chart.complete, points: [], note: chart.notes.isEmpty ? nil : chart.notes.joined(separator: "; "))
        }
        var out = set
        var notes: [String] = set.note.map { [$0] } ?? []
        out.excluded = []
        out.points = []
        for p in set.points {
            switch chart.status(of: p) {
            case .defined: out.points.append(p)
            case .undefined:
                var text = "\(model.time) = \(p.approximation) is left out: \(undefinedText)"
                if let x = p.exactValue {
                    // Limits only from sides inside the domain.
                    let atLower = model.domain.lower == x, atUpper = model.domain.upper == x
                    let left = atLower ? nil : OneSidedLimit(variable: model.time, point: x, side: -1, assumptions: model.assumptions).limit(of: f)
                    let right = atUpper ? nil : OneSidedLimit(variable: model.time, point: x, side: 1, assumptions: model.assumptions).limit(of: f)
                    if let l = left ?? right, left == nil || right == nil || left == right {
                        text += " (the limit there is \(Self.text(l)))"
                    }
                }
                out.excluded.append(text)
            case .unknown:
                out.complete = false
                notes.append("whether the schedule is defined at t = \(p.approximation) was not decided")
            }
        }
        if !chart.complete {
            out.complete = false
            notes.append(contentsOf: chart.notes)
        }
        out.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return out
    }

    static func text(_ limit: Limit) -> String {
        switch limit {
        case .finite(let v): return printASCII(v.expression)
        case .positiveInfinity: return "inf"
        case .negativeInfinity: return "-inf"
        }
    }

    static func endValues(_ q: [String: Result<CanonicalForm, SimplificationError>], _ model: UnifiedModel, lower: Bool,
                          chart: (String) -> DefinednessChart) -> [String: EndValue] {
        let end = lower ? model.domain.lower : model.domain.upper
        let closed = lower ? model.domain.lowerClosed : model.domain.upperClosed
        var out: [String: EndValue] = [:]
        for name in UnifiedModel.quantityNames {
            guard case .success(let f) = q[name]! else { out[name] = .unknown("undefined on the domain"); continue }
            let c = chart(name)
            guard let end else {
                // The quantity must be defined on the last piece for a limit at ∞ to mean anything.
                let last = lower ? c.pieces.first?.status : c.pieces.last?.status
                guard last == .defined, c.complete else { out[name] = .unknown("not proven defined for large \(model.time)"); continue }
                out[name] = limitAtInfinity(f, model.time).map { .exact($0) } ?? .unknown("limit at infinity not determined")
                continue
            }
            let limit = { OneSidedLimit(variable: model.time, point: end, side: lower ? 1 : -1, assumptions: model.assumptions).limit(of: f) }
            // The piece next to the end must be defined for a limit to mean anything.
            let inside = lower ? c.pieces.first?.status : c.pieces.last?.status
            if closed {
                switch lower ? c.lowerEnd : c.upperEnd {
                case .defined?:
                    if let v = try? Deadline.forQuantity({ try f.substituting([model.time: end], assuming: model.assumptions) }), !v.symbols.isEmpty || v.ball(at: [:], precision: 128).isFinite {
                        out[name] = .exact(v)
                    } else {
                        out[name] = .unknown("the value at \(printASCII(end.expression)) was not determined")
                    }
                case .undefined?:
                    out[name] = .undefined(limit: inside == .defined && c.complete ? limit() : nil)
                default:
                    out[name] = .unknown("whether it is defined at \(printASCII(end.expression)) was not decided")
                }
                continue
            }
            guard inside == .defined, c.complete else { out[name] = .unknown("not proven defined next to \(printASCII(end.expression))"); continue }
            if case .finite(let v)? = limit() { out[name] = .exact(v) } else {
                out[name] = .unknown("the limit at \(printASCII(end.expression)) was not determined")
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
}

extension ModelAnalysis {
    /// The coefficients are undefined at every point of the domain (proven).
    public var undefinedEverywhere: Bool {
        guard undefined.complete, undefined.points.isEmpty, undefined.intervals.count == 1, let i = undefined.intervals.first else { return false }
        func isEnd(_ b: UndefinedSet.Boundary, _ end: CanonicalForm?, closed: Bool, inclusive: Bool) -> Bool {
            switch b {
            case .infinity: return end == nil
            case .point(let p): return p.location == .exact(end ?? .zero) && end != nil && (inclusive == closed)
            }
        }
        return isEnd(i.lower, model.domain.lower, closed: model.domain.lowerClosed, inclusive: i.lowerClosed)
            && isEnd(i.upper, model.domain.upper, closed: model.domain.upperClosed, inclusive: i.upperClosed)
    }

    /// Where a quantity is defined as written: the coefficients' conditions and the
    /// quantity's own (ρ needs Var(x_t)·Var(y) > 0, …).
    public func definedness(ofQuantity name: String) -> Definedness {
        model.definedness(ofQuantity: name, quantities)
    }

    public func zerosAsWritten(_ f: CanonicalForm, definedness: Definedness) -> ZeroSet {
        model.zerosAsWritten(f, definedness: definedness)
    }

    /// The simplifier for expressions over the schedule's quantities (claims, REPL
    /// queries): each quantity name bound to its form and its definedness.
    public var quantitySimplifier: Simplifier {
        // Abstract functions first: the quantity alpha of `function alpha` is α itself.
        var bindings = Dictionary(model.functions.map { ($0.primedName, CanonicalForm.abstract($0)) }) { first, _ in first }
        var definedness: [String: Definedness] = [:]
        for (name, value) in quantities {
            guard case .success(let f) = value else { continue }
            bindings[name] = f
            definedness[name] = self.definedness(ofQuantity: name)
        }
        return Simplifier(assuming: model.assumptions, bindings: bindings, bindingDefinedness: definedness, timeVariable: model.time)
    }
}

extension UnifiedModel {
    /// The chart of where `definedness` holds on the schedule's domain.
    func chart(_ definedness: Definedness) -> DefinednessChart {
        let finder = ZeroFinder(assuming: assumptions)
        return DefinednessChart(definedness, on: domain, positiveParameters: assumptions.positive) {
            finder.zeros(of: $0, on: domain)
        }
    }

    /// The zeros on the domain of an expression whose canonical form is `f` and which,
    /// as written, is defined where `definedness` holds (with the coefficients'
    /// conditions): the zeros of f, with the points where the expression is undefined
    /// left out, `complete` only when the definedness is decided everywhere.
    public func zerosAsWritten(_ f: CanonicalForm, definedness: Definedness) -> ZeroSet {
        let all = definedness.union(coefficientDefinedness)
        let set = ZeroFinder(assuming: assumptions).zeros(of: f, on: domain)
        return ModelAnalysis.restricted(set, to: chart(all), f, self, undefinedText: "it is undefined there")
    }
}
