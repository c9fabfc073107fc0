import Exact
import Schedules
import Symbolic

/// The derivation of one schedule in amsmath: A(t), det A, A⁻¹ and the recovered
/// x̂0 and ε̂, the one-step update, amplification, second moments and ρ, Lagrange's
/// identity instantiated, the zero sets and the end values.
enum Derivation {
    static func render(_ entry: LaTeXSchedule) -> String {
        let a = entry.analysis
        let m = a.model
        let t = LaTeXText.variable(m.time)
        let s = LaTeXText.variable(a.secondTime)
        let xt = "\\xat{\(t)}"
        func value(_ r: Result<CanonicalForm, SimplificationError>?) -> String {
            if case .success(let f)? = r { return LaTeXText.math(f) }
            return "\\text{undefined}"
        }
        let undefined = "\\text{undefined (}\\detA \\equiv 0\\text{)}"

        var out = "% \(entry.schedule.name) (\(entry.file))\n"
        out += "\\subsection*{\(entry.title)\(entry.citation)}\n"
        out += "Time $\(t) \\in \(LaTeXText.interval(entry.schedule.time))$"
        if !m.dataVariance.isOne { out += ", data variance $\\datavar = \(LaTeXText.math(m.dataVariance))$" }
        out += ".\n"

        var lines: [String] = []
        // The two equations.
        lines.append("\\begin{pmatrix} \(xt) \\\\ \\target \\end{pmatrix} &= \\Amat(\(t)) \\begin{pmatrix} \\xzero \\\\ \\noise \\end{pmatrix}")
        lines.append("\\Amat(\(t)) &= \\begin{pmatrix} \(LaTeXText.math(m.alpha)) & \(LaTeXText.math(m.sigma)) \\\\ \(LaTeXText.math(m.c)) & \(LaTeXText.math(m.d)) \\end{pmatrix}")
        lines.append("\\detA &= \\alpha d - \\sigma c = \(value(a.quantities["det"]))")
        // Inverse.
        let inverseDefined: Bool = { if case .success? = a.quantities["det"], case .success? = a.inverse["x0_from_xt"] { return true }; return false }()
        if inverseDefined {
            lines.append("\\Amat^{-1} &= \\frac{1}{\\detA} \\begin{pmatrix} d & -\\sigma \\\\ -c & \\alpha \\end{pmatrix} = \\begin{pmatrix} "
                + "\(value(a.inverse["x0_from_xt"])) & \(value(a.inverse["x0_from_target"])) \\\\ "
                + "\(value(a.inverse["eps_from_xt"])) & \(value(a.inverse["eps_from_target"])) \\end{pmatrix}")
            lines.append("\\xzerohat &= \(combination(a.inverse, ["x0_from_xt", "x0_from_target"], [xt, "\\yhat"]))")
            lines.append("\\noisehat &= \(combination(a.inverse, ["eps_from_xt", "eps_from_target"], [xt, "\\yhat"]))")
            lines.append("\\xat{\(s)} &= \\alpha(\(s)) \\xzerohat + \\sigma(\(s)) \\noisehat")
            lines += stepLines(a, xt: xt)
            lines.append("\\frac{\\sigma}{\\detA} &= \(value(a.quantities["amp_x0"])), \\qquad \\frac{\\alpha}{\\detA} = \(value(a.quantities["amp_eps"]))")
        } else {
            lines.append("\\Amat^{-1} &\\quad \(undefined)")
        }
        lines.append("\\Cov(\(xt), \\target) &= \\alpha c \\datavar + \\sigma d = \(value(a.quantities["cov"]))")
        lines.append("\\Var(\(xt)) &= \\alpha^{2} \\datavar + \\sigma^{2} = \(value(a.quantities["var_x"]))")
        lines.append("\\Var(\\target) &= c^{2} \\datavar + d^{2} = \(value(a.quantities["var_y"]))")
        lines.append("\\corr &= \\frac{\\Cov(\(xt), \\target)}{\\sqrt{\\Var(\(xt)) \\Var(\\target)}} = \(value(a.quantities["rho"]))")
        out += "\\begin{align*}\n  " + lines.joined(separator: " \\\\\n  ") + "\n\\end{align*}\n"

        // Lagrange's identity.
        out += "Lagrange's identity, $1 - \\corr^{2} = \\datavar \\detA^{2} / (\\Var(\(xt)) \\Var(\\target))$, instantiated"
        out += a.lagrangeIdentity.isProvenZero ? " (proven):\n" : " (not proven: \(LaTeXText.escape("\(a.lagrangeIdentity)"))):\n"
        out += "\\begin{align*}\n  " + identity(a, xt: xt).joined(separator: " \\\\\n  ") + "\n\\end{align*}\n"

        // Zero sets and ends.
        var facts: [String] = []
        for (name, symbol) in [("det", "\\detA"), ("rho", "\\corr")] {
            facts.append("\\{\\, \(t) : \(symbol) = 0 \\,\\} &= \(zeroSet(a.zeros[name]!, t: t, domain: entry.schedule.time))")
        }
        for (label, values, bound) in [("lower", a.ends.lower, entry.schedule.time.lower), ("upper", a.ends.upper, entry.schedule.time.upper)] {
            let at = bound.map { LaTeXText.math($0) } ?? (label == "lower" ? "-\\infty" : "\\infty")
            let shown = [("alpha", "\\alpha"), ("sigma", "\\sigma"), ("det", "\\detA"), ("rho", "\\corr")].map { name, symbol -> String in
                switch values[name] {
                case .exact(let f)?: return "\(symbol) = \(LaTeXText.math(f))"
                default: return "\(symbol) \\text{ not determined}"
                }
            }
            let line = shown.joined(separator: ", \\quad ")
            facts.append("\(t) = \(at)\\colon &\\quad " + (Table.visibleLength(line) <= 60 ? line
                : shown[0..<2].joined(separator: ", \\quad ") + ", \\\\\n    &\\quad " + shown[2...].joined(separator: ", \\quad ")))
        }
        out += "\\begin{align*}\n  " + facts.joined(separator: " \\\\\n  ") + "\n\\end{align*}\n"
        for (name, symbol) in [("det", "\\detA"), ("rho", "\\corr")] {
            if let z = a.zeros[name], !z.complete {
                out += "The zero set of $\(symbol)$ is not proven complete" + (z.note.map { ": " + LaTeXText.escape($0) } ?? "") + ".\n"
            }
        }
        return out
    }

