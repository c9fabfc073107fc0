/// A declared function of time about which nothing is known but smoothness
/// (`function alpha` in a schedule), differentiated `order` times: α is order 0,
/// α′ order 1, α″ order 2.
///
/// The zero test treats α, α′, α″, … as independent symbols. That is sound — an
/// identity in independent symbols stays true when they are replaced by any
/// function and its derivatives — and complete for the algebra of the canonical
/// form, though it cannot know relations the user has not stated (α′ of a constant
/// α is 0). Nothing numeric is known about α: its enclosures are indeterminate.
public struct AbstractFunction: Hashable, Sendable {
    /// The ASCII name as declared.
    public let name: String
    /// How many times it is differentiated.
    public let order: Int
    /// The function's own variable: α(t) at the argument t prints as plain α.
    public let variable: String

    public init(name: String, order: Int = 0, variable: String) {
        self.name = name
        self.order = order
        self.variable = variable
    }

    /// The next derivative: (α^(k))′ = α^(k+1).
    public var derivative: AbstractFunction { AbstractFunction(name: name, order: order + 1, variable: variable) }

    /// The name with one ASCII prime per derivative: `alpha''`.
    public var primedName: String { name + String(repeating: "'", count: order) }

    /// Part of the kernel key; the variable is kept so that functions of different
    /// time variables never share a kernel.
    var key: String { "\(primedName)@\(variable)" }

    /// Place in the ring's variable order: after symbols (1), before √ (2).
    static let rank = 1
}

extension CanonicalForm {
    /// f at the argument `a` (no simplification is possible: f is unknown).
    public static func abstract(_ f: AbstractFunction, at a: CanonicalForm) -> CanonicalForm {
        CanonicalForm(kernel: .abstract(f, a))
    }

    /// f at its own variable: α(t).
    public static func abstract(_ f: AbstractFunction) -> CanonicalForm {
        abstract(f, at: .symbol(f.variable))
    }

    /// The abstract functions (with their orders) the form mentions, inside kernels too.
    public var abstractFunctions: Set<AbstractFunction> {
        kernels.reduce(into: Set<AbstractFunction>()) { found, kernel in
            if case .abstract(let f, _) = kernel { found.insert(f) }
            if let a = kernel.argument { found.formUnion(a.abstractFunctions) }
        }
    }

    /// The names of the abstract functions the form mentions.
    public var abstractFunctionNames: Set<String> { Set(abstractFunctions.map(\.name)) }
}
