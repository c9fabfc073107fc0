import Testing
@testable import Exact

/// Checks every algebraic enclosure with the independent Sturm count: exactly one
/// distinct root of the minimal polynomial in (lower, upper).
func expectCertified(_ roots: [RealRoot], sourceLocation: SourceLocation = #_sourceLocation) {
    for root in roots {
        guard let e = root.enclosure else { continue }
        let sturm = SturmSequence(e.minimalPolynomial)
        #expect(sturm.countRoots(above: e.lower, upTo: e.upper) == 1, "enclosure \(e.lower)…\(e.upper) is not isolating", sourceLocation: sourceLocation)
        #expect(e.minimalPolynomial.factored().factors.count == 1, sourceLocation: sourceLocation)
    }
    // Strictly increasing, non-overlapping.
    for (x, y) in zip(roots, roots.dropFirst()) {
        #expect(x.bounds.upper <= y.bounds.lower && x.bounds.lower < y.bounds.upper, sourceLocation: sourceLocation)
    }
}

func poly(_ highestFirst: Int...) -> Polynomial {
    Polynomial(coefficients: highestFirst.reversed())
}

func interval(_ text: String) -> RealInterval { try! RealInterval(parsing: text) }

@Suite struct RealRootIsolatorTests {
    /// (2t − 1)(t² − 2): 1/2 exactly and √2 as an interval with minimal polynomial t² − 2.
    @Test func rationalAndQuadraticRoots() throws {
        let p = poly(2, -1) * poly(1, 0, -2)
        let roots = try p.realRoots(in: interval("[0, 2]"))
        #expect(roots.count == 2)
        #expect(roots[0].rationalValue == Rational(1, 2) && roots[0].multiplicity == 1)
        let e = try #require(roots[1].enclosure)
        #expect(e.minimalPolynomial == poly(1, 0, -2))
        #expect(e.lower * e.lower < 2 && e.upper * e.upper > 2)
        expectCertified(roots)

        #expect(try p.realRoots(in: interval("[0, 1/2)")).isEmpty)
        let closed = try p.realRoots(in: interval("[0, 1/2]"))
        #expect(closed.map(\.rationalValue) == [Rational(1, 2)])
        #expect(try p.realRoots(in: interval("(1/2, 1]")).isEmpty)
        let all = try p.realRoots()
        #expect(all.count == 3 && all[0].enclosure != nil && all[1].rationalValue == Rational(1, 2))
        expectCertified(all)
    }

    @Test func refinementToAnyWidth() throws {
        let root = try #require(try poly(1, 0, -2).realRoots(in: interval("(0, inf)")).first?.enclosure)
        for bits in [10, 64, 200, 1000] {
            let e = root.refined(bits: bits)
            #expect(e.width <= Rational.one.timesPowerOfTwo(-bits))
            #expect(e.lower * e.lower < 2 && e.upper * e.upper > 2)
        }
        #expect(root.decimalApproximation(significantDigits: 30) == "1.41421356237309504880168872421")
    }

    @Test func wilkinson() throws {
        let p = Polynomial(roots: (1...20).map { Rational($0) })
        let roots = try p.realRoots(in: interval("[0, 21]"))
        #expect(roots.map(\.rationalValue) == (1...20).map { Rational($0) })
        #expect(roots.allSatisfy { $0.multiplicity == 1 })
        #expect(try p.realRoots(in: interval("(1, 20)")).count == 18)
        #expect(try p.realRoots(in: interval("[1, 20)")).count == 19)
        // A perturbed Wilkinson polynomial has irrational, clustered roots.
        let perturbed = p + Polynomial(coefficients: [Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(0), Rational(-1, 1 << 23)])
        let moved = try perturbed.realRoots()
        #expect(moved.count == perturbed.distinctRealRootCount)
        expectCertified(moved)
    }

    @Test func multiplicities() throws {
        let p = try poly(1, -1).power(3) * poly(1, -2)
        let roots = try p.realRoots()
        #expect(roots.map(\.rationalValue) == [1, 2])
        #expect(roots.map(\.multiplicity) == [3, 1])
        // Repeated irrational factor: (t² − 3)² (t² + 1).
        let q = try poly(1, 0, -3).power(2) * poly(1, 0, 1)
        let qr = try q.realRoots()
        #expect(qr.count == 2 && qr.allSatisfy { $0.multiplicity == 2 && $0.enclosure?.minimalPolynomial == poly(1, 0, -3) })
        expectCertified(qr)
    }

    /// Roots 10^-12 apart are separated, rational and irrational.
    @Test func closeRoots() throws {
        let third = Rational(1, 3), gap = try Rational(parsing: "1e-12")
        let p = Polynomial(roots: [third, third + gap])
        let roots = try p.realRoots()
        #expect(roots.map(\.rationalValue) == [third, third + gap])
        // An irreducible quadratic with roots c ± δ, δ = 10^-12 / 2 · √2: (x − c)² − 2δ².
        let c = Rational(1, 3), delta = gap / 2
        let q = Polynomial(coefficients: [c * c - 2 * delta * delta, -2 * c, 1])
        let qr = try q.realRoots(in: interval("[0, 1]"))
        #expect(qr.count == 2)
        #expect(qr.allSatisfy { $0.enclosure != nil })
        #expect(qr[0].bounds.upper <= qr[1].bounds.lower)
        #expect(qr[1].bounds.lower - qr[0].bounds.upper < gap * 2)
        expectCertified(qr)
        // Both clusters at once: four roots within 10^-11.
        let both = p * q
        let br = try both.realRoots()
        #expect(br.count == 4)
        expectCertified(br)
    }

