import Foundation
import Testing
@testable import Exact

@Suite struct RationalParsingTests {
    @Test(arguments: [
        ("3", "3"), ("-3/4", "-3/4"), ("0.125", "1/8"), ("1e-3", "1/1000"), ("2.5E+2", "250"),
        ("6/8", "3/4"), ("-6/-8", nil), ("0.1", "1/10"), (".5", "1/2"), ("5.", "5"), ("+7", "7"),
        ("1.5/2.5", "3/5"), ("0", "0"), ("-0", "0"), ("000012", "12"), ("1e0", "1"), ("1E+000", "1"),
        ("12.50e-1", "5/4"), ("3/0", nil), ("", nil), ("-", nil), ("1e", nil), ("1e+", nil), ("1/2/3", nil),
        ("abc", nil), ("1.2.3", nil), (" 1", nil), ("1 ", nil), ("0x10", nil), ("1e100001", nil),
    ] as [(String, String?)])
    func parsesExactly(text: String, expected: String?) {
        #expect(Rational(text)?.description == expected)
    }

    @Test func divisionByZeroIsAThrownError() {
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(parsing: "3/0") }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(BigInt(1), BigInt(0)) }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational.zero.inverse() }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(5).divided(by: .zero) }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational.zero.power(-2) }
        #expect(throws: ArithmeticError.divisionByZero) { try BigInt(5).quotientAndRemainder(dividingBy: .zero) }
    }

    @Test func absurdExponentsAreBudgetErrors() throws {
        #expect(throws: ArithmeticError.self) { try Rational(parsing: "1e999999999") }
        #expect(throws: ArithmeticError.self) { try Rational(parsing: "1e99999999999999999999999") }
        #expect(throws: ArithmeticError.self) { try Rational(2).power(1_000_000_000) }
        #expect(throws: ArithmeticError.self) { try BigInt(3).power(Int.max) }
        // Powers of ±1 and 0 need no budget.
        #expect(try Rational(-1).power(1_000_000_001) == -1)
        #expect(try Rational(0).power(1_000_000_000) == 0)
    }

    @Test func printParseRoundTrip() {
        var g = SeededGenerator(seed: 11)
        for _ in 0..<5_000 {
            let r = g.rational(bits: 200)
            #expect(Rational(r.description) == r)
            #expect(BigInt(r.numerator.description) == r.numerator)
        }
    }

    @Test func largeValuesAreExact() throws {
        let x = try Rational(2).power(200) / Rational(3).power(100)
        #expect(x.description == "1606938044258990275541962092341162602522202993782792835301376/515377520732011331036461129765621272702107522001")
        #expect(x.numerator == (try BigInt(2).power(200)))
        #expect(try x.power(-1) == Rational(3).power(100) / Rational(2).power(200))
        let f = (1...40).reduce(BigInt.one) { $0 * BigInt($1) }
        #expect(f.description == "815915283247897734345611269596115894272000000000")
        #expect(try Rational(parsing: "1e-30") * Rational(parsing: "1e30") == 1)
        let tiny = try Rational(parsing: "1e-100000")
        let tenToThe100000 = try BigInt(10).power(100_000)
        #expect(tiny.numerator == 1 && tiny.denominator == tenToThe100000)
        #expect(try Rational(parsing: "123456789012345678901234567890.123456789e-5").description
                == "123456789012345678901234567890123456789/100000000000000")
    }
}

