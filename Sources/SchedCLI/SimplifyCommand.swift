import ArgumentParser
import Exact
import Symbolic

/// `sched simplify`: the canonical form of an expression.
struct SimplifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simplify",
        abstract: "Simplify an expression to sched's canonical form."
    )

    @Argument(help: ArgumentHelp("The expression, e.g. 'sin(t)^2 + cos(t)^2'.", valueName: "expression"))
    var expression: String

    func run() throws {
        let parsed = ExpressionParser.parse(expression)
        guard let tree = parsed.expression else {
            throw SchedInputError(parsed.formattedDiagnostics(fileName: "<expression>"))
        }
        do {
            let result = try Simplifier().simplify(tree)
            print(printASCII(result))
        } catch {
            throw SchedInputError("\(error)")
        }
    }
}
