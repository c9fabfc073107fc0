import Exact
import Testing
@testable import Symbolic

/// Canonical forms, the zero test and the presentation under budgets.
@Suite struct TimeBudgetTests {
    @Test func arithmeticPastTheDeadlineThrows() {
        let t = CanonicalForm.symbol("t")
        Deadline.within(.after(seconds: 0)) {
            #expect(throws: SimplificationError.timeBudgetExceeded(DeadlineExceeded(seconds: 0))) { try t + .one }
            #expect(ZeroTest().test(t) == .unknown(reason: "time budget exceeded (0 s)"))
            // A proof of zero needs no time: still proven.
            #expect(ZeroTest().test(CanonicalForm.zero).isProvenZero)
        }
        #expect(ZeroTest().test(t).isProvenNonzero)
    }

    @Test func theDiagnosticNamesTheBudget() throws {
        let e = try #require(ExpressionParser.parse("t + 1").expression)
        Deadline.within(.after(seconds: 0)) {
            do {
                _ = try Simplifier().canonicalForm(of: e)
                Issue.record("simplified past the deadline")
            } catch let error as LocatedSimplificationError {
                #expect(error.diagnostic.id == "time-budget-exceeded")
                #expect(error.description == "time budget exceeded (0 s)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// Past `PresentationBudget`, only the squarefree decomposition is tried: cheap,
    /// and still shorter than the expansion when there are repeated factors.
    @Test(arguments: [
        ("t^5000 + 1", "t^5000 + 1"),
        ("(t^2 - 1)^150", "(t^2 - 1)^150"),
        ("(t^2 - 1)^100", "(t - 1)^100*(t + 1)^100"),
        ("t^300 - t^3", "t^300 - t^3"),
        ("(t^1000)^10 + 1", "t^10000 + 1"),
    ])
    func largePolynomialsPrintWithoutCompleteFactoring(text: String, expected: String) throws {
        #expect(try simplified(text) == expected)
    }
}
