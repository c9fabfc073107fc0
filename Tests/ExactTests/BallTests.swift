import Testing
import Exact

/// Positive rationals n/d · 2^k with n, d up to 10^12 and |k| ≤ 60.
private func generatedPositiveRationals(count: Int, seed: UInt64) -> [Rational] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
        let n = Int.random(in: 1...1_000_000_000_000, using: &rng)
        let d = Int.random(in: 1...1_000_000_000_000, using: &rng)
        let k = Int.random(in: -60...60, using: &rng)
        return Rational(n, d).timesPowerOfTwo(k)
    }
}

private func tenToThe(_ k: Int) -> Rational { try! Rational(10).power(k) }

@Suite struct BallTests {
    // MARK: Construction and exact conversions

    @Test func rationalIsEnclosedTightly() {
        let third = Rational(1, 3)
        let x = Ball(third, precision: 256)
        #expect(x.contains(third))
        #expect(!x.contains(third + tenToThe(-40)))
        #expect(!x.contains(third - tenToThe(-70)))
        #expect(!x.isExact)
        #expect(x.precision == 256)
    }

    @Test func dyadicRationalsAndIntegersAreExact() {
        #expect(Ball(Rational(3, 8)).isExact)
        #expect(Ball(Rational(3, 8)).midpoint == Rational(3, 8))
        #expect(Ball(-7).isExact)
        #expect(Ball(-7).midpoint == Rational(-7))
        #expect(Ball(0).isExactlyZero)
        #expect(Ball(Int.max).midpoint == Rational(Int.max))
    }

    @Test func intervalConstructorEnclosesTheInterval() {
        let a = Rational(-1, 3), b = Rational(2, 7)
        let x = Ball(lower: a, upper: b, precision: 100)
        #expect(x.contains(a))
        #expect(x.contains(b))
        #expect(x.contains(Rational(0)))
        #expect(x.contains(Rational(1, 10)))
        #expect(!x.contains(Rational(3, 10)))
        #expect(x.lowerBound! <= a)
        #expect(x.upperBound! >= b)
        // The radius has a 30-bit mantissa, rounded up: the overshoot is about width · 2^-30.
        #expect(x.upperBound! - b < (b - a).timesPowerOfTwo(-28))
        #expect(a - x.lowerBound! < (b - a).timesPowerOfTwo(-28))
    }

    @Test func boundsBracketTheMidpoint() {
        for r in generatedPositiveRationals(count: 50, seed: 7) {
            for x in [Ball(r, precision: 80), Ball.log(Ball(r)), Ball.sin(Ball(-r, precision: 200))] {
                let lo = x.lowerBound!, mid = x.midpoint!, hi = x.upperBound!
                #expect(lo <= mid && mid <= hi)
                #expect(hi - lo == 2 * x.radius!)
            }
        }
        #expect(Ball(Rational(1, 3)).lowerBound! < Rational(1, 3))
        #expect(Ball(Rational(1, 3)).upperBound! > Rational(1, 3))
        let exact = Ball(5)
        #expect(exact.lowerBound == Rational(5) && exact.upperBound == Rational(5))
    }

    @Test func nonFiniteBallsHaveNoRationalEnds() {
        let nan = Ball(1) / Ball(0)
        #expect(nan.midpoint == nil)
        #expect(nan.radius == nil)
        #expect(nan.lowerBound == nil)
        #expect(nan.upperBound == nil)
        #expect(nan.doubleValue.isNaN)
        // exp(10^9) is a finite ball, but its midpoint would have ~1.4e9 bits.
        let huge = Ball.exp(Ball(1_000_000_000))
        #expect(huge.isFinite)
        #expect(huge.midpoint == nil)
    }

    @Test func doubleValueIsNearestToTheMidpoint() {
        #expect(Ball(Rational(1, 10)).doubleValue == 0.1)
        #expect(Ball.pi().doubleValue == Double.pi)
        #expect(Ball(-3).doubleValue == -3)
    }

    // MARK: Arithmetic and precision

