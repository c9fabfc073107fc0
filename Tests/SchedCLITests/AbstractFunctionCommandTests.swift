import Foundation
import SchedCLI
import Testing

/// The commands on examples/table1.sched, whose schedules are over `function alpha`.
@Suite struct AbstractFunctionCommandTests {
    @Test func analyzeSaysUnknownForWhatNeedsValues() {
        let r = SchedCommand.run(["analyze", examplePath("table1.sched")])
        #expect(r.status == 0)
        let verdicts = r.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("  verdict     ") }.map { String($0.dropFirst(14)) }
        #expect(verdicts == [
            "zeros of det A unknown; zeros of ρ unknown; definedness unknown; terminal SNR unknown at t = 1; 3 claims proven",
            "zeros of det A unknown; zeros of ρ unknown; definedness unknown; terminal SNR unknown at t = 1; 3 claims proven",
            "zeros of det A unknown; ρ ≡ 0; definedness unknown; terminal SNR unknown at t = 1; 3 claims proven",
            "zeros of det A unknown; zeros of ρ unknown; terminal SNR unknown at t = 1; 1 claim proven",
            "det A ≠ 0 on [0, π/2]; ρ ≡ 0; terminal SNR = 0 at t = π/2; 2 claims proven",
        ])
        #expect(r.stdout.contains("  det A       −α′\n"))
    }

    /// No code for an unknown function: refused at its declaration.
    @Test func codegenRefusesAnUnknownFunction() {
        let r = SchedCommand.run(["codegen", examplePath("table1.sched"), "--schedule", "flow_velocity", "--lang", "numpy"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(examplePath("table1.sched") + ":41:5: error: schedule 'flow_velocity' uses the unknown function 'alpha': code needs a concrete function of time in its place\n"),
                "\(r.stderr)")
    }

    @Test func latexRefusesToPlotAnUnknownFunction() {
        let r = SchedCommand.run(["latex", examplePath("table1.sched"), "--schedule", "vp_eps", "--plot", "rho"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(examplePath("table1.sched") + ":10:5: error: schedule 'vp_eps' uses the unknown function 'alpha': a plot needs a concrete function of time in its place\n"),
                "\(r.stderr)")
        // The table and the derivations are symbolic, and stay.
        #expect(SchedCommand.run(["latex", examplePath("table1.sched"), "--table"]).status == 0)
    }

    /// At a point, an unknown function's value is a symbol, never a number; where
    /// being defined depends on it, the value is unknown.
    @Test func evalKeepsTheFunctionSymbolic() {
        let flow = SchedCommand.run(["eval", examplePath("table1.sched"), "--schedule", "flow_velocity", "--at", "1/2"])
        #expect(flow.stdout.contains("  det           -alpha'(1/2)\n"), "\(flow.stdout)")
        let vp = SchedCommand.run(["eval", examplePath("table1.sched"), "--schedule", "vp_v", "--at", "1/2"])
        #expect(vp.stdout.contains("  det           unknown (whether it is defined here was not decided)\n"), "\(vp.stdout)")
    }
}
