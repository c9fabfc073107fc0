import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// `--continuous` on diffusers configs: the continuous-time schedule of the same betas
/// and the largest gap |ᾱ_n − ᾱ(t_n)| over the steps, against mpmath (written from the
/// formulas: ᾱ_n = ∏(1 − β_k) with diffusers' betas, ᾱ(t) = exp(−∫₀ᵗ N·β(s) ds)).
@Suite(.tags(.oracle)) struct ContinuousCounterpartOracleTests {
    func run(_ arguments: [String], stdin: String = "") -> (status: Int32, stdout: String, stderr: String) {
        let r = SchedCommand.run(arguments, stdin: stdin)
        return (r.status, r.stdout, r.stderr)
    }

    @Test func importPrintsTheVPSDEOfLinearBetas() {
        let r = run(["import", "--continuous", "-"], stdin: #"{"_class_name": "DDPMScheduler", "beta_schedule": "linear", "beta_start": 0.0001, "beta_end": 0.02}"#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            # Imported from a diffusers scheduler config by `sched import`: DDPMScheduler.
            schedule _stdin__continuous "DDPMScheduler, linear betas, epsilon, continuous time" {
                time t in [0, 1]
                param beta_start = 0.0001
                param beta_end = 0.02
                let abar = exp(-1000 (beta_start t + (beta_end - beta_start) t^2/2))
                alpha = sqrt(abar)
                sigma = sqrt(1 - abar)
                target = eps
            }

            """)
    }

    @Test func withoutAFormulaItIsALocatedError() {
        let trained = run(["import", "--continuous", "-"], stdin: #"{"_class_name": "DDPMScheduler", "num_train_timesteps": 2, "trained_betas": [0.1, 0.2]}"#)
        #expect(trained.status == 1)
        #expect(trained.stderr.hasPrefix("<stdin>:1:77: error: 'trained_betas' have no continuous-time counterpart"), "\(trained.stderr)")
        let notConfig = run(["analyze", "--continuous", "-"], stdin: "schedule a {\n    x_t = (1 - t) x0 + t eps\n    target = eps\n}\n")
        #expect(notConfig.status == 2)
        #expect(notConfig.stderr == "error: --continuous takes a diffusers scheduler config (a JSON object with \"_class_name\"): <stdin> is not one\n")
    }

    /// A flow's steps are its formula at s = n/N: equal up to rounding everywhere.
    @Test func flowMatchingStepsSampleTheFormula() {
        let r = run(["analyze", "--continuous", "-"], stdin: #"{"_class_name": "FlowMatchEulerDiscreteScheduler", "num_train_timesteps": 100, "shift": 3.0}"#)
        #expect(r.status == 0, "\(r.stderr)")
        let line = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasPrefix("  steps vs t  max |ᾱ_n − ᾱ(t_n)| ≤ ") && line.hasSuffix(" at every step (equal up to rounding), t_n = n/100"), "\(line)")
    }

    static let oracle = #"""
    import json, sys
    import mpmath as mp
    mp.mp.dps = 40
    cfg = json.loads(sys.argv[1])
    N = cfg.get("num_train_timesteps", 1000)
    kind = cfg["beta_schedule"]
    bs, be = mp.mpf(str(cfg.get("beta_start", "0.0001"))), mp.mpf(str(cfg.get("beta_end", "0.02")))
    f = lambda t: mp.cos((t + mp.mpf("0.008")) / mp.mpf("1.008") * mp.pi / 2) ** 2
    def beta(n):
        if kind == "linear": return bs + (be - bs) * n / (N - 1)
        if kind == "scaled_linear": return (mp.sqrt(bs) + (mp.sqrt(be) - mp.sqrt(bs)) * n / (N - 1)) ** 2
        return min(1 - f(mp.mpf(n + 1) / N) / f(mp.mpf(n) / N), mp.mpf("0.999"))
    def continuous(t):
        if kind == "linear": return mp.exp(-N * (bs * t + (be - bs) * t ** 2 / 2))
        if kind == "scaled_linear":
            a, b = mp.sqrt(bs), mp.sqrt(be)
            return mp.exp(-N * ((a + (b - a) * t) ** 3 - a ** 3) / (3 * (b - a)))
        return f(t) / f(0)
    ab, best = mp.mpf(1), (mp.mpf(-1), -1)
    for n in range(N):
        ab *= 1 - beta(n)
        d = abs(ab - continuous(mp.mpf(n + 1) / N))
        if d > best[0]: best = (d, n)
    print(best[1], mp.nstr(best[0], 6))
    """#

    @Test(arguments: [
        #"{"_class_name": "DDPMScheduler", "beta_schedule": "linear", "beta_start": 0.0001, "beta_end": 0.02}"#,
        #"{"_class_name": "PNDMScheduler", "beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012}"#,
        #"{"_class_name": "DDIMScheduler", "beta_schedule": "squaredcos_cap_v2", "num_train_timesteps": 500}"#,
    ])
    func largestGapAgreesWithMpmath(config: String) throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("continuous-gap-\(getpid()).py")
        try Self.oracle.write(to: script, atomically: true, encoding: .utf8)
        let oracle = try Subprocess.python(script.path, [config])
        #expect(oracle.status == 0, "\(oracle.stderr)")
        let parts = oracle.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let r = run(["analyze", "--continuous", "-"], stdin: config)
        #expect(r.status == 0, "\(r.stderr)")
        let line = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.contains("max |ᾱ_n − ᾱ(t_n)| ≈ \(parts[1]) at n = \(parts[0]) "), "sched: \(line); mpmath: \(oracle.stdout)")
    }
}