    @Test func unboundedEnds() throws {
        let roots = try poly(1, 0, -1, 0).realRoots(in: .realLine)
        #expect(roots.map(\.rationalValue) == [-1, 0, 1])
        #expect(try poly(1, 0, -1, 0).realRoots(in: interval("(0, inf)")).map(\.rationalValue) == [1])
        #expect(try poly(1, 0, -1, 0).realRoots(in: interval("(-inf, 0]")).map(\.rationalValue) == [-1, 0])
        // Large roots: x² − 10^40 − 1 (irrational, ≈ 10^20).
        let big = try Polynomial(coefficients: [-(Rational(10).power(40) + 1), 0, 1])
        let br = try big.realRoots()
        #expect(br.count == 2)
        expectCertified(br)
    }

    @Test func edgeCases() throws {
        #expect(throws: RootIsolationError.zeroPolynomial) { try Polynomial.zero.realRoots() }
        #expect(try Polynomial(Rational(5)).realRoots().isEmpty)
        #expect(try poly(1, 1).realRoots(in: interval("[0, 0]")).isEmpty)
        #expect(try poly(1, 0).realRoots(in: interval("[0, 0]")).map(\.rationalValue) == [0])
        #expect(try poly(1, 0).realRoots(in: interval("(0, 0]")).isEmpty)
        #expect(try poly(1, 0, 1).realRoots().isEmpty)
        #expect(try poly(1, -2).realRoots(in: interval("[3, 1]")).isEmpty)
        // Rational coefficients and a negative leading coefficient.
        let p = Polynomial(coefficients: [Rational(1, 2), 0, Rational(-3, 7)])
        let roots = try p.realRoots()
        #expect(roots.count == 2 && roots[0].enclosure?.minimalPolynomial == poly(6, 0, -7))
        expectCertified(roots)
        // Budgets.
        let huge = Polynomial(coefficients: Array(repeating: Rational(1), count: RootIsolationBudget.maximumDegree + 2))
        #expect(throws: RootIsolationError.self) { try huge.realRoots() }
    }

    /// Degree 200, random coefficients: isolation completes and agrees with FLINT's
    /// Sturm count.
    @Test func degreeTwoHundred() throws {
        var g = SeededGenerator(seed: 200)
        for _ in 0..<3 {
            let p = Polynomial(coefficients: (0...200).map { _ in Rational(Int.random(in: -1000...1000, using: &g)) } + [Rational(1)])
            let roots = try p.realRoots()
            #expect(roots.count == p.distinctRealRootCount)
            expectCertified(roots)
        }
        // Degree 200 with many real roots: a product of 100 irreducible quadratics x² − k.
        var q = Polynomial.one
        for k in [2, 3, 5, 6, 7, 8, 10, 11, 12, 13] { q = q * poly(1, 0, -k) }
        let qr = try q.realRoots()
        #expect(qr.count == 20 && qr.count == q.distinctRealRootCount)
        expectCertified(qr)
    }

    /// Random polynomials: counts in random intervals match the Sturm count, and the
    /// polynomial changes sign across every simple irrational root's enclosure.
    @Test func propertyAgainstSturm() throws {
        var g = SeededGenerator(seed: 77)
        for _ in 0..<300 {
            let degree = Int.random(in: 1...12, using: &g)
            var p = Polynomial(coefficients: (0...degree).map { _ in Rational(Int.random(in: -20...20, using: &g)) })
            if p.isZero { continue }
            if Bool.random(using: &g) { p = p * p.derivative + p }   // shake up the factor structure
            if p.isZero || p.degree < 1 { continue }
            let a = Rational(Int.random(in: -8...3, using: &g), Int.random(in: 1...4, using: &g))
            let b = a + Rational(Int.random(in: 0...24, using: &g), Int.random(in: 1...4, using: &g))
            let roots = try p.realRoots(in: .closed(a, b))
            let squarefree = p.squarefreeFactorization().factors.reduce(Polynomial.one) { $0 * $1.polynomial }
            let sturm = SturmSequence(squarefree)
            // Sturm counts (a, b]; add a root at a itself.
            let expected = sturm.countRoots(above: a, upTo: b) + (p.evaluate(at: a).isZero ? 1 : 0)
            #expect(roots.count == expected, "p = \(p) on [\(a), \(b)]")
            for r in roots {
                if let x = r.rationalValue { #expect(p.evaluate(at: x).isZero && a <= x && x <= b) }
            }
            expectCertified(roots)
        }
    }

    @Test func sturmSequenceCounts() {
        let s = SturmSequence(Polynomial(roots: [-2, 0, 1, Rational(5, 2)]))
        #expect(s.totalRealRoots == 4)
        #expect(s.countRoots(above: -2, upTo: 1) == 2)
        #expect(s.countRoots(above: -3, upTo: 3) == 4)
    }

    @Test func intervalParsing() throws {
        #expect(interval("[0, 1/2)").description == "[0, 1/2)")
        #expect(interval("(-inf, inf)") == .realLine)
        #expect(interval(" ( -∞ , 2.5 ] ").description == "(-inf, 5/2]")
        #expect(throws: ArithmeticError.self) { try RealInterval(parsing: "[-inf, 0]") }
        #expect(throws: ArithmeticError.self) { try RealInterval(parsing: "[0; 1]") }
        #expect(throws: ArithmeticError.self) { try RealInterval(parsing: "0, 1") }
    }
}
