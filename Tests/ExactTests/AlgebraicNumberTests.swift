import Testing
@testable import Exact

@Suite struct AlgebraicNumberTests {
    func sqrt(_ n: Int) throws -> AlgebraicNumber { try AlgebraicNumber(n).root(2) }

    @Test func cosineOfPiOverFiveIsTheGoldenRatioOverTwo() throws {
        let value = try AlgebraicNumber.cosPi(Rational(1, 5))
        #expect(value == (try (AlgebraicNumber(1) + sqrt(5)).divided(by: AlgebraicNumber(4))))
        #expect(value.minimalPolynomial == Polynomial(coefficients: [-1, -2, 4] as [Int]))
        let q = try #require(value.quadraticForm)
        #expect(q.a == BigInt(1) && q.b == BigInt(1) && q.c == BigInt(5) && q.q == BigInt(4))
        #expect(value.enclosure().decimalString(digits: 10) == "0.8090169944")
    }

    @Test func minimalPolynomialOfCosineOfTwoPiOverSeven() throws {
        let value = try AlgebraicNumber.cosPi(Rational(2, 7))
        #expect(value.degree == 3)
        #expect(value.minimalPolynomial == Polynomial(coefficients: [-1, -4, 4, 8] as [Int]))
        #expect(value.quadraticForm == nil)
        #expect(value.rationalValue == nil)
    }

    @Test func nestedRadicalDenests() throws {
        let nested = try (AlgebraicNumber(5) + AlgebraicNumber(2) * sqrt(6)).root(2)
        #expect(nested == (try sqrt(2) + sqrt(3)))
        // 1/√(5 + 2√6) = √3 − √2, so the difference is exactly zero.
        let difference = try AlgebraicNumber(1).divided(by: nested) - sqrt(3) + sqrt(2)
        #expect(difference.isZero && difference.signum == 0 && difference.rationalValue == Rational(0))
        #expect(!(try nested - sqrt(2) - sqrt(3) + AlgebraicNumber(Rational(1, 1_000_000))).isZero)
    }

    @Test func exactTrigonometricValues() throws {
        #expect(try AlgebraicNumber.sinPi(Rational(1, 6)).rationalValue == Rational(1, 2))
        #expect(try AlgebraicNumber.cosPi(Rational(2, 3)).rationalValue == Rational(-1, 2))
        #expect(try AlgebraicNumber.tanPi(Rational(1, 3)) == (try sqrt(3)))
        #expect(try AlgebraicNumber.tanPi(Rational(-1, 4)).rationalValue == Rational(-1))
        // cos(π/8) = √(2 + √2)/2, of degree 4.
        let cosPiOverEight = try AlgebraicNumber.cosPi(Rational(1, 8))
        #expect(cosPiOverEight == (try (AlgebraicNumber(2) + sqrt(2)).root(2).divided(by: AlgebraicNumber(2))))
        #expect(cosPiOverEight.minimalPolynomial == Polynomial(coefficients: [1, 0, -8, 0, 8] as [Int]))
        #expect(try AlgebraicNumber.sinPi(Rational(104, 105)) == (try AlgebraicNumber.sinPi(Rational(1, 105))))
        #expect(try AlgebraicNumber.tanPi(Rational(10, 7)) == (try AlgebraicNumber.tanPi(Rational(3, 7))))
        #expect(throws: AlgebraicNumberError.divisionByZero) { try AlgebraicNumber.tanPi(Rational(1, 2)) }
        #expect(throws: AlgebraicNumberError.divisionByZero) { try AlgebraicNumber.tanPi(Rational(-3, 2)) }
    }

    @Test func signsPowersAndRealRoots() throws {
        #expect(try AlgebraicNumber.cosPi(Rational(4, 5)).signum == -1)
        #expect(try (sqrt(2) - sqrt(3)).signum == -1)
        #expect(try sqrt(2).power(-2).rationalValue == Rational(1, 2))
        #expect(try sqrt(2).power(0).rationalValue == Rational(1))
        #expect(try AlgebraicNumber(-8).root(3).rationalValue == Rational(-2))
        #expect(try AlgebraicNumber(-2).root(3).signum == -1)
        #expect(throws: AlgebraicNumberError.notReal("an even root of a negative number")) { try AlgebraicNumber(-2).root(2) }
        #expect(throws: AlgebraicNumberError.divisionByZero) { try AlgebraicNumber(0).power(-1) }
        #expect(throws: AlgebraicNumberError.divisionByZero) { try AlgebraicNumber(1).divided(by: AlgebraicNumber(0)) }
    }

    @Test func budgetRefusesLargeDegrees() throws {
        #expect(throws: AlgebraicNumberError.overBudget("a trigonometric value at 1/1000·π")) {
            try AlgebraicNumber.cosPi(Rational(1, 1000))
        }
        #expect(throws: AlgebraicNumberError.overBudget("root 65 of a number of degree 1")) { try AlgebraicNumber(2).root(65) }
        #expect(throws: AlgebraicNumberError.overBudget("root \(Int.max) of a number of degree 2")) { try sqrt(2).root(Int.max) }
        let degree16 = try AlgebraicNumber.cosPi(Rational(1, 17)) + sqrt(2)
        #expect(degree16.degree == 16)
        #expect(throws: AlgebraicNumberError.overBudget("a product of numbers of degrees 16 and 8")) {
            try degree16 * AlgebraicNumber.cosPi(Rational(1, 17))
        }
    }
}