    /// The one-step update; a long one with one term per line: `&= a x_t` and `&\qquad + b ŷ`.
    static func stepLines(_ a: ModelAnalysis, xt: String) -> [String] {
        guard case .success(let fromXt)? = a.step["from_xt"], case .success(let fromTarget)? = a.step["from_target"] else {
            return ["&= \\text{undefined}"]
        }
        if fromXt.isZero || fromTarget.isZero {
            return ["&= " + LaTeXText.linearCombination([(fromXt, xt), (fromTarget, "\\yhat")])]
        }
        let whole = LaTeXText.linearCombination([(fromXt, xt), (fromTarget, "\\yhat")])
        if Table.visibleLength(whole) <= 50 { return ["&= " + whole] }
        let second = LaTeXText.linearCombination([(fromTarget, "\\yhat")])
        return ["&= " + LaTeXText.linearCombination([(fromXt, xt)]),
                "&\\qquad " + (second.hasPrefix("-") ? second : "+ " + second)]
    }

    static func combination(_ forms: [String: Result<CanonicalForm, SimplificationError>], _ names: [String], _ symbols: [String]) -> String {
        var terms: [(CanonicalForm, String)] = []
        for (name, symbol) in zip(names, symbols) {
            guard case .success(let f)? = forms[name] else { return "\\text{undefined}" }
            terms.append((f, symbol))
        }
        return LaTeXText.linearCombination(terms)
    }

    /// `1 - ρ² = Var(x0)·det²/(Var·Var)` with this schedule's forms, and the common value.
    static func identity(_ a: ModelAnalysis, xt: String) -> [String] {
        guard case .success(let rho)? = a.quantities["rho"], case .success(let det)? = a.quantities["det"],
              case .success(let vx)? = a.quantities["var_x"], case .success(let vy)? = a.quantities["var_y"] else {
            return ["&\\text{(some quantity is undefined)}"]
        }
        let left = Expr.binary(.subtract, .number(1), .binary(.power, rho.expression, .number(2)))
        var numerator = det.isOne ? Expr.number(1) : Expr.binary(.power, det.expression, .number(2))
        if !a.model.dataVariance.isOne { numerator = .binary(.multiply, a.model.dataVariance.expression, numerator) }
        let right = Expr.binary(.divide, numerator, .binary(.multiply, vx.expression, vy.expression))
        var lines = [printLaTeX(left) + " &= " + printLaTeX(right)]
        if let common = try? CanonicalForm.one - rho.power(2) { lines.append("&= " + LaTeXText.math(common)) }
        return lines
    }

    /// The zero set: ∅, the domain (identically zero), exact points, or enclosures.
    static func zeroSet(_ z: ZeroSet, t: String, domain: TimeDomain) -> String {
        if z.identicallyZero { return "\(LaTeXText.interval(domain)) \\quad \\text{(identically zero)}" }
        var exact: [String] = []
        var enclosed: [String] = []
        for p in z.points {
            switch p.location {
            case .exact(let f):
                exact.append(LaTeXText.math(f))
            case .enclosure(let lower, let upper, let minimal):
                let k = exact.count + enclosed.count + 1
                var text = "\(t)_{\(k)} \\in \\left(\(LaTeXText.decimal(lower, digits: 10, up: false)), \(LaTeXText.decimal(upper, digits: 10, up: true))\\right)"
                if let minimal, let e = ExpressionParser.parse(minimal.primitivePart.description(variable: domain.name)).expression {
                    text += ",\\ \\text{a root of } " + printLaTeX(e)
                }
                exact.append("\(t)_{\(k)}")
                enclosed.append(text)
            }
        }
        var text = exact.isEmpty ? "\\emptyset" : "\\left\\{" + exact.joined(separator: ", ") + "\\right\\}"
        if !enclosed.isEmpty { text += ", \\quad " + enclosed.joined(separator: ", \\quad ") }
        if !z.complete { text += " \\quad \\text{(not proven complete)}" }
        return text
    }
}
