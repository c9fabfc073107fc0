import Exact
import Symbolic
import Testing
@testable import Schedules

/// Zero sets and claims past their time budget: incomplete or unknown with the
/// reason, never guessed; within it, sparse high-degree polynomials are exact.
@Suite struct TimeBudgetAnalysisTests {
    @Test func zeroSetPastTheDeadlineIsIncompleteWithTheReason() throws {
        let alpha = try form("t^1000 - 2"), sin = try form("sin(3*t) - 1/2")
        let unit = try domain("0", "1")
        Deadline.within(.after(seconds: 0)) {
            for f in [alpha, sin] {
                let z = ZeroFinder().zeros(of: f, on: unit)
                #expect(!z.complete && !z.identicallyZero && z.points.isEmpty)
                #expect(z.note == "a factor could not be formed: time budget exceeded (0 s)", "\(f)")
            }
        }
        #expect(ZeroFinder().zeros(of: alpha, on: unit) == ZeroSet(identicallyZero: false, complete: true, points: [], note: nil))
    }

    /// Past the factoring budget the numerator is split only into squarefree parts;
    /// the isolator then reports its own degree budget.
    @Test func degreesPastTheFactoringBudgetAreReportedNotFactored() throws {
        let z = ZeroFinder().zeros(of: try form("t^5000 - 2"), on: try domain("0", "1"))
        #expect(z == .incomplete("root isolation budget exceeded: degree 5000 exceeds 2000"))
        let exact = ZeroFinder().zeros(of: try form("(2*t - 1)^2000"), on: try domain("0", "1"))
        #expect(exact.complete && exact.points.count == 1)
        #expect(exact.points.first?.multiplicity == 2000)
    }

    /// Every quantity past a budget of 0 s: the report says why, and never claims
    /// det A = 0 for a step that was not computed.
    @Test func reportOfAnExhaustedBudgetGivesTheReason() throws {
        let s = try schedule("p", in: "schedule p {\n  time t in [0, 1]\n  alpha = 1 - t\n  sigma = t\n  target = eps\n}\n")
        let model = s.unifiedModel
        let analysis = Deadline.withBudget(seconds: nil, quantitySeconds: 0) { ModelAnalysis(model) }
        let report = AnalysisText.report(analysis, heading: "p")
        #expect(report.contains("  step        x_s = unknown (time budget exceeded (0 s))\n"), "\(report)")
        #expect(!report.contains("det A = 0"))
        #expect(analysis.zeros["det"] == .incomplete("a factor could not be formed: time budget exceeded (0 s)"))
        #expect(analysis.lagrangeIdentity == .unknown(reason: "time budget exceeded (0 s)"))
    }
}
