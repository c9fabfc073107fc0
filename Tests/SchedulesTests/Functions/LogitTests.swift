import Exact
import Foundation
import Testing
@testable import Symbolic
@testable import Schedules

/// logit, registered by Sources/Symbolic/Functions/Logit.swift alone.
@Suite struct LogitTests {
    @Test func exactValuesSymmetryAndInverses() throws {
        #expect(try simplified("logit(1/2)") == "0")
        #expect(try simplified("logit(1/3)") == "-log(2)")
        #expect(try simplified("logit(3/4)") == "log(3)")
        #expect(try simplified("logit(1 - t)") == "-logit(t)")
        #expect(try simplified("logit(sigmoid(t^2))") == "t^2")
        #expect(try simplified("sigmoid(logit(t))") == "t")
        #expect(try simplified("exp(2 logit(t))") == "t^2/(t - 1)^2")
        #expect(throws: LocatedSimplificationError.self) { try Simplifier().simplify(try Expr(parsing: "logit(2)")) }
        #expect(throws: LocatedSimplificationError.self) { try Simplifier().simplify(try Expr(parsing: "logit(0)")) }
    }

    @Test func namesInEveryPrinter() throws {
        let e = try Expr(parsing: "logit(t)^2")
        #expect(printASCII(e) == "logit(t)^2")
        #expect(printUnicode(e) == "logit(t)²")
        #expect(printLaTeX(e) == "\\operatorname{logit}^{2}\\left(t\\right)")
    }

    @Test func derivative() throws {
        #expect(printASCII(try Expr(parsing: "logit(t)").derivative(withRespectTo: "t")) == "1/(t*(1 - t))")
        #expect(try form("logit(t^2)").derivative(withRespectTo: "t") == (try form("2 t/(t^2 (1 - t^2))")))
        // 1/(t(1 − t)) at t = 1/3 is 9/2, exactly.
        #expect(try ballValue("diff(logit(t), t)", at: Rational(1, 3)).contains(Rational(9, 2)))
    }

    @Test func ballEvaluationMatchesMpmath() throws {
        // mpmath 1.3, mp.dps = 40: log(x/(1 − x)).
        #expect(isNear(try ballValue("logit(t)", at: Rational(1, 3)), "-0.6931471805599453094172321214581765680755"))
        #expect(isNear(try ballValue("logit(t)", at: Rational(999, 1000)), "6.906754778648553518553831381799024277843"))
        #expect(isNear(try ballValue("logit(t)", at: try Rational(10).power(-30)), "-69.07755278982137052053974364052992622803"))
        #expect(isNear(try form("logit(t)").ball(at: ["t": Rational(9, 10)], precision: 256), "2.197224577336219382790490473845051409295"))
        #expect(try ballValue("logit(t)", at: Rational(1, 2)).isExactlyZero)
    }

    @Test func outsideTheOpenUnitIntervalIsADomainError() throws {
        for t in [Rational(0), Rational(1), Rational(2), Rational(-1, 3)] {
            #expect {
                _ = try ballValue("logit(t)", at: t)
            } throws: { error in
                guard case .domainError(.function(.logit), .certain, _)? = error as? EvaluationError else { return false }
                return true
            }
        }
        #expect(DomainViolation.function(.logit).description == "logit of a number outside (0, 1)")
    }

    @Test func definedOnTheOpenUnitInterval() throws {
        let (_, definedness) = try Simplifier().definedForm(of: try Expr(parsing: "logit(t)"))
        #expect(definedness.conditions.map(\.description) == ["t > 0", "1 - t > 0"])
        #expect(Definedness.structural(of: try form("logit(t)")).conditions.map(\.description) == ["t > 0", "1 - t > 0"])
        let zeros = ZeroFinder().zeros(of: try form("logit(t)"), on: try domain("0", "1", lowerClosed: false, upperClosed: false))
        #expect(zeros.complete && exactZeros(zeros) == ["1/2"] && zeros.points[0].multiplicity == 1, "\(zeros)")
    }

    @Test func limitsAreMinusInfinityAtZeroAndInfinityAtOne() throws {
        #expect(OneSidedLimit(variable: "t", point: .zero, side: 1).limit(of: try form("logit(t)")) == .negativeInfinity)
        #expect(OneSidedLimit(variable: "t", point: .one, side: -1).limit(of: try form("logit(t)")) == .positiveInfinity)
        #expect(OneSidedLimit(variable: "t", point: .zero, side: 1).limit(of: try form("t logit(t)")) == nil)
    }

    @Test func aScheduleUsingLogitIsAnalyzedEndToEnd() throws {
        // λ = logit(1 − t) is the log-SNR of the variance-preserving α² = 1 − t.
        let text = """
            schedule logit_open {
                time t in (0, 1)
                alpha = sqrt(1 - t)
                sigma = sqrt(t)
                target = eps
                let lam = logit(1 - t)
                expect zeros(lam) == {1/2}
                expect diff(lam, t) == 1/(t*(t - 1))
                expect lam(1/3) == log(2)
                expect sigmoid(lam) == alpha^2
            }
            """
        #expect(try verdicts(of: "logit_open", in: text) == [
            "proven: zeros(lam) == {1/2}", "proven: diff(lam, t) == 1/(t*(t - 1))", "proven: lam(1/3) == log(2)",
            "proven: sigmoid(lam) == alpha^2",
        ])
        // On the closed interval σ(logit t) = t is undefined at both ends.
        let closed = try schedule("logit_closed", in: """
            schedule logit_closed {
                time t in [0, 1]
                alpha = 1 - t
                sigma = sigmoid(logit(t))
                target = eps
            }
            """)
        #expect(ascii(closed.sigma.value) == "t")
        let analysis = ModelAnalysis(closed.unifiedModel)
        #expect(analysis.undefined.complete)
        let undefined = analysis.undefined.points.compactMap { point -> String? in
            if case .exact(let f) = point.location { return ascii(f) }
            return nil
        }
        #expect(undefined == ["0", "1"])
    }
}
