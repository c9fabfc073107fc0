import Testing
import Exact

private let xyz = PolynomialRing(variables: ["x", "y", "z"])

private func randomRational(_ g: inout SeededGenerator) -> Rational {
    Rational(Int.random(in: -9...9, using: &g), Int.random(in: 1...4, using: &g))
}

/// Up to `maxTerms` terms with small rational coefficients and exponents ≤ `maxExponent`.
private func randomPolynomial(_ g: inout SeededGenerator, in ring: PolynomialRing = xyz,
                              maxTerms: Int = 5, maxExponent: Int = 3) -> MultivariatePolynomial {
    let count = Int.random(in: 0...maxTerms, using: &g)
    let terms = (0..<count).map { _ in
        MultivariatePolynomial.Term(
            coefficient: randomRational(&g),
            exponents: (0..<ring.variableCount).map { _ in Int.random(in: 0...maxExponent, using: &g) })
    }
    return ring.polynomial(terms: terms)
}

private func randomNonConstant(_ g: inout SeededGenerator, in ring: PolynomialRing = xyz, maxTerms: Int = 4, maxExponent: Int = 2) -> MultivariatePolynomial {
    while true {
        let p = randomPolynomial(&g, in: ring, maxTerms: maxTerms, maxExponent: maxExponent)
        if !p.isConstant { return p }
    }
}

/// Σ c·∏ vᵢ^eᵢ computed term by term with Rational arithmetic.
private func manualValue(_ p: MultivariatePolynomial, _ point: [Rational]) -> Rational {
    p.terms.reduce(Rational.zero) { sum, term in
        sum + zip(term.exponents, point).reduce(term.coefficient) { $0 * (try! $1.1.power($1.0)) }
    }
}

@Suite struct MultivariatePolynomialTests {
    let x = xyz.variable("x"), y = xyz.variable("y"), z = xyz.variable("z")

    // MARK: Ring axioms

    @Test func ringAxiomsOnRandomPolynomials() throws {
        var g = SeededGenerator(seed: 0x5EED_0001)
        let zero = xyz.zero, one = xyz.one
        for _ in 0..<300 {
            let a = randomPolynomial(&g), b = randomPolynomial(&g), c = randomPolynomial(&g)
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect((a + b) * c == a * c + b * c)
            #expect(a + zero == a && a * one == a && (a * zero).isZero)
            #expect((a - a).isZero && a + (-a) == zero && -(-a) == a)
            #expect(a - b == a + (-b))
            // Evaluation is a ring homomorphism.
            let point = (0..<3).map { _ in randomRational(&g) }
            #expect(try (a * b).evaluate(at: point) == a.evaluate(at: point) * b.evaluate(at: point))
            #expect(try (a + b).evaluate(at: point) == a.evaluate(at: point) + b.evaluate(at: point))
            let r = randomRational(&g)
            #expect(try (r * a).evaluate(at: point) == r * a.evaluate(at: point))
            #expect(a + r == a + xyz.constant(r) && r - a == xyz.constant(r) - a)
        }
    }

    // MARK: Construction and shape

    @Test func constructionFromTermsCombinesLikeTerms() {
        let p = xyz.polynomial(terms: [
            .init(coefficient: 2, exponents: [1, 0, 0]),
            .init(coefficient: Rational(1, 2), exponents: [0, 0, 0]),
            .init(coefficient: 3, exponents: [1, 0, 0]),
            .init(coefficient: 0, exponents: [5, 5, 5]),
            .init(coefficient: 1, exponents: [0, 2, 0]),
            .init(coefficient: -1, exponents: [0, 2, 0]),
        ])
        #expect(p == 5 * x + Rational(1, 2))
        #expect(p.termCount == 2)
        #expect(xyz.monomial(["x": 2, "z": 1], coefficient: 3) == 3 * x * x * z)
        var g = SeededGenerator(seed: 7)
        for _ in 0..<100 {
            let q = randomPolynomial(&g)
            #expect(xyz.polynomial(terms: q.terms) == q)
            #expect(q.terms.count == q.termCount)
        }
    }

