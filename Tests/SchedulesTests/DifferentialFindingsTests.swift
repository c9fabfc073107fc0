import Exact
import Symbolic
import Testing
@testable import Schedules

/// Cases the domain differential test (Tests/oracles/domain_differential.py) found,
/// each reduced to the schedule it generated and pinned with its exact answer.
@Suite struct DifferentialFindingsTests {
    func analysis(_ body: String, time: String) throws -> ModelAnalysis {
        let s = try schedule("s", in: "schedule s {\n    time \(time)\n\(body)\n}\n")
        return ModelAnalysis(s.unifiedModel)
    }

    /// The verdict on the schedule's only `expect` line.
    func verdict(_ body: String, time: String) throws -> ClaimVerdict {
        let s = try schedule("s", in: "schedule s {\n    time \(time)\n\(body)\n}\n")
        let claim = try #require(s.expectations.first).claim
        return ClaimChecker(ModelAnalysis(s.unifiedModel)).check(claim)
    }

    /// velocity = α′x0 + σ′ε needs σ′, and (√(t − 3))′ = 1/(2√(t − 3)) has no value at
    /// 3: the target (t − 3)·velocity is undefined there although its canonical form
    /// (t − 3)/(2√(t − 3)) = √(t − 3)/2 is not. (Generated schedule g3239.)
    @Test func velocityNeedsTheDerivativesToExist() throws {
        let a = try analysis("    alpha = (2 - t)/(1 + t^2)\n    sigma = sqrt(t - 3)\n    target = 2*x0 + (t - 3)*velocity",
                             time: "t in [3, 9/2]")
        #expect(AnalysisText.undefinedSet(a.undefined, variable: "t").hasPrefix("t = 3 (exact)"))
        let v = try verdict("    alpha = (2 - t)/(1 + t^2)\n    sigma = sqrt(t - 3)\n    target = 2*x0 + (t - 3)*velocity\n    expect zeros(det) == {3}",
                            time: "t in [3, 9/2]")
        #expect(v.evidence == "det is undefined at t = 3, so that is no zero")
    }

    /// On a schedule undefined at every point, a claim has nothing to hold at: unknown,
    /// not "refuted: det is identically 0". (g785: σ = √(t − π/2) on [π/4, π/2).)
    @Test func claimsOnAnEverywhereUndefinedScheduleAreUnknown() throws {
        let body = "    alpha = exp(-2*t^2)\n    sigma = sqrt(t - pi/2)\n    target = -x_t"
        #expect(try analysis(body, time: "t in [pi/4, pi/2)").undefinedEverywhere)
        let v = try verdict(body + "\n    expect zeros(det) == {}", time: "t in [pi/4, pi/2)")
        #expect(v.status == .unknown)
        #expect(v.evidence == "the schedule is undefined at every point of its domain (S006): the claim has no point to hold at")
    }

    /// The schedule is defined only at the closed end t = 1/2, where α = 0: exp(log α)
    /// has no value there, so the identity exp(log(α)) = α is refuted at that end.
    /// (g1615.)
    @Test func identityNeedsBothSidesDefinedAtAClosedEnd() throws {
        let v = try verdict("    alpha = sqrt(-(t + 3/2)*(t - 1/2))\n    sigma = sqrt(1/2 + pi/16 - t)\n    target = 2*eps - x_t\n    expect exp(log(alpha)) == alpha",
                            time: "t in [1/2, 3/2]")
        #expect(v.status == .refuted)
        #expect(v.counterexample == "t = 1/2")
    }

    /// α = σ = 2 − cot(t + 3/2) vanish together at t = atan(1/2) − 3/2, where ρ is 0/0:
    /// the canonical form of ρ has a zero there, but it is no zero of ρ. Not proven to
    /// be the same root as the zero of α, the point is "not decided", never a zero.
    /// (g566.)
    @Test func rhoHasNoZeroWhereBothCoefficientsVanish() throws {
        let a = try analysis("    alpha = tan(t + 3/2 + pi/2) + 2\n    sigma = tan(t + 3/2 + pi/2) + 2\n    target = 2*eps",
                             time: "t in (-3/2, 1/2]")
        let rho = try #require(a.zeros["rho"])
        #expect(rho.points.isEmpty)
        #expect(!rho.complete)
        #expect(a.zeros["alpha"]?.points.count == 1)
    }

    /// √((t − √2 − 9/4)(t − √2)) on [√2, ∞): the radicand is a quadratic with
    /// irrational coefficients, whose zeros a Cauchy bound confines, so the undefined
    /// set ends at √2 + 9/4 instead of running to ∞. (g1309: it was (√2, ∞).)
    @Test func undefinedIntervalStopsAtTheRadicandsLastZero() throws {
        let a = try analysis("    alpha = cos(pi/2*t)\n    sigma = sqrt((t - sqrt(2) - 9/4)*(t - sqrt(2)))\n    target = (t - 3)*x0 + t*eps",
                             time: "t in [sqrt(2), inf)")
        #expect(a.undefined.intervals.count == 1)
        #expect(AnalysisText.undefinedSet(a.undefined, variable: "t").hasPrefix("t ∈ (√2, ≈3.6642135623730954)"))
    }

    /// On [π/2, π/2 + 4) the schedule is defined only at π/2 (both radicands are 0
    /// there and one is negative after): det A = t·σ − α vanishes at that closed end,
    /// and no piece search sees it, since the piece next to it is undefined. (g1799:
    /// it was "none — complete".)
    @Test func zeroAtAClosedEndNextToAnUndefinedPiece() throws {
        let a = try analysis("    alpha = sqrt((t - pi/2 - 5/2)*(t - pi/2))\n    sigma = sqrt(-(t - pi/2 - 5*pi/32)*(t - pi/2))\n    target = -t*x0 - eps - x_t",
                             time: "t in [pi/2, pi/2 + 4)")
        let det = try #require(a.zeros["det"])
        #expect(AnalysisText.zeroSet(det, variable: "t").hasPrefix("t = π/2 ≈ 1.5707963267948966 (exact) — complete"))
    }
}
