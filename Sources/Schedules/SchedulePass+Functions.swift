import Symbolic

extension SchedulePass {
    // MARK: Abstract functions

    /// `function NAME`: an unknown smooth function of the time variable, bound to its
    /// kernel α(t) so that every statement may use it, `diff(NAME, t)` is α′ and
    /// `NAME(1 - t)` is α(1 − t). Declared like a parameter: visible in the whole
    /// block. `function alpha` (or `sigma`) makes the schedule's own alpha that
    /// unknown function; the forward process must then give it as itself.
    mutating func declareFunction(_ name: Identifier, _ statement: StatementSyntax) {
        let n = name.name
        if let role = Self.reservedRole(n), !Self.forwardQuantities.contains(n) {
            report(.reservedName(n, role: role), at: name.range)
            poisoned.insert(n)
            return
        }
        if n == timeName {
            if let first = firstSites["time"] {
                report(.redefinition(n, firstAt: first.start), at: name.range, notes: [Note("first defined here", at: first)])
            } else {
                report(.reservedName(n, role: "the time variable"), at: name.range)
            }
            poisoned.insert(n)
            return
        }
        guard defineOnce("function \(n)", display: n, at: name.range, statement) else { return }
        if let (site, isLet) = definitionSites[n], !isLet {
            // A parameter of the same name (declared after the functions are).
            if site.offset < name.range.start.offset {
                report(.redefinition(n, firstAt: site), at: name.range)
            } else {
                report(.redefinition(n, firstAt: name.range.start), at: SourceRange(at: site))
            }
            poisoned.insert(n)
            return
        }
        if timeFailed {
            // Without a time variable there is nothing for the function to depend on.
            poisoned.insert(n)
            return
        }
        let f = AbstractFunction(name: n, variable: timeName)
        functions[n] = f
        bindings[n] = .abstract(f)
    }

    /// The declared functions and the derivatives of them that lets use, by name and order.
    var usedFunctions: [AbstractFunction] {
        let used = lets.reduce(into: Set(functions.values)) { $0.formUnion($1.value.abstractFunctions) }
        return used.sorted { ($0.name, $0.order) < ($1.name, $1.order) }
    }

    /// Whether the forward process gives a declared `alpha` or `sigma` function as
    /// itself (x_t = alpha x0 + … with `function alpha`); reports the first that it
    /// does not.
    mutating func forwardMatchesDeclaredFunctions(alpha a: CanonicalForm, sigma s: CanonicalForm,
                                                  _ statement: StatementSyntax) -> Bool {
        for (name, value) in [("alpha", a), ("sigma", s)] {
            guard let f = functions[name], value != .abstract(f) else { continue }
            report(.functionQuantityMismatch(name, value: printASCII(value.expression)), at: statement.range)
            poisoned.formUnion([name, "x_t", "velocity"])
            return false
        }
        return true
    }
}
