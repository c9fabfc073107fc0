import Foundation
import Testing

/// `sched explain NAME` for the quantities of a schedule.
@Suite struct ExplainQuantityTests {
    @Test func det() throws {
        let r = try SchedBinary.run(["explain", "det"])
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout == """
            det (det A): the determinant of A = [[α, σ], [c, d]], the map from (x0, ε) to (x_t, y)

              det A = α·d − σ·c;   x̂0 = (d·x_t − σ·ŷ)/det A,   ε̂ = (−c·x_t + α·ŷ)/det A

            Why it matters: a sampler recovers the data and the noise from x_t and the prediction ŷ by inverting A: where det A = 0 they cannot be recovered, and near it every error in ŷ is divided by a small number.

            What to look for: zeros on the domain (S101) and at its ends (S102): ε-prediction has det A = α, zero at the noise end of a zero-terminal-SNR schedule; x0-prediction has det A = −σ, zero at the data end; v-prediction has det A = α² + σ², never zero.

            """)
    }

    @Test(arguments: ["rho", "ρ", "det", "amp_x0", "logsnr", "weight_eps"])
    func eachQuantityHasItsFourParts(_ name: String) throws {
        let r = try SchedBinary.run(["explain", name])
        #expect(r.status == 0)
        let parts = r.stdout.components(separatedBy: "\n\n")
        #expect(parts.count == 4)
        #expect(parts[2].hasPrefix("Why it matters: ") && parts[3].hasPrefix("What to look for: "))
    }

    @Test func formulas() throws {
        let lines = try ["rho", "amp_x0", "logsnr", "weight_eps"].map { try SchedBinary.run(["explain", $0]).stdout.components(separatedBy: "\n")[2] }
        #expect(lines == [
            "  ρ = Cov(x_t, y)/√(Var(x_t)·Var(y)),   1 − ρ² = Var(x₀)·det²/(Var(x_t)·Var(y))",
            "  x̂0 − x0 = −(σ/det A)·(ŷ − y)",
            "  λ = log(α²/σ²)",
            "  ‖ŷ − y‖² = (det A/α)²·‖ε̂ − ε‖²",
        ])
    }

    @Test func theListNamesTheQuantities() throws {
        let r = try SchedBinary.run(["explain"])
        let lines = r.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "Quantities (sched explain NAME):"))
        #expect(lines[(start + 1)...].compactMap { $0.split(separator: " ").first.map(String.init) } == [
            "alpha", "sigma", "c", "d", "det", "cov", "var_x", "var_y", "rho", "snr", "logsnr", "amp_x0", "amp_eps",
            "weight_eps", "weight_x0", "data_variance",
        ])
    }
}
