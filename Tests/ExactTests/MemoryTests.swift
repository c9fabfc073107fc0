import Foundation
import SchedTestHarness
import Testing

/// No leaks in the exact core: a million operations on rationals (GMP), balls (Arb)
/// and multivariate polynomials (FLINT), each in a process of its own
/// (`sched-bench leakcheck`), must not grow the resident set by more than 16 MiB.
/// A missed clear of the C structs grows it far past that (seen: +80 MiB for balls).
@Suite(.tags(.slow)) struct MemorySlowTests {
    @Test(arguments: ["rational", "ball", "polynomial"])
    func aMillionOperationsDoNotLeak(workload: String) throws {
        let bench = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sched-bench")
        let run = try Subprocess.run(bench, ["leakcheck", workload])
        #expect(run.status == 0, "\(run.stderr)")
        let growth = try #require(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(growth < 16 << 20, "\(workload): resident memory grew by \(growth >> 20) MiB over a million operations")
    }
}
