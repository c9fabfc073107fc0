import Exact
import Foundation
import Testing
@testable import Symbolic
@testable import Schedules

/// erf, registered by Sources/Symbolic/Functions/Erf.swift alone.
@Suite struct ErfTests {
    @Test func exactValuesAndOddness() throws {
        #expect(try simplified("erf(0)") == "0")
        #expect(try simplified("erf(-t) + erf(t)") == "0")
        #expect(try simplified("erf(1 - t)") == "-erf(t - 1)")
        #expect(try simplified("erf(t)^2") == "erf(t)^2")
        #expect(try ZeroTest().test(try Expr(parsing: "erf(-2 t) + erf(2 t)")).isProvenZero)
    }

    @Test func namesInEveryPrinter() throws {
        let e = try Expr(parsing: "erf(t/2)^2")
        #expect(printASCII(e) == "erf(t/2)^2")
        #expect(printUnicode(e) == "erf(t/2)²")
        #expect(printLaTeX(e) == "\\operatorname{erf}^{2}\\left(\\frac{t}{2}\\right)")
    }

    @Test func derivative() throws {
        #expect(printASCII(try Expr(parsing: "erf(t)").derivative(withRespectTo: "t")) == "2*exp(-t^2)/sqrt(pi)")
        let canonical = try form("erf(t^2)").derivative(withRespectTo: "t")
        #expect(canonical == (try form("4 t exp(-t^4)/sqrt(pi)")))
        // mpmath: 2/√π·e^(−1/9) = 1.009718042991316066244603366666426040337.
        #expect(isNear(try ballValue("diff(erf(t), t)", at: Rational(1, 3)), "1.009718042991316066244603366666426040337"))
    }

    @Test func ballEvaluationMatchesMpmath() throws {
        // mpmath 1.3, mp.dps = 40.
        #expect(isNear(try ballValue("erf(t)", at: Rational(1, 3)), "0.3626481117660629334081786401478658796921"))
        #expect(isNear(try ballValue("erf(t)", at: Rational(-5, 2)), "-0.9995930479825550410604357842600250872797"))
        #expect(isNear(try form("erf(t)").ball(at: ["t": Rational(1, 3)], precision: 256), "0.3626481117660629334081786401478658796921"))
        #expect(try ballValue("erf(t)", at: 0).isExactlyZero)
    }

    @Test func definedEverywhereWithZerosOnlyWhereTheArgumentVanishes() throws {
        let (_, definedness) = try Simplifier().definedForm(of: try Expr(parsing: "erf(t - 1/3)"))
        #expect(definedness.isEmpty)
        let zeros = ZeroFinder().zeros(of: try form("erf(t - 1/3)"), on: .unit())
        #expect(zeros.complete && exactZeros(zeros) == ["1/3"] && zeros.points[0].multiplicity == 1, "\(zeros)")
        #expect(ZeroFinder().zeros(of: try form("erf(t + 1)"), on: .unit()).points.isEmpty)
    }

    @Test func limitsAtInfinityAreMinusOneAndOne() throws {
        let right = OneSidedLimit(variable: "t", point: .zero, side: 1).limit(of: try form("erf(1/t)"))
        let left = OneSidedLimit(variable: "t", point: .zero, side: -1).limit(of: try form("erf(1/t)"))
        #expect(right == .finite(.one) && left == .finite(CanonicalForm(-1)))
        #expect(OneSidedLimit(variable: "t", point: .one, side: 1).limit(of: try form("erf(t - 1)/(t - 1)")) == .finite(try form("2/sqrt(pi)")))
    }

    @Test func aScheduleUsingErfIsAnalyzedEndToEnd() throws {
        let text = """
            schedule erf_noise {
                time t in [0, 1]
                alpha = 1 - t
                sigma = erf(2 t)
                target = eps
                expect det == 1 - t
                expect zeros(sigma) == {0}
                expect sigma(1/2) == erf(1)
                expect diff(sigma, t) == 4/sqrt(pi) exp(-4 t^2)
                let gap = 1 - sigma
                expect gap > 0
                expect snr(1/2) == 1/(4 erf(1)^2)
            }
            """
        #expect(try verdicts(of: "erf_noise", in: text) == [
            "proven: det == 1 - t", "proven: zeros(sigma) == {0}", "proven: sigma(1/2) == erf(1)",
            "proven: diff(sigma, t) == 4/sqrt(pi) exp(-4 t^2)", "proven: gap > 0", "proven: snr(1/2) == 1/(4 erf(1)^2)",
        ])
    }
}