    @Test func resultPrecisionIsTheLargerOne() {
        let a = Ball(1, precision: 64), b = Ball(Rational(1, 3), precision: 300)
        #expect((a + b).precision == 300)
        #expect((b * a).precision == 300)
        #expect((a / 3).precision == 64)
        #expect(Ball.exp(a).precision == 64)
        #expect(a.withPrecision(500).precision == 500)
    }

    @Test func arithmeticEnclosesExactResults() {
        let values = generatedPositiveRationals(count: 40, seed: 11)
        for (p, q) in zip(values, values.dropFirst()) {
            let x = Ball(p), y = Ball(-q)
            #expect((x + y).contains(p - q))
            #expect((x - y).contains(p + q))
            #expect((x * y).contains(-(p * q)))
            #expect((x / y).contains(-(p / q)))
            #expect((1 - x).contains(1 - p))
            #expect((x * Rational(2, 3)).contains(p * Rational(2, 3)))
            #expect((-x).contains(-p))
        }
    }

    @Test func divisionByBallContainingZeroIsIndeterminate() throws {
        let nan = Ball(1) / Ball(0)
        #expect(nan.isIndeterminate)
        #expect(!nan.isFinite)
        #expect(nan.description == "nan")
        #expect((Ball(1) / Ball(lower: -tenToThe(-10), upper: tenToThe(-10))).isIndeterminate)
        #expect(Ball(0).reciprocal.isIndeterminate)
        #expect(throws: BallError.self) { try Ball(1).divided(by: Ball(0)) }
        #expect(try Ball(1).divided(by: Ball(4)).contains(Rational(1, 4)))
        // An indeterminate ball contains everything and is certainly nothing.
        #expect(nan.containsZero && nan.contains(Rational(17)))
        #expect(!nan.isCertainlyPositive && !nan.isCertainlyNegative && !nan.isCertainlyNonzero)
        #expect(!nan.isExact)
        // Indeterminacy propagates.
        #expect((nan + 1).isIndeterminate)
        #expect(Ball.exp(nan).isIndeterminate)
    }

    @Test func integerPowers() {
        let two = Ball(2)
        #expect(two.power(10).midpoint == Rational(1024))
        #expect(two.power(-3).contains(Rational(1, 8)))
        #expect(two.power(0).midpoint == Rational(1))
        #expect(Ball(Rational(-2, 3)).power(-3).contains(Rational(-27, 8)))
        #expect(Ball(0).power(-1).isIndeterminate)
        #expect(Ball(lower: -1, upper: 1).power(-2).isIndeterminate)
        #expect(Ball(lower: -1, upper: 1).power(2).contains(Rational(1)))
    }

    @Test func rationalPowers() {
        let root2 = Ball(2).power(Rational(1, 2))
        #expect(root2.power(2).contains(Rational(2)))
        #expect(root2.overlaps(Ball.sqrt(Ball(2))))
        #expect(Ball(8).power(Rational(2, 3)).contains(Rational(4)))
        #expect(Ball(4).power(Rational(-3, 2)).contains(Rational(1, 8)))
        #expect(Ball(3).power(Rational(5, 7)).power(7).contains(Rational(243)))
        #expect(Ball(-2).power(Rational(3)).contains(Rational(-8)))
        // Outside the domain: negative bases with a non-integer exponent, 0 to a negative power.
        #expect(Ball(-8).power(Rational(1, 3)).isIndeterminate)
        #expect(Ball(-4).power(Rational(1, 2)).isIndeterminate)
        #expect(Ball(0).power(Rational(-1, 2)).isIndeterminate)
    }

    // MARK: Elementary functions

    @Test func sinOfPiIsTinyBallAroundZero() {
        let s = Ball.sin(Ball.pi(precision: 128))
        #expect(s.containsZero)
        #expect(s.isFinite)
        #expect(s.radius! < tenToThe(-30))
        #expect(!s.hasCorrectDigits(1))
        #expect(Ball.cos(Ball.pi()).contains(Rational(-1)))
    }

