import Exact
import Testing
@testable import Symbolic

/// Trial division for √ and log of rationals: exact prime powers below the bound, a
/// prime cofactor recognised below the bound's square, anything else kept whole.
@Suite struct IntegerFactorizationTests {
    static func pairs(_ n: BigInt) -> ([String], String) {
        let (primes, rest) = IntegerFactorization.factor(n)
        return (primes.map { "\($0.0)^\($0.1)" }, rest.description)
    }

    @Test func smallNumbersFactorCompletely() {
        #expect(Self.pairs(360) == (["2^3", "3^2", "5^1"], "1"))
        #expect(Self.pairs(1) == ([], "1"))
        #expect(Self.pairs(97) == (["97^1"], "1"))
        #expect(IntegerFactorization.primes.count == 9592)
        #expect(IntegerFactorization.primes.last == 99991)
    }

    /// 99989·99991 (twin primes by the bound): the second is found as the prime left
    /// once the first is divided out.
    @Test func aPrimeCofactorBelowTheBoundSquaredIsRecognised() {
        #expect(Self.pairs(BigInt(99989 * 99991)) == (["99989^1", "99991^1"], "1"))
        #expect(Self.pairs(BigInt(4 * 1_000_003)) == (["2^2", "1000003^1"], "1"))
    }

    /// 1000003·1000033: no prime factor below 10⁵ and larger than 10¹⁰: kept whole.
    @Test func aLargeCofactorIsKeptWhole() {
        let n = BigInt(1_000_003) * BigInt(1_000_033) * BigInt(12)
        #expect(Self.pairs(n) == (["2^2", "3^1"], "1000036000099"))
        let (square, odd, rest) = IntegerFactorization.squarePart(n)
        #expect(square.description == "2" && odd.map(\.description) == ["3"] && rest.description == "1000036000099")
    }

    @Test func squareRootsOfRationals() throws {
        #expect(try CanonicalForm.sqrtOfRational(Rational(12)).expression.description == "2*sqrt(3)")
        #expect(try CanonicalForm.sqrtOfRational(Rational(3, 8)).expression.description == "sqrt(6)/4")
    }
}
