import Exact

/// The three-valued answer to "is this expression zero?".
public enum ZeroTestResult: Sendable, Equatable, CustomStringConvertible {
    /// Proven: the canonical form is 0 — an identity wherever the expression is defined.
    case zero(method: String)
    /// Proven: at `point` a rigorous ball evaluation of the expression excludes 0.
    case nonzero(point: [String: Rational], value: String)
    /// Neither could be shown.
    case unknown(reason: String)

    public var isProvenZero: Bool { if case .zero = self { return true }; return false }
    public var isProvenNonzero: Bool { if case .nonzero = self { return true }; return false }

    public var description: String {
        switch self {
        case .zero(let method): return "proven zero (\(method))"
        case .nonzero(let point, let value):
            let at = point.keys.sorted().map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
            return "proven nonzero: value \(value) at \(at.isEmpty ? "any point" : at)"
        case .unknown(let reason): return "unknown: \(reason)"
        }
    }
}

/// Zero testing: proven zero, proven nonzero (with a witness), or unknown — never a
/// wrong answer.
///
/// Why "proven zero" is sound: every rewrite that builds a canonical form is an
/// identity for the principal branch of each function wherever the input is real
/// and defined, and the canonical numerator is a polynomial in kernels reduced only
/// by relations the kernels satisfy (√R² = R, sin² + cos² = 1, exp(a)exp(b) =
/// exp(a + b)). A numerator that reduces to the zero polynomial therefore vanishes
/// at every point where the expression is defined. Nonzero is shown only by Arb
/// balls that exclude 0 at a point where the expression is defined.
public struct ZeroTest: Sendable {
    public var assumptions: Assumptions
    /// Values tried for symbols in the search for a nonzero witness (positive symbols
    /// use the positive ones).
    static let samplePoints: [Rational] = [
        Rational(3, 7), Rational(5, 11), Rational(-2, 9), Rational(13, 17), Rational(7, 5),
        Rational(-11, 6), Rational(1, 3), Rational(19, 8), Rational(-5, 13), Rational(29, 31),
    ]

    public init(assuming assumptions: Assumptions = .none) { self.assumptions = assumptions }

    /// `isZero(e)`.
    public func isZero(_ e: Expr) -> ZeroTestResult { test(e) }

    /// Tests an expression: proven zero through its canonical form; proven nonzero
    /// by a rigorous evaluation of the expression *itself* (not its canonical form)
    /// at a point where it is defined, so that the witness is admissible.
    public func test(_ e: Expr) -> ZeroTestResult {
        let form: CanonicalForm
        do { form = try Simplifier(assuming: assumptions).canonicalForm(of: e) } catch {
            return .unknown(reason: "it could not be simplified: \(error)")
        }
        if let zero = provenZero(form) { return zero }
        let symbols = (try? e.expandingDerivatives().freeVariables) ?? form.symbols
        for point in samplePoints(for: symbols.sorted()) {
            for precision in [128, 512, 2048] {
                if let e = Deadline.exceeded { return .unknown(reason: "\(e)") }
                guard let b = try? BallEvaluator().evaluate(e, at: point, precision: precision) else { break }
                if b.isCertainlyNonzero { return .nonzero(point: point, value: b.decimalString(digits: 10)) }
            }
        }
        return .unknown(reason: "the canonical form is not 0, and no point was found where a rigorous evaluation excludes 0")
    }

    /// Points tried in the search for a nonzero witness: for a symbol in `given`, its
    /// listed values only (none listed: no point at all); for the others the fixed
    /// samples (positive symbols get positive values).
    func samplePoints(for symbols: [String], given: [String: [Rational]] = [:]) -> [[String: Rational]] {
        if symbols.contains(where: { given[$0]?.isEmpty == true }) { return [] }
        let attempts = max(Self.samplePoints.count, symbols.compactMap { given[$0]?.count }.max() ?? 0)
        return (0..<attempts).map { attempt in
            var point: [String: Rational] = [:]
            for (i, name) in symbols.enumerated() {
                if let values = given[name] {
                    point[name] = values[(attempt + 3 * i) % values.count]
                    continue
                }
                var v = Self.samplePoints[(attempt + 3 * i) % Self.samplePoints.count]
                if assumptions.positive.contains(name) { v = v.magnitude }
                point[name] = v
            }
            return point
        }
    }