    @Test func shapeQueries() {
        let p = 3 * x * x * y - y + Rational(1, 2)
        #expect(p.totalDegree == 3)
        #expect(p.degree(in: "x") == 2 && p.degree(in: "y") == 1 && p.degree(in: "z") == 0)
        #expect(p.degree(in: "w") == 0)
        #expect(p.degrees == [2, 1, 0])
        #expect(p.usedVariables == ["x", "y"])
        #expect(p.uses("x") && !p.uses("z"))
        #expect(!p.isConstant && p.constantValue == nil && p.constantTerm == Rational(1, 2))
        #expect(p.coefficient(of: [2, 1, 0]) == 3 && p.coefficient(of: [1, 1, 0]) == 0)
        #expect(p.coefficient(of: "x", degree: 2) == 3 * y)
        #expect(p.coefficients(in: "x") == [-y + Rational(1, 2), xyz.zero, 3 * y])
        #expect(p.leadingCoefficient == 3 && p.leadingTerm.exponents == [2, 1, 0])
        #expect(xyz.zero.totalDegree == -1 && xyz.zero.degree(in: "x") == -1 && xyz.zero.isConstant)
        #expect(xyz.constant(7).constantValue == 7 && xyz.zero.constantValue == 0)
        #expect(xyz.one.isOne && !x.isOne)
        #expect(xyz.generators == [x, y, z])
    }

    @Test func monomialOrderDecidesTheLeadingTerm() {
        let lex = PolynomialRing(variables: ["x", "y"], order: .lexicographic)
        let grevlex = PolynomialRing(variables: ["x", "y"])
        let inLex = lex.variable("x") + 2 * lex.variable("y") * lex.variable("y")
        let inGrevlex = inLex.converted(to: grevlex)
        #expect(inLex.leadingCoefficient == 1)       // x > y² in lex
        #expect(inGrevlex.leadingCoefficient == 2)   // y² > x by degree
        #expect(inLex.description == inGrevlex.description)
        #expect(inLex.monic == inLex && inGrevlex.monic.description == "y^2 + 1/2*x")
        #expect(lex != grevlex && inLex != inGrevlex)
    }

    @Test func hashingAgreesWithEquality() {
        let a = (x + y) * (x - y), b = x * x - y * y
        #expect(a == b && a.hashValue == b.hashValue)
        let sameRing = PolynomialRing(variables: ["x", "y", "z"])
        let c = sameRing.variable("x") * sameRing.variable("x") - sameRing.variable("y") * sameRing.variable("y")
        #expect(sameRing == xyz && c == a && c.hashValue == a.hashValue)
        #expect(Set([a, b, c, x]).count == 2)
        let other = PolynomialRing(variables: ["x", "y"])
        #expect(a.converted(to: other) != a)
    }

    // MARK: GCD, content, division

    @Test func gcdOfTheDocumentedExample() {
        let a = (x + y) * (x - y) * (x - y), b = (x - y) * (x + 2 * y)
        let g = MultivariatePolynomial.gcd(a, b)
        #expect(g == x - y)
        #expect(g.description == "x - y")
        let (g2, aBar, bBar) = MultivariatePolynomial.gcdWithCofactors(a, b)
        #expect(g2 == g && aBar == (x + y) * (x - y) && bBar == x + 2 * y)
        #expect(g2 * aBar == a && g2 * bBar == b)
        // Monic normalisation: scaling the inputs does not change the gcd.
        #expect(MultivariatePolynomial.gcd(Rational(-3, 2) * a, 6 * b) == x - y)
        #expect(MultivariatePolynomial.lcm(a, b) == (x + y) * (x - y) * (x - y) * (x + 2 * y))
        #expect(MultivariatePolynomial.gcd(xyz.zero, xyz.zero).isZero)
        #expect(MultivariatePolynomial.gcd(-2 * x + 4, xyz.zero) == x - 2)
        #expect(MultivariatePolynomial.gcd(x * y, xyz.constant(5)).isOne)
        #expect(MultivariatePolynomial.lcm(x, xyz.zero).isZero)
    }