    @Test func expOfLogContainsTheArgument() {
        let values = generatedPositiveRationals(count: 200, seed: 20_240_601)
        for r in values {
            for precision in [64, 128, 333] {
                let x = Ball(r, precision: precision)
                let roundTrip = Ball.exp(Ball.log(x))
                #expect(roundTrip.contains(r), "exp(log(\(r))) at \(precision) bits = \(roundTrip)")
                #expect(roundTrip.relativeAccuracyBits > precision - 40)
                #expect(Ball.log(Ball.exp(x)).contains(r))
            }
        }
    }

    @Test func logOutsideItsDomainIsIndeterminate() {
        #expect(Ball.log(Ball(0)).isIndeterminate)
        #expect(Ball.log(Ball(-1)).isIndeterminate)
        #expect(Ball.log(Ball(lower: -tenToThe(-30), upper: 1)).isIndeterminate)
        #expect(Ball.log(Ball(lower: Rational(-1, 4), upper: Rational(3, 4))).isIndeterminate)
        #expect(throws: BallError.indeterminate("log")) { try Ball.log(Ball(0)).checkedFinite("log") }
        #expect(Ball.log(Ball(1)).isExactlyZero)
    }

    @Test func sqrtOfNegativePartIsIndeterminate() {
        #expect(Ball.sqrt(Ball(-1)).isIndeterminate)
        #expect(Ball.sqrt(Ball(lower: Rational(-1, 2), upper: Rational(1, 2))).isIndeterminate)
        #expect(Ball.sqrt(Ball(lower: -tenToThe(-40), upper: 1)).isIndeterminate)
        #expect(Ball.sqrt(Ball(0)).isExactlyZero)
        #expect(Ball.sqrt(Ball(Rational(9, 4))).midpoint == Rational(3, 2))
        let root2 = Ball.sqrt(Ball(2, precision: 256))
        #expect((root2 * root2).contains(Rational(2)))
        #expect(root2.relativeAccuracyBits > 250)
    }

    @Test func tanAtAPoleIsIndeterminate() {
        #expect(Ball.tan(Ball.pi() / 2).isIndeterminate)
        #expect(Ball.tan(Ball(lower: -10, upper: 10)).isIndeterminate)
        #expect(Ball.tan(Ball.pi() / 4).overlaps(Ball(1)))
    }

    @Test func atanOfOneIsAQuarterPi() {
        let fourAtanOne = Ball.atan(Ball(1)) * 4
        #expect(fourAtanOne.overlaps(Ball.pi()))
        #expect(fourAtanOne.contains(Ball.pi(precision: 512)))
        #expect(fourAtanOne.radius! < tenToThe(-35))
        #expect((Ball.atan(Ball(-1)) * 4).overlaps(-Ball.pi()))
    }

    @Test func hyperbolicIdentities() {
        let values = generatedPositiveRationals(count: 50, seed: 99).map { $0.magnitude < 100 ? $0 : Rational(1, 7) }
        for r in values {
            for x in [Ball(r), Ball(-r)] {
                let s = Ball.sinh(x), c = Ball.cosh(x)
                #expect((c * c - s * s).contains(Rational(1)), "cosh²−sinh² at \(r)")
                let e2x = Ball.exp(2 * x)
                #expect(Ball.tanh(x).overlaps((e2x - 1) / (e2x + 1)), "tanh at \(r)")
                #expect((Ball.sigmoid(x) + Ball.sigmoid(-x)).contains(Rational(1)), "sigmoid at \(r)")
                #expect((Ball.sin(x).power(2) + Ball.cos(x).power(2)).contains(Rational(1)))
            }
        }
        #expect(Ball.sigmoid(Ball(0)).contains(Rational(1, 2)))
        #expect(Ball.tanh(Ball(0)).isExactlyZero)
    }

