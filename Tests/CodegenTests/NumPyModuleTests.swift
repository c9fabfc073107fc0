import Foundation
import SchedTestHarness
import Testing

/// The text of the generated NumPy module: the golden module of rectified flow,
/// reviewed by hand (regenerate with SCHED_UPDATE_GOLDEN=1 and review the diff), the
/// stable forms chosen for the VP-SDE and the cosine schedule against the naive ones,
/// and the command's options.
@Suite struct NumPyModuleTests {
    @Test func rectifiedFlowGolden() throws {
        let r = codegen(["examples/flows.sched", "--schedule", "rectified_flow", "--lang", "numpy"])
        #expect(r.status == 0, "\(r.stderr)")
        let url = packageRoot.appendingPathComponent("Tests/CodegenTests/Golden/rectified_flow.py")
        if ProcessInfo.processInfo.environment["SCHED_UPDATE_GOLDEN"] == "1" { try Data(r.stdout.utf8).write(to: url) }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(r.stdout == expected, "differs from rectified_flow.py")
    }

    /// σ = √(1 − ᾱ) of the VP-SDE: −expm1 in the stable form, Horner's form of the
    /// exponent; the formula as written with --naive.
    @Test func vpSigmaStableAndNaive() throws {
        let stable = codegen(["examples/ddpm.sched", "--schedule", "vp_linear_eps", "--lang", "numpy"]).stdout
        #expect(stable.contains("""
                    # stable form, proven equal to the formula: 1 - exp(u) = -expm1(u); polynomials in Horner form
                    value = np.sqrt(-np.expm1((-199*t - 2)*t/20))
            """))
        #expect(stable.contains("value = 2*((-199*t - 2)*t/40 - _log1mexp((-199*t - 2)*t/20)/2)"))
        let naive = codegen(["examples/ddpm.sched", "--schedule", "vp_linear_eps", "--lang", "numpy", "--naive"]).stdout
        #expect(naive.contains("        value = np.sqrt(1 - np.exp((-199*t**2 - 2*t)/20))\n"))
        #expect(naive.contains("        value = np.log(np.exp((-199*t**2 - 2*t)/20)/(1 - np.exp((-199*t**2 - 2*t)/20)))\n"))
        #expect(!naive.contains("# stable form"))
    }

    /// cos(π/2·t) through the exact reduction of cospi, and the canonical 1 − sin²
    /// (which cancels at t = 1) back as cos².
    @Test func cosineScheduleStableForms() throws {
        let text = codegen(["examples/ddpm.sched", "--schedule", "v_cosine", "--lang", "numpy"]).stdout
        #expect(text.contains("        value = _cospi(t/2)\n"))
        #expect(text.contains("def _cospi(x):"))
        #expect(text.contains("        value = _cospi(t/2)**2/_sinpi(t/2)**2\n"))
    }

    /// σ = 1 − eᵗ is negative on [1, 2]: log|σ| is log|−expm1(t)|, not log1mexp(t),
    /// which is log(1 − eᵗ), real only for t < 0 (there the exp-of-both-sides proof
    /// would hold for a complex value).
    @Test func logSNROfANegativeSigma() {
        let file = "schedule neg {\n  time t in [1, 2]\n  alpha = 1\n  sigma = 1 - exp(t)\n  target = eps\n}\n"
        let r = codegen(["-", "--lang", "numpy"], stdin: file)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("        value = 2*(0 - np.log(np.abs(-np.expm1(t))))\n"))
    }

    /// `--at-singular clamp=EPS`: the time at a singular end replaced by the end moved
    /// inward, documented in the function's docstring and the module's header; an EPS
    /// that leaves the domain and a malformed option are refused with a message.
    @Test func clampMovesTheSingularEndInward() {
        let r = codegen(["examples/ddpm.sched", "--schedule", "ddpm_eps_cosine", "--lang", "numpy", "--at-singular", "clamp=1e-6"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("    sched codegen examples/ddpm.sched --schedule ddpm_eps_cosine --lang numpy --at-singular clamp=1/1000000\n"))
        #expect(r.stdout.contains("""
                    Undefined at t = 1: it needs cos(pi*t/2) ≠ 0.
                    Evaluated at t = 1 - 1/1000000 there (--at-singular clamp).
                    \"\"\"
                    t = _as_time(t)
                    t = np.where(t == ddpm_eps_cosine.T_MAX, ddpm_eps_cosine.T_MAX - 1/1000000, t)

            """))
        #expect(!r.stdout.contains("raise ValueError"))
        let outside = codegen(["examples/ddpm.sched", "--lang", "numpy", "--at-singular", "clamp=2"])
        #expect(outside.status == 1 && outside.stderr.contains("--at-singular clamp=2: t = 1 - 2 is not inside the domain of 'ddpm_eps_cosine'"), "\(outside.stderr)")
        // The option takes one word, so it may come before FILE.
        let before = codegen(["--at-singular", "limit", "examples/ddpm.sched", "--schedule", "v_cosine", "--lang", "numpy"])
        #expect(before.status == 0, "\(before.stderr)")
        let malformed = codegen(["examples/ddpm.sched", "--lang", "numpy", "--at-singular", "clamp=0"])
        #expect(malformed.status == 2 && malformed.stderr.contains("--at-singular takes raise, limit or clamp=EPS with EPS a positive number (1e-6, 1/1000000), not 'clamp=0'"))
    }

    /// An integer beyond int64 is a float literal: NumPy makes an object array of a
    /// Python int that large, and np.log of it raises (found on generated schedule
    /// g250 of codegen_generated.py). Python rounds the literal correctly.
    @Test func integersBeyondInt64AreFloatLiterals() {
        let file = "schedule big {\n  time t in [1, 2]\n  alpha = 1\n  sigma = t/100000000000000000000\n  target = eps\n}\n"
        let r = codegen(["-", "--lang", "numpy"], stdin: file)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("        value = 2*(0 - (np.log(np.abs(t)) - np.log(np.abs(100000000000000000000.0))))\n"))
        #expect(r.stdout.contains("        k_y = -t/100000000000000000000.0\n"))
        // The boundary: 2^63 - 1 fits int64, 2^63 does not.
        for (denominator, printed) in [("9223372036854775807", "9223372036854775807"), ("9223372036854775808", "9223372036854775808.0")] {
            let edge = codegen(["-", "--lang", "numpy"], stdin: file.replacingOccurrences(of: "100000000000000000000", with: denominator))
            #expect(edge.stdout.contains("        value = t/\(printed)\n"), "\(denominator)")
        }
    }

    @Test func outputFileIsTheModule() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sched-codegen-\(UUID().uuidString).py").path
        let r = codegen(["examples/flows.sched", "--schedule", "rectified_flow", "--lang", "numpy", "-o", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let direct = codegen(["examples/flows.sched", "--schedule", "rectified_flow", "--lang", "numpy"])
        let written = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: packageRoot.path + "/", with: "")
        #expect(written == direct.stdout.replacingOccurrences(of: " -o \(path)", with: ""))
    }

    @Test func unknownScheduleAndLanguage() {
        let r = codegen(["examples/flows.sched", "--schedule", "nope", "--lang", "numpy"])
        #expect(r.status == 1 && r.stderr.contains("no schedule named 'nope'"))
        let lang = codegen(["examples/flows.sched", "--lang", "fortran"])
        #expect(lang.status == 2)
    }

    /// A symbolic parameter becomes a keyword-only argument.
    @Test func symbolicParameterIsAKeywordArgument() {
        let text = codegen(["examples/flows.sched", "--schedule", "trigflow", "--lang", "numpy"]).stdout
        #expect(text.contains("    def sigma(t, *, sigma_d):\n"))
        #expect(text.contains("    def step(x_t, y, t, s, *, sigma_d):\n"))
    }
}

/// Python's own verdict on every module generated from the examples.
@Suite(.tags(.oracle)) struct NumPyModulePythonOracleTests {
    /// Every module from the examples, stable, naive and with limits, compiles; and
    /// pyflakes, where it is installed, finds nothing.
    @Test func examplesCompileAndLint() throws {
        for file in exampleFiles {
            for options in [[String](), ["--naive"], ["--at-singular", "limit"], ["--at-singular", "clamp=1/1000"]] {
                let r = codegen([file, "--lang", "numpy"] + options)
                #expect(r.status == 0, "\(r.stderr)")
                let path = try writeModule(r.stdout, name: "module")
                let compiled = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "py_compile", path])
                #expect(compiled.status == 0, "\(file) \(options): \(compiled.stderr)")
                let hasPyflakes = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import pyflakes"]).status == 0
                if hasPyflakes {
                    let lint = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "pyflakes", path])
                    #expect(lint.status == 0 && lint.stdout.isEmpty, "\(file) \(options): \(lint.stdout)")
                }
            }
        }
    }
}