    @Test func gcdOfRandomProductsContainsTheCommonFactor() {
        var g = SeededGenerator(seed: 0x6CD)
        for _ in 0..<60 {
            let a = randomNonConstant(&g), b = randomNonConstant(&g), c = randomNonConstant(&g)
            let d = MultivariatePolynomial.gcd(a * c, b * c)
            #expect(d.leadingCoefficient == 1)
            #expect(d.exactQuotient(dividingBy: c) != nil)
            #expect((a * c).isDivisible(by: d) && (b * c).isDivisible(by: d))
            let (d2, aBar, bBar) = MultivariatePolynomial.gcdWithCofactors(a * c, b * c)
            #expect(d2 == d && d2 * aBar == a * c && d2 * bBar == b * c)
            #expect(MultivariatePolynomial.gcd(aBar, bBar).isOne)
        }
    }

    @Test func contentAndPrimitivePart() {
        let p = Rational(-4, 3) * x + Rational(2, 3) * y
        #expect(p.content == Rational(-2, 3))
        #expect(p.primitivePart == 2 * x - y)
        #expect(p.content * p.primitivePart == p)
        #expect(xyz.zero.content == 0 && xyz.zero.primitivePart.isZero)
        #expect(xyz.constant(Rational(-5, 7)).primitivePart.isOne)
    }

    @Test func exactDivisionRoundTrip() throws {
        var g = SeededGenerator(seed: 0xD1)
        for _ in 0..<200 {
            let p = randomPolynomial(&g), q = randomPolynomial(&g)
            guard !q.isZero else { continue }
            #expect((p * q).exactQuotient(dividingBy: q) == p)
            let (quotient, remainder) = try p.quotientAndRemainder(dividingBy: q)
            #expect(quotient * q + remainder == p)
        }
        #expect((x * x + 1).exactQuotient(dividingBy: x) == nil)
        #expect(!(x * x + 1).isDivisible(by: x))
        #expect(x.exactQuotient(dividingBy: xyz.zero) == nil)
        #expect(xyz.zero.isDivisible(by: xyz.zero) && !x.isDivisible(by: xyz.zero))
        #expect(throws: ArithmeticError.divisionByZero) { try x.quotientAndRemainder(dividingBy: xyz.zero) }
        #expect(throws: ArithmeticError.divisionByZero) { try x.divided(by: 0) }
        #expect(try (6 * x).divided(by: 4) == Rational(3, 2) * x)
        #expect((6 * x) / 4 == Rational(3, 2) * x)
    }

    // MARK: Factorization

    @Test func factorsDifferenceOfSquares() {
        let f = (x * x - y * y).factored()
        #expect(f.content == 1)
        #expect(f.factors.map(\.polynomial) == [x - y, x + y])
        #expect(f.factors.map(\.multiplicity) == [1, 1])
        #expect(f.expanded == x * x - y * y)
    }

    @Test func factorsWithIntegerContent() {
        let f = (2 * x * x * y + 4 * x * y * y).factored()
        #expect(f.content == 2)
        #expect(f.factors.map(\.polynomial) == [x, y, x + 2 * y])
        #expect(f.factors.map(\.multiplicity) == [1, 1, 1])
        // Rational content and a negative leading coefficient.
        let h = (Rational(-3, 4) * x * x * x + Rational(3, 4) * x * y * y).factored()
        #expect(h.content == Rational(-3, 4))
        #expect(h.factors.map(\.polynomial) == [x, x - y, x + y])
    }

    @Test func factorizationOfConstantsAndZero() {
        #expect(xyz.zero.factored().content == 0 && xyz.zero.factored().factors.isEmpty)
        let c = xyz.constant(Rational(-7, 2)).factored()
        #expect(c.content == Rational(-7, 2) && c.factors.isEmpty && c.expanded == xyz.constant(Rational(-7, 2)))
    }

