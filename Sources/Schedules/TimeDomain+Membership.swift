import Exact
import Symbolic

/// Whether a point lies in the time domain: proven inside, proven outside, or not
/// decided.
public enum DomainMembership: Sendable, Equatable {
    case inside
    case outside
    case unknown
}

extension TimeDomain {
    /// The domain for the analysis (zero sets, signs).
    public var analysisDomain: AnalysisDomain {
        AnalysisDomain(variable: name, lower: lower, upper: upper, lowerClosed: lowerClosed, upperClosed: upperClosed)
    }

    /// `[0, 1]`, `(0, inf)`, as a `time` statement writes it.
    public var text: String {
        let l = lower.map { printASCII($0.expression) } ?? "-inf"
        let u = upper.map { printASCII($0.expression) } ?? "inf"
        return (lowerClosed ? "[" : "(") + l + ", " + u + (upperClosed ? "]" : ")")
    }

    /// Whether `point` lies in the domain at every time of the domain: a constant
    /// (`1/2`), an expression in positive parameters, or a function of the time
    /// variable (`1 - t`, which stays in [0, 1] on [0, 1]). The quantities of a
    /// schedule are defined, and simplified, on the domain only, so `alpha(point)`
    /// means something only inside it.
    public func contains(_ point: CanonicalForm, assuming assumptions: Assumptions) -> DomainMembership {
        if point == .symbol(name) { return .inside }
        var sides: [(gap: CanonicalForm, closed: Bool)] = []
        do {
            if let lower { sides.append((try point - lower, lowerClosed)) }
            if let upper { sides.append((try upper - point, upperClosed)) }
        } catch {
            return .unknown
        }
        var undecided = false
        for side in sides {
            switch gapSign(side.gap, closed: side.closed, assumptions) {
            case .inside: continue
            case .outside: return .outside
            case .unknown: undecided = true
            }
        }
        return undecided ? .unknown : .inside
    }

    /// Whether `gap` (point − lower end, or upper end − point) keeps the point on
    /// the domain's side of that end: > 0, or 0 where the end is closed.
    private func gapSign(_ gap: CanonicalForm, closed: Bool, _ assumptions: Assumptions) -> DomainMembership {
        if gap.isZero { return closed ? .inside : .outside }
        if !gap.symbols.contains(name) {
            if let s = ConstantSign.sign(gap) { return s > 0 ? .inside : .outside }
            let positive = assumptions.positive.subtracting([name])
            return ConstantSign.isPositive(gap, positiveSymbols: positive) ? .inside : .unknown
        }
        guard gap.symbols == [name] else { return .unknown }
        switch ZeroFinder(assuming: assumptions).sign(of: gap, on: analysisDomain) {
        case .positive(let zeros): return zeros.isEmpty || closed ? .inside : .outside
        case .identicallyZero: return closed ? .inside : .outside
        case .negative: return .outside
        case .undefined, .zeroInside, .unknown: return .unknown
        }
    }
}

extension TimeDomain {
    /// The first application `Q(a)` of `e` whose argument is not proven to lie in the
    /// domain (its argument simplified by `simplifier`), for callers outside schedule
    /// files (the REPL) that must refuse what a schedule file refuses.
    public func firstApplicationNotInside(_ e: Expr, simplifier: Simplifier)
        -> (name: String, argument: Expr, membership: DomainMembership)?
    {
        for (name, argument, _) in ExprWalk.applications(in: e) {
            guard let point = try? simplifier.canonicalForm(of: argument) else { continue }
            let membership = contains(point, assuming: simplifier.assumptions)
            if membership != .inside { return (name, argument, membership) }
        }
        return nil
    }
}
