import Schedules
import Symbolic

/// Table I of the paper, one row per schedule: model, α, σ, target c·x0 + d·ε, det A,
/// ρ and the amplification σ/det A, with `\tfrac` in the cells and booktabs rules.
public enum Table {
    /// One row's cells before typesetting: the canonical forms the analysis derived
    /// (nil where a quantity is undefined), so that tests can check them against it.
    public struct Row: Sendable {
        public var model: String
        public var alpha: CanonicalForm?
        public var sigma: CanonicalForm?
        public var c: CanonicalForm?
        public var d: CanonicalForm?
        public var det: CanonicalForm?
        public var rho: CanonicalForm?
        public var amplification: CanonicalForm?
    }

    public static func row(_ entry: LaTeXSchedule) -> Row {
        func q(_ name: String) -> CanonicalForm? {
            if case .success(let f)? = entry.analysis.quantities[name] { return f }
            return nil
        }
        return Row(model: entry.title + entry.citation, alpha: q("alpha"), sigma: q("sigma"), c: q("c"), d: q("d"),
                   det: q("det"), rho: q("rho"), amplification: q("amp_x0"))
    }

    /// A cell: the form in text style, or a dash where it is undefined.
    static func cell(_ f: CanonicalForm?) -> String {
        f.map { LaTeXText.math($0, .inline) } ?? "\\text{---}"
    }

    /// The target c·x0 + d·ε; a long one is set on two lines.
    static func targetCell(_ row: Row) -> String {
        guard let c = row.c, let d = row.d else { return "\\text{---}" }
        let whole = LaTeXText.linearCombination([(c, "\\xzero"), (d, "\\noise")], style: .inline)
        guard visibleLength(whole) > 22, !c.isZero, !d.isZero else { return whole }
        let first = LaTeXText.linearCombination([(c, "\\xzero")], style: .inline)
        var second = LaTeXText.linearCombination([(d, "\\noise")], style: .inline)
        second = second.hasPrefix("-") ? "{} " + second : "{} + " + second
        return "\\begin{array}[t]{@{}l@{}} \(first) \\\\ \(second) \\end{array}"
    }

    /// A rough count of the printed glyphs of LaTeX math, to decide where to wrap.
    static func visibleLength(_ latex: String) -> Int {
        var count = 0
        var i = latex.startIndex
        while i < latex.endIndex {
            let ch = latex[i]
            if ch == "\\" {
                var j = latex.index(after: i)
                while j < latex.endIndex, latex[j].isLetter { j = latex.index(after: j) }
                let name = latex[latex.index(after: i)..<j]
                switch String(name) {
                case "frac", "tfrac", "left", "right", "sqrt": break
                case "sin", "cos", "tan", "log", "exp", "det", "sinh", "cosh", "tanh": count += name.count
                default: count += 1   // a Greek letter, a symbol, a macro
                }
                i = j
                continue
            }
            if ch != " " && ch != "{" && ch != "}" && ch != "^" && ch != "_" { count += 1 }
            i = latex.index(after: i)
        }
        return count
    }

    static func render(_ entries: [LaTeXSchedule]) -> String {
        var out = "% Table I: the unified linear model of each schedule (one row per schedule).\n"
        out += "\\begin{table*}[!t]\n"
        out += "  \\centering\n"
        out += "  \\footnotesize\n"
        out += "  \\renewcommand{\\arraystretch}{1.4}\n"
        out += "  \\begin{tabular}{@{}>{\\raggedright\\arraybackslash}p{3.6cm}*{6}{>{$}l<{$}}@{}}\n"
        out += "    \\toprule\n"
        out += "    Model & \\alpha & \\sigma & \\text{target } c \\xzero + d \\noise & \\detA & \\corr & \\sigma / \\detA \\\\\n"
        out += "    \\midrule\n"
        for entry in entries {
            let r = row(entry)
            let cells = [r.model, cell(r.alpha), cell(r.sigma), targetCell(r), cell(r.det), cell(r.rho), cell(r.amplification)]
            out += "    % \(entry.schedule.name)\n"
            out += "    " + cells.joined(separator: " & ") + " \\\\\n"
        }
        out += "    \\bottomrule\n"
        out += "  \\end{tabular}\n"
        out += "  \\caption{The schedules in the unified linear model: $\\xat{t} = \\alpha \\xzero + \\sigma \\noise$, "
        out += "the network learns $\\target = c \\xzero + d \\noise$, $\\detA = \\alpha d - \\sigma c$; "
        out += "$\\corr$ is the correlation of $\\xat{t}$ and $\\target$, $\\sigma / \\detA$ the amplification of an error "
        out += "in the network's output into $\\xzerohat$. Derived and simplified exactly by sched.}\n"
        out += "  \\label{tab:sched-models}\n"
        out += "\\end{table*}\n"
        return out
    }
}
