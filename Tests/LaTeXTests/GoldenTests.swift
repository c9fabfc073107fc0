import Foundation
import Testing

/// The exact LaTeX of the rectified flow and TrigFlow derivations and of the table of
/// the paper's models, reviewed by hand once. Regenerate with SCHED_UPDATE_GOLDEN=1
/// (and review the diff).
@Suite struct LaTeXGoldenTests {
    static let paperModels = ["ddpm_eps_cosine", "ddpm_x0_cosine", "v_cosine", "edm", "rectified_flow", "trigflow"]

    func check(_ arguments: [String], golden: String) throws {
        let r = Sched.run(["latex"] + arguments)
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
        let a = Sched.run(["latex"] + exampleFiles + ["--plot", "det,rho", "--standalone"])
        let b = Sched.run(["latex"] + exampleFiles + ["--plot", "det,rho", "--standalone"])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }
}

/// Options and errors of `sched latex`.
@Suite struct LaTeXCommandTests {
    @Test func unknownQuantityIsAnInputError() throws {
        let r = Sched.run(["latex", "examples/flows.sched", "--plot", "rho,foo"])
        #expect(r.status == 1 && r.stderr.contains("unknown quantity 'foo'"))
    }

    @Test func unknownScheduleIsAnInputError() throws {
        let r = Sched.run(["latex", "examples/flows.sched", "--schedule", "nope"])
        #expect(r.status == 1 && r.stderr.contains("no schedule named 'nope'"))
    }

    @Test func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sched-latex-\(UUID().uuidString).tex").path
        let r = Sched.run(["latex", "examples/flows.sched", "--schedule", "rectified_flow", "-o", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let direct = Sched.run(["latex", "examples/flows.sched", "--schedule", "rectified_flow"])
        // The file names the input by the path opened (`Sched.run` shortens it on stdout).
        let written = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: packageRoot.path + "/", with: "")
        #expect(written == direct.stdout)
    }

    /// A quantity that depends on an unbound parameter is left out of the plot with a
    /// comment; binding the parameter plots it.
    @Test func symbolicParameterInPlots() throws {
        let free = Sched.run(["latex", "examples/flows.sched", "--schedule", "trigflow", "--plot", "sigma"])
        #expect(free.stdout.contains("% trigflow: skipped (sigma depends on sigma_d; bind it with --param)"))
        let bound = Sched.run(["latex", "examples/flows.sched", "--schedule", "trigflow", "--plot", "sigma", "--param", "sigma_d=1/2"])
        #expect(bound.stdout.contains("\\addlegendentry{TrigFlow}") && !bound.stdout.contains("skipped"))
    }
}

/// The plotted points are the certified values.
@Suite struct PlotValuesTests {
    @Test func rectifiedFlowRho() throws {
        let r = Sched.run(["latex", "examples/flows.sched", "--schedule", "rectified_flow", "--plot", "rho"])
        #expect(r.status == 0)
        // ρ(0) = −√2/2, ρ(1/2) = 0 (an exact zero, also marked), ρ(1) = √2/2.
        #expect(r.stdout.contains("(0, -0.707107)") && r.stdout.contains("(0.5, 0)") && r.stdout.contains("(1, 0.707107)"))
        #expect(r.stdout.contains("coordinates {(0.5, 0)};"))
        #expect(r.stdout.contains("xlabel={$t$}"))
    }

    /// Different time domains get their own axes in their own units: EDM's noise
    /// levels [1/500, 80] on a log axis, never squashed into [0, 1].
    @Test func differentDomainsGetTheirOwnAxes() throws {
        let r = Sched.run(["latex", "examples/flows.sched", "examples/edm.sched", "--schedule", "rectified_flow", "--schedule", "edm", "--plot", "det"])
        #expect(!r.stdout.contains("rescaled"))
        #expect(r.stdout.components(separatedBy: "\\begin{axis}").count == 3)
        #expect(r.stdout.contains("xlabel={$s$},\n      ylabel={$\\detA$},\n      xmode=log,"))
        // EDM's det A = −√(4s² + 1) at s = 80, the right end, and at 1/500, the next
        // sample geometrically spaced (1/500·(80·500)^(1/200)).
        #expect(r.stdout.contains("(80, -160.003)") && r.stdout.contains("(0.002, -1.00001) (0.00210882, -1.00001)"))
        #expect(r.stdout.contains("one axis per time domain"))
    }

    /// Curves differ in colour (Okabe–Ito), dash pattern and mark; a y range of
    /// positive values over decades is logarithmic.
    @Test func stylesAndLogAxes() throws {
        let r = Sched.run(["latex", "examples/flows.sched", "--schedule", "rectified_flow", "--schedule", "cubic_flow", "--plot", "snr"])
        #expect(r.stdout.contains("\\definecolor{schedBlue}{HTML}{0072B2}"))
        #expect(r.stdout.contains("\\addplot[schedBlue, solid, mark=none, mark options={solid}, thick"))
        #expect(r.stdout.contains("\\addplot[schedVermillion, dashed, mark=o, mark options={solid}, thick"))
        #expect(r.stdout.contains("ymode=log,"))
        #expect(!r.stdout.contains(", 0)"))   // snr = 0 at t = 1 is a gap on a log axis, not a point
    }
}
