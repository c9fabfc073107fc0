import Foundation
import SchedCLI
import Testing

/// The one-line verdict under each schedule's heading in `sched analyze`: proven facts
/// only, and "unknown" for what was not decided.
@Suite struct AnalyzeVerdictTests {
    /// The verdict lines of `sched analyze` on a file (or standard input).
    static func verdicts(_ arguments: [String], stdin: String = "") -> [String] {
        let r = SchedCommand.run(["analyze"] + arguments, stdin: stdin)
        return r.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("  verdict     ") }.map { String($0.dropFirst(14)) }
    }

    @Test func bundledExamples() {
        #expect(Self.verdicts([examplePath("flows.sched")]) == [
            "det A ≠ 0 on [0, 1]; ρ vanishes at t = 1/2; terminal SNR = 0 at t = 1; 2 claims proven",
            "det A = 0 at t = 1; ρ vanishes at t ≈ 0.206299…; terminal SNR = 0 at t = 1; 2 claims proven",
            "det A ≠ 0 on [0, π/2]; ρ ≡ 0; terminal SNR = 0 at t = π/2; 2 claims proven",
        ])
        #expect(Self.verdicts([examplePath("edm.sched")]) == [
            "det A ≠ 0 on [1/500, 80]; ρ ≡ 0; terminal SNR = 1/6400 at s = 80; 2 claims proven",
            // With σ_data symbolic the zeros of det A are not decided: said, not guessed.
            "zeros of det A unknown; ρ ≡ 0; terminal SNR = 1/6400 at s = 80; 1 claim proven",
            "det A ≠ 0 on [1/500, 80]; ρ ≡ 0; terminal SNR = 1/6400 at s = 80; 1 claim proven",
            "det A ≠ 0 on [1/500, 80]; ρ ≠ 0 on [1/500, 80]; terminal SNR = 1/6400 at s = 80; 1 claim proven",
        ])
        // A long exact terminal SNR is given by its decimal (two correct digits).
        #expect(Self.verdicts([examplePath("ddpm.sched"), "--schedule", "vp_linear_eps"])
                == ["det A ≠ 0 on [0, 1]; ρ vanishes at t = 0; terminal SNR ≈ 4.3e-5 at t = 1; 2 claims proven"])
    }

    /// Undefined points: "≠ 0" holds where the schedule is defined, and the points are named.
    @Test func undefinedPointsAndUnknownEnds() {
        let domains = packageRoot.appendingPathComponent("docs/examples/domains.sched").path
        #expect(Self.verdicts([domains, "--schedule", "removable", "--schedule", "sqrt_half"]) == [
            "det A ≠ 0 on [0, 1] where defined; ρ vanishes at t = 0; undefined at t ≈ 0.707106…; terminal SNR ≈ 1.1 at t = 1",
            "det A = 0 at t = 1/2; ρ vanishes at t = 1; undefined at t ∈ [0, 1/2); terminal SNR unknown at t = 0",
        ])
    }

    /// An infinite noise end gives the SNR's limit; refuted claims are counted.
    @Test func infiniteEndAndClaimTally() {
        let source = """
            schedule ve {
                time s in (0, inf)
                x_t = x0 + s eps
                target = eps
                expect det == 1
                expect det == 2
                expect det == s
            }
            """
        #expect(Self.verdicts(["-"], stdin: source)
                == ["det A ≠ 0 on (0, ∞); ρ ≠ 0 on (0, ∞); terminal SNR → 0 as s → ∞; claims: 1 proven, 2 refuted"])
    }

    /// The verdict is the first line after the heading.
    @Test func verdictComesFirst() {
        let r = SchedCommand.run(["analyze", examplePath("flows.sched"), "--schedule", "rectified_flow"])
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines[1] == "  verdict     det A ≠ 0 on [0, 1]; ρ vanishes at t = 1/2; terminal SNR = 0 at t = 1; 2 claims proven")
        #expect(lines[2].hasPrefix("  time        "))
    }
}