    @Test func squarefreeFactorizationGroupsByMultiplicity() {
        let p = 3 * x * x * x * y * y * (x + y) * (x + y) * (x - z)
        let s = p.squarefreeFactorization()
        #expect(s.content == 3)
        #expect(s.factors.map(\.multiplicity) == [1, 2, 3])
        #expect(s.factors[0].polynomial == x - z)
        #expect(s.factors[1].polynomial == y * (x + y))
        #expect(s.factors[2].polynomial == x)
        #expect(s.expanded == p)
        let full = p.factored()
        #expect(full.factors.map(\.polynomial) == [x, y, x + y, x - z])
        #expect(full.factors.map(\.multiplicity) == [3, 2, 2, 1])
    }

    @Test func factorizationsOfRandomProductsMultiplyBack() {
        var g = SeededGenerator(seed: 0xFAC7)
        for _ in 0..<40 {
            let a = randomNonConstant(&g, maxTerms: 3), b = randomNonConstant(&g, maxTerms: 3)
            let repeated = Bool.random(using: &g) ? a : xyz.one
            let p = a * b * repeated * randomRational(&g)
            guard !p.isZero else { continue }
            let full = p.factored(), square = p.squarefreeFactorization()
            #expect(full.expanded == p)
            #expect(square.expanded == p)
            for (f, k) in full.factors + square.factors {
                #expect(k >= 1 && !f.isConstant)
                #expect(f.content == 1 && f.leadingCoefficient > 0)
            }
            for (i, f) in square.factors.enumerated() {
                #expect(f.polynomial.factored().factors.allSatisfy { $0.multiplicity == 1 })
                for h in square.factors[(i + 1)...] {
                    #expect(MultivariatePolynomial.gcd(f.polynomial, h.polynomial).isOne)
                }
            }
            // Deterministic: a second run gives the same factorization.
            #expect(p.factored() == full)
        }
    }

    // MARK: Calculus, evaluation, substitution

    @Test func derivativeValues() {
        let p = x * x * x * y + 2 * x * y * y - y + 7
        #expect(p.derivative(withRespectTo: "x") == 3 * x * x * y + 2 * y * y)
        #expect(p.derivative(withRespectTo: "y") == x * x * x + 4 * x * y - 1)
        #expect(p.derivative(withRespectTo: "z").isZero)
        #expect(p.derivative(withRespectTo: "w").isZero)
        #expect(p.integral(withRespectTo: "x").derivative(withRespectTo: "x") == p)
        #expect((Rational(1, 2) * x * x).integral(withRespectTo: "x") == Rational(1, 6) * x * x * x)
    }

    @Test func evaluationMatchesTermByTermComputation() throws {
        var g = SeededGenerator(seed: 0xE7A1)
        for _ in 0..<200 {
            let p = randomPolynomial(&g)
            let point = (0..<3).map { _ in randomRational(&g) }
            #expect(try p.evaluate(at: point) == manualValue(p, point))
            #expect(try p.evaluate(at: ["x": point[0], "y": point[1], "z": point[2], "unused": 5]) == manualValue(p, point))
        }
        let p = x * x * y - Rational(1, 3) * z
        #expect(try p.evaluate(at: [2, 3, 6]) == 10)
        #expect(try (x * x + 1).evaluate(at: ["x": Rational(1, 2)]) == Rational(5, 4))
        // A value whose size would pass the budget throws instead of allocating.
        let huge = try x.power(10_000)
        let big = try Rational(2).power(10_000)
        #expect(throws: ArithmeticError.self) { try huge.evaluate(at: [big, 0, 0]) }
    }

