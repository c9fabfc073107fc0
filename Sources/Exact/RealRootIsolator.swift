import CFlintArb

/// Why isolation did not produce an answer.
public enum RootIsolationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The zero polynomial vanishes everywhere; callers report "identically zero".
    case zeroPolynomial
    /// The input is past a budget in `RootIsolationBudget`.
    case budgetExceeded(String)

    public var description: String {
        switch self {
        case .zeroPolynomial: return "the zero polynomial vanishes everywhere"
        case .budgetExceeded(let what): return "root isolation budget exceeded: \(what)"
        }
    }
}

/// Limits that keep root isolation bounded on hostile input.
public enum RootIsolationBudget {
    /// Largest degree isolated.
    public static let maximumDegree = 2_000
    /// Largest coefficient size, in bits, of the primitive integer polynomial.
    public static let maximumCoefficientBits = 200_000
    /// Largest size of all coefficients together, in bits (factoring, the first
    /// step, grows with it).
    public static let maximumTotalCoefficientBits = FactoringBudget.maximumCoefficientBits
    /// Largest number of subintervals the bisection may examine per factor.
    public static let maximumSubintervals = 2_000_000
}

/// Certified real-root isolation for univariate polynomials over Q.
///
/// Method:
/// 1. Factor completely over Q (FLINT). Linear factors give the rational roots,
///    exactly; their exponents are the multiplicities.
/// 2. Each irreducible factor f of degree ≥ 2 is squarefree and has no rational
///    root, so it is nonzero at every rational end point: whether an end is open
///    or closed only matters for rational roots, and sign tests at rational
///    points never hit zero.
/// 3. The real roots of f in (a, b) are isolated by Descartes' rule of signs with
///    bisection (Vincent–Collins–Akritas): with q(x) = f(a + (b − a)x), the number
///    of sign changes in the coefficients of (x + 1)ⁿ·q(1/(x + 1)) bounds the
///    number of roots in (0, 1) and has its parity; 0 or 1 is exact. Subintervals
///    with more changes are halved (q(x) → 2ⁿq(x/2) and its Taylor shift by 1),
///    all in integer arithmetic. For a squarefree f this terminates (the
///    one-circle and two-circle theorems).
/// 4. Infinite ends are replaced by ±(B + 1), B a bound on |roots| from FLINT.
/// 5. Roots from different factors are sorted; overlapping intervals are refined
///    (the factors are coprime, so the roots differ and refinement separates them).
public enum RealRootIsolator {
    /// Every real root of `p` in `interval`, once each, in increasing order, with
    /// multiplicities. Throws `zeroPolynomial` for p = 0 and `budgetExceeded` past
    /// the `RootIsolationBudget`.
    public static func roots(of p: Polynomial, in interval: RealInterval = .realLine) throws(RootIsolationError) -> [RealRoot] {
        if p.isZero { throw .zeroPolynomial }
        if p.degree <= 0 || interval.isEmpty { return [] }
        guard p.degree <= RootIsolationBudget.maximumDegree else {
            throw .budgetExceeded("degree \(p.degree) exceeds \(RootIsolationBudget.maximumDegree)")
        }
        let bits = p.coefficients.map(\.bitSize).max() ?? 0
        guard bits <= RootIsolationBudget.maximumCoefficientBits else {
            throw .budgetExceeded("coefficients of \(bits) bits exceed \(RootIsolationBudget.maximumCoefficientBits)")
        }
        let totalBits = p.coefficients.reduce(0) { $0 + $1.bitSize }
        guard totalBits <= RootIsolationBudget.maximumTotalCoefficientBits else {
            throw .budgetExceeded("coefficients of \(totalBits) bits in all exceed \(RootIsolationBudget.maximumTotalCoefficientBits)")
        }

        var roots: [RealRoot] = []
        for (factor, multiplicity) in p.factored().factors {
            if factor.degree == 1 {
                let r = -factor.coefficient(0) / factor.coefficient(1)
                if interval.contains(r) { roots.append(RealRoot(value: .rational(r), multiplicity: multiplicity)) }
                continue
            }
            let (a, b) = finiteEnds(of: interval, for: factor)
            guard a < b else { continue }
            for (lower, upper) in try isolateIrreducible(factor, from: a, to: b) {
                let e = AlgebraicRootEnclosure(lower: lower, upper: upper, minimalPolynomial: factor)
                roots.append(RealRoot(value: .algebraic(e), multiplicity: multiplicity))
            }
        }
        return separateAndSort(roots)
    }

    /// Finite ends enclosing every root of `factor` in `interval`.
    static func finiteEnds(of interval: RealInterval, for factor: Polynomial) -> (Rational, Rational) {
        let integer = factor.primitiveIntegerPolynomial()
        let bound: Rational = BigInt.withTemporaryFMPZ { z in
            fmpz_poly_bound_roots(z, integer.pointer)
            return Rational(BigInt(fmpz: z)) + .one
        }
        return (interval.lower.value ?? -bound, interval.upper.value ?? bound)
    }

