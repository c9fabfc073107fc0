import Foundation
import SchedCLI
import Testing

/// The commands on diffusers configs and discrete-time files: `sched import`, `eval --at`
/// on steps, and the README's blocks, which are the real output.
@Suite struct DiffusersCommandTests {
    /// Runs from the package root, so that paths print as in the README.
    func run(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let r = SchedCommand.run(arguments.map { $0.hasPrefix("examples/") ? packageRoot.appendingPathComponent($0).path : $0 })
        return (r.status, r.stdout.replacingOccurrences(of: packageRoot.path + "/", with: ""), r.stderr)
    }

    @Test func importPrintsTheEquivalentSchedule() {
        let r = run(["import", "examples/diffusers/sd15.json"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            # Imported from a diffusers scheduler config by `sched import`: PNDMScheduler (diffusers 0.6.0).
            schedule sd15 "PNDMScheduler, scaled_linear betas, epsilon" {
                step n in 0..999
                param beta_start = 0.00085
                param beta_end = 0.012
                let beta = (sqrt(beta_start) + (sqrt(beta_end) - sqrt(beta_start)) n / 999)^2
                let abar = cumprod(1 - beta, n)
                alpha = sqrt(abar)
                sigma = sqrt(1 - abar)
                target = eps
                sample steps 50 spacing leading offset 1 final first
            }

            """)
    }

    @Test func evalTakesAStepOfTheDomain() {
        let outside = run(["eval", "examples/diffusers/sd15.json", "--at", "1000"])
        #expect(outside.status == 2)
        #expect(outside.stderr == "error: --at 1000: step 1000 is outside the steps 0..999 of 'sd15'\n")
        let fraction = run(["eval", "examples/diffusers/sd15.json", "--at", "1/2"])
        #expect(fraction.stderr == "error: --at 1/2: 'sd15' is a discrete-time schedule: give an integer step in 0..999\n")
        let zero = run(["eval", "examples/diffusers/sd15-zero-snr.json", "--at", "n=999", "--format", "json"])
        #expect(zero.status == 0)
        #expect(zero.stdout.contains(#""alpha": {"#) && zero.stdout.contains(#""exact": "0""#))
    }

    @Test func stepsReplacesTheSamplingSteps() {
        // leading, offset 1: 25 steps of 40 give 961, 921, …, 1.
        let r = run(["lint", "examples/diffusers/sd15.json", "--select", "S305", "--steps", "25", "--format", "json"])
        #expect(r.stdout.contains("the sampler's first timestep is 961, not the last training step 999"), "\(r.stdout)")
        let none = run(["lint", "examples/diffusers/sd15-v-trailing.json", "--steps", "7", "--ignore", "S307"])
        #expect(none.stdout == "0 errors, 0 warnings, 0 notes in 1 file\n")
    }

    @Test func readmeBlocksAreTheRealOutput() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for command in [["lint", "examples/diffusers/sd15.json", "--digits", "25"],
                        ["eval", "examples/diffusers/sd15.json", "--at", "999", "--digits", "25"],
                        ["lint", "examples/diffusers/sd15-zero-snr.json"],
                        ["lint", "examples/diffusers/sd15-v-trailing.json"]] {
            let r = run(command)
            let block = "$ sched \(command.joined(separator: " "))\n" + r.stdout
            #expect(readme.contains(block), "\(block)")
        }
    }
}
