import Symbolic
import Testing
@testable import Schedules

/// Error recovery: one run reports every error of a file, each once, at its place,
/// and the schedules without errors still become models.
@Suite struct RecoveryTests {
    @Test func threeErrorsInThreeSchedules() throws {
        let text = """
            # three mistakes
            schedule a "A" {
                x_t = (1 - t) x0 + t eps
                target = velocty          # misspelt
            }

            schedule b {
                time t in [1, 0]
                x_t = x0 + t eps
                target = eps
            }

            schedule c {
                alpha = cos(t
                sigma = sin(t)
                target = eps
            }

            schedule d {
                x_t = x0 + t eps
                target = x0
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == [
            "4:14: unknown-name: unknown name 'velocty'; did you mean 'velocity'?",
            "8:15: empty-interval: the time interval [1, 0] is empty",
            "14:18: unbalanced-parenthesis: expected ')' to close the '(' at 14:16",
        ], "\n\(file.formattedDiagnostics())")
        #expect(file.schedules.map(\.name) == ["d"])
        #expect(file.formattedDiagnostics().hasPrefix("""
            test.sched:4:14: error: unknown name 'velocty'; did you mean 'velocity'?
            4 |     target = velocty          # misspelt
              |              ^~~~~~~
            """))
    }

    @Test func threeErrorsInOneSchedule() throws {
        let text = """
            schedule a {
                time t in [0, 1)
                x_t = x0 + t epz
                target = x0^2
                data variance = -
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == [
            "3:18: unknown-name: unknown name 'epz'; did you mean 'eps'?",
            "4:14: non-linear: the target is not linear in the vectors: 'x0^2' raises a vector to a power",
            "5:22: expected-expression: expected an expression after '-'",
        ], "\n\(file.formattedDiagnostics())")
        #expect(file.schedules.isEmpty)
    }

    @Test func aFailedLetIsNotReportedAgainWhereItIsUsed() throws {
        let text = """
            schedule a {
                let a = (1 - t
                let b = 2 a
                x_t = b x0 + t eps
                target = eps
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == ["2:19: unbalanced-parenthesis: expected ')' to close the '(' at 2:13"])
    }

    @Test func aFailedForwardProcessSilencesItsConsequences() throws {
        let text = """
            schedule a {
                x_t = x0 + t @ eps
                target = velocity + alpha x0
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == ["2:18: unexpected-character: unexpected character '@'"])
    }

    @Test func errorsEverywhereAreAllReported() throws {
        // One error per line, ten lines, ten diagnostics.
        var lines = ["schedule a {"]
        for i in 0..<10 { lines.append("    let v\(i) = unknown\(i)") }
        lines += ["    x_t = x0 + t eps", "    target = eps", "}"]
        let file = try validate(lines.joined(separator: "\n"))
        #expect(file.diagnostics.count == 10)
        #expect(file.diagnostics.map(\.line) == Array(2...11))
        #expect(file.diagnostics.allSatisfy { $0.id == "unknown-name" && $0.column == 14 })
    }

    @Test func aBadHeaderStillOpensItsBlock() throws {
        let text = """
            schedule 1bad "t" {
                x_t = x0 + t eps
                target = eps
            }
            schedule good {
                x_t = x0 + t eps
                target = eps
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == ["1:10: expected-schedule-name: expected a schedule name after 'schedule', found '1bad'"])
        #expect(file.schedules.map(\.name) == ["good"])
    }

    @Test func anUnclosedBlockEndsAtTheNextHeader() throws {
        let text = """
            schedule a {
                x_t = x0 + t eps
                target = eps
            schedule b {
                x_t = x0 + t eps
                target = eps
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == ["4:1: unclosed-schedule: expected '}' to close schedule 'a' opened at 1:1"])
        #expect(file.schedules.map(\.name) == ["b"])
    }

    @Test func oneLineBlocksCloseOnTheirLine() throws {
        let text = """
            schedule empty { }
            schedule inline { target = eps }
            schedule b {
                x_t = x0 + t eps
                target = eps
            }
            """
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == [
            "1:1: missing-forward-process: schedule 'empty' has no forward process: add 'x_t = …' or 'alpha = …' and 'sigma = …'",
            "1:1: missing-target: schedule 'empty' has no target: add 'target = …'",
            "2:1: missing-forward-process: schedule 'inline' has no forward process: add 'x_t = …' or 'alpha = …' and 'sigma = …'",
            "2:19: unexpected-text: unexpected 'target' after '{': statements go on their own lines",
        ], "\n\(file.formattedDiagnostics())")
        #expect(file.schedules.map(\.name) == ["b"])
    }
}