    /// Isolating open intervals, in increasing order, for the real roots in (a, b) of
    /// an irreducible polynomial of degree ≥ 2.
    static func isolateIrreducible(_ f: Polynomial, from a: Rational, to b: Rational) throws(RootIsolationError) -> [(Rational, Rational)] {
        let width = b - a
        // q(x) = f(a + (b − a)·x), as a primitive integer polynomial.
        let q = f.composed(with: Polynomial(coefficients: [a, width])).primitiveIntegerPolynomial()
        let n = fmpz_poly_degree(q.pointer)

        struct Node { var poly: FMPZPolyStorage; var index: BigInt; var depth: Int }
        var stack = [Node(poly: q, index: .zero, depth: 0)]
        var found: [(index: BigInt, depth: Int)] = []
        var examined = 0
        while let node = stack.popLast() {
            examined += 1
            guard examined <= RootIsolationBudget.maximumSubintervals else {
                throw .budgetExceeded("more than \(RootIsolationBudget.maximumSubintervals) subintervals")
            }
            if let e = Deadline.exceeded { throw .budgetExceeded("\(e)") }
            let changes = descartesBound(node.poly, degree: n)
            if changes == 0 { continue }
            if changes == 1 { found.append((node.index, node.depth)); continue }
            let left = halved(node.poly, degree: n)
            let right = shiftedByOne(left)
            let twice = node.index.shiftedLeft(1)
            stack.append(Node(poly: right, index: twice + .one, depth: node.depth + 1))
            stack.append(Node(poly: left, index: twice, depth: node.depth + 1))
        }
        // Depth-first, left child popped first: `found` is already in increasing order.
        return found.map { cell in
            let scale = Rational.one.timesPowerOfTwo(-cell.depth)
            let lo = a + width * Rational(cell.index) * scale
            let hi = a + width * Rational(cell.index + .one) * scale
            return (lo, hi)
        }
    }

    /// Sign changes in the coefficients of (x + 1)ⁿ·q(1/(x + 1)): an upper bound, of
    /// the same parity, on the number of roots of q in (0, 1).
    static func descartesBound(_ q: FMPZPolyStorage, degree n: Int) -> Int {
        let t = FMPZPolyStorage()
        fmpz_poly_reverse(t.pointer, q.pointer, n + 1)
        let shifted = shiftedByOne(t)
        var changes = 0, previous: Int32 = 0
        let length = fmpz_poly_length(shifted.pointer)
        for i in 0..<length {
            let s = fmpz_sgn(sched_fmpz_poly_coeff_ptr(shifted.pointer, i))
            if s != 0 {
                if previous != 0 && s != previous { changes += 1 }
                previous = s
            }
        }
        return changes
    }

    /// 2ⁿ·q(x/2), made primitive: the roots of q in (0, 1/2) become those in (0, 1).
    static func halved(_ q: FMPZPolyStorage, degree n: Int) -> FMPZPolyStorage {
        let r = FMPZPolyStorage()
        fmpz_poly_set(r.pointer, q.pointer)
        let length = fmpz_poly_length(r.pointer)
        for i in 0..<length {
            let c = sched_fmpz_poly_coeff_ptr(r.pointer, i)
            fmpz_mul_2exp(c, c, UInt(n - i))
        }
        fmpz_poly_primitive_part(r.pointer, r.pointer)
        return r
    }

    /// q(x + 1).
    static func shiftedByOne(_ q: FMPZPolyStorage) -> FMPZPolyStorage {
        let r = FMPZPolyStorage()
        BigInt.one.withFMPZ { one in fmpz_poly_taylor_shift(r.pointer, q.pointer, one) }
        return r
    }

    /// Sorts roots by value, refining algebraic enclosures until no two overlap.
    static func separateAndSort(_ input: [RealRoot]) -> [RealRoot] {
        var roots = input
        while true {
            roots.sort { $0.bounds.lower < $1.bounds.lower || ($0.bounds.lower == $1.bounds.lower && $0.bounds.upper < $1.bounds.upper) }
            var clean = true
            for i in roots.indices.dropLast() where overlap(roots[i], roots[i + 1]) {
                clean = false
                // Refine the wider algebraic one (a rational has width 0).
                let wi = roots[i].enclosure?.width, wj = roots[i + 1].enclosure?.width
                let target = (wi ?? .zero) >= (wj ?? .zero) ? i : i + 1
                if case .algebraic(var e) = roots[target].value {
                    e.bisect()
                    roots[target].value = .algebraic(e)
                }
            }
            if clean { return roots }
        }
    }

    /// Whether two certified locations might hold the same point.
    static func overlap(_ x: RealRoot, _ y: RealRoot) -> Bool {
        switch (x.value, y.value) {
        case (.rational(let r), .rational(let s)): return r == s
        case (.rational(let r), .algebraic(let e)), (.algebraic(let e), .rational(let r)):
            return e.lower < r && r < e.upper
        case (.algebraic(let e), .algebraic(let f)):
            return e.lower < f.upper && f.lower < e.upper
        }
    }
}

extension Polynomial {
    /// The real roots in `interval`; see `RealRootIsolator.roots(of:in:)`.
    public func realRoots(in interval: RealInterval = .realLine) throws(RootIsolationError) -> [RealRoot] {
        try RealRootIsolator.roots(of: self, in: interval)
    }

    /// The number of distinct real roots, by FLINT's own Sturm-sequence count
    /// (independent of the isolation code). Precondition: not zero.
    public var distinctRealRootCount: Int {
        precondition(!isZero)
        let squarefree = squarefreeFactorization().factors.reduce(Polynomial.one) { $0 * $1.polynomial }
        let z = squarefree.primitiveIntegerPolynomial()
        return fmpz_poly_num_real_roots_sturm(z.pointer)
    }
}

extension BigInt {
    /// Runs `body` on a fresh zero fmpz, cleared afterwards.
    static func withTemporaryFMPZ<T>(_ body: (UnsafeMutablePointer<fmpz>) -> T) -> T {
        let z = UnsafeMutablePointer<fmpz>.allocate(capacity: 1)
        fmpz_init(z)
        defer { fmpz_clear(z); z.deallocate() }
        return body(z)
    }
}