    @Test func substitution() throws {
        let p = x * x * y + 3 * x - z
        let shifted = try p.substituting("x", with: y + 1)
        #expect(shifted == (y + 1) * (y + 1) * y + 3 * (y + 1) - z)
        #expect(try p.substituting("x", with: Rational(2)) == 4 * y + 6 - z)
        #expect(try p.substituting("w", with: Rational(2)) == p)
        let swapped = try p.substituting(["x": y, "y": x])
        #expect(swapped == y * y * x + 3 * y - z)
        var g = SeededGenerator(seed: 0x5B)
        for _ in 0..<50 {
            let q = randomPolynomial(&g), r = randomPolynomial(&g)
            let point = (0..<3).map { _ in randomRational(&g) }
            let composed = try q.substituting("y", with: r)
            var inner = point
            inner[1] = try r.evaluate(at: point)
            #expect(try composed.evaluate(at: point) == q.evaluate(at: inner))
        }
        #expect(throws: ArithmeticError.self) { try (try x.power(200)).substituting("x", with: try (y + z).power(100)) }
    }

    // MARK: Powers and budgets

    @Test func powersAndBudgets() throws {
        #expect(try (x + y).power(3) == x * x * x + 3 * x * x * y + 3 * x * y * y + y * y * y)
        #expect(try (x + y).power(0).isOne && xyz.zero.power(0).isOne && xyz.zero.power(5).isZero)
        #expect(try xyz.constant(2).power(100) == xyz.constant(try Rational(2).power(100)))
        #expect(throws: ArithmeticError.self) { try x.power(-1) }
        #expect(throws: ArithmeticError.self) { try x.power(PolynomialBudget.maximumDegree + 1) }
        let ring = PolynomialRing(variables: (0..<10).map { "a\($0)" })
        let sum = ring.generators.reduce(ring.zero, +)
        // (a0 + … + a9)^20 has C(29, 9) ≈ 10⁷ terms.
        #expect(throws: ArithmeticError.self) { try sum.power(20) }
        #expect(try sum.power(3).termCount == 220)
    }

    // MARK: Elimination

    @Test func resultantAndDiscriminant() throws {
        let circle = x * x + y * y - 1, line = x - y
        #expect(try MultivariatePolynomial.resultant(circle, line, in: "x") == 2 * y * y - 1)
        #expect(try MultivariatePolynomial.resultant(line, circle, in: "x") == 2 * y * y - 1)
        // Res_y eliminates the other variable.
        #expect(try MultivariatePolynomial.resultant(circle, line, in: "y") == 2 * x * x - 1)
        // Edge conventions.
        #expect(try MultivariatePolynomial.resultant(xyz.zero, line, in: "x").isZero)
        #expect(try MultivariatePolynomial.resultant(3 * y, circle, in: "x") == 9 * y * y)
        #expect(try MultivariatePolynomial.resultant(y, z, in: "x").isOne)
        #expect(try MultivariatePolynomial.resultant(x, y, in: "w").isOne)
        // Vanishes exactly on common roots: Res_x((x − y)(x + 1), x − z) = (z − y)(z + 1).
        #expect(try MultivariatePolynomial.resultant((x - y) * (x + 1), x - z, in: "x") == (z - y) * (z + 1))

        let ring = PolynomialRing(variables: ["t", "a", "b", "c"])
        let (t, a, b, c) = (ring.variable("t"), ring.variable("a"), ring.variable("b"), ring.variable("c"))
        #expect(try (a * t * t + b * t + c).discriminant(in: "t") == b * b - 4 * a * c)
        #expect(try (a * t + b).discriminant(in: "t").isOne)
        // Depressed cubic: disc(t³ + b·t + c) = −4b³ − 27c².
        #expect(try (t * t * t + b * t + c).discriminant(in: "t") == -4 * b * b * b - 27 * c * c)
    }

    // MARK: Conversions

    @Test func univariateConversion() {
        let p = Polynomial(coefficients: [Rational(1, 2), 0, -3, 1])
        let m = MultivariatePolynomial(p, variable: "y", in: xyz)
        #expect(m == y * y * y - 3 * y * y + Rational(1, 2))
        #expect(m.univariate(in: "y") == p)
        #expect(m.univariate(in: "x") == nil)
        #expect(m.univariate?.variable == "y" && m.univariate?.polynomial == p)
        #expect((x * y).univariate == nil)
        #expect(xyz.constant(4).univariate?.variable == nil && xyz.constant(4).univariate(in: "x") == Polynomial(4))
        #expect(xyz.constant(4).univariate(in: "w") == Polynomial(4) && x.univariate(in: "w") == nil)
    }

