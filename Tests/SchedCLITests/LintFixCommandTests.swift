import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// `sched lint --fix`: the fixed file on standard output or in place, and on every
/// bundled example each fixable finding removed with no error added.
@Suite struct LintFixCommandTests {
    static let flowEps = "schedule flow_eps {\n    x_t = (1 - t) x0 + t eps\n    target = eps\n    expect det == 1 - t\n}\n"

    @Test func printsTheFixedFileAndWhatWasDone() throws {
        let dir = try LintCommandTests.directory(["f.sched": Self.flowEps])
        let path = dir.appendingPathComponent("f.sched").path
        let r = SchedCommand.run(["lint", "--fix", "--select", "S102", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "schedule flow_eps {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n}\n")
        #expect(r.stderr == """
        \(path): fixed S102 in 'flow_eps': switch to the velocity (det A = α·σ′ − σ·α′ = 1 at t = 1): target = velocity; removes 'expect det == 1 - t', which holds of the old target only
        \(path): 1 fix applied; remaining: 0 errors, 0 warnings, 0 notes

        """)
        // Standard output only: the file is untouched.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.flowEps)
    }

    @Test func writeReplacesTheFile() throws {
        let dir = try LintCommandTests.directory(["f.sched": Self.flowEps, "g.sched": LintCommandTests.rectifiedFlow])
        let f = dir.appendingPathComponent("f.sched").path, g = dir.appendingPathComponent("g.sched").path
        let r = SchedCommand.run(["lint", "--fix", "--write", "--select", "S102", f, g])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOfFile: f, encoding: .utf8) == "schedule flow_eps {\n    x_t = (1 - t) x0 + t eps\n    target = velocity\n}\n")
        #expect(try String(contentsOfFile: g, encoding: .utf8) == LintCommandTests.rectifiedFlow)
        #expect(r.stderr.hasSuffix("\(g): no fix applies; remaining: 0 errors, 0 warnings, 0 notes\n"), "\(r.stderr)")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["f.sched", "g.sched"])
    }

    @Test func usageErrors() throws {
        let path = examplePath("flows.sched")
        let write = SchedCommand.run(["lint", "--write", path])
        #expect(write.status == 2 && write.stderr.contains("--write: only with --fix"), "\(write.stderr)")
        let two = SchedCommand.run(["lint", "--fix", path, examplePath("edm.sched")])
        #expect(two.status == 2 && two.stderr.contains("--fix prints one fixed file; give one file, or --write to fix 2 files in place"), "\(two.stderr)")
        let rho = SchedCommand.run(["lint", "--fix", "--fix-rho", "t/2", path])
        #expect(rho.status == 2 && rho.stderr.contains("--fix-rho 't/2': a constant in (-1, 1), not a function of 't'"), "\(rho.stderr)")
    }

    /// Each bundled schedule file: after `sched lint --fix` no finding offers a fix
    /// any more, there is no error, and every finding that offered a fix is gone (by
    /// rule and schedule) — except that, in ddpm.sched, S203 of vp_linear_x0 may stay:
    /// its first pass rescales α (S303), and on the rescaled schedule the proof that the
    /// target S203 would design has ρ = 1/√2 is near the time budget (on a loaded
    /// machine the fix is then not offered, never offered unproven).
    @Test(arguments: ["ddpm.sched", "edm.sched", "flows.sched", "tutorial/sd_eps.sched", "tutorial/sd_eps_zero_snr.sched",
                      "diffusers/sd15-zero-snr.json"])
    func bundledExampleLosesItsFixableFindings(_ name: String) throws {
        let path = examplePath(name)
        func findings(_ r: SchedCommand.Transcript) throws -> [[String: Any]] {
            try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        }
        func key(_ f: [String: Any]) -> String { "\(f["code"]!) \(f["schedule"] ?? "")" }
        func offersFix(_ f: [String: Any]) -> Bool { !((f["fixes"] as? [Any]) ?? []).isEmpty }
        let before = try findings(SchedCommand.run(["lint", "--format", "json", path]))
        let fixable = Set(before.filter(offersFix).map(key))
        #expect(!fixable.isEmpty)
        let fixed = SchedCommand.run(["lint", "--fix", path])
        let fixedName = name.hasSuffix(".json") ? "fixed.json" : "fixed.sched"
        let dir = try LintCommandTests.directory([fixedName: fixed.stdout])
        let after = try findings(SchedCommand.run(["lint", "--format", "json", dir.appendingPathComponent(fixedName).path]))
        #expect(!after.contains(where: offersFix), "\(after.filter(offersFix).map(key))")
        #expect(!after.contains { $0["severity"] as? String == "error" })
        let kept = fixable.intersection(after.map(key))
        #expect(kept.isSubset(of: name == "ddpm.sched" ? ["S203 vp_linear_x0"] : []), "\(kept)")
    }
}
