import Foundation
import SchedCLI
import Testing

/// `sched design`: targets from two requirements, proven on the emitted schedule, and
/// located errors where no target exists.
@Suite struct DesignCommandTests {
    /// The bundled forward processes: file, schedule, time variable.
    static let forwardProcesses: [(file: String, schedule: String, time: String)] = [
        ("ddpm.sched", "v_cosine", "t"), ("ddpm.sched", "vp_linear_eps", "t"), ("flows.sched", "rectified_flow", "t"),
        ("flows.sched", "cubic_flow", "t"), ("edm.sched", "edm", "s"), ("flows.sched", "trigflow", "t"),
    ]

    static func design(_ arguments: [String]) -> SchedCommand.Transcript {
        SchedCommand.run(["design"] + arguments)
    }

    /// Every bundled forward process × (det 1, ρ 1/2) and (Var(y) 1, ρ 1/√2): the
    /// emitted file lints with no S101/S201 and every `expect` proven (no S401/S402).
    @Test(arguments: forwardProcesses) func emittedSchedulesLintClean(_ process: (file: String, schedule: String, time: String)) throws {
        let requests: [([String], [String])] = [
            (["--det", "1", "--rho", "1/2"], ["expect det == 1", "expect rho == 1/2"]),
            (["--var-y", "1", "--rho", "1/sqrt(2)"], ["expect rho == 1/sqrt(2)", "expect var_y == 1"]),
        ]
        for (options, expects) in requests {
            let emitted = Self.design([examplePath(process.file), "--schedule", process.schedule, "--emit"] + options)
            #expect(emitted.status == 0, "\(process.schedule) \(options): \(emitted.stderr)")
            #expect(emitted.stdout.contains("schedule \(process.schedule)_designed {"))
            let lines = emitted.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.filter { $0.hasPrefix("expect ") } == expects, "\(process.schedule) \(options)")
            let lint = SchedCommand.run(["lint", "-", "--format", "json"], stdin: emitted.stdout)
            #expect(lint.status == 0, "\(process.schedule) \(options): \(lint.stdout)")
            let findings = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [[String: Any]])
            let codes = Set(findings.compactMap { $0["code"] as? String })
            #expect(codes.isDisjoint(with: ["S101", "S201", "S401", "S402"]), "\(process.schedule) \(options): \(codes.sorted())")
        }
    }

    /// Rectified flow, det 1 and ρ 1/2: V = 2t² − 2t + 1, m = 1/V, k = m/√3.
    @Test func rectifiedFlowDetOneRhoHalf() {
        let r = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "1", "--rho", "1/2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            rectified_flow: designed target for det == 1, rho == 1/2
              target = ((sqrt(3) - 3*t - sqrt(3)*t)/(3*(2*t^2 - 2*t + 1))) x0 + ((sqrt(3)*t - 3*t + 3)/(3*(2*t^2 - 2*t + 1))) eps
                     = k x_t + m u,  u = -sigma x0 + alpha*(1) eps  (uncorrelated with x_t)
                k = sqrt(3)/(3*(2*t^2 - 2*t + 1))
                m = 1/(2*t^2 - 2*t + 1)
              requirements, checked on the designed schedule:
                expect det == 1   proven: det − (1) is 0: its canonical form is 0
                expect rho == 1/2   proven: rho − (1/2) is 0: its canonical form is 0
              the new target:
                det     = 1
                rho     = 1/2
                var_y   = 4/(3*(2*t^2 - 2*t + 1))
                amp_x0  = t
                amp_eps = 1 - t

            """)
    }

    /// The issue's check: TrigFlow with s = 1, det 1 and ρ = 1/√2 is x_t + velocity,
    /// (cos t − sin t) x0 + (sin t + cos t) eps.
    @Test func trigFlowUnitDataVarianceIsInputPlusVelocity() throws {
        let r = Self.design([examplePath("flows.sched"), "--schedule", "trigflow", "--param", "sigma_d=1",
                             "--det", "1", "--rho", "1/sqrt(2)", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        let target = try #require(json["target"] as? [String: Any])
        #expect(target["c"] as? String == "cos(t) - sin(t)")
        #expect(target["d"] as? String == "sin(t) + cos(t)")
        #expect(json["k"] as? String == "1")
        #expect(json["m"] as? String == "1")
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.map { $0["status"] as? String } == ["proven", "proven"])
        let quantities = try #require(json["quantities"] as? [String: Any])
        #expect(quantities["amp_x0"] as? String == "sin(t)")
    }

    /// amp_x0 = t with ρ = 0 on rectified flow: det A = σ/t = 1 and the target is m·u.
    @Test func amplificationRequirement() {
        let r = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--amp-x0", "t", "--rho", "0", "--emit"])
        #expect(r.status == 0, "\(r.stderr)")
        // c = −m·σ = −t/V, d = m·α = (1 − t)/V with V = 2t² − 2t + 1.
        #expect(r.stdout.contains("    target = (t/(-2*t^2 + 2*t - 1)) x0 + ((1 - t)/(2*t^2 - 2*t + 1)) eps\n"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("    expect rho == 0\n    expect amp_x0 == t\n}\n"))
    }

    /// ρ = 1 − t reaches 1 at t = 0 on every [0, …] domain; on EDM's [1/500, 80],
    /// ρ = 1 − s leaves (−1, 1) on [2, 80].
    @Test func correlationOutOfRange() {
        let cosine = Self.design([examplePath("ddpm.sched"), "--schedule", "v_cosine", "--det", "1", "--rho", "1 - t"])
        #expect(cosine.status == 1)
        #expect(cosine.stdout.isEmpty)
        #expect(cosine.stderr == "\(examplePath("ddpm.sched")):24:1: error: --rho: rho = 1 - t: |ρ| ≥ 1 at t = 0 (2*t - t^2 is 0 there) (schedule 'v_cosine')\n")
        let edm = Self.design([examplePath("edm.sched"), "--schedule", "edm", "--det", "1", "--rho", "1 - s"])
        #expect(edm.status == 1)
        #expect(edm.stderr == "\(examplePath("edm.sched")):4:1: error: --rho: rho = 1 - s: |ρ| ≥ 1 for s in [2, 80] (2*s - s^2 is 0 at s = 2) (schedule 'edm')\n")
        let one = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--var-y", "1", "--rho", "1"])
        #expect(one.status == 1)
        #expect(one.stderr.hasSuffix("error: --rho: rho = 1: |ρ| ≥ 1 (with |ρ| = 1, det A = 0) on the whole domain (schedule 'rectified_flow')\n"))
    }

    /// det A = 0 at a point of the domain: exactly (1 − t at t = 1) or by its
    /// isolating interval (t² − 1/2 at √2/2).
    @Test func determinantVanishes() {
        let end = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "1 - t", "--rho", "0"])
        #expect(end.status == 1)
        #expect(end.stderr.hasSuffix("error: --det: det A = 1 - t is 0 at t = 1, a point of the domain: the target would not determine x0 and eps there (schedule 'rectified_flow')\n"))
        let inside = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "t^2 - 1/2", "--rho", "0"])
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("error: --det: det A = (2*t^2 - 1)/2 is 0 at t ≈ 0.70710678118654752 (in (796131459065721/1125899906842624, 398065729532861/562949953421312))"), "\(inside.stderr)")
        // amp_x0 = 1 asks det A = σ = t, which is 0 at the data end.
        let amp = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--amp-x0", "1", "--rho", "0"])
        #expect(amp.status == 1)
        #expect(amp.stderr.hasSuffix("error: --amp-x0: det A = t (from amp_x0 = 1) is 0 at t = 0, a point of the domain: the target would not determine x0 and eps there (schedule 'rectified_flow')\n"))
    }

    /// Var(y) with det A needs Var(y)/V ≥ m²s²: on rectified flow with det 1 that is
    /// Var(y) ≥ 1/V, which Var(y) = 1 misses on (0, 1) and Var(y) = 2 meets (touching
    /// at t = 1/2, where k = 0).
    @Test func varianceBelowTheDeterminantsShare() {
        let low = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "1", "--var-y", "1"])
        #expect(low.status == 1)
        #expect(low.stderr.hasSuffix("error: --var-y: var_y = 1: Var(y)/Var(x_t) < m²s² = det²s²/Var(x_t)², so no real k gives this Var(y) with this det A for t in (0, 1) ((2*t^2 - 2*t)/(2*t^2 - 2*t + 1)^2 is 0 at t = 0) (schedule 'rectified_flow')\n"))
        let lower = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "1", "--var-y", "1/4"])
        #expect(lower.status == 1)
        #expect(lower.stderr.contains("with this det A on the whole domain"))
        let touching = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "1", "--var-y", "2"])
        #expect(touching.status == 0, "\(touching.stderr)")
        #expect(touching.stdout.contains("    k = sqrt((2*t - 1)^2)/sqrt((2*t^2 - 2*t + 1)^2)\n"))
        #expect(touching.stdout.contains("    expect var_y == 2   proven"))
    }

    /// A precondition that depends on a symbolic parameter is not decided: an error
    /// that says so, not a target on trust.
    @Test func undecidedPrecondition() {
        let r = Self.design([examplePath("flows.sched"), "--schedule", "trigflow", "--det", "2", "--var-y", "10"])
        #expect(r.status == 1)
        #expect(r.stderr.hasSuffix("error: --var-y: var_y = 10: could not prove the contrary of Var(y)/Var(x_t) < m²s² = det²s²/Var(x_t)², so no real k gives this Var(y) with this det A on the domain: it depends on the symbolic parameter sigma_d; zeros that depend on parameters are not located (schedule 'trigflow')\n"), "\(r.stderr)")
    }

    /// Usage errors (status 2): not two requirements, or two that both fix det A;
    /// an unknown name in a requirement is an error in the input (status 1).
    @Test func badRequests() {
        let one = Self.design([examplePath("flows.sched"), "--det", "1"])
        #expect(one.status == 2)
        #expect(one.stderr.hasPrefix("Error: give exactly two requirements of --det, --rho, --var-y, --amp-x0, --amp-eps (got 1)\n"))
        let both = Self.design([examplePath("flows.sched"), "--det", "1", "--amp-eps", "1"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("Error: --det and --amp-eps both fix det A"))
        let unknown = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "q", "--rho", "0"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasSuffix("error: --det: 'q': unknown name 'q' (column 1); it may use alpha, data_variance, sigma, t (schedule 'rectified_flow')\n"))
    }

    /// The frontier at t = 1/2 of the cosine VP process is √2/2, and v-prediction lies
    /// on it at ρ = 0, |amp_x0| = √2/2; ε-prediction at ρ = √2/2, |amp_x0| = 1.
    @Test func frontierOfTheCosineSchedule() {
        let r = Self.design([examplePath("ddpm.sched"), "--frontier", "--at", "1/2", "--schedule", "v_cosine"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            frontier of unit-variance targets at 1/2: |amp_x0|·√(1 − ρ²) = σ·s/√Var(x_t)
              v_cosine: σ·s/√Var(x_t) = sqrt(2)/2 at t = 1/2
                its target (Var(y) = 1): ρ = 0, |amp_x0| = sqrt(2)/2, on the frontier (proven)

            """)
        let eps = Self.design([examplePath("ddpm.sched"), "--frontier", "--at", "t=1/2", "--schedule", "ddpm_eps_cosine"])
        #expect(eps.stdout.hasSuffix("    its target (Var(y) = 1): ρ = sqrt(2)/2, |amp_x0| = 1, on the frontier (proven)\n"))
    }

    /// Rectified flow's velocity has Var(y) = 2 at t = 1/2: it is placed after
    /// normalizing; a time outside the domain is a usage error.
    @Test func frontierNormalizesAndChecksTheTime() {
        let r = Self.design([examplePath("flows.sched"), "--frontier", "--at", "1/2", "--schedule", "rectified_flow"])
        #expect(r.stdout.hasSuffix("""
              rectified_flow: σ·s/√Var(x_t) = sqrt(2)/2 at t = 1/2
                its target has Var(y) = 2, not 1; normalized, y/√Var(y): ρ = 0, |amp_x0| = sqrt(2)/2, on the frontier (proven)

            """), "\(r.stdout)")
        let outside = Self.design([examplePath("ddpm.sched"), "--frontier", "--at", "2"])
        #expect(outside.status == 2)
        #expect(outside.stderr == "error: --at 2: t = 2 is outside the domain [0, 1] of schedule 'ddpm_eps_cosine'\n")
        let mixed = Self.design([examplePath("ddpm.sched"), "--frontier", "--at", "1/2", "--det", "1"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.hasPrefix("Error: --frontier takes --at TIME and no requirements or --emit\n"))
    }

    /// The emitted header holds the requirements as printed, so a line break in an
    /// option cannot leave the comment.
    @Test func emittedHeaderIsComments() {
        let r = Self.design([examplePath("flows.sched"), "--schedule", "rectified_flow", "--det", "1\n+ 0", "--rho", "1/2", "--emit"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Designed by: sched design \(examplePath("flows.sched")) --schedule rectified_flow --det '1 + 0' --rho '1/2'\n# Forward"))
        #expect(r.stdout.hasSuffix("    expect det == 1 + 0\n    expect rho == 1/2\n}\n"))
    }
}
