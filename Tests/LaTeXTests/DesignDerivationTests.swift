import Foundation
import Testing

/// `sched latex --design`: V, u, y = k·x_t + m·u, the schedule's own k and m, and the
/// frontier of unit-variance targets. Expected values by hand: rectified flow
/// (α = 1 − t, σ = t, target ε − x0) has V = 2t² − 2t + 1, Cov = αc + σd = 2t − 1,
/// det A = αd − σc = 1, so k = (2t − 1)/V, m = 1/V, and the frontier is σ/√V = t/√V;
/// v-prediction on the cosine schedule has V = 1, k = 0, m = 1 and frontier σ.
@Suite struct DesignDerivationTests {
    @Test func rectifiedFlow() {
        let r = Sched.run(["latex", "--design", "examples/flows.sched", "--schedule", "rectified_flow"])
        #expect(r.status == 0, "\(r.stderr)")
        let body = r.stdout.components(separatedBy: "% --- end of sched macros ---\n\n").last ?? ""
        #expect(body.hasPrefix("% rectified_flow (examples/flows.sched): the design of targets\n\\subsection*{Designing targets for Rectified flow}\n"))
        #expect(body.contains("  V &= \\Var(\\xat{t}) = \\alpha^{2} \\datavar + \\sigma^{2} = 2 t^{2} - 2 t + 1 \\\\\n  u &= -\\sigma \\xzero + \\alpha \\datavar \\noise = - t \\xzero + \\left(1 - t\\right) \\noise\n"))
        #expect(body.contains("This schedule's target $\\target = - \\xzero + \\noise$ has\n"))
        #expect(body.contains("  k &= \\frac{\\Cov(\\xat{t}, \\target)}{V} = \\frac{2 t - 1}{2 t^{2} - 2 t + 1}, \\\\\n  m &= \\frac{\\detA}{V} = \\frac{1}{2 t^{2} - 2 t + 1}.\n"))
        #expect(body.contains("&= \\frac{\\sigma \\sqrt{\\datavar}}{\\sqrt{V}} = \\frac{t}{\\sqrt{2 t^{2} - 2 t + 1}}.\n"))
    }

    @Test func vPredictionOnTheCosineSchedule() {
        let r = Sched.run(["latex", "--design", "examples/ddpm.sched", "--schedule", "v_cosine"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("k &= \\frac{\\Cov(\\xat{t}, \\target)}{V} = 0, \\\\\n  m &= \\frac{\\detA}{V} = 1.\n"))
        #expect(r.stdout.contains("= \\sin\\left(\\frac{\\pi t}{2}\\right).\n"))
    }

    @Test func discreteSchedulesAreRefused() {
        let r = Sched.run(["latex", "--design", "examples/diffusers/sd15.json"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: --design takes continuous-time schedules: 'sd15' is a discrete-time schedule (its derivation is `sched latex` without --design)\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: PDFLaTeX.path), "pdflatex is not installed"))
    func everyExampleCompiles() throws {
        let r = Sched.run(["latex", "--standalone", "--design"] + exampleFiles + ["examples/table1.sched"])
        #expect(r.status == 0, "\(r.stderr)")
        let outcome = try PDFLaTeX.compile(r.stdout, name: "design")
        #expect(outcome.status == 0 && outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.overfullWidths.allSatisfy { $0 <= 10 }, "overfull boxes: \(outcome.overfullWidths)")
    }
}
