import Foundation
import Testing

/// The exact LaTeX of the rectified flow and TrigFlow derivations and of the table of
/// the paper's models, reviewed by hand once. Regenerate with SCHED_UPDATE_GOLDEN=1
/// (and review the diff).
@Suite struct LaTeXGoldenTests {
    static let paperModels = ["ddpm_eps_cosine", "ddpm_x0_cosine", "v_cosine", "edm", "rectified_flow", "trigflow"]

    func check(_ arguments: [String], golden: String) throws {
        let r = try Sched.run(["latex"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let url = packageRoot.appendingPathComponent("Tests/LaTeXTests/Golden/\(golden)")
        if ProcessInfo.processInfo.environment["SCHED_UPDATE_GOLDEN"] == "1" {
            try Data(r.stdout.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(r.stdout == expected, "differs from \(golden)")
    }

    @Test func rectifiedFlowDerivation() throws {
        try check(["examples/flows.sched", "--schedule", "rectified_flow"], golden: "rectified_flow.tex")
    }

    @Test func trigFlowDerivation() throws {
        try check(["examples/flows.sched", "--schedule", "trigflow"], golden: "trigflow.tex")
    }

    @Test func tableOfThePapersModels() throws {
        try check(exampleFiles + Self.paperModels.flatMap { ["--schedule", $0] } + ["--table"], golden: "table.tex")
    }

    @Test func sameInputSameBytes() throws {
        let a = try Sched.run(["latex"] + exampleFiles + ["--plot", "det,rho", "--standalone"])
        let b = try Sched.run(["latex"] + exampleFiles + ["--plot", "det,rho", "--standalone"])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }
}
