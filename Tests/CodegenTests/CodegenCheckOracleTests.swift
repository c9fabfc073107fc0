import Foundation
import SchedTestHarness
import Testing

/// `sched codegen --check` on the VP-SDE: the naive σ = √(1 − exp(…)) loses every
/// digit near t = 0 (about 10¹⁴ ulps at t ≈ 10⁻¹⁵), −expm1 keeps it within 2 ulps;
/// the ends where log-SNR is undefined raise.
@Suite(.tags(.oracle)) struct CodegenCheckOracleTests {
    /// The float64 table's row for a function: (stable ulps, naive ulps).
    static func row(_ report: String, _ function: String, dtype: String = "float64") -> (Double, Double)? {
        guard let table = report.components(separatedBy: "— \(dtype)").dropFirst().first else { return nil }
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 5, words[0] == function else { continue }
            func value(_ w: Substring) -> Double { w == "inf" ? .infinity : Double(w)! }
            return (value(words[1]), value(words[3]))
        }
        return nil
    }

    @Test func vpSigmaNaiveAgainstStable() throws {
        let r = codegen(["examples/ddpm.sched", "--schedule", "vp_linear_eps", "--lang", "numpy", "--check"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("vp_linear_eps — float64, max error in ulps (10200 points inside the domain, 2 ends):\n"))
        let sigma = try #require(Self.row(r.stdout, "sigma"))
        #expect(sigma.0 <= 2 && sigma.1 >= 1e14, "\(sigma)")
        let weight = try #require(Self.row(r.stdout, "loss_weight_x0"))
        #expect(weight.0 <= 16 && weight.1 >= 1e14, "\(weight)")
        #expect(r.stdout.contains("  logsnr: raises ValueError at t = 0 (undefined there)\n"))
        let sigma32 = try #require(Self.row(r.stdout, "sigma", dtype: "float32"))
        #expect(sigma32.0 <= 2 && sigma32.1 >= 1e6, "\(sigma32)")
    }

    @Test func checkTakesNoOutputFile() {
        let r = codegen(["examples/ddpm.sched", "--lang", "numpy", "--check", "-o", "/tmp/x.py"])
        #expect(r.status == 2 && r.stderr.contains("--check prints a table; it takes no -o"))
    }
}
