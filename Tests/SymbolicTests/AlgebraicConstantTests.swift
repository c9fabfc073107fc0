import Testing
import Exact
@testable import Symbolic

/// Constant coefficients decided exactly as algebraic numbers (Calcium's qqbar).
@Suite struct AlgebraicConstantTests {
    @Test func exactTrigonometricValuesAndDenestedRadicalsCancel() throws {
        #expect(try simplified("cos(pi/5) - 1/4 - sqrt(5)/4") == "0")
        #expect(try simplified("1/sqrt(5 + 2 sqrt(6)) - sqrt(3) + sqrt(2)") == "0")
        #expect(try simplified("1 + sqrt(2 + sqrt(3)) sqrt(2 - sqrt(3)) - 2") == "0")
        #expect(try simplified("sin(104 pi/105) - sin(pi/105)") == "0")
        // Kernels equal up to sign share one representative before any product is formed.
        #expect(try simplified("tan(14 pi/13) - tan(pi/13)") == "0")
        #expect(try simplified("tan(106 pi/105) - tan(pi/105)") == "0")
        #expect(try simplified("cos(104 pi/105) + cos(pi/105)") == "0")
        #expect(try simplified("cos(2 pi/7) + cos(4 pi/7) + cos(6 pi/7)") == "-1/2")
    }

    @Test func rootsOfAlgebraicConstantsDenestWhenTheValueIsQuadratic() throws {
        #expect(try simplified("(7 + 5 sqrt(2))^(1/3)") == "sqrt(2) + 1")
        #expect(try simplified("sqrt(3 + 2 sqrt(2))") == "sqrt(2) + 1")
        #expect(try simplified("(3 + 2 sqrt(2))^(3/2)") == "5*sqrt(2) + 7")
        // Degree 4 (√2 + √3) and degree 6: kept as written.
        #expect(try simplified("sqrt(5 + 2 sqrt(6))") == "sqrt(2*sqrt(6) + 5)")
        #expect(try simplified("(1 + sqrt(2))^(1/3)") == "(sqrt(2) + 1)^(1/3)")
        // Arguments are canonical too, so equal arguments give one kernel.
        #expect(try simplified("cos(1/(1 + sqrt(2))) - cos(sqrt(2) - 1)") == "0")
    }

    @Test func constantCoefficientsOfOtherKernelsCancel() throws {
        #expect(try simplified("t*(cos(pi/5) - 1/4 - sqrt(5)/4) + t") == "t")
        #expect(try simplified("exp(t)*(sqrt(5 + 2 sqrt(6)) - sqrt(2)) - sqrt(3) exp(t)") == "0")
    }

    @Test func irrationalValuesStayExactNeverDecimal() throws {
        // Degree 4: kept as written (cos(π/8) = sin(5π/8) by the phase normalisation).
        #expect(try simplified("cos(pi/8)") == "sin(5*pi/8)")
        // Degree 2: the canonical a + b√c.
        #expect(try simplified("cos(pi/5) - 1/4") == "sqrt(5)/4")
        #expect(try simplified("cos(pi/5)") == "(sqrt(5) + 1)/4")
        #expect(try simplified("tan(pi/12)") == "2 - sqrt(3)")
        #expect(try simplified("1/(1 + sqrt(2))") == "sqrt(2) - 1")
    }

    @Test func equalConstantsBecomeOneConstantSoEqualKernelsCompareEqual() throws {
        #expect(try simplified("t*cos(pi/5)") == (try simplified("t*(1 + sqrt(5))/4")))
        #expect(try simplified("sin(t*cos(pi/5)) - sin(t*(1 + sqrt(5))/4)") == "0")
        #expect(try simplified("exp(t*tan(pi/12)) - exp(2 t - sqrt(3) t)") == "0")
    }

    @Test func perturbedIdentitiesAreRefuted() throws {
        let perturbed = try parse("cos(pi/5) - 1/4 - sqrt(5)/4 - 1/10^30")
        #expect(try simplified("cos(pi/5) - 1/4 - sqrt(5)/4 - 1/10^30") == "-1/1e30")
        #expect(ZeroTest().test(perturbed).isProvenNonzero)
        #expect(ZeroTest().test(try parse("1/sqrt(5 + 2 sqrt(6)) - sqrt(3) + sqrt(2) + 1/10^40")).isProvenNonzero)
        #expect(ZeroTest().test(try parse("cos(pi/5) - 1/4 - sqrt(5)/4")).isProvenZero)
    }

    @Test func aDivisorThatIsExactlyZeroIsADivisionByZero() throws {
        let e = try parse("1/(cos(pi/5) - 1/4 - sqrt(5)/4)")
        #expect(throws: LocatedSimplificationError.self) { try Simplifier().canonicalForm(of: e) }
        do { _ = try Simplifier().canonicalForm(of: e) } catch {
            #expect(error.error == .divisionByZero("the divisor cos(pi/5) - 1/4 - sqrt(5)/4 simplifies to 0"))
        }
    }
}
