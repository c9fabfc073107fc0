import Foundation
import SchedCLI
import Testing

/// Size budgets judged before expansion, the time budget (`--deadline`) and the
/// `--digits` limits, through the command line.
@Suite struct BudgetCommandsTests {
    /// Sparse powers stay sparse: one term each, printed without factoring.
    @Test(arguments: [
        ("t^5000+1", "t^5000 + 1\n"),
        ("(t^1000)^10 + 1", "t^10000 + 1\n"),
        ("(t^1000)^10 - t^10000 + t^3", "t^3\n"),
        ("t^5000 - 1/2", "(2*t^5000 - 1)/2\n"),
    ])
    func sparsePowersPrintExactly(expression: String, expected: String) throws {
        let r = SchedCommand.run(["simplify", expression])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(expression): \(r.stderr)")
        #expect(r.stdout == expected)
    }

    @Test func degreeBudgetIsJudgedFromTheExponent() throws {
        let r = SchedCommand.run(["simplify", "(t^1000)^11"])
        #expect(r.status == 1)
        #expect(r.stderr == """
            <expression>:1:1: error: too large: exponent 11 of a non-constant expression of degree 1000 (limit: degree 10000)
            1 | (t^1000)^11
              | ^~~~~~~~~~~

            """)
    }

    /// A budget of one nanosecond has passed by the first sum: the error names the
    /// budget and the subexpression, with status 2.
    @Test func simplifyPastItsDeadlineIsAnError() throws {
        let r = SchedCommand.run(["simplify", "(x + y)^30 - (x + y)^30", "--deadline", "0.000000001"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            <expression>:1:1: error: time budget exceeded (1e-09 s)
            1 | (x + y)^30 - (x + y)^30
              | ^~~~~~~

            """)
    }

    @Test func deadlineMustBePositive() throws {
        for value in ["0", "-1", "nan", "100000"] {
            let r = SchedCommand.run(["simplify", "t", "--deadline=\(value)"])
            #expect(r.status == 2, "\(value)")
            #expect(r.stderr.hasPrefix("Error: --deadline must be a number of seconds greater than 0 and at most 86400"), "\(value): \(r.stderr)")
        }
    }

    /// A budget too short even to read the file: each statement that could not be
    /// simplified is reported where it is (the zero sets past their budget are
    /// tested in TimeBudgetAnalysisTests).
    @Test func analyzePastItsDeadlineReportsWhereItStopped() throws {
        let schedule = "schedule p {\ntime t in [0, 1]\nalpha = t^1000 - 2\nsigma = t\ntarget = eps\n}\n"
        let r = SchedCommand.run(["analyze", "-", "--deadline", "0.000000001"], stdin: schedule)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("""
            <stdin>:3:9: error: time budget exceeded (3e-09 s)
            3 | alpha = t^1000 - 2
              |         ^~~~~~
            """), "\(r.stderr)")
    }

    /// With time (the default 2 s is enough on an idle machine; a debug build beside
    /// other tests on two loaded cores may need more) the same schedule is decided exactly.
    @Test func analyzeOfASparseHighDegreeScheduleIsComplete() throws {
        let schedule = "schedule p {\ntime t in [0, 1]\nalpha = t^1000 - 2\nsigma = t\ntarget = eps\n}\n"
        let r = SchedCommand.run(["analyze", "-", "--deadline", "30"], stdin: schedule)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("""
              zeros on [0, 1]:
                det A     none — complete
                ρ         t = 0 (exact) — complete
                α         none — complete
                σ         t = 0 (exact) — complete
            """))
        #expect(r.stdout.contains("  det A       t^1000 − 2\n"))
    }

    @Test(arguments: [
        (["simplify", "pi", "--digits", "10001"], "Error: --digits must be between 1 and 10000, the most that the working precision of 65536 bits delivers\n"),
        (["simplify", "pi", "--digits", "0"], "Error: --digits must be between 1 and 10000, the most that the working precision of 65536 bits delivers\n"),
        (["eval", "x.sched", "--at", "1/2", "--digits", "20000"], "Error: --digits must be between 1 and 10000, the most that the working precision of 65536 bits delivers\n"),
        (["roots", "1 0 -2", "--digits", "1001"], "Error: --digits must be between 1 and 1000, the most digits the root refinement delivers\n"),
    ] as [([String], String)])
    func digitsPastTheMaximumAreAUsageError(arguments: [String], message: String) throws {
        let r = SchedCommand.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
    }

    /// Every accepted digit count is delivered: 6000 digits of π, not a ball.
    @Test func sixThousandDigitsAreDelivered() throws {
        let r = SchedCommand.run(["simplify", "x", "--at", "x=pi", "--digits", "6000"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "pi")
        let value = try #require(lines.last)
        #expect(value.hasPrefix("≈ 3.14159265358979323846264338327950288419716939937510"))
        #expect(!value.contains("+/-"))
        #expect(value.filter(\.isNumber).count == 6000)
        // The last digits of π to 6000 significant digits (mpmath).
        #expect(value.hasSuffix("062545433721315359584506877246"), "\(value.suffix(40))")
    }
}
