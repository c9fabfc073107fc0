import ArgumentParser
import Exact
import Symbolic

/// `sched diff`: the simplified derivative of an expression.
struct DiffCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Differentiate an expression and simplify the result."
    )

    @Argument(help: ArgumentHelp("The expression, e.g. 'cos(pi/2 t)'.", valueName: "expression"))
    var expression: String

    @Argument(help: ArgumentHelp("The variable, e.g. t.", valueName: "name"))
    var variable: String

    @Option(help: "Output: text (ASCII input syntax), unicode, latex or json.")
    var format: ExpressionFormat = .text

    @OptionGroup var budget: TimeBudgetOption

    func run(io: CommandIO) throws {
        try budget.runQuantity { try differentiate(io: io) }
    }

    func differentiate(io: CommandIO) throws {
        let tree = try ExpressionCommandSupport.parse(expression)
        let nameTree = try ExpressionCommandSupport.parse(variable, name: "<name>")
        guard case .variable(let name) = nameTree.kind else {
            throw SchedInputError("'\(variable)' is not a name to differentiate by")
        }
        let derivative = Expr(.derivative(tree, variable: name), range: tree.range)
        let form = try ExpressionCommandSupport.canonicalForm(of: derivative, source: expression, simplifier: Simplifier())
        let result = form.expression
        if format == .json {
            io.output.writeLine(ExpressionCommandSupport.json([
                ("input", printASCII(tree)), ("variable", name), ("result", printASCII(result)), ("latex", printLaTeX(result)),
            ]))
        } else {
            io.output.writeLine(ExpressionCommandSupport.render(result, format))
        }
    }
}
