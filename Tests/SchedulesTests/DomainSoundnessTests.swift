import Exact
import Symbolic
import Testing
@testable import Schedules

/// The cases of the soundness issue: a point where the schedule as written is
/// undefined is never a zero or a value; undefined sets are sets; kernels that jump
/// at their arguments' poles split the certified bisection.
@Suite struct DomainSoundnessTests {
    func analysis(_ body: String, time: String = "t in [0, 1]") throws -> ModelAnalysis {
        let s = try schedule("s", in: "schedule s {\n    time \(time)\n\(body)\n}\n")
        return ModelAnalysis(s.unifiedModel)
    }

    func text(_ z: ZeroSet?) -> String {
        guard let z else { return "nil" }
        return AnalysisText.zeroSet(z, variable: "t")
    }

    func text(_ u: UndefinedSet) -> String { AnalysisText.undefinedSet(u, variable: "t") }

    func end(_ v: ModelAnalysis.EndValue?) -> String {
        switch v {
        case .exact(let f)?: return printASCII(f.expression)
        case .undefined(let l?)?: return "undefined → " + AnalysisText.limit(l)
        case .undefined(nil)?: return "undefined"
        case .unknown?: return "unknown"
        case nil: return "nil"
        }
    }

    /// α = (t² − ½)/sin(t² − ½): 0/0 at 1/√2, where α → 1 — no zero of α or det A
    /// there (so no S101), and the point is undefined, with its limits.
    @Test func removableSingularityIsNoZero() throws {
        let a = try analysis("    alpha = (t^2 - 1/2)/sin(t^2 - 1/2)\n    sigma = t\n    target = eps")
        #expect(text(a.zeros["alpha"]).hasPrefix("none — complete (t = 0.70710678118654752 is left out: the schedule is undefined there (the limit there is 1))"))
        #expect(text(a.zeros["det"]).hasPrefix("none — complete"))
        #expect(a.undefined.complete)
        #expect(a.undefined.intervals.isEmpty)
        #expect(a.undefined.points.count == 1)
        #expect(a.undefined.points.first?.approximation == "0.70710678118654752")
        if case .enclosure(_, _, let minimal?)? = a.undefined.points.first?.location {
            #expect(minimal.primitivePart.description(variable: "t") == "2*t^2 - 1")
        } else {
            Issue.record("expected an algebraic enclosure")
        }
        #expect(a.undefined.limits.first?["alpha"] == UndefinedSet.SideLimits(left: .finite(.one), right: .finite(.one)))
    }

    /// A target that makes ρ = 0/0 at both ends: ρ is undefined there (not 0), with
    /// the one-sided limits ∓√2/2, and its only zero is 1/2.
    @Test func rhoZeroOverZeroAtTheEnds() throws {
        let a = try analysis("    x_t = (1 - t) x0 + t eps\n    target = t*(1 - t)*(eps - x0)")
        #expect(text(a.zeros["rho"]) == "t = 1/2 (exact) — complete (t = 0 is left out: ρ is undefined there (the limit there is -sqrt(2)/2); t = 1 is left out: ρ is undefined there (the limit there is sqrt(2)/2))")
        #expect(end(a.ends.lower["rho"]) == "undefined → −√2/2")
        #expect(end(a.ends.upper["rho"]) == "undefined → √2/2")
        #expect(end(a.ends.lower["alpha"]) == "1")
        #expect(text(a.undefined) == "nowhere")
    }

    /// α = √(t − ½) on [0, 1]: undefined on [0, 1/2) (an interval, not a point), the
    /// zero at 1/2 is kept, and nothing is evaluated at t = 0 (ρ there was √2).
    @Test func squareRootOfASignChangingRadicand() throws {
        let a = try analysis("    alpha = sqrt(t - 1/2)\n    sigma = 1 - t\n    target = eps")
        #expect(text(a.undefined) == "t ∈ [0, 1/2) — complete")
        #expect(text(a.zeros["alpha"]) == "t = 1/2 (exact) — complete")
        #expect(end(a.ends.lower["rho"]) == "undefined")
        #expect(end(a.ends.lower["alpha"]) == "undefined")
        #expect(end(a.ends.upper["alpha"]) == "sqrt(2)/2")
    }

    /// σ = √(2000 − t) on (0, ∞): undefined beyond 2000 — the last piece of a
    /// half-infinite domain is checked too — and nothing is claimed at ∞.
    @Test func radicandNegativeBeyondTheLastZero() throws {
        let a = try analysis("    alpha = 1\n    sigma = sqrt(2000 - t)\n    target = eps", time: "t in (0, inf)")
        #expect(text(a.undefined) == "t ∈ (2000, ∞) — complete")
        #expect(text(a.zeros["sigma"]) == "t = 2000 (exact) — complete")
        #expect(end(a.ends.upper["sigma"]) == "unknown")
        #expect(end(a.ends.upper["snr"]) == "unknown")
    }

