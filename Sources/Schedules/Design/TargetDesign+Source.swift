import Exact
import Symbolic

extension TargetDesign {
    /// A complete `.sched` file, in the ASCII input syntax, holding `schedule`'s forward
    /// process, domain and data variance with the designed target `c x0 + d eps`, and
    /// an `expect` line per requirement. Only the parameters it uses are declared
    /// (symbolic ones as `param NAME > 0`, the others with their values).
    public func source(for schedule: Schedule, model: UnifiedModel, requirements: [DesignRequirement],
                       name: String, header: [String]) -> String {
        func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }
        var used = Set<String>()
        for f in [model.alpha, model.sigma, model.dataVariance, c, d] { used.formUnion(f.symbols) }
        for r in requirements { used.formUnion(ExprWalk.variables(in: r.written).map(\.name)) }
        for end in [schedule.time.lower, schedule.time.upper].compactMap({ $0 }) { used.formUnion(end.symbols) }
        var lines = header.map { "# \($0)" }
        lines.append("schedule \(name) {")
        for p in schedule.params where used.contains(p.name) {
            lines.append("    param \(p.name)" + (p.value.map { " = \(text($0))" } ?? " > 0"))
        }
        let time = schedule.time
        let lower = time.lower.map(text) ?? "-inf", upper = time.upper.map(text) ?? "inf"
        lines.append("    time \(time.name) in \(time.lowerClosed ? "[" : "(")\(lower), \(upper)\(time.upperClosed ? "]" : ")")")
        lines.append("    alpha = \(text(model.alpha))")
        lines.append("    sigma = \(text(model.sigma))")
        if !model.dataVariance.isOne { lines.append("    data variance = \(text(model.dataVariance))") }
        lines.append("    target = (\(text(c))) x0 + (\(text(d))) eps")
        for r in requirements { lines.append("    expect \(r.claimText)") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DesignRequirement {
    /// Reads a requirement's expression for `schedule`: the time variable, the
    /// parameters (numeric ones substituted), and the forward process's alpha, sigma
    /// and data_variance (`--amp-x0 '2 sigma'` is det A = 1/2) may appear.
    public static func parse(_ quantity: Quantity, _ text: String, for schedule: Schedule) throws -> DesignRequirement {
        let parsed = ExpressionParser.parse(text)
        guard let tree = parsed.expression else {
            let first = parsed.diagnostics.first
            throw TargetDesignError(quantity.option, "'\(text)': \(first.map { "\($0.range.start.column): \($0.message)" } ?? "not an expression")")
        }
        var bindings = ["alpha": schedule.alpha.value, "sigma": schedule.sigma.value, "data_variance": schedule.dataVariance.value]
        var known = Set(bindings.keys).union([schedule.time.name])
        for p in schedule.params {
            known.insert(p.name)
            if let v = p.value { bindings[p.name] = v }
        }
        if let unknown = ExprWalk.variables(in: tree).first(where: { !known.contains($0.name) }) {
            let column = unknown.range.map { " (column \($0.start.column))" } ?? ""
            throw TargetDesignError(quantity.option, "'\(text)': unknown name '\(unknown.name)'\(column); it may use \(known.sorted().joined(separator: ", "))")
        }
        do {
            let value = try Simplifier(assuming: schedule.assumptions, bindings: bindings).canonicalForm(of: tree)
            return DesignRequirement(quantity, written: tree, value: value)
        } catch {
            throw TargetDesignError(quantity.option, "'\(text)': \(error)")
        }
    }
}
