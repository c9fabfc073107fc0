import Exact
import Schedules
import Symbolic

/// An end of the domain where a generated function, as written, is undefined.
struct SingularEnd {
    /// The time argument that reaches the end (`t`, or `s` for the update).
    var variable: String
    var point: CanonicalForm
    var isLower: Bool
    /// Why it is undefined there: the condition that fails.
    var reason: String
}

extension ScheduleClassWriter {
    /// The closed ends of the domain where the function as written is undefined (or
    /// where sched could not decide that it is defined: those are treated alike).
    func singularEnds(_ f: GeneratedFunction) -> [SingularEnd] {
        let model = analysis.model, domain = model.domain
        var out: [SingularEnd] = []
        for (variable, definedness) in f.definedness {
            for (end, closed, isLower) in [(domain.lower, domain.lowerClosed, true), (domain.upper, domain.upperClosed, false)] {
                guard let end, closed else { continue }
                let at = [variable: end]
                guard definedness.holds(at: at, assuming: model.assumptions) != true else { continue }
                let failing = definedness.conditions.first { Definedness([$0]).holds(at: at, assuming: model.assumptions) != true }
                let reason = failing.map { "it needs \($0.description)" } ?? "sched could not decide whether it is defined there"
                out.append(SingularEnd(variable: variable, point: end, isLower: isLower, reason: reason))
            }
        }
        return out
    }

    mutating func function(_ f: GeneratedFunction) throws(CodegenError) -> [String] {
        let times = f.times.map { names[$0]! }
        var arguments = (f.isScalar ? [] : f.components.map(\.vector)) + times
        if !keywordParameters.isEmpty { arguments += ["*"] + keywordParameters }
        let signature = "\(f.name)(\(arguments.joined(separator: ", ")))"
        var lines = ["    @staticmethod", "    def \(signature):"]
        var doc = [f.summary + "."]
        if f.isScalar {
            doc += ["", "\(f.name) = \(formula(f.components[0].form))"]
        } else {
            doc += ["", "\(f.name) = " + f.components.map { "k_\($0.vector)*\($0.vector)" }.joined(separator: " + ") + " with"]
            doc += f.components.map { "    k_\($0.vector) = \(formula($0.form))" }
        }
        let ends = singularEnds(f)
        if !ends.isEmpty {
            doc += [""] + ends.map { "Undefined at \(timeName($0)) = \(formula($0.point)): \($0.reason)." }
        }
        var clamps: [Result<String, LimitFailure>?] = Array(repeating: nil, count: ends.count)
        if case .clamp(let eps) = options.atSingular {
            for (i, end) in ends.enumerated() {
                clamps[i] = try clampLine(f, at: end, eps: eps)
                if case .success = clamps[i] {
                    doc.append("Evaluated at \(timeName(end)) = \(formula(end.point)) \(end.isLower ? "+" : "-") \(eps) there (--at-singular clamp).")
                }
            }
        }
        lines += docstring(doc, indent: "        ")
        // The times as float arrays, where the code or a guard uses them.
        let usesTime = { (time: String) in
            !ends.isEmpty || f.isScalar || f.components.contains { $0.form.symbols.contains(time) }
        }
        for (time, python) in zip(f.times, times) where usesTime(time) { lines.append("        \(python) = _as_time(\(python))") }

        // Each singular end: a ValueError, or the limits of the coefficients there.
        var substitutions: [(end: SingularEnd, limits: [String])] = []
        for (end, clamp) in zip(ends, clamps) {
            let where_ = "\(timeName(end)) = \(formula(end.point))"
            let message = "\(className).\(f.name) is undefined at \(where_): \(end.reason)"
            var raiseText = message
            if let clamp {
                switch clamp {
                case .success(let line):
                    lines.append(line)
                    continue
                case .failure(let why):
                    raiseText += "; \(why)"
                }
            }
            if options.atSingular == .limit {
                switch try limits(f, at: end) {
                case .success(let values):
                    substitutions.append((end, values))
                    continue
                case .failure(let why):
                    raiseText += "; \(why)"
                }
            }
            lines.append("        if np.any(\(names[end.variable]!) == \(className).\(end.isLower ? "T_MIN" : "T_MAX")):")
            lines.append("            raise ValueError(\(NumPyModule.pythonString(raiseText)))")
        }
        let guarded = !substitutions.isEmpty
        var body: [String] = []
        var results: [(vector: String, variable: String, constant: Bool)] = []
        for (index, component) in f.components.enumerated() {
            let variable = f.isScalar ? "value" : "k_\(component.vector)"
            if component.form.isZero, !f.isScalar { continue }
            // A coefficient 1 multiplies nothing: the vector is returned as it is.
            if component.form.isOne, !f.isScalar { results.append((component.vector, variable, true)); continue }
            let (code, comment) = try code(component.form, logSNR: f.isLogSNR)
            if let comment { body.append("# " + comment) }
            var text = printer.print(code)
            let constant = !f.times.contains { code.mentions($0) }
            if constant && f.isScalar { text = "_constant(\(text), \(times.joined(separator: ", ")))" }
            body.append("\(variable) = \(text)")
            for s in substitutions where !(constant && !f.isScalar) {
                let test = "\(names[s.end.variable]!) == \(className).\(s.end.isLower ? "T_MIN" : "T_MAX")"
                body.append("\(variable) = np.where(\(test), \(s.limits[index]), \(variable))")
            }
            results.append((component.vector, variable, constant))
        }
        if guarded && !body.isEmpty {
            // The formula is evaluated at the end too before np.where replaces it there.
            lines.append("        with np.errstate(divide=\"ignore\", invalid=\"ignore\"):")
            lines += body.map { "            " + $0 }
        } else {
            lines += body.map { "        " + $0 }
        }
        if f.isScalar {
            lines.append("        return value")
        } else {
            let terms = results.map { r -> String in
                if let form = f.components.first(where: { $0.vector == r.vector })?.form, form.isOne { return r.vector }
                return "\(r.variable) * \(r.vector)"
            }
            let sum = terms.isEmpty ? "0 * " + f.components[0].vector : terms.joined(separator: " + ")
            // Coefficients free of the times would not broadcast over an array of t.
            let timed = f.components.contains { c in !c.form.isZero && f.times.contains { c.form.symbols.contains($0) } }
            lines.append("        return " + (timed ? sum : "_broadcast(\(sum), \(times.joined(separator: ", ")))"))
        }
        return lines
    }

