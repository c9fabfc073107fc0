import Exact

/// One condition under which an expression is defined in the reals: a denominator
/// is nonzero, a square-root radicand nonnegative, a logarithm's argument positive.
///
/// The canonical form forgets such conditions: (t − 1)/(t − 1) is 1, √(t − ½)² is
/// t − ½, and sin(u)/u keeps its 0/0 only by luck. So the simplifier records them as it
/// reads the *original* expression (`Simplifier.definedForm(of:)`), and the analysis
/// decides them on the domain. The function of a condition is itself a canonical form,
/// equal to the original subexpression wherever that subexpression is defined; its own
/// conditions are recorded separately (they come from its subexpressions).
public enum DefinednessCondition: Hashable, Sendable, CustomStringConvertible {
    /// f ≠ 0: a divisor, a base raised to a negative power, tan's cosine.
    case nonzero(CanonicalForm)
    /// f ≥ 0: a square-root radicand.
    case nonnegative(CanonicalForm)
    /// f > 0: a logarithm's argument, a base raised to a non-integer power.
    case positive(CanonicalForm)
    /// f ≠ 0 or g ≠ 0: Var(x_t) = α²s² + σ² > 0 needs (α, σ) ≠ (0, 0). Stated this way
    /// because the sum of squares has zeros of even order, which sign-change
    /// certificates cannot see, while the common zeros of α and σ are exact.
    case notBothZero(CanonicalForm, CanonicalForm)

    /// The function whose zeros bound the set where the condition holds (for
    /// `notBothZero`, the first: the condition can fail only at its zeros).
    public var function: CanonicalForm {
        switch self {
        case .nonzero(let f), .nonnegative(let f), .positive(let f), .notBothZero(let f, _): return f
        }
    }

    /// True when the condition fails at the zeros of its function (≠ 0 and > 0).
    public var excludesZeros: Bool {
        if case .nonnegative = self { return false }
        return true
    }

    /// True when the condition fails where its function is negative (≥ 0 and > 0).
    public var excludesNegativeValues: Bool {
        switch self {
        case .nonzero, .notBothZero: return false
        case .nonnegative, .positive: return true
        }
    }

    public var description: String {
        let text = printASCII(function.expression)
        switch self {
        case .nonzero: return "\(text) ≠ 0"
        case .nonnegative: return "\(text) ≥ 0"
        case .positive: return "\(text) > 0"
        case .notBothZero(_, let g): return "(\(text), \(printASCII(g.expression))) ≠ (0, 0)"
        }
    }

    /// The condition with symbols replaced (a quantity applied at a point).
    public func substituting(_ bindings: [String: CanonicalForm], assuming assumptions: Assumptions = .none) throws(SimplificationError) -> DefinednessCondition {
        switch self {
        case .nonzero(let f): return .nonzero(try f.substituting(bindings, assuming: assumptions))
        case .nonnegative(let f): return .nonnegative(try f.substituting(bindings, assuming: assumptions))
        case .positive(let f): return .positive(try f.substituting(bindings, assuming: assumptions))
        case .notBothZero(let f, let g):
            return .notBothZero(try f.substituting(bindings, assuming: assumptions), try g.substituting(bindings, assuming: assumptions))
        }
    }

    /// True, without looking at any point, when the condition holds wherever its
    /// function is defined: a nonzero constant, or a form that is a sum of positive
    /// terms (see `CanonicalForm.isStructurallyPositive`). (f, g) ≠ (0, 0) also holds
    /// when f² + g² does: α² + (√(1 − α²))² = 1 for any α, since f and g are real
    /// wherever they are defined.
    public var holdsTrivially: Bool {
        if case .notBothZero(let f, let g) = self {
            if DefinednessCondition.nonzero(f).holdsTrivially || DefinednessCondition.nonzero(g).holdsTrivially { return true }
            guard let squares = try? f.power(2) + g.power(2) else { return false }
            return DefinednessCondition.nonzero(squares).holdsTrivially
        }
        let f = function
        if let c = f.rationalValue {
            switch self {
            case .nonzero: return !c.isZero
            case .nonnegative: return !c.isNegative
            case .positive: return c.isPositive
            case .notBothZero: return !c.isZero
            }
        }
        if f.isStructurallyPositive { return true }
        if case .nonnegative = self, f.isStructurallyNonnegative { return true }
        if case .nonzero = self, (-f).isStructurallyPositive { return true }
        return false
    }
}

/// The conditions under which an expression is defined: a point is in the expression's
/// domain of definition when every condition holds there (and the condition functions
/// are themselves defined there — their conditions are in the list too).
public struct Definedness: Hashable, Sendable, CustomStringConvertible {
    public private(set) var conditions: [DefinednessCondition] = []

    public init() {}

    public init(_ conditions: [DefinednessCondition]) {
        for c in conditions { insert(c) }
    }

    /// Everywhere defined (no condition).
    public static let everywhere = Definedness()

    public var isEmpty: Bool { conditions.isEmpty }

    /// Adds a condition unless it holds trivially or is already there.
    public mutating func insert(_ condition: DefinednessCondition) {
        // (0, g) ≠ (0, 0) is g ≠ 0.
        if case .notBothZero(let f, let g) = condition, f.isZero || g.isZero {
            insert(.nonzero(f.isZero ? g : f))
            return
        }
        if condition.holdsTrivially || conditions.contains(condition) { return }
        // f > 0 implies f ≥ 0 and f ≠ 0; keep the strongest only.
        if case .positive(let f) = condition {
            conditions.removeAll { $0 == .nonnegative(f) || $0 == .nonzero(f) }
        } else if conditions.contains(.positive(condition.function)) {
            return
        }
        conditions.append(condition)
    }

