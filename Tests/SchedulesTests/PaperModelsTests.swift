import Exact
import Foundation
import Symbolic
import SchedTestHarness
import Testing
@testable import Schedules

/// The models of the paper, from the bundled example files: the table in
/// docs/unified-model.md, reproduced exactly.
@Suite struct PaperModelsTests {
    static func analysis(_ file: String, _ name: String) throws -> ModelAnalysis {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/\(file)"), encoding: .utf8)
        let parsed = ScheduleFile(parsing: text, path: "examples/\(file)")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.formattedDiagnostics())")
        let s = try #require(parsed.schedule(named: name))
        return ModelAnalysis(s.unifiedModel)
    }

    static func q(_ a: ModelAnalysis, _ name: String) -> String {
        if case .success(let f)? = a.quantities[name] { return printASCII(f.expression) }
        return "undefined"
    }

    @Test func epsilonPrediction() throws {
        let a = try Self.analysis("ddpm.sched", "ddpm_eps_cosine")
        #expect(Self.q(a, "det") == Self.q(a, "alpha") && Self.q(a, "det") == "cos(pi*t/2)")
        #expect(Self.q(a, "rho") == Self.q(a, "sigma"))
        let det = try #require(a.zeros["det"])
        #expect(det.complete && exactZeros(det) == ["1"])   // the noise end, exactly
    }

    @Test func dataPrediction() throws {
        let a = try Self.analysis("ddpm.sched", "ddpm_x0_cosine")
        #expect(Self.q(a, "det") == "-sin(pi*t/2)" && Self.q(a, "rho") == Self.q(a, "alpha"))
        #expect(a.zeros["det"]!.complete && exactZeros(a.zeros["det"]!) == ["0"])   // the data end
    }

    @Test(arguments: [("ddpm.sched", "v_cosine"), ("edm.sched", "edm"), ("edm.sched", "edm_symbolic"),
                      ("edm.sched", "consistency_edm"), ("flows.sched", "trigflow")])
    func correlationIdenticallyZero(file: String, name: String) throws {
        let a = try Self.analysis(file, name)
        #expect(Self.q(a, "rho") == "0" && Self.q(a, "cov") == "0")
        #expect(a.zeros["rho"]!.identicallyZero)
        #expect(a.lagrangeIdentity.isProvenZero)
    }

    @Test func determinantOneForVelocityTargets() throws {
        for (file, name) in [("ddpm.sched", "v_cosine"), ("flows.sched", "trigflow"), ("flows.sched", "rectified_flow")] {
            #expect(Self.q(try Self.analysis(file, name), "det") == "1", "\(name)")
        }
    }

    @Test func rectifiedFlow() throws {
        let a = try Self.analysis("flows.sched", "rectified_flow")
        #expect(Self.q(a, "rho") == "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)")
        let rho = try #require(a.zeros["rho"])
        #expect(rho.complete && exactZeros(rho) == ["1/2"] && rho.points[0].multiplicity == 1)
    }

    /// EDM's target with Var(x0) = 1 ≠ σ_data²: ρ is not identically zero, and its
    /// zero set (empty) is computed completely.
    @Test func edmWithAnotherDataVariance() throws {
        let a = try Self.analysis("edm.sched", "edm_mismatched")
        let rho = try #require(a.zeros["rho"])
        #expect(!rho.identicallyZero && rho.complete && rho.points.isEmpty)
        #expect(Self.q(a, "cov") == "3*s/sqrt(4*s^2 + 1)")
    }

    /// α = (1 − t)³, σ = 1 − (1 − t)³, velocity target: det A = 3(1 − t)², a zero of
    /// multiplicity 2 at the end t = 1, exact.
    @Test func cubicFlow() throws {
        let a = try Self.analysis("flows.sched", "cubic_flow")
        #expect(Self.q(a, "det") == "3*(t - 1)^2")
        let det = try #require(a.zeros["det"])
        #expect(det.complete && exactZeros(det) == ["1"] && det.points[0].multiplicity == 2)
    }
}

/// The transcendental zero of the paper models, checked by mpmath.
@Suite(.tags(.oracle)) struct TranscendentalZeroOracleTests {
    /// A ρ that vanishes at a transcendental point: α = e^{−t}, σ = t, target x0 − ε
    /// gives Cov = e^{−t} − t, zero at the omega constant Ω = W(1) (transcendental by
    /// Lindemann–Weierstrass). The enclosure must be ≤ 10⁻¹² wide, hold exactly one
    /// zero, and an independent mpmath evaluation must see the sign change across it.
    @Test func transcendentalZero() throws {
        let text = "schedule omega {\n    time t in [0, 1]\n    alpha = exp(-t)\n    sigma = t\n    target = x0 - eps\n}\n"
        let s = try #require(ScheduleFile(parsing: text).schedules.first)
        let a = ModelAnalysis(s.unifiedModel)
        let rho = try #require(a.zeros["rho"])
        #expect(rho.complete && rho.points.count == 1)
        guard case .enclosure(let lo, let hi, let minimal)? = rho.points.first?.location else {
            Issue.record("expected an enclosure: \(rho)")
            return
        }
        #expect(minimal == nil)   // not algebraic
        #expect(hi - lo <= Rational(1, 1_000_000_000_000))
        let script = """
        import mpmath
        mpmath.mp.dps = 60
        f = lambda t: mpmath.exp(-t) - t
        lo, hi = mpmath.mpf(\(lo.numerator)) / \(lo.denominator), mpmath.mpf(\(hi.numerator)) / \(hi.denominator)
        omega = mpmath.lambertw(1).real
        print(f(lo) > 0 and f(hi) < 0 and lo < omega < hi)
        """
        let answer = try Subprocess.python("-c", [script])
        #expect(answer.stdout == "True\n", "\(answer.stderr)")
    }
}

/// A zero-set claim is proven only when each claimed point is shown to be a zero
/// exactly: a decimal that merely lies inside the enclosure of the zero is refuted.
@Test func zeroSetClaimNeedsExactZeros() throws {
    let text = """
    schedule omega {
        time t in [0, 1]
        alpha = exp(-t)
        sigma = t
        target = x0 - eps
        expect zeros(cov) == {0.5671432904097838}
    }
    """
    let s = try #require(ScheduleFile(parsing: text).schedules.first)
    let verdict = ClaimChecker(ModelAnalysis(s.unifiedModel)).check(s.expectations[0].claim)
    #expect(verdict.status == .refuted, "\(verdict)")
    #expect(verdict.counterexample == "t = 2835716452048919/5000000000000000")
}