    /// α = atan(1/(t − 1/3)) + 2t jumps from 2/3 − π/2 < 0 to 2/3 + π/2 > 0 at 1/3
    /// and never vanishes: no zero (the bisection is cut at the pole of the
    /// argument), the point undefined, with both one-sided limits.
    @Test func atanJumpsAtThePoleOfItsArgument() throws {
        let a = try analysis("    alpha = atan(1/(t - 1/3)) + 2 t\n    sigma = t\n    target = eps")
        #expect(text(a.zeros["alpha"]) == "none — complete")
        #expect(text(a.zeros["det"]) == "none — complete")
        #expect(text(a.zeros["rho"]) == "t = 0 (exact) — complete")
        #expect(a.undefined.points.map(\.approximation) == ["0.33333333333333333"])
        let limits = a.undefined.limits.first?["alpha"]
        #expect(limits?.left.flatMap { $0.finiteValue.map { printASCII($0.expression) } } == "(4 - 3*pi)/6")
        #expect(limits?.right.flatMap { $0.finiteValue.map { printASCII($0.expression) } } == "(3*pi + 4)/6")
    }

    /// The claim atan(1/(t − 1/3)) > 0 is refuted inside the domain (the sign chart is
    /// cut at the pole of the argument); α ≠ 0 is proven.
    @Test func claimsAcrossAJumpAreDecidedPieceByPiece() throws {
        let s = try schedule("s", in: "schedule s {\n    time t in [0, 1]\n    alpha = atan(1/(t - 1/3)) + 2*t\n    sigma = t\n    target = eps\n    expect atan(1/(t - 1/3)) > 0\n    expect alpha != 0\n}\n")
        let checker = ClaimChecker(ModelAnalysis(s.unifiedModel))
        let verdicts = s.expectations.map { checker.check($0.claim) }
        #expect(verdicts.map(\.status) == [.refuted, .proven])
        #expect(verdicts[0].counterexample == "t = 1/4")
    }

    /// tan(t) on [0, 2]: its pole π/2 is an undefined point, not a zero, and α → ±∞.
    @Test func tanPoleInsideTheDomain() throws {
        let a = try analysis("    alpha = tan(t)\n    sigma = 1\n    target = eps", time: "t in [0, 2]")
        #expect(text(a.zeros["alpha"]) == "t = 0 (exact) — complete")
        #expect(a.undefined.points.count == 1)
        #expect(a.undefined.points.first.map { AnalysisText.point($0, variable: "t") } == "t = π/2 ≈ 1.5707963267948966 (exact)")
        #expect(a.undefined.limits.first?["alpha"] == UndefinedSet.SideLimits(left: .positiveInfinity, right: .negativeInfinity))
    }

    /// A domain of negative times, a pole of σ where α vanishes: the zero of α at
    /// t = −1 is left out, because the schedule is undefined there.
    @Test func negativeDomainWithAPoleAtAZero() throws {
        let a = try analysis("    alpha = t^2 - 1\n    sigma = 1/(t + 1)^2\n    target = eps", time: "t in [-2, -1/2]")
        #expect(text(a.undefined) == "t = −1 (exact) [α → 0; σ → ∞; det A → 0; ρ → 1] — complete")
        #expect(text(a.zeros["alpha"]).hasPrefix("none — complete (t = -1 is left out: the schedule is undefined there"))
        #expect(end(a.ends.lower["alpha"]) == "3")
    }

    /// log(t − ½) on [0, 1]: undefined on [0, 1/2] (the end 1/2 included).
    @Test func logarithmOfASignChangingArgument() throws {
        let a = try analysis("    alpha = log(t - 1/2) + 2\n    sigma = 1\n    target = eps")
        #expect(text(a.undefined) == "t ∈ [0, 1/2] — complete")
        #expect(end(a.ends.lower["alpha"]) == "undefined")
        #expect(end(a.ends.upper["alpha"]) == "2 - log(2)")
    }

    /// A let that divides by t − 1/2 makes the schedule undefined at 1/2, though the
    /// coefficients' canonical forms cancel the factor.
    @Test func definednessOfLetsTravelsWithTheirUses() throws {
        let a = try analysis("    let g = (t - 1/2)/(t - 1/2)\n    alpha = g*(1 - t)\n    sigma = t\n    target = eps")
        #expect(ascii(a.model.alpha) == "1 - t")
        #expect(text(a.undefined) == "t = 1/2 (exact) [α → 1/2; σ → 1/2; det A → 1/2; ρ → √2/2] — complete")
    }
}
