import REPL
import Testing

/// `zeros(Q)` in the REPL summarizes a set of more than twelve zeros.
@Suite struct ReplZeroSetSummaryTests {
    @Test func longZeroSetIsSummarized() {
        var s = ReplSession()
        let replies = run(&s, rectifiedFlow + ["zeros(sin(100*t))"])
        #expect(replies.allSatisfy { !$0.failed }, "\(replies.map(\.errors))")
        #expect(replies[2].output == "{32 zeros, about 31.8 per unit of t: 0, π/100 ≈ 0.031415926535897932, π/50 ≈ 0.062831853071795865, "
            + "… 26 more …, 29π/100 ≈ 0.91106186954104004, 3π/10 ≈ 0.94247779607693797, 31π/100 ≈ 0.97389372261283590}\n")
    }

    @Test func shortZeroSetIsListed() {
        var s = ReplSession()
        let replies = run(&s, rectifiedFlow + ["zeros(sin(12*t))"])
        #expect(replies[2].output == "{0, π/12 ≈ 0.26179938779914944, π/6 ≈ 0.52359877559829887, π/4 ≈ 0.78539816339744831}\n")
    }
}
