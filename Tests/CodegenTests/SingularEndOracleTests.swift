import Foundation
import SchedTestHarness
import Testing

/// `--at-singular raise|limit`, run with NumPy: where a function is undefined at a
/// domain end, a ValueError or the exact one-sided limit — never a silent NaN or the
/// 1/cos(π/2) ≈ 1.6·10¹⁶ of floating point.
@Suite(.tags(.oracle)) struct SingularEndOracleTests {
    func module(_ options: [String]) throws -> String {
        let r = codegen(["examples/ddpm.sched", "--lang", "numpy"] + options)
        #expect(r.status == 0, "\(r.stderr)")
        // A module name: "clamp=1e-6" → "clamp_1e_6".
        let policy = options.isEmpty ? "raise" : String(options[1].map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return try writeModule(r.stdout, name: "ddpm_\(policy)")
    }

    func python(_ program: String, _ options: [String] = []) throws -> String {
        let path = try module(options)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let r = try runPython("import numpy as np\nimport \(name) as m\n" + program, importing: path)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static let tryX0From = """
        try:
            m.SCHEDULES["ddpm_eps_cosine"].x0_from(1.0, 1.0, np.array([0.5, 1.0]))
        except ValueError as e:
            print("ValueError:", e)
        """

    /// ε-prediction on the cosine schedule: x̂0 = (x_t − σ·ŷ)/α divides by α(1) = 0.
    @Test func epsPredictionX0FromRaisesAtTheNoiseEnd() throws {
        #expect(try python(Self.tryX0From) == "ValueError: ddpm_eps_cosine.x0_from is undefined at t = 1: it needs cos(pi*t/2) ≠ 0\n")
    }

    /// Its coefficients diverge there, so `limit` raises too, saying so.
    @Test func epsPredictionX0FromHasNoLimit() throws {
        #expect(try python(Self.tryX0From, ["--at-singular", "limit"])
                == "ValueError: ddpm_eps_cosine.x0_from is undefined at t = 1: it needs cos(pi*t/2) ≠ 0; the limit of the coefficient of x_t there is infinite\n")
    }

    /// `clamp=1e-6`: x̂0 at t = 1 is x̂0 at the float 1 − 10⁻⁶, the same values as a
    /// call there; its coefficients 1/α and −σ/α (about ±6.4·10⁵) within 4 ulps of
    /// mpmath at 50 digits there. α itself is defined at t = 1 and not moved: exactly 0.
    @Test func epsPredictionX0FromClampedAtTheNoiseEnd() throws {
        let out = try python("""
            import mpmath
            mpmath.mp.dps = 50
            c = m.SCHEDULES["ddpm_eps_cosine"]
            moved = 1.0 - 1e-6
            t = mpmath.mpf(moved)
            exact = [1 / mpmath.cos(mpmath.pi * t / 2), -mpmath.sin(mpmath.pi * t / 2) / mpmath.cos(mpmath.pi * t / 2)]
            for k, (x_t, y) in enumerate([(1.0, 0.0), (0.0, 1.0)]):
                at_end = c.x0_from(x_t, y, np.array([0.5, 1.0]))
                inside = c.x0_from(x_t, y, np.array([0.5, moved]))
                error = abs(mpmath.mpf(float(at_end[1])) - exact[k]) / np.spacing(abs(float(exact[k])))
                print(at_end.tolist() == inside.tolist(), error <= 4, round(float(at_end[1])))
            print(float(c.alpha(1.0)))
            """, ["--at-singular", "clamp=1e-6"])
        #expect(out == "True True 636620\nTrue True -636620\n0.0\n")
    }

    /// v-prediction: det A = 1, x̂0 = α·x_t − σ·ŷ is defined at both ends, and exact
    /// there: α(1) = 0 and σ(1) = 1 exactly through cospi/sinpi.
    @Test func vPredictionX0FromIsFiniteAndExact() throws {
        let out = try python("""
            v = m.SCHEDULES["v_cosine"]
            print(v.x0_from(2.0, 3.0, np.array([0.0, 1.0])).tolist(), float(v.alpha(1.0)), float(v.sigma(1.0)))
            """)
        #expect(out == "[2.0, -3.0] 0.0 1.0\n")
    }

    /// x0-prediction: det A = −σ vanishes at t = 0, but x̂0 = ŷ there in the limit
    /// (its coefficients tend to 0 and 1): `limit` returns it, `raise` raises.
    @Test func x0PredictionLimitAtTheDataEnd() throws {
        let program = """
            try:
                print(m.SCHEDULES["ddpm_x0_cosine"].x0_from(2.0, 3.0, np.array([0.0, 0.5])).tolist())
            except ValueError as e:
                print("ValueError:", e)
            """
        #expect(try python(program, ["--at-singular", "limit"]) == "[3.0, 3.0]\n")
        #expect(try python(program) == "ValueError: ddpm_x0_cosine.x0_from is undefined at t = 0: it needs -sin(pi*t/2) ≠ 0\n")
    }

    /// A scalar function that diverges at an end: +inf under `limit`, proven (snr of
    /// v-prediction at t = 0, log-SNR ±inf at both ends), without a NumPy warning.
    @Test func divergingScalarLimits() throws {
        let out = try python("""
            import warnings
            warnings.simplefilter("error")
            v = m.SCHEDULES["v_cosine"]
            print(v.snr(np.array([0.0, 0.5, 1.0])).tolist(), v.logsnr(np.array([0.0, 0.5, 1.0])).tolist())
            """, ["--at-singular", "limit"])
        #expect(out == "[inf, 1.0, 0.0] [inf, 0.0, -inf]\n")
    }
}
