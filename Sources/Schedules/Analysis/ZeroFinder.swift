import Exact
import Symbolic

/// Certified zero sets of expressions in one variable on a domain.
///
/// - Identically zero: the canonical form (or its trigonometric expansion) is 0.
/// - The numerator is factored over its kernels; each factor is handled alone:
///   a polynomial in t with rational coefficients by exact real-root isolation
///   (rational zeros exactly, irrational ones with their minimal polynomial); a
///   factor exp(a) has no zeros; √R vanishes where R does; log(a) where a = 1;
///   anything else by `BallRootIsolator` (ball arithmetic with derivatives), whose
///   enclosures are checked for exact closed forms.
/// - Symbolic parameters other than t: the zeros are not located (reported
///   incomplete with the reason), never guessed.
public struct ZeroFinder: Sendable {
    public var assumptions: Assumptions

    public init(assuming assumptions: Assumptions = .none) { self.assumptions = assumptions }

    public func zeros(of f: CanonicalForm, on domain: AnalysisDomain) -> ZeroSet {
        let t = domain.variable
        if f.isZero || ZeroTest(assuming: assumptions).test(f).isProvenZero { return .identically }
        let others = f.symbols.subtracting([t])
        if !others.isEmpty {
            return .incomplete("it depends on the symbolic parameter\(others.count > 1 ? "s" : "") \(others.sorted().joined(separator: ", ")); zeros that depend on parameters are not located")
        }
        if !f.symbols.contains(t) {
            if ZeroTest(assuming: assumptions).test(f).isProvenNonzero {
                return ZeroSet(identicallyZero: false, complete: true, points: [], note: nil)
            }
            return .incomplete("a constant that could be neither proven zero nor nonzero")
        }
        let factorization = f.numerator.factoredWithinBudget()
        var points: [ZeroPoint] = []
        var reasons: [String] = []
        for (factor, multiplicity) in factorization.factors {
            let set = zerosOfFactor(factor, on: domain)
            if set.identicallyZero { return .identically }
            for var p in set.points {
                p.multiplicity = p.multiplicity.map { $0 * multiplicity }
                points.append(p)
            }
            // Two factors over the same unknown function give the same reason once.
            if !set.complete, let note = set.note, !reasons.contains(note) { reasons.append(note) }
        }
        let separation = Self.separated(Self.merged(points))
        points = separation.points
        if !separation.isolated { reasons.append("two zeros could not be separated") }
        return ZeroSet(identicallyZero: false, complete: reasons.isEmpty, points: points,
                       note: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
    }

    /// Why the zeros of a factor over abstract functions are not located: nothing
    /// numeric is known about α, so its zeros follow only symbolically — exp(α) has
    /// none, √(1 − α²) those of 1 − α², and α itself is where nothing is known;
    /// nil when it mentions none. Checked where numbers would be needed
    /// (`BallRootIsolator`), after the kernel facts.
    static func unknownFunctionsNote(_ f: CanonicalForm) -> String? {
        let names = f.abstractFunctionNames
        guard !names.isEmpty else { return nil }
        return "it depends on the unknown function\(names.count > 1 ? "s" : "") \(names.sorted().joined(separator: ", ")); zeros that depend on unknown functions are not located"
    }

    /// Zeros of one irreducible factor of a numerator.
    func zerosOfFactor(_ p: MultivariatePolynomial, on domain: AnalysisDomain) -> ZeroSet {
        let t = domain.variable
        let used = p.usedVariables
        let form: CanonicalForm
        do { form = try CanonicalForm(numerator: p, denominator: p.ring.one) } catch {
            return .incomplete("a factor could not be formed: \(error)")
        }
        if !form.symbols.contains(t) {
            return ZeroTest(assuming: assumptions).test(form).isProvenNonzero
                ? ZeroSet(identicallyZero: false, complete: true, points: [], note: nil)
                : .incomplete("a constant factor \(printASCII(form.expression)) could not be proven nonzero")
        }
        // A polynomial in t alone: exact.
        if used == [t], let u = p.univariate(in: t) {
            return polynomialZeros(u, on: domain)
        }
        // a·t + b with constant a ≠ 0 and b (t − π/4, e·t − 1): the root −b/a, exactly.
        if let i = p.ring.index(of: t), p.degrees[i] == 1, let root = Self.linearRoot(p, t) {
            let point = ZeroPoint(location: .exact(root), multiplicity: 1,
                                  approximation: root.ball(at: [:], precision: 128).decimalString(digits: 17))
            switch domain.contains(point) {
            case true?: return ZeroSet(identicallyZero: false, complete: true, points: [point], note: nil)
            case false?: return ZeroSet(identicallyZero: false, complete: true, points: [], note: nil)
            case nil: return .incomplete("could not decide whether the zero \(printASCII(root.expression)) lies in the domain")
            }
        }
        // A single kernel.
        if p.termCount == 1, let term = p.terms.first, term.exponents.reduce(0, +) == 1,
           let i = term.exponents.firstIndex(of: 1) {
            let kernel = form.kernels.first { $0.key == p.ring.variables[i] }
            // Its function's zeros, in terms of its argument (`KernelFacts.zeros`).
            if let kernel, let facts = kernel.facts, let a = kernel.argument {
                switch facts.zeros {
                case .none:
                    return ZeroSet(identicallyZero: false, complete: true, points: [], note: nil)
                case .whereArgumentEquals(let c, let keepsMultiplicity):
                    guard let shifted = try? a - CanonicalForm(c) else { break }
                    var set = zeros(of: shifted, on: domain)
                    // √ of a zero of order m has order m/2
                    if !keepsMultiplicity { for i in set.points.indices { set.points[i].multiplicity = nil } }
                    return set
                case .periodic(let phase):
                    if let set = trigonometricZeros(a, phase: phase, on: domain) { return set }
                }
            }
        }
        return BallRootIsolator(function: form, domain: domain, assumptions: assumptions).isolate()
    }

    /// −b/a for p = a·t + b whose coefficients a, b are constants (no kernel depends on
    /// t), a proven nonzero.
    static func linearRoot(_ p: MultivariatePolynomial, _ t: String) -> CanonicalForm? {
        guard let a = try? CanonicalForm(numerator: p.derivative(withRespectTo: t), denominator: p.ring.one),
              a.symbols.isEmpty, a.ball(at: [:], precision: 128).isCertainlyNonzero,
              let whole = try? CanonicalForm(numerator: p, denominator: p.ring.one),
              let b = try? whole - a * CanonicalForm.symbol(t), b.symbols.isEmpty,
              let root = try? -b / a else { return nil }
        return root
    }

    /// The zeros of sin(a + phase·π), a continuous on a bounded domain: the solutions
    /// of a = (k − phase)·π for the integers k with kπ in the range of a (an Arb
    /// enclosure of a over the domain), each an equation of the same kind as a's own;
    /// each is a simple zero of the sine when it is one of a − (k − phase)π (the sine's
    /// derivative is ±1 there). Nil when a is not continuous or the range is too wide.
    func trigonometricZeros(_ a: CanonicalForm, phase: Rational, on domain: AnalysisDomain) -> ZeroSet? {
        guard a.isPolynomial, Definedness.structural(of: a).isEmpty,
              let lower = domain.lower?.ball(at: [:], precision: 128), let upper = domain.upper?.ball(at: [:], precision: 128),
              let l = lower.lowerBound, let u = upper.upperBound, l < u else { return nil }
        let range = a.ball(atBalls: [domain.variable: Ball(lower: l, upper: u, precision: 128)], precision: 128)
        let pi = Ball.pi(precision: 128)
        guard range.isFinite, let lo = (range / pi).lowerBound, let hi = (range / pi).upperBound,
              hi - lo < 64 else { return nil }
        var points: [ZeroPoint] = []
        var reasons: [String] = []
        var k = (lo + phase).floor
        while Rational(k) - phase <= hi {
            defer { k = k + 1 }
            guard let shifted = try? a - CanonicalForm.pi.scaled(by: Rational(k) - phase) else { return nil }
            let set = zeros(of: shifted, on: domain)
            if set.identicallyZero { return .identically }
            points += set.points
            if !set.complete, let note = set.note { reasons.append(note) }
        }
        return ZeroSet(identicallyZero: false, complete: reasons.isEmpty, points: Self.merged(points),
                       note: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
    }

    /// Exact isolation of the real zeros of a rational polynomial on the domain.
    func polynomialZeros(_ u: Polynomial, on domain: AnalysisDomain) -> ZeroSet {
        // Rational ends: isolate on exactly the domain.
        if let interval = domain.rationalInterval {
            do {
                return ZeroSet(identicallyZero: false, complete: true,
                               points: try u.realRoots(in: interval).map(Self.point), note: nil)
            } catch {
                return .incomplete("\(error)")
            }
        }
        // Irrational ends (π/2): isolate on an outer rational interval, then compare
        // each zero with the ends by refinement; a zero cannot equal an irrational
        // end unless the end is algebraic of the same minimal polynomial, which is
        // checked exactly.
        let lowerBall = domain.lower.map { $0.ball(at: [:], precision: 256) }
        let upperBall = domain.upper.map { $0.ball(at: [:], precision: 256) }
        let outer = RealInterval(
            lower: lowerBall?.lowerBound.map { .finite($0, closed: true) } ?? .infinite,
            upper: upperBall?.upperBound.map { .finite($0, closed: true) } ?? .infinite)
        let candidates: [RealRoot]
        do { candidates = try u.realRoots(in: outer) } catch { return .incomplete("\(error)") }
        var points: [ZeroPoint] = []
        for root in candidates {
            switch position(of: root, in: domain) {
            case .inside: points.append(Self.point(root))
            case .outside: continue
            case .undecided: return .incomplete("could not decide whether a zero near an end lies in the domain", points: points)
            }
        }
        return ZeroSet(identicallyZero: false, complete: true, points: points, note: nil)
    }

    enum Position { case inside, outside, undecided }

    func position(of root: RealRoot, in domain: AnalysisDomain) -> Position {
        var root = root
        for _ in 0..<200 {
            let (lo, hi) = root.bounds
            var inside = true, decided = true
            for (end, isLower, closed) in [(domain.lower, true, domain.lowerClosed), (domain.upper, false, domain.upperClosed)] {
                guard let end else { continue }
                if let r = root.rationalValue, let e = end.rationalValue {
                    if isLower ? (r < e || (r == e && !closed)) : (r > e || (r == e && !closed)) { inside = false }
                    continue
                }
                if let r = root.rationalValue, let exact = try? (end - CanonicalForm(r)), exact.isZero {
                    if !closed { inside = false }
                    continue
                }
                let b = end.ball(at: [:], precision: 512)
                guard let el = b.lowerBound, let eu = b.upperBound else { return .undecided }
                if isLower {
                    if hi < el { inside = false } else if lo > eu { } else { decided = false }
                } else {
                    if lo > eu { inside = false } else if hi < el { } else { decided = false }
                }
            }
            if !inside { return .outside }
            if decided { return .inside }
            guard case .algebraic(var e) = root.value else { return .undecided }
            e.bisect()
            root.value = .algebraic(e)
        }
        return .undecided
    }

    static func point(_ root: RealRoot) -> ZeroPoint {
        switch root.value {
        case .rational(let r):
            return ZeroPoint(location: .exact(CanonicalForm(r)), multiplicity: root.multiplicity,
                             approximation: r.decimalString(significantDigits: 17))
        case .algebraic(let isolated):
            // Narrow the isolating interval to ~10⁻¹⁵ relative, so it says where the zero is.
            let scale = Swift.max(isolated.lower.magnitude, isolated.upper.magnitude, Rational(1, 1 << 20))
            let e = isolated.refined(toWidth: scale * Rational(1, 1 << 50))
            return ZeroPoint(location: .enclosure(lower: e.lower, upper: e.upper, minimalPolynomial: e.minimalPolynomial),
                             multiplicity: root.multiplicity, approximation: e.decimalApproximation(significantDigits: 17))
        }
    }

    /// Sorted, with points found by several factors listed once.
    static func merged(_ points: [ZeroPoint]) -> [ZeroPoint] {
        var out: [ZeroPoint] = []
        for p in points.sorted(by: { $0.sortKey < $1.sortKey }) {
            if let last = out.last, case .exact(let a) = last.location, case .exact(let b) = p.location, a == b {
                if let m = last.multiplicity, let n = p.multiplicity { out[out.count - 1].multiplicity = m + n } else { out[out.count - 1].multiplicity = nil }
                continue
            }
            out.append(p)
        }
        return out
    }
}
