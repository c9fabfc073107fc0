import Schedules
import Symbolic
import Testing

/// An expression broken over lines gets one error that says expressions are one line.
@Suite struct LineContinuationTests {
    @Test func aTrailingOperator() throws {
        let file = try validate("schedule s {\n    alpha = cos(pi/2 t) *\n        (1 - t)\n    sigma = sin(pi/2 t)\n    target = eps\n}\n")
        #expect(file.formattedDiagnostics() == """
            test.sched:2:26: error: expected an expression after '*'
            2 |     alpha = cos(pi/2 t) *
              |                          ^
              = note: an expression is written on one line: line 3 continues it, join the two lines
            """)
    }

    @Test func anOpenParenthesisHasNoFixIt() throws {
        let file = try validate("schedule s {\n    alpha = cos(pi/2\n        t\n        )\n    sigma = sin(pi/2 t)\n    target = eps\n}\n")
        #expect(file.diagnostics.map(render) == ["2:21: unbalanced-parenthesis: expected ')' to close the '(' at 2:16"])
        #expect(file.diagnostics[0].fixIts.isEmpty)
        #expect(file.diagnostics[0].notes.map(\.message) == [
            "'(' opened here", "an expression is written on one line: line 3 continues it, join the two lines",
        ])
        // At the end of a statement followed by a statement, the fix-it stays.
        let alone = try validate("schedule s {\n    alpha = cos(pi/2\n    sigma = sin(pi/2 t)\n    target = eps\n}\n")
        #expect(alone.diagnostics.flatMap(\.fixIts).map(\.replacement) == [")"])
    }

    @Test func aLeadingOperator() throws {
        let file = try validate("schedule s {\n    alpha = cos(pi/2 t)\n        * (1 - t)\n    sigma = sin(pi/2 t)\n    target = eps\n}\n")
        #expect(file.diagnostics.map(render) == [
            "3:9: continued-line: a line cannot begin with '*': an expression is written on one line, join this line to the one before",
        ])
    }
}
