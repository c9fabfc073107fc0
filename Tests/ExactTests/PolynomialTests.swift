import Testing
@testable import Exact

@Suite struct PolynomialTests {
    func random(_ g: inout SeededGenerator, degree: Int) -> Polynomial {
        Polynomial(coefficients: (0...degree).map { _ in g.rational(bits: 20) })
    }

    @Test func ringAxiomsAndDivision() throws {
        var g = SeededGenerator(seed: 3)
        for _ in 0..<300 {
            let a = random(&g, degree: Int.random(in: 0...8, using: &g))
            let b = random(&g, degree: Int.random(in: 0...8, using: &g))
            let c = random(&g, degree: Int.random(in: 0...5, using: &g))
            #expect(a + b == b + a && a * b == b * a)
            #expect(a * (b + c) == a * b + a * c)
            #expect((a - a).isZero)
            let x = g.rational(bits: 30)
            #expect((a * b).evaluate(at: x) == a.evaluate(at: x) * b.evaluate(at: x))
            #expect((a + b).evaluate(at: x) == a.evaluate(at: x) + b.evaluate(at: x))
            if !b.isZero {
                let (q, r) = try a.quotientAndRemainder(dividingBy: b)
                #expect(q * b + r == a)
                #expect(r.degree < b.degree)
            }
            #expect(a.composed(with: b).evaluate(at: x) == a.evaluate(at: b.evaluate(at: x)))
            // Product rule for the derivative.
            #expect((a * b).derivative == a.derivative * b + a * b.derivative)
        }
        #expect(throws: ArithmeticError.divisionByZero) { try Polynomial.x.quotientAndRemainder(dividingBy: .zero) }
    }

    @Test func gcdContentAndPrimitivePart() {
        let p = Polynomial(coefficients: [Rational(-1, 2), 0, Rational(1, 2)])           // (x² − 1)/2
        let q = Polynomial(coefficients: [Rational(3), Rational(3)])                      // 3x + 3
        #expect(Polynomial.gcd(p, q) == Polynomial(coefficients: [1, 1] as [Int]))         // monic x + 1
        let r = Polynomial(coefficients: [Rational(-6, 5), Rational(4, 5)])               // (4x − 6)/5
        #expect(r.content == Rational(2, 5))
        #expect(r.primitivePart == Polynomial(coefficients: [-3, 2] as [Int]))
        let negative = Polynomial(coefficients: [Rational(2), Rational(-4)])
        #expect(negative.content == -2 && negative.primitivePart == Polynomial(coefficients: [-1, 2] as [Int]))
        #expect(Polynomial.zero.content == 0)
    }

    @Test func factorization() throws {
        // 12·(x − 1)³·(x² + 1)·(2x + 3)
        let p = Polynomial(coefficients: [Rational(12)]) * (try Polynomial(coefficients: [-1, 1] as [Int]).power(3))
            * Polynomial(coefficients: [1, 0, 1] as [Int]) * Polynomial(coefficients: [3, 2] as [Int])
        let f = p.factored()
        #expect(f.content == 12)
        #expect(f.factors.map(\.multiplicity) == [3, 1, 1])
        #expect(f.factors.map { $0.polynomial.description } == ["x - 1", "2*x + 3", "x^2 + 1"])
        #expect(f.expanded == p)
        let s = p.squarefreeFactorization()
        #expect(s.expanded == p)
        #expect(s.factors.allSatisfy { $0.polynomial.isSquarefree })
        #expect(Set(s.factors.map(\.multiplicity)) == [1, 3])
        // Random products factor back.
        var g = SeededGenerator(seed: 8)
        for _ in 0..<60 {
            let a = random(&g, degree: Int.random(in: 1...4, using: &g))
            let b = random(&g, degree: Int.random(in: 1...4, using: &g))
            let prod = a * b * b
            if prod.isZero { continue }
            #expect(prod.factored().expanded == prod)
            #expect(prod.squarefreeFactorization().expanded == prod)
        }
    }

    @Test func resultant() {
        // Res(x² − 2, x − a) = a² − 2: zero exactly when they share a root.
        let p = Polynomial(coefficients: [-2, 0, 1] as [Int])
        #expect(Polynomial.resultant(p, Polynomial(coefficients: [-3, 1] as [Int])) == 7)
        #expect(Polynomial.resultant(p, Polynomial(coefficients: [0, 0, 1] as [Int])) == 4)
        #expect(Polynomial.resultant(p * Polynomial(coefficients: [1, 1] as [Int]), Polynomial(coefficients: [1, 1] as [Int])) == 0)
    }

    @Test func powersAndBudget() throws {
        #expect(try Polynomial(coefficients: [1, 1] as [Int]).power(3) == Polynomial(coefficients: [1, 3, 3, 1] as [Int]))
        #expect(throws: ArithmeticError.self) { try Polynomial.x.power(1_000_000) }
        #expect(throws: ArithmeticError.self) { try Polynomial.x.power(-1) }
    }

    @Test func printing() {
        #expect(Polynomial(coefficients: [Rational(1, 2), -1, 0, 2]).description(variable: "t") == "2*t^3 - t + 1/2")
        #expect(Polynomial(coefficients: [0, Rational(-3, 4)]).description == "-3/4*x")
        #expect(Polynomial.zero.description == "0")
        #expect(Polynomial(roots: [1, 2]).description == "x^2 - 3*x + 2")
    }
}