    @Test func extremeArgumentsStayAccurate() {
        // sinh near 0 has no cancellation: full relative accuracy at 10^-30.
        let tiny = Ball(tenToThe(-30))
        #expect(Ball.sinh(tiny).relativeAccuracyBits > 120)
        // σ(−10^6) ≈ 10^−434294: no overflow, nearly full precision.
        let s = Ball.sigmoid(Ball(-1_000_000))
        #expect(s.isCertainlyPositive)
        #expect(s.relativeAccuracyBits > 100)
        #expect(Ball.sigmoid(Ball(1_000_000)).contains(Rational(1)))
        #expect(Ball.tanh(Ball(100_000)).contains(Rational(1)))
    }

    /// True when the ball lies within 10⁻³⁸ of a 40-digit reference value.
    private func isNear(_ b: Ball, _ reference: String) -> Bool {
        guard let value = Rational(reference), let lower = (b - Ball(value, precision: b.precision)).lowerBound,
              let upper = (b - Ball(value, precision: b.precision)).upperBound else { return false }
        return lower > -tenToThe(-38) && upper < tenToThe(-38)
    }

    @Test func erfMatchesMpmath() {
        // mpmath 1.3, mp.dps = 40: erf(1/2), erf(−3).
        #expect(isNear(Ball.erf(Ball(Rational(1, 2), precision: 256)), "0.5204998778130465376827466538919645287364"))
        #expect(isNear(Ball.erf(Ball(-3, precision: 256)), "-0.9999779095030014145586272238704176796201"))
        #expect(Ball.erf(Ball(0)).isExactlyZero)
        #expect(Ball.erf(Ball(-1_000_000)).contains(Rational(-1)))
    }

    @Test func log1pKeepsTinyArgumentsAccurate() {
        // mpmath 1.3, mp.dps = 40: log1p(10^−30) = 9.999999999999999999999999999995e−31,
        // log1p(−1/2) = −log 2.
        let tiny = Ball.log1p(Ball(tenToThe(-30), precision: 256))
        #expect(tiny.relativeAccuracyBits > 200)
        // x − x²/2 < log1p(x) < x − x²/2 + x³/3 for 0 < x < 1 (an alternating series);
        // the ball must be far tighter than x³/2 ≈ 5·10⁻⁹¹ around it.
        let x = tenToThe(-30), head = x - x * x / 2
        #expect(tiny.lowerBound.map { $0 > head } == true)
        #expect(tiny.upperBound.map { $0 < head + x * x * x / 2 } == true)
        #expect(isNear(Ball.log1p(Ball(Rational(-1, 2), precision: 256)), "-0.6931471805599453094172321214581765680755"))
        #expect(!Ball.log1p(Ball(-1)).isFinite)
        #expect(!Ball.log1p(Ball(-2)).isFinite)
    }

    // MARK: Predicates

    @Test func signPredicatesAreOneSided() {
        #expect(Ball(Rational(1, 3)).isCertainlyPositive)
        #expect(Ball(-2).isCertainlyNegative)
        #expect(Ball(-2).isCertainlyNonzero)
        let straddle = Ball(lower: -1, upper: 1)
        #expect(straddle.containsZero)
        #expect(!straddle.isCertainlyPositive && !straddle.isCertainlyNegative && !straddle.isCertainlyNonzero)
        // (1 + 10^-50) − 1 at 128 bits: positive, but not provably so.
        let difference = Ball(1 + tenToThe(-50)) - 1
        #expect(difference.containsZero)
        #expect(!difference.isCertainlyPositive)
        #expect((Ball(1 + tenToThe(-50), precision: 256) - 1).isCertainlyPositive)
        #expect(Ball(0).containsZero && Ball(0).isExact)
    }

    @Test func overlapsAndContainsBalls() {
        let a = Ball(lower: 0, upper: 2), b = Ball(lower: 1, upper: 3), c = Ball(lower: 4, upper: 5)
        #expect(a.overlaps(b) && b.overlaps(a))
        #expect(!a.overlaps(c))
        #expect(a.contains(Ball(1)))
        #expect(!a.contains(b))
    }

    // MARK: Text