    public func test(_ form: CanonicalForm) -> ZeroTestResult {
        if let zero = provenZero(form) { return zero }
        if let e = Deadline.exceeded { return .unknown(reason: "\(e)") }
        if let witness = nonzeroWitness(form) { return witness }
        if let e = Deadline.exceeded { return .unknown(reason: "\(e)") }
        return .unknown(reason: "the canonical form is not 0, and no point was found where a rigorous evaluation excludes 0")
    }

    /// `.zero` when the canonical form is 0, directly or after expanding sines and
    /// cosines to common base angles; nil otherwise.
    func provenZero(_ form: CanonicalForm) -> ZeroTestResult? {
        if form.isZero { return .zero(method: "its canonical form is 0") }
        if let reduced = try? form.reducingAlgebraicConstants(), reduced.isZero {
            return .zero(method: "its canonical form is 0 once its constant algebraic coefficients are evaluated exactly")
        }
        if let expanded = try? TrigonometricExpansion.expand(form), expanded.isZero {
            return .zero(method: "its canonical form is 0 after expanding sines and cosines to common base angles")
        }
        return nil
    }

    /// Tests a form where a claim must hold only on part of the line: a nonzero
    /// witness is searched only among the `witnesses` values of the symbols listed
    /// there (the points of a schedule's domain for the time; other symbols take the
    /// fixed samples), and it must also be a point where every form of `alsoDefined`
    /// (the expressions the form was built from) has a finite ball. Nonzero elsewhere
    /// is no refutation: without such a witness the answer is unknown.
    public func test(_ form: CanonicalForm, witnesses: [String: [Rational]], alsoDefined: [CanonicalForm] = [],
                     definedness: Definedness = .everywhere) -> ZeroTestResult {
        if let zero = provenZero(form) { return zero }
        if let witness = nonzeroWitness(form, given: witnesses, alsoDefined: alsoDefined, definedness: definedness) { return witness }
        let symbols = witnesses.keys.filter { form.symbols.contains($0) }.sorted()
        let within = symbols.isEmpty ? "" : " among the given points of \(symbols.joined(separator: ", "))"
        return .unknown(reason: "the canonical form is not 0, and no point was found\(within) where a rigorous evaluation excludes 0")
    }

    /// A point where the form (and each of `alsoDefined`) is defined and the form's
    /// ball excludes 0.
    func nonzeroWitness(_ form: CanonicalForm, given: [String: [Rational]] = [:], alsoDefined: [CanonicalForm] = [],
                        definedness: Definedness = .everywhere) -> ZeroTestResult? {
        // The point must also give a value to the symbols the definedness conditions
        // mention: exp(2 log p) − p² − 1/1000 is −1/1000, but only where p > 0.
        let symbols = definedness.conditions.reduce(alsoDefined.reduce(form.symbols) { $0.union($1.symbols) }) {
            $0.union($1.function.symbols)
        }
        for point in samplePoints(for: symbols.sorted(), given: given) {
            guard alsoDefined.allSatisfy({ $0.ball(at: point, precision: 128).isFinite }) else { continue }
            // The expression as written must have a value there, not only its form.
            if !definedness.isEmpty, definedness.holds(at: point.mapValues { CanonicalForm($0) }, assuming: assumptions) != true { continue }
            for precision in [128, 512, 2048] {
                if Deadline.exceeded != nil { return nil }
                let b = form.ball(at: point, precision: precision)
                if !b.isFinite { break }   // undefined here: try another point
                if b.isCertainlyNonzero {
                    return .nonzero(point: point.filter { form.symbols.contains($0.key) }, value: b.decimalString(digits: 10))
                }
            }
        }
        return nil
    }

    /// `equal(a, b)` is `isZero(a − b)`.
    public func equal(_ a: Expr, _ b: Expr) -> ZeroTestResult {
        test(.binary(.subtract, a, b))
    }
}

