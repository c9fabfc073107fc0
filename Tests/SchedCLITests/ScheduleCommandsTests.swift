import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// The package root, for the bundled examples.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func examplePath(_ name: String) -> String { packageRoot.appendingPathComponent("examples/\(name)").path }

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct ScheduleCommandsTests {
    /// The documented JSON shape of `sched analyze`, on rectified flow.
    @Test func analyzeJSONShape() throws {
        let r = SchedCommand.run(["analyze", examplePath("flows.sched"), "--schedule", "rectified_flow", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let schedules = try #require(try jsonObject(r.stdout)["schedules"] as? [[String: Any]])
        let s = try #require(schedules.first)
        #expect(s["name"] as? String == "rectified_flow" && s["title"] as? String == "Rectified flow")
        let location = try #require(s["location"] as? [String: Any])
        #expect(location["line"] as? Int == 6 && location["column"] as? Int == 1)
        let time = try #require(s["time"] as? [String: Any])
        #expect(time["name"] as? String == "t" && time["lower"] as? String == "0" && time["upper"] as? String == "1")
        #expect(time["lower_closed"] as? Bool == true && time["upper_closed"] as? Bool == true)
        #expect(s["alpha"] as? String == "1 - t" && s["sigma"] as? String == "t" && s["c"] as? String == "-1" && s["d"] as? String == "1")
        #expect(s["det"] as? String == "1" && s["cov"] as? String == "2*t - 1" && s["var_y"] as? String == "2")
        #expect(s["rho"] as? String == "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)")
        #expect(s["amp_x0"] as? String == "t" && s["amp_eps"] as? String == "1 - t")
        for key in ["snr", "logsnr", "weight_eps", "weight_x0", "var_x", "data_variance", "params", "undefined"] { #expect(s[key] != nil, "\(key)") }
        let inverse = try #require(s["inverse"] as? [String: String])
        #expect(Set(inverse.keys) == ["x0_from_xt", "x0_from_target", "eps_from_xt", "eps_from_target"])
        let step = try #require(s["step"] as? [String: String])
        #expect(step["second_time"] == "s" && step["from_target"] == "s - t" && step["from_xt"] == "1")
        let ends = try #require(s["ends"] as? [String: [String: String]])
        #expect(ends["lower"]?["rho"] == "-sqrt(2)/2" && ends["lower"]?["sigma"] == "0" && ends["upper"]?["alpha"] == "0")
        let zeros = try #require(s["zeros"] as? [String: [String: Any]])
        let rho = try #require(zeros["rho"])
        #expect(rho["complete"] as? Bool == true && rho["identically_zero"] as? Bool == false)
        let points = try #require(rho["points"] as? [[String: Any]])
        #expect(points.count == 1 && points[0]["exact"] as? String == "1/2" && points[0]["multiplicity"] as? Int == 1 && points[0]["approx"] as? String == "0.5")
        #expect((zeros["det"]?["points"] as? [Any])?.isEmpty == true)
        let expectations = try #require(s["expectations"] as? [[String: Any]])
        #expect(expectations.count == 2 && expectations.allSatisfy { $0["status"] as? String == "proven" })
    }

    @Test func evalJSON() throws {
        let r = SchedCommand.run(["eval", examplePath("flows.sched"), "--at", "1/3", "--schedule", "rectified_flow", "--format", "json", "--digits", "25"])
        #expect(r.status == 0)
        let s = try #require((try jsonObject(r.stdout)["schedules"] as? [[String: Any]])?.first)
        #expect(s["at"] as? String == "1/3")
        let values = try #require(s["values"] as? [String: [String: Any]])
        #expect(values["rho"]?["exact"] as? String == "-sqrt(10)/10")
        #expect(values["rho"]?["value"] as? String == "-0.3162277660168379331998894")
        #expect(values["det"]?["exact"] as? String == "1" && values["det"]?["radius"] as? String == "0")
        #expect(Set(values.keys).isSuperset(of: ["alpha", "sigma", "c", "d", "det", "cov", "var_x", "var_y", "rho", "snr", "logsnr", "amp_x0", "amp_eps", "weight_eps", "weight_x0"]))
    }

    /// No value where the quantity as written is undefined, though its canonical form
    /// has one: α = √(t − ½) at t = 0 (ρ's canonical form gives √2 there), and
    /// amp_x0 = σ/det where det = 0.
    @Test func evalGivesNoValueWhereTheQuantityIsUndefined() throws {
        let source = """
            schedule sqrt_half {
                time t in [0, 1]
                alpha = sqrt(t - 1/2)
                sigma = 1 - t
                target = eps
            }
            schedule rho00 {
                time t in [0, 1]
                x_t = (1 - t) x0 + t eps
                target = t*(1 - t)*(eps - x0)
            }
            """
        let r = SchedCommand.run(["eval", "-", "--at", "0"], stdin: source)
        #expect(r.status == 0)
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.contains("  alpha         undefined") && lines.contains("  rho           undefined"))
        #expect(!lines.contains { $0.contains("sqrt(2)") })
        #expect(lines.contains("  amp_x0        undefined"))
        #expect(lines.contains("  alpha         1"))   // rho00: α(0) = 1 is defined
    }

    @Test func zooListsAndPrintsFromTheBinary() throws {
        let list = SchedCommand.run(["zoo"])
        #expect(list.status == 0 && list.stdout.contains("rectified_flow") && list.stdout.contains("edm_symbolic"))
        let one = SchedCommand.run(["zoo", "trigflow"])
        #expect(one.status == 0 && one.stdout.hasPrefix("# TrigFlow") && one.stdout.hasSuffix("}\n"))
        // The printed schedule is a valid file that analyzes to the same result.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("zoo-\(UUID()).sched")
        try one.stdout.write(to: temporary, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let analyzed = SchedCommand.run(["analyze", temporary.path, "--format", "json"])
        #expect(analyzed.status == 0 && analyzed.stdout.contains("\"det\": \"1\""))
        let missing = SchedCommand.run(["zoo", "nonexistent"])
        #expect(missing.status == 1 && missing.stderr.contains("no bundled example named 'nonexistent'"))
    }

    /// End to end: the binary reading its standard input and reporting to stderr.
    @Test func readsStandardInputAndReportsErrors() throws {
        let text = "schedule a {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n}\n"
        let r = try SchedBinary.run(["analyze", "-", "--format", "json"], stdin: text)
        #expect(r.status == 0 && r.stdout.contains("\"rho\": \"(2*t - 1)/sqrt(4*t^2 - 4*t + 2)\""))
        let broken = try SchedBinary.run(["analyze", "-"], stdin: "schedule a {\n    x_t = (1 - t) x0 + t eps\n    target = velocty\n}\n")
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("<stdin>:3:14: error: unknown name 'velocty'"), "\(broken.stderr)")
        let unreadable = try SchedBinary.run(["analyze", "/nonexistent/file.sched"])
        #expect(unreadable.status == 2 && unreadable.stderr == "error: cannot read '/nonexistent/file.sched': no such file, or not readable\n")
    }

    @Test func parameterOverride() throws {
        let r = SchedCommand.run(["analyze", examplePath("edm.sched"), "--schedule", "edm", "--param", "sigma_data=1", "--format", "json"])
        #expect(r.status == 0)
        let s = try #require((try jsonObject(r.stdout)["schedules"] as? [[String: Any]])?.first)
        #expect((s["params"] as? [String: String])?["sigma_data"] == "1" && s["data_variance"] as? String == "1")
    }
}

/// The binary against SymPy/mpmath on random schedules (Tests/oracles/schedule_differential.py).
@Suite(.tags(.oracle, .slow)) struct ScheduleDifferentialOracleTests {
    /// Differential test of `sched eval` and `sched analyze` on 300 random schedules
    /// against SymPy/mpmath (values to 25 digits, exact zeros, enclosures, and
    /// completeness on a fine grid): Tests/oracles/schedule_differential.py.
    @Test func agreesWithSympyOnThreeHundredRandomSchedules() throws {
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/schedule_differential.py").path, [SchedBinary.url.path, "300"])
        let text = run.stdout
        #expect(run.status == 0, "\(text.suffix(4000))\n\(run.stderr.suffix(2000))")
        let summary = try #require(text.split(separator: "\n").last)
        let passed = Int(summary.split(separator: " ").first ?? "0") ?? 0
        #expect(summary.hasSuffix(" 0 failed") && passed > 20_000, "\(summary)")
    }
}

/// Issue #10 "Soundness": the property-based differential test on random domains
/// (Tests/oracles/domain_differential.py). 5,000 schedules, fixed seed, on domains with rational
/// and irrational ends, bounded and half-infinite, none containing [0, 1]; coefficients with hidden
/// removable singularities, sign-changing square roots and logs, atan/tan poles, even-order zeros,
/// zeros 1e-15 apart and zeros at the ends. Every zero set, undefined set, `complete` flag, end value,
/// S301/S304 verdict and `expect` claim is checked against numpy/mpmath. A schedule that sched does
/// not answer within 10 s (its own budget is 2 s per quantity, 6 s per file), or that the
/// 4,200 s budget does not reach, counts as a failure.
@Suite(.tags(.oracle, .slow)) struct DomainDifferentialOracleTests {
    /// The release binary that `make test` builds (the analysis of 5,000 schedules in
    /// a debug build takes about an hour on two cores).
    static var releaseBinary: URL { packageRoot.appendingPathComponent(".build/release/sched") }

    static func runOracle(_ arguments: [String], binary: URL = SchedBinary.url) throws -> (status: Int32, output: String) {
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/domain_differential.py").path, [binary.path] + arguments)
        return (run.status, run.stdout)
    }

    /// Every check class of the oracle fails on a deliberately wrong answer and passes on a right one,
    /// and every generator family parses.
    @Test func oracleCatchesWrongAnswers() throws {
        let r = try Self.runOracle(["--self-test"])
        #expect(r.status == 0, "\(r.output.suffix(4000))")
        let summary = try #require(r.output.split(separator: "\n").last)
        #expect(summary == "28 passed, 0 failed", "\(summary)")
    }

    /// The full run. Seed 20261201, release binary: 267,921 checks passed and 1 failed in
    /// 3,239 s on a loaded machine (2026-12-01); the one failure was the oracle's (a zero
    /// of ρ 1.8·10⁻²⁹ beside a point where α = σ = 0, which it took for that 0/0 point)
    /// and is fixed. 37 minutes the run before on a quieter machine; the run's budget is
    /// 4,200 s, and batches it does not reach fail.
    @Test(.tags(.oracle, .slow))
    func soundOnFiveThousandRandomSchedulesOnRandomDomains() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.releaseBinary.path) else {
            Issue.record("no release binary at .build/release/sched: run `make test`, which builds it for this test")
            return
        }
        let r = try Self.runOracle(["--count", "5000", "--batch", "5", "--budget", "4200", "--show", "3"], binary: Self.releaseBinary)
        #expect(r.status == 0, "\(r.output.suffix(6000))")
        let summary = try #require(r.output.split(separator: "\n").last)
        let passed = Int(summary.split(separator: " ").first ?? "0") ?? 0
        #expect(summary.hasSuffix(" 0 failed") && passed > 100_000, "\(summary)")
    }
}