    public mutating func formUnion(_ other: Definedness) {
        for c in other.conditions { insert(c) }
    }

    public func union(_ other: Definedness) -> Definedness {
        var copy = self
        copy.formUnion(other)
        return copy
    }

    public var description: String {
        conditions.isEmpty ? "everywhere" : conditions.map(\.description).joined(separator: ", ")
    }

    /// Whether every condition holds at a point (symbols bound to exact values):
    /// true or false when proven (exact substitution, then the sign of the value by
    /// its canonical form or an Arb ball), nil when undecided. A condition whose
    /// function cannot be evaluated there (its own divisor vanishes) fails.
    public func holds(at point: [String: CanonicalForm], assuming assumptions: Assumptions = .none) -> Bool? {
        var result: Bool? = true
        // A divisor that is 0 or a √/log of a negative constant there means undefined;
        // a budget or deadline that ran out means nothing.
        func value(_ f: CanonicalForm) -> CanonicalForm?? {
            do { return .some(try f.substituting(point, assuming: assumptions)) } catch {
                switch error {
                case .divisionByZero, .domain: return .some(nil)
                case .tooLarge, .timeBudgetExceeded: return nil
                }
            }
        }
        for condition in conditions {
            guard let evaluated = value(condition.function) else { result = nil; continue }
            guard let v = evaluated else { return false }
            var sign: Int?
            // A value of an unknown function (α(1/2)) has no enclosure, but is not undefined.
            if v.isZero { sign = 0 } else if v.symbols.isEmpty, v.abstractFunctions.isEmpty {
                for precision in [128, 1024] {
                    let b = v.ball(at: [:], precision: precision)
                    if !b.isFinite { return false }
                    if b.isCertainlyPositive { sign = 1; break }
                    if b.isCertainlyNegative { sign = -1; break }
                }
                if sign == nil, ZeroTest(assuming: assumptions).test(v).isProvenZero { sign = 0 }
            }
            if case .notBothZero(_, let g) = condition, sign == 0 {
                guard let evaluatedG = value(g) else { result = nil; continue }
                guard let w = evaluatedG else { return false }
                if w.isZero { return false }
                if w.symbols.isEmpty, w.ball(at: [:], precision: 256).isCertainlyNonzero { continue }
                result = nil
                continue
            }
            guard let sign else { result = nil; continue }
            switch condition {
            case .nonzero, .notBothZero: if sign == 0 { return false }
            case .nonnegative: if sign < 0 { return false }
            case .positive: if sign <= 0 { return false }
            }
        }
        return result
    }

    /// The conditions a canonical form itself needs, read from its structure: its
    /// denominator is nonzero, each √R has R ≥ 0, each log(a) has a > 0, and the same
    /// inside every kernel's argument. These are the points where the form may be
    /// undefined or discontinuous (atan(1/(t − 1/3)) jumps where 3t − 1 = 0), so a
    /// certificate that needs continuity must not cross their zeros.
    public static func structural(of f: CanonicalForm) -> Definedness {
        var out = Definedness()
        out.collectStructural(of: f)
        return out
    }

    mutating func collectStructural(of f: CanonicalForm) {
        if !f.denominator.isOne, let d = try? CanonicalForm(numerator: f.denominator, denominator: f.denominator.ring.one) {
            insert(.nonzero(d))
        }
        for kernel in f.kernels {
            switch kernel {
            case .symbol, .pi: break
            case .abstract(_, let a):
                // A smooth function is defined everywhere; its argument may not be.
                collectStructural(of: a)
            default:
                // The kernel's own conditions (√R: R ≥ 0, log a: a > 0), then its argument's.
                let a = kernel.argument!
                for condition in (try? kernel.function!.spec.argumentConditions(a)) ?? [] { insert(condition) }
                collectStructural(of: a)
            }
        }
    }
}

extension CanonicalForm {
    /// Positive wherever defined, by its shape alone: numerator and denominator are
    /// sums of terms with positive coefficients whose kernels are positive (π, exp) or
    /// nonnegative (√) or raised to even powers, and each has a term built from π and
    /// exp kernels only (a positive constant, e^a), which keeps the sum away from 0.
    public var isStructurallyPositive: Bool {
        Self.isStrictlyPositiveSum(numerator) && Self.isStrictlyPositiveSum(denominator)
    }

    /// Nonnegative wherever defined, by its shape alone (as above, without the strict term).
    public var isStructurallyNonnegative: Bool {
        CanonicalForm.isKnownPositive(numerator, .none) && Self.isStrictlyPositiveSum(denominator)
    }

    static func isStrictlyPositiveSum(_ p: MultivariatePolynomial) -> Bool {
        guard CanonicalForm.isKnownPositive(p, .none) else { return false }
        let strict = p.ring.variables.map { key -> Bool in
            switch KernelTable.shared.kernel(forKey: key) {
            case .pi: return true
            case let kernel: return kernel.facts?.range == .positive
            }
        }
        return p.terms.contains { term in
            term.exponents.enumerated().allSatisfy { i, e in e == 0 || strict[i] }
        }
    }
}
