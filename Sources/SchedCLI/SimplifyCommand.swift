import ArgumentParser
import Exact
import Symbolic

/// `sched simplify`: the canonical form of an expression, whether it is zero (decided
/// by the same zero test as `expect` claims), and with `--at` its exact value and a
/// rigorous decimal.
struct SimplifyCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "simplify",
        abstract: "Simplify an expression to sched's canonical form, or evaluate it exactly.",
        discussion: """
        The result is deterministic and idempotent: simplifying it again prints the same. \
        With --at, names are replaced by values (exact: 1/3, pi/4, sqrt(2)) and the result \
        is printed exactly where a closed form exists, with a decimal of --digits correct \
        digits computed in ball arithmetic.
        """
    )

    @Argument(help: ArgumentHelp("The expression, e.g. 'sin(t)^2 + cos(t)^2' or 'cos(pi/2 t)'.", valueName: "expression"))
    var expression: String

    @Option(name: .customLong("at"), help: ArgumentHelp("Bind a name, e.g. --at t=1/3 (repeatable).", valueName: "name=value"))
    var bindings: [Binding] = []

    @Option(help: ArgumentHelp("Correct significant digits of the decimal value (1-10000).", valueName: "n"))
    var digits: Int = 20

    @Option(help: "Output: text (ASCII input syntax), unicode, latex or json.")
    var format: ExpressionFormat = .text

    @Option(name: .customLong("assume-positive"), parsing: .upToNextOption,
            help: ArgumentHelp("Names known to be positive (allows sqrt(x^2) = x).", valueName: "name"))
    var positive: [String] = []

    @OptionGroup var budget: TimeBudgetOption

    func validate() throws {
        try ExactValue.validate(digits: digits)
    }

    func run(io: CommandIO) throws {
        try budget.runQuantity { try simplify(io: io) }
    }

    func simplify(io: CommandIO) throws {
        let tree = try ExpressionCommandSupport.parse(expression)
        let assumptions = Assumptions(positive: Set(positive.map { NameSpelling.canonical($0) ?? $0 }))
        var values: [String: CanonicalForm] = [:]
        for binding in bindings {
            let name = "--at \(binding.name)"
            let valueTree = try ExpressionCommandSupport.parse(binding.valueText, name: name)
            values[binding.name] = try ExpressionCommandSupport.canonicalForm(
                of: valueTree, source: binding.valueText, simplifier: Simplifier(assuming: assumptions), name: name)
        }
        values = try resolved(values, assumptions)
        let (form, definedness) = try ExpressionCommandSupport.definedForm(
            of: tree, source: expression, simplifier: Simplifier(assuming: assumptions, bindings: values))
        let result = form.expression
        let evaluated = bindings.isEmpty ? nil : ExactValue(form: form, digits: digits)
        // The decision procedure of `expect` claims: a nonzero witness must be a point
        // where the expression as written is defined.
        let zero = ZeroTest(assuming: assumptions).test(form, witnesses: [:], definedness: definedness)

        switch format {
        case .json:
            var fields: [(String, Any?)] = [
                ("input", printASCII(tree)), ("result", printASCII(result)), ("latex", printLaTeX(result)),
                ("zero", Self.verdict(zero)),
            ]
            if let evaluated {
                fields += [("exact", evaluated.exact), ("value", evaluated.value), ("radius", evaluated.radius)]
            }
            io.output.writeLine(ExpressionCommandSupport.json(fields))
        default:
            io.output.writeLine(ExpressionCommandSupport.render(result, format))
            if zero.isProvenZero && !form.isZero { io.output.writeLine("= 0 (proven)") }
            if let value = evaluated?.value, evaluated?.exact != nil, form.rationalValue == nil {
                io.output.writeLine("≈ \(value)")
            }
        }
    }

    /// The zero test's answer as JSON reports it.
    static func verdict(_ zero: ZeroTestResult) -> String {
        switch zero {
        case .zero: return "proven"
        case .nonzero: return "refuted"
        case .unknown: return "unknown"
        }
    }

    /// Bindings may mention each other (`--at c=1-c_skip --at c_skip=1/2`): substitute
    /// until no bound name is left, or report a cycle.
    func resolved(_ values: [String: CanonicalForm], _ assumptions: Assumptions) throws -> [String: CanonicalForm] {
        var values = values
        for _ in 0...values.count {
            let pending = values.filter { !$0.value.symbols.isDisjoint(with: values.keys) }
            if pending.isEmpty { return values }
            for (name, value) in pending {
                do { values[name] = try value.substituting(values.filter { $0.key != name }, assuming: assumptions) } catch {
                    throw SchedInputError("--at \(name): \(error)")
                }
            }
        }
        let cyclic = values.filter { !$0.value.symbols.isDisjoint(with: values.keys) }.keys.sorted()
        throw SchedInputError("the --at bindings of \(cyclic.joined(separator: ", ")) refer to each other in a cycle")
    }
}
