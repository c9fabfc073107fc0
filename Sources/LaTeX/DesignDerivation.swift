import Exact
import Schedules
import Symbolic

/// `sched latex --design`: the design of linear targets for a schedule's forward
/// process, as a paragraph for a methods section. With V = Var(x_t) = α²s² + σ² and
/// u = −σ·x0 + α·s²·ε (uncorrelated with x_t), every linear target is y = k·x_t + m·u,
/// and then det A = mV, Cov(x_t, y) = kV, Var(y) = V(k² + m²s²), ρ = k/√(k² + m²s²):
/// det A and both amplification factors depend on m alone, ρ on k/m alone. For targets
/// of unit variance Lagrange's identity leaves one trade-off at each time,
/// |σ/det A|·√(1 − ρ²) = σ·s/√V. The schedule's own target is placed by its k and m.
enum DesignDerivation {
    static func render(_ entry: LaTeXSchedule) -> String {
        let a = entry.analysis
        let m = a.model
        let t = LaTeXText.variable(m.time)
        let xt = "\\xat{\(t)}"
        var out = "% \(entry.schedule.name) (\(entry.file)): the design of targets\n"
        out += "\\subsection*{Designing targets for \(entry.title)}\n"
        out += "For the forward process $\(xt) = \\alpha \\xzero + \\sigma \\noise$ with $\\alpha = \(LaTeXText.math(m.alpha, .inline))$, "
        out += "$\\sigma = \(LaTeXText.math(m.sigma, .inline))$ and $\\datavar = \(LaTeXText.math(m.dataVariance, .inline))$, let\n"
        var lines: [String] = []
        if case .success(let v)? = a.quantities["var_x"] {
            lines.append("V &= \\Var(\(xt)) = \\alpha^{2} \\datavar + \\sigma^{2} = \(LaTeXText.math(v))")
        }
        if let alphaS = try? m.alpha * m.dataVariance {
            lines.append("u &= -\\sigma \\xzero + \\alpha \\datavar \\noise = " + LaTeXText.linearCombination([(-m.sigma, "\\xzero"), (alphaS, "\\noise")]))
        }
        out += "\\begin{align*}\n  " + lines.joined(separator: " \\\\\n  ") + "\n\\end{align*}\n"
        out += "which is uncorrelated with $\(xt)$: $\\Cov(\(xt), u) = -\\alpha\\sigma\\datavar + \\sigma\\alpha\\datavar = 0$. "
        out += "Every linear target is $\\target = k\\, \(xt) + m\\, u$, and then\n"
        out += "\\begin{align*}\n"
        out += "  \\detA &= m V, \\qquad \\Cov(\(xt), \\target) = k V, \\qquad \\Var(\\target) = V \\left(k^{2} + m^{2} \\datavar\\right), \\\\\n"
        out += "  \\corr &= \\frac{k}{\\sqrt{k^{2} + m^{2} \\datavar}}, \\qquad \\frac{\\sigma}{\\detA} = \\frac{\\sigma}{m V}, \\qquad \\frac{\\alpha}{\\detA} = \\frac{\\alpha}{m V},\n"
        out += "\\end{align*}\n"
        out += "so $\\detA$, and with it both amplification factors, is set by $m$ alone, and $\\corr$ by $k/m$ alone: "
        out += "any pair $(\\detA, \\corr)$ with $\\detA \\ne 0$ and $|\\corr| < 1$ is reached by exactly one target.\n"
        if case .success(let cov)? = a.quantities["cov"], case .success(let det)? = a.quantities["det"],
           case .success(let v)? = a.quantities["var_x"], let k = try? cov / v, let mm = try? det / v {
            out += "This schedule's target $\\target = \(LaTeXText.linearCombination([(m.c, "\\xzero"), (m.d, "\\noise")], style: .inline))$ has\n"
            out += "\\begin{align*}\n  k &= \\frac{\\Cov(\(xt), \\target)}{V} = \(LaTeXText.math(k)), \\\\\n  m &= \\frac{\\detA}{V} = \(LaTeXText.math(mm)).\n\\end{align*}\n"
        }
        out += "For targets normalized to $\\Var(\\target) = 1$, as EDM does, Lagrange's identity leaves one trade-off at each time, "
        out += "between the amplification of an error in $\\xzerohat$ and the correlation:\n"
        if let s = try? CanonicalForm.sqrt(m.dataVariance, assuming: m.assumptions), case .success(let v)? = a.quantities["var_x"],
           let root = try? CanonicalForm.sqrt(v, assuming: m.assumptions), let frontier = try? m.sigma * s / root {
            out += "\\begin{align*}\n  \\left|\\frac{\\sigma}{\\detA}\\right| \\sqrt{1 - \\corr^{2}} &= \\frac{\\sigma \\sqrt{\\datavar}}{\\sqrt{V}} = \(LaTeXText.math(frontier)).\n\\end{align*}\n"
        } else {
            out += "\\begin{align*}\n  \\left|\\frac{\\sigma}{\\detA}\\right| \\sqrt{1 - \\corr^{2}} &= \\frac{\\sigma \\sqrt{\\datavar}}{\\sqrt{V}}.\n\\end{align*}\n"
        }
        return out
    }
}
