import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// SymPy recomputes det A, ρ and Var(y) from the designed c, d of every bundled
/// forward process (Tests/oracles/design_det_rho.py: 20 random points each, 30 digits)
/// and compares them with the requirements.
@Suite(.tags(.oracle)) struct DesignOracleTests {
    @Test func sympyRecomputesTheRequirements() throws {
        var documents: [String] = []
        for process in DesignCommandTests.forwardProcesses {
            var requests = [["--det", "1", "--rho", "1/2"], ["--var-y", "1", "--rho", "1/sqrt(2)"]]
            // On the linear-β VP-SDE the claim checker leaves ρ == -1/3 unknown here (it
            // cannot locate the zeros of c, where ρ's definedness is decided).
            if process.schedule != "vp_linear_eps" { requests.append(["--amp-x0", "2 sigma", "--rho=-1/3"]) }
            // Var(y) ≥ det²s²/V needs 10 + t ≥ 4s²/V (V ≥ 1/4 here); with TrigFlow's
            // symbolic σ_d that is not decided (see DesignCommandTests).
            if process.schedule != "trigflow" { requests.append(["--det", "2", "--var-y", "10 + \(process.time)"]) }
            for options in requests {
                let r = DesignCommandTests.design([examplePath(process.file), "--schedule", process.schedule, "--format", "json"] + options)
                #expect(r.status == 0, "\(process.schedule) \(options): \(r.stderr)")
                if r.status == 0 { documents.append(r.stdout) }
            }
        }
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/design_det_rho.py").path, [],
                                        stdin: documents.joined(separator: "\n"))
        #expect(run.status == 0, "\(run.stdout.suffix(2000))")
        let summary = run.stdout.split(separator: "\n").last.map(String.init)
        #expect(summary == "\(documents.count) documents, \(documents.count * 40) checks, 0 mismatches", "\(run.stdout.suffix(4000))")
        #expect(documents.count == 22)
    }
}