@Suite struct RationalArithmeticTests {
    /// Field axioms and ordering over thousands of generated values (fixed seed).
    @Test func fieldAxiomsAndOrdering() {
        var g = SeededGenerator(seed: 2026)
        for _ in 0..<3_000 {
            let a = g.rational(bits: 120), b = g.rational(bits: 120), c = g.rational(bits: 120)
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a + .zero == a && a * .one == a)
            #expect(a + (-a) == .zero)
            #expect(a - b == a + (-b))
            if !a.isZero {
                #expect(a * (try! a.inverse()) == .one)
                #expect(b / a * a == b)
            }
            // Total order compatible with the field operations.
            #expect([a < b, a == b, b < a].filter { $0 }.count == 1)
            if a < b { #expect(a + c < b + c) }
            if a < b && c.isPositive { #expect(a * c < b * c) }
            if a < b && b < c { #expect(a < c) }
            // Canonical form.
            #expect(a.denominator.signum == 1)
            #expect(BigInt.gcd(a.numerator, a.denominator) == .one || a.isZero)
            // Equal values hash equally even when built differently.
            let scaled = try! Rational(a.numerator * BigInt(6), a.denominator * BigInt(6))
            #expect(scaled == a && scaled.hashValue == a.hashValue)
            // floor ≤ a < floor + 1, ceil is −floor(−a).
            #expect(Rational(a.floor) <= a && a < Rational(a.floor + .one))
            #expect(a.ceiling == -((-a).floor))
            #expect(a.magnitude == (a.isNegative ? -a : a))
        }
    }

    @Test func compoundAssignmentKeepsValueSemantics() {
        var a = Rational(1, 3)
        let b = a
        a += Rational(1, 6)
        a *= Rational(4)
        #expect(a == 2 && b == Rational(1, 3))
        var x = BigInt(10)
        let y = x
        x -= BigInt(3)
        #expect(x == 7 && y == 10)
    }

    @Test func powersAndRoots() throws {
        #expect(try Rational(-2, 3).power(3) == Rational(-8, 27))
        #expect(try Rational(-2, 3).power(-3) == Rational(-27, 8))
        #expect(try Rational(5).power(0) == 1)
        #expect(Rational(9, 4).exactSquareRoot() == Rational(3, 2))
        #expect(Rational(8).exactSquareRoot() == nil)
        #expect(Rational(-4).exactSquareRoot() == nil)
        #expect(Rational(3, 4).timesPowerOfTwo(3) == 6 && Rational(3).timesPowerOfTwo(-2) == Rational(3, 4))
    }

    @Test func gcdAndLcm() {
        #expect(BigInt.gcd(12, -18) == 6 && BigInt.lcm(4, 6) == 12 && BigInt.gcd(0, 0) == 0)
        #expect(Rational.gcd(Rational(1, 2), Rational(3, 4)) == Rational(1, 4))
        #expect(Rational.lcm(Rational(1, 2), Rational(3, 4)) == Rational(3, 2))
        var g = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let a = g.bigInt(bits: 100), b = g.bigInt(bits: 100)
            let d = BigInt.gcd(a, b)
            if !d.isZero {
                #expect(a.exactQuotient(dividingBy: d) != nil && b.exactQuotient(dividingBy: d) != nil)
                #expect(BigInt.lcm(a, b) * d == (a * b).magnitude)
            }
        }
    }

    @Test func integerDivisionMatchesInt() throws {
        for a in -20...20 { for b in -7...7 where b != 0 {
            let (q, r) = try BigInt(a).quotientAndRemainder(dividingBy: BigInt(b))
            #expect(q == BigInt(a / b) && r == BigInt(a % b))
            let (fq, fr) = try BigInt(a).flooredDivision(by: BigInt(b))
            #expect(fq * BigInt(b) + fr == BigInt(a))
            #expect(fr.isZero || (fr.signum == b.signum()))
        } }
    }

    @Test func doubleConversionIsCorrectlyRounded() throws {
        #expect(Rational(1, 3).doubleValue == 1.0 / 3.0)
        #expect(Rational(2, 3).doubleValue == 2.0 / 3.0)
        #expect(try Rational(parsing: "0.1").doubleValue == 0.1)
        #expect(try Rational(parsing: "1e400").doubleValue == .infinity)
        let tiny = try Rational(parsing: "-1e-400").doubleValue
        #expect(tiny == 0 && tiny.sign == .minus)
        var g = SeededGenerator(seed: 99)
        for _ in 0..<2_000 {
            let d = Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF)   // finite positives
            let r = Rational(exactly: d)!
            #expect(r.doubleValue == d)
            // A value just off d still rounds to d: the midpoint to the next double is a tie.
            let next = Rational(exactly: d.nextUp)!
            let quarter = r + (next - r) / 4
            #expect(quarter.doubleValue == d)
        }
        #expect(BigInt(12345).doubleValue == 12345.0)
        #expect(BigInt(Int.max).exactInt == Int.max && (BigInt(Int.max) + .one).exactInt == nil)
    }

    @Test func decimalStrings() throws {
        #expect(Rational(1, 3).decimalString(significantDigits: 10) == "0.3333333333")
        #expect(Rational(1, 8).decimalString(significantDigits: 10) == "0.125")
        #expect(Rational(250).decimalString(significantDigits: 10) == "250")
        #expect(try Rational(parsing: "1.234e-12").decimalString(significantDigits: 4) == "1.234e-12")
        #expect(Rational(-2, 3).decimalString(significantDigits: 5) == "-0.66667")
        #expect(try Rational(parsing: "4.3e-5").decimalString(significantDigits: 2) == "0.000043")
    }

}