/// Rewrites every top-level sine and cosine in terms of sin and cos of common base
/// angles: for each direction m (a monomial of the argument), the base is g·m with g
/// the gcd of the rational multiples of m that occur; then addition formulas and
/// multiple-angle recurrences give polynomials in sin(g·m), cos(g·m), which the
/// canonical form reduces with sin² + cos² = 1. Used by the zero test only: it
/// decides more identities (sin 2t = 2 sin t cos t) but prints worse.
enum TrigonometricExpansion {
    static func expand(_ form: CanonicalForm) throws(SimplificationError) -> CanonicalForm {
        let keys = form.kernelKeys
        var occurrences: [(key: String, isSine: Bool, parts: [(direction: CanonicalForm, multiple: Rational)])] = []
        var gcdByDirection: [CanonicalForm: Rational] = [:]
        for key in keys {
            let kernel = KernelTable.shared.kernel(forKey: key)
            let isSine: Bool, argument: CanonicalForm
            switch kernel {
            case .sin(let a): isSine = true; argument = a
            case .cos(let a): isSine = false; argument = a
            default: continue
            }
            let parts = try decompose(argument)
            occurrences.append((key, isSine, parts))
            for (d, q) in parts { gcdByDirection[d] = Rational.gcd(gcdByDirection[d] ?? .zero, q) }
        }
        guard !occurrences.isEmpty else { return form }
        var replacements: [String: CanonicalForm] = [:]
        for occurrence in occurrences {
            var sine = CanonicalForm.zero, cosine = CanonicalForm.one
            for (d, q) in occurrence.parts {
                let g = gcdByDirection[d]!
                let k = q / g
                guard k.isInteger, let n = k.numerator.exactInt, abs(n) <= SimplificationBudget.maximumAngleMultiple else {
                    throw .tooLarge("angle multiple \(k)")
                }
                let base = d.scaled(by: g)
                let (s, c) = try multipleAngle(n, sin: CanonicalForm.sin(base), cos: CanonicalForm.cos(base))
                // Addition formula.
                (sine, cosine) = (try sine * c + cosine * s, try cosine * c - sine * s)
            }
            replacements[occurrence.key] = occurrence.isSine ? sine : cosine
        }
        return try substitute(form, replacements)
    }

    /// argument = Σ qᵢ·dᵢ with monomial directions dᵢ (coefficient 1); a non-polynomial
    /// argument is one direction.
    static func decompose(_ a: CanonicalForm) throws(SimplificationError) -> [(CanonicalForm, Rational)] {
        guard a.isPolynomial else { return [(a, .one)] }
        let ring = a.numerator.ring
        return try a.numerator.terms.map { term throws(SimplificationError) in
            let monomial = try CanonicalForm.fraction(ring.polynomial(terms: [.init(coefficient: .one, exponents: term.exponents)]), ring.one)
            return (monomial, term.coefficient)
        }
    }

    /// (sin nx, cos nx) from (sin x, cos x), n any integer with |n| ≤ budget.
    static func multipleAngle(_ n: Int, sin s: CanonicalForm, cos c: CanonicalForm) throws(SimplificationError) -> (CanonicalForm, CanonicalForm) {
        var sk = CanonicalForm.zero, ck = CanonicalForm.one
        for _ in 0..<abs(n) { (sk, ck) = (try sk * c + ck * s, try ck * c - sk * s) }
        return n < 0 ? (-sk, ck) : (sk, ck)
    }

    /// The form with the given kernels (by key) replaced.
    static func substitute(_ form: CanonicalForm, _ replacements: [String: CanonicalForm]) throws(SimplificationError) -> CanonicalForm {
        func value(_ p: MultivariatePolynomial) throws(SimplificationError) -> CanonicalForm {
            var sum = CanonicalForm.zero
            let kernels = try p.ring.variables.map { key throws(SimplificationError) -> CanonicalForm in
                if let r = replacements[key] { return r }
                return try CanonicalForm.fraction(KernelTable.shared.ring(for: [key]).variable(key), KernelTable.shared.ring(for: [key]).one)
            }
            for term in p.terms {
                try SimplificationError.checkDeadline()
                var product = CanonicalForm(term.coefficient)
                for (i, e) in term.exponents.enumerated() where e > 0 { product = try product * kernels[i].power(e) }
                sum = try sum + product
            }
            return sum
        }
        let n = try value(form.numerator)
        if form.isPolynomial { return n }
        return try n / value(form.denominator)
    }
}
