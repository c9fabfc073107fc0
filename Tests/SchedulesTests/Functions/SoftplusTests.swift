import Exact
import Foundation
import Testing
@testable import Symbolic
@testable import Schedules

/// softplus, registered by Sources/Symbolic/Functions/Softplus.swift alone.
@Suite struct SoftplusTests {
    @Test func exactValuesAndInverse() throws {
        #expect(try simplified("softplus(0)") == "log(2)")
        #expect(try simplified("softplus(log(t))") == "log(t + 1)")
        #expect(try simplified("softplus(-t)") == "softplus(-t)")
        #expect(try simplified("softplus(t) - softplus(t)") == "0")
        // softplus(x) − softplus(−x) = x is not a rewrite: not proven zero, and not refuted.
        let identity = ZeroTest().test(try Expr(parsing: "softplus(t) - softplus(-t) - t"))
        #expect(!identity.isProvenZero && !identity.isProvenNonzero)
    }

    @Test func namesInEveryPrinter() throws {
        let e = try Expr(parsing: "softplus(t)^2")
        #expect(printASCII(e) == "softplus(t)^2")
        #expect(printUnicode(e) == "softplus(t)²")
        #expect(printLaTeX(e) == "\\operatorname{softplus}^{2}\\left(t\\right)")
    }

    @Test func derivativeIsTheSigmoid() throws {
        #expect(printASCII(try Expr(parsing: "softplus(t)").derivative(withRespectTo: "t")) == "sigmoid(t)")
        #expect(try form("softplus(t^2)").derivative(withRespectTo: "t") == (try form("2 t/(1 + exp(-t^2))")))
        // mpmath: σ(1/3) = 1/(1 + e^(−1/3)).
        #expect(isNear(try ballValue("diff(softplus(t), t)", at: Rational(1, 3)), "0.5825702064623146768663946139612295590528"))
    }

    @Test func ballEvaluationMatchesMpmathWithoutOverflowOrCancellation() throws {
        // mpmath 1.3, mp.dps = 40: log1p(exp(x)).
        #expect(isNear(try ballValue("softplus(t)", at: Rational(3, 2)), "1.701413277982752409499482809057091105254"))
        #expect(isNear(try ballValue("softplus(t)", at: -50), "1.928749847963917783017156812728211532955e-22"))
        #expect(isNear(try ballValue("softplus(t)", at: -1000), "5.075958897549456765291809479574336919306e-435"))
        #expect(isNear(try ballValue("softplus(t)", at: 100), "100.0000000000000000000000000000000000000000000372007597602083596"))
        #expect(isNear(try form("softplus(t)").ball(at: ["t": -50], precision: 256), "1.928749847963917783017156812728211532955e-22"))
        // At 64 bits the textbook log(1 + e⁻⁵⁰) loses the value; the overflow-free form keeps it.
        let naive = try BallEvaluator().evaluate(try Expr(parsing: "log(1 + exp(t))"), at: ["t": -50], precision: 64)
        let stable = try BallEvaluator().evaluate(try Expr(parsing: "softplus(t)"), at: ["t": -50], precision: 64)
        #expect(!naive.isCertainlyPositive)
        #expect(stable.isCertainlyPositive && stable.relativeAccuracyBits > 55)
    }

    @Test func definedEverywherePositiveAndNeverZero() throws {
        let (_, definedness) = try Simplifier().definedForm(of: try Expr(parsing: "softplus(t - 1/3)"))
        #expect(definedness.isEmpty)
        #expect(try form("softplus(t - 1/3)").isStructurallyPositive)
        let zeros = ZeroFinder().zeros(of: try form("softplus(t - 1/3)"), on: .unit())
        #expect(zeros.complete && zeros.points.isEmpty)
    }

    @Test func limitsAreZeroAtMinusInfinityAndInfinityAtInfinity() throws {
        #expect(OneSidedLimit(variable: "t", point: .zero, side: 1).limit(of: try form("softplus(-1/t)")) == .finite(.zero))
        #expect(OneSidedLimit(variable: "t", point: .zero, side: 1).limit(of: try form("softplus(1/t)")) == .positiveInfinity)
        #expect(OneSidedLimit(variable: "t", point: .zero, side: -1).limit(of: try form("softplus(1/t)")) == .finite(.zero))
    }

    @Test func aScheduleUsingSoftplusIsAnalyzedEndToEnd() throws {
        let text = """
            schedule softplus_noise {
                time t in [0, 1]
                alpha = 1/(1 + softplus(t))
                sigma = t
                target = eps
                expect det > 0
                expect zeros(sigma) == {0}
                expect alpha(0) == 1/(1 + log(2))
                expect diff(alpha, t) == -sigmoid(t)/(1 + softplus(t))^2
            }
            """
        #expect(try verdicts(of: "softplus_noise", in: text) == [
            "proven: det > 0", "proven: zeros(sigma) == {0}", "proven: alpha(0) == 1/(1 + log(2))",
            "proven: diff(alpha, t) == -sigmoid(t)/(1 + softplus(t))^2",
        ])
    }
}