    func timeName(_ end: SingularEnd) -> String { names[end.variable]! }

    /// `--at-singular clamp=EPS`: the time at the end replaced by the end moved inward
    /// by EPS, after sched proves that point inside the domain (else no module) and the
    /// function defined there (else the ValueError, saying so: the clamp must not trade
    /// the error for a NaN or a wrong value).
    mutating func clampLine(_ f: GeneratedFunction, at end: SingularEnd, eps: Rational) throws(CodegenError) -> Result<String, LimitFailure> {
        let model = analysis.model, domain = model.domain
        let where_ = "\(timeName(end)) = \(formula(end.point)) \(end.isLower ? "+" : "-") \(eps)"
        let other = end.isLower ? domain.upper : domain.lower
        guard let moved = try? (end.isLower ? end.point + CanonicalForm(eps) : end.point - CanonicalForm(eps)),
              other.map({ o in
                  let gap = try? (end.isLower ? o - moved : moved - o)
                  return gap?.ball(at: [:], precision: 256).isCertainlyPositive ?? false
              }) ?? true else {
            throw CodegenError("--at-singular clamp=\(eps): \(where_) is not inside the domain of '\(entry.schedule.name)'")
        }
        let definedness = f.definedness.filter { $0.variable == end.variable }
        guard definedness.allSatisfy({ $0.definedness.holds(at: [end.variable: moved], assuming: model.assumptions) == true }) else {
            return .failure(LimitFailure("sched could not prove it defined at \(where_) (--at-singular clamp)"))
        }
        let python = names[end.variable]!, bound = "\(className).\(end.isLower ? "T_MIN" : "T_MAX")"
        return .success("        \(python) = np.where(\(python) == \(bound), \(bound) \(end.isLower ? "+" : "-") \(printer.print(.number(eps))), \(python))")
    }

    /// The one-sided limits of the function's coefficients at the end, as code; the
    /// reason when one is not finite (for a function of vectors) or not proven.
    mutating func limits(_ f: GeneratedFunction, at end: SingularEnd) throws(CodegenError) -> Result<[String], LimitFailure> {
        let limit = OneSidedLimit(variable: end.variable, point: end.point, side: end.isLower ? 1 : -1,
                                  assumptions: analysis.model.assumptions)
        var out: [String] = []
        for component in f.components {
            switch limit.limit(of: component.form) {
            case .finite(let v)?:
                out.append(printer.print(try code(v, logSNR: false).code))
            case .positiveInfinity? where f.isScalar:
                out.append("np.inf")
            case .negativeInfinity? where f.isScalar:
                out.append("-np.inf")
            case .positiveInfinity?, .negativeInfinity?:
                return .failure(LimitFailure("the limit of the coefficient of \(component.vector) there is infinite"))
            case nil:
                return .failure(LimitFailure("sched found no limit there"))
            }
        }
        return .success(out)
    }
}

struct LimitFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