    @Test func piToThirtyDigits() {
        #expect(Ball.pi(precision: 128).decimalString(digits: 30) == "3.14159265358979323846264338328")
        #expect(Ball.pi(precision: 128).hasCorrectDigits(30))
        // At 64 bits π has about 19 digits: asking for 30 shows the radius.
        let coarse = Ball.pi(precision: 64).decimalString(digits: 30)
        #expect(coarse.hasPrefix("[3.14159265358979"))
        #expect(coarse.contains("+/-"))
        #expect(!Ball.pi(precision: 64).hasCorrectDigits(30))
    }

    @Test func decimalStrings() {
        #expect(Ball(Rational(1, 8)).decimalString(digits: 6) == "0.125000")
        #expect(Ball(0).decimalString(digits: 5) == "0")
        #expect(Ball(-7).decimalString(digits: 3) == "-7.00")
        #expect(Ball(Rational(1, 3)).decimalString(digits: 10) == "0.3333333333")
        #expect((Ball(1) / Ball(0)).decimalString(digits: 10) == "nan")
        #expect(Ball(lower: -1, upper: 1).decimalString(digits: 5).hasPrefix("[+/-"))
        // A tiny ball around 0 never prints as a digit, although "0e-38" would be within
        // one unit of its last place.
        #expect(Ball.sin(Ball.pi()).decimalString(digits: 1).hasPrefix("[+/-"))
        #expect(Ball(Rational(1, 3)).description == "[0.33333333333333333333333333333333333333 +/- 3.83e-39]")
    }

    @Test func evaluateToCorrectDigits() throws {
        let root2 = Ball.evaluate(toCorrectDigits: 50) { Ball.sqrt(Ball(2, precision: $0)) }
        #expect(root2.hasRequestedDigits)
        #expect(try root2.decimalString() == "1.4142135623730950488016887242096980785696718753769")

        // Cancellation: (1 + 10^-60) − 1 has no correct digit at 64 bits.
        let small = Ball.evaluate(toCorrectDigits: 10, startingPrecision: 64) { p in
            Ball(1 + tenToThe(-60), precision: p) - 1
        }
        #expect(small.hasRequestedDigits)
        #expect(small.precision > 64)
        #expect(small.description == "1.000000000e-60")

        // sin(π) = 0 but never becomes the exact ball 0: the bound stops the loop.
        let zero = Ball.evaluate(toCorrectDigits: 5, maximumPrecision: 4096) { Ball.sin(Ball.pi(precision: $0)) }
        #expect(!zero.hasRequestedDigits)
        #expect(zero.precision == 4096)
        #expect(zero.ball.containsZero)
        #expect(throws: BallError.self) { try zero.decimalString() }

        // Errors of the expression pass through.
        #expect(throws: BallError.self) {
            try Ball.evaluate(toCorrectDigits: 5) { p throws(BallError) in try Ball.log(Ball(0, precision: p)).checkedFinite("log") }
        }
    }

    // MARK: Polynomials

    @Test func polynomialEvaluationEnclosesExactValue() {
        let polynomials = [
            Polynomial(coefficients: [Rational(1, 3), Rational(-5, 7), 0, Rational(11, 13)]),
            Polynomial(roots: [Rational(1, 2), Rational(-2, 3), Rational(5)]),
            Polynomial(coefficients: [-2, 0, 1]),
            Polynomial(Rational(3, 5)),
        ]
        let points = generatedPositiveRationals(count: 20, seed: 5).map { $0.magnitude < 1000 ? $0 : Rational(7, 3) }
        for p in polynomials {
            for r in points + [Rational(1, 2), Rational(-2, 3)] {
                for precision in [64, 200] {
                    let value = p.evaluate(at: Ball(r, precision: precision))
                    #expect(value.contains(p.evaluate(at: r)), "\(p) at \(r)")
                    #expect(value.precision == precision)
                }
            }
        }
        // x² − 2 at an enclosure of √2 contains 0.
        #expect(Polynomial(coefficients: [-2, 0, 1]).evaluate(at: Ball.sqrt(Ball(2))).containsZero)
        #expect(Polynomial(coefficients: [Rational]()).evaluate(at: Ball(5)).isExactlyZero)
    }

}