    @Test func conversionBetweenRingsPreservesValues() throws {
        let target = PolynomialRing(variables: ["z", "w", "x", "y"], order: .lexicographic)
        let grown = xyz.adding(["w", "x"])
        #expect(grown.variables == ["x", "y", "z", "w"])
        #expect(xyz.adding(["x"]) === xyz)
        #expect(xyz.union(target).variables == ["x", "y", "z", "w"])
        var g = SeededGenerator(seed: 0xC0)
        for _ in 0..<100 {
            let p = randomPolynomial(&g)
            let (vx, vy, vz, vw) = (randomRational(&g), randomRational(&g), randomRational(&g), randomRational(&g))
            let q = p.converted(to: target)
            #expect(q.ring == target)
            #expect(try q.evaluate(at: [vz, vw, vx, vy]) == p.evaluate(at: [vx, vy, vz]))
            #expect(try target.embedding(p).evaluate(at: ["x": vx, "y": vy, "z": vz, "w": vw]) == p.evaluate(at: [vx, vy, vz]))
            #expect(q.converted(to: xyz) == p)
            #expect(p.description == q.converted(to: grown).description)
        }
        // Dropping variables the polynomial does not use.
        let xOnly = PolynomialRing(variables: ["x"])
        #expect((x * x + 1).isConvertible(to: xOnly) && !(x * y).isConvertible(to: xOnly))
        #expect((x * x + 1).converted(to: xOnly) == xOnly.variable("x") * xOnly.variable("x") + 1)
    }

    @Test func ringWithoutVariables() throws {
        let q = PolynomialRing(variables: [])
        let c = q.constant(Rational(3, 4))
        #expect(c.isConstant && c.constantValue == Rational(3, 4) && c.totalDegree == 0)
        #expect((c * c + q.one).constantValue == Rational(25, 16))
        #expect(try c.evaluate(at: []) == Rational(3, 4))
        #expect(c.description == "3/4" && q.description == "Q[]")
        #expect(c.converted(to: xyz) == xyz.constant(Rational(3, 4)))
        #expect(xyz.constant(2).converted(to: q) == q.constant(2))
        #expect(c.terms.first?.exponents == [])
    }

    // MARK: Text

    @Test func descriptionStrings() {
        let ts = PolynomialRing(variables: ["t", "s"])
        let (t, s) = (ts.variable("t"), ts.variable("s"))
        #expect((2 * t * t * s - t + Rational(1, 2)).description == "2*t^2*s - t + 1/2")
        #expect((Rational(3, 4) * t).description == "3/4*t")
        #expect((-t * t * t + Rational(-3, 4) * s - 5).description == "-t^3 - 3/4*s - 5")
        #expect((s * s + t * t + t * s).description == "t^2 + t*s + s^2")
        #expect(ts.zero.description == "0" && ts.constant(Rational(-1, 2)).description == "-1/2")
        #expect((-s).description == "-s")
        #expect((t * s * s - s * s * t).description == "0")
        let st = PolynomialRing(variables: ["s", "t"], order: .lexicographic)
        #expect((2 * t * t * s - t + Rational(1, 2)).converted(to: st).description == "2*s*t^2 - t + 1/2")
        #expect(ts.description == "Q[t, s]" && st.description == "Q[s, t; lex]")
    }

    // MARK: Concurrency and memory

    @Test func polynomialsCrossTasks() async {
        let ring = PolynomialRing(variables: ["u", "v"])
        let u = ring.variable("u"), v = ring.variable("v")
        let products = await withTaskGroup(of: MultivariatePolynomial.self) { group in
            for k in 1...8 { group.addTask { try! (u + Rational(k) * v).power(6) } }
            var all: [MultivariatePolynomial] = []
            for await p in group { all.append(p) }
            return all
        }
        #expect(products.count == 8 && products.allSatisfy { $0.totalDegree == 6 && $0.termCount == 7 })
    }

}
