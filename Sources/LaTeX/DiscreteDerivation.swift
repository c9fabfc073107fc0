import Exact
import Schedules
import Symbolic

/// A discrete-time schedule (`step n in 0..999`, or a diffusers config) with its
/// step-by-step analysis, as `sched latex` takes it.
public struct DiscreteLaTeXSchedule: Sendable {
    public var schedule: DiscreteSchedule
    public var analysis: DiscreteAnalysis
    /// The file it came from, for comments in the output.
    public var file: String
    /// Correct digits of the end values.
    public var digits: Int

    public init(schedule: DiscreteSchedule, file: String, digits: Int = 10) {
        self.schedule = schedule
        self.file = file
        self.digits = digits
        analysis = DiscreteAnalysis.withDigits(schedule, digits: digits, steps: [schedule.first, schedule.last],
                                               quantities: ["alpha", "sigma", "snr", "det", "rho"])
    }
}

/// The derivation of a discrete-time schedule: each let as a sequence (ᾱ_n as the
/// product ∏_{k=0}^{n}(1 − β_k)), α_n, σ_n, A_n, det A_n, SNR_n and ρ_n over the
/// lets, the zero sets on the steps (decided step by step, exactly or by certified
/// balls), the values at the first and last step, and the sampler's timesteps.
enum DiscreteDerivation {
    /// Forms longer than this (in ASCII characters) are given by their definition.
    static let maximumFormLength = 150

    static func render(_ entry: DiscreteLaTeXSchedule) -> String {
        let s = entry.schedule
        let n = s.stepName
        let names = Set(s.lets.map(\.name))
        func math(_ e: Expr, at index: String) -> String { Self.math(e, index: index, lets: names) }
        func sequence(_ name: String, _ index: String) -> String { Self.sequence(name, index: index) }

        var out = "% \(s.name) (\(entry.file))\n"
        out += "\\subsection*{\(LaTeXText.escape(s.title ?? s.name))}\n"
        out += "Steps $\(LaTeXText.variable(n)) \\in \\{\(s.first), \\dots, \(s.last)\\}$ (\(s.count) steps), data variance $\\datavar = 1$.\n"

        var lines: [String] = []
        for l in s.lets {
            let lhs = sequence(l.name, LaTeXText.variable(n))
            switch l.kind {
            case .expression(let e): lines.append("\(lhs) &= \(math(e, at: n))")
            case .cumulativeProduct(let e):
                lines.append("\(lhs) &= \\prod_{k=\(s.first)}^{\(LaTeXText.variable(n))} \\left(\(math(e.substituting([n: .variable("k")]), at: "k"))\\right)")
            case .cumulativeSum(let e):
                lines.append("\(lhs) &= \\sum_{k=\(s.first)}^{\(LaTeXText.variable(n))} \\left(\(math(e.substituting([n: .variable("k")]), at: "k"))\\right)")
            case .minimum(let a, let b): lines.append("\(lhs) &= \\min\\left(\(math(a, at: n)),\\ \(math(b, at: n))\\right)")
            case .maximum(let a, let b): lines.append("\(lhs) &= \\max\\left(\(math(a, at: n)),\\ \(math(b, at: n))\\right)")
            case .list(let values):
                let shown = values.prefix(3).map { LaTeXText.escape($0.description) }.joined(separator: ",\\ ")
                lines.append("\(lhs) &= \\text{the \(values.count) listed values: } \(shown)\(values.count > 3 ? ",\\ \\dots" : "")")
            }
        }
        let index = LaTeXText.variable(n)
        /// The quantity over the lets, unless too long to read.
        func form(_ name: String) -> String? {
            if case .success(let f)? = entry.analysis.evaluation.forms[name], printASCII(f.expression).count <= maximumFormLength {
                return math(f.expression, at: n)
            }
            return nil
        }
        lines.append("\\alpha_{\(index)} &= \(math(s.alpha, at: n)), \\qquad \\sigma_{\(index)} = \(math(s.sigma, at: n))")
        lines.append("\\Amat_{\(index)} &= \\begin{pmatrix} \\alpha_{\(index)} & \\sigma_{\(index)} \\\\ \(math(s.c, at: n)) & \(math(s.d, at: n)) \\end{pmatrix}")
        lines.append("\\detA_{\(index)} &= \\alpha_{\(index)} d_{\(index)} - \\sigma_{\(index)} c_{\(index)}" + (form("det").map { " = " + $0 } ?? ""))
        lines.append("\\mathrm{SNR}_{\(index)} &= \\frac{\\alpha_{\(index)}^{2}}{\\sigma_{\(index)}^{2}}" + (form("snr").map { " = " + $0 } ?? ""))
        lines.append("\\corr_{\(index)} &= \\frac{\\Cov(\\xat{\(index)}, \\target)}{\\sqrt{\\Var(\\xat{\(index)}) \\Var(\\target)}}" + (form("rho").map { " = " + $0 } ?? ""))
        out += "\\begin{align*}\n  " + lines.joined(separator: " \\\\\n  ") + "\n\\end{align*}\n"

        // Zero sets on the steps.
        var facts: [String] = []
        for (q, symbol) in [("det", "\\detA_{\(index)}"), ("rho", "\\corr_{\(index)}"), ("alpha", "\\alpha_{\(index)}")] {
            let z = entry.analysis.zeroSet(of: q)
            var set = z.zeros.isEmpty ? "\\emptyset" : "\\{\(DiscreteAnalysis.stepSet(z.zeros).dropFirst().dropLast())\\}"
            set = set.replacingOccurrences(of: "…", with: "\\dots")
            let note = z.isComplete ? "every step decided" : "not decided at \(z.undecided.count + z.undecidedDefinedness.count) steps"
            facts.append("\\{\\, \(index) : \(symbol) = 0 \\,\\} &= \(set) && \\text{(\(note))}")
        }
        for k in [s.first, s.last] {
            func values(_ pairs: [(String, String)]) -> String {
                pairs.map { q, symbol in "\(symbol)_{\(k)} " + value(entry.analysis.evaluation.value(of: q, at: k), digits: entry.digits) }
                    .joined(separator: ",\\ ")
            }
            facts.append("\(index) = \(k): &\\quad " + values([("alpha", "\\alpha"), ("sigma", "\\sigma")]))
            facts.append("&\\quad " + values([("snr", "\\mathrm{SNR}"), ("det", "\\detA")]))
        }
        out += "Zeros on the steps and the values at the first and last step:\n"
        out += "\\begin{align*}\n  " + facts.joined(separator: " \\\\\n  ") + "\n\\end{align*}\n"
        if let plan = s.sampling {
            let t = plan.timesteps(trainSteps: s.count).map { $0 + s.first }
            let shown = t.count <= 4 ? t.map(String.init).joined(separator: ", ")
                : t.prefix(3).map(String.init).joined(separator: ", ") + ", \\dots, " + String(t.last!)
            out += "Sampling: \(plan.steps) steps, \(plan.spacing.rawValue) spacing"
            out += plan.offset == 0 ? "" : ", offset \(plan.offset)"
            out += ", timesteps $\(shown)$; the last step lands "
            out += plan.final == .data ? "on the data ($\\sigma = 0$).\n" : "at the noise level of step $\(s.first)$, not on the data.\n"
        }
        return out
    }

    /// `= 1/2` for short exact values, `\approx 0.5` for certified ones.
    static func value(_ r: Result<StepValue, StepFailure>, digits: Int) -> String {
        switch r {
        case .success(.exact(let q)):
            let text = q.description
            if text.count <= 24 {
                return q.isInteger ? "= \(text)" : "= \\tfrac{\(q.numerator)}{\(q.denominator)}"
            }
            return "\\approx " + q.decimalString(significantDigits: digits)
        case .success(.ball(let b)): return b.isExactlyZero ? "= 0" : "\\approx " + scientific(b.decimalString(digits: digits))
        case .failure(.undefined): return "\\text{ undefined}"
        case .failure(.unknown): return "\\text{ unknown}"
        }
    }

    /// `1.2e-5` as `1.2 \cdot 10^{-5}`.
    static func scientific(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        let exponent = text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")
        return "\(text[..<e]) \\cdot 10^{\(exponent)}"
    }

    /// The expression with each let `v` at step `index` printed `v_{index}`, and a let
    /// at a constant step (`abar@999`) as `v_{999}`.
    static func math(_ e: Expr, index: String, lets: Set<String>) -> String {
        var bindings: [String: Expr] = [:]
        for v in e.freeVariables.sorted() {
            if lets.contains(v) { bindings[v] = .variable(placeholder(v, index)) }
            if let at = v.firstIndex(of: "@"), lets.contains(String(v[..<at])) {
                bindings[v] = .variable(placeholder(String(v[..<at]), String(v[v.index(after: at)...])))
            }
        }
        var text = printLaTeX(LaTeXText.presentable(e.substituting(bindings)))
        for v in e.freeVariables.sorted() {
            let (name, i) = v.firstIndex(of: "@").map { (String(v[..<$0]), String(v[v.index(after: $0)...])) } ?? (v, index)
            guard lets.contains(name) else { continue }
            text = text.replacingOccurrences(of: printLaTeX(.variable(placeholder(name, i))), with: sequence(name, index: i))
        }
        return text
    }

    /// A name the printer leaves alone, replaced by `sequence` after printing.
    static func placeholder(_ name: String, _ index: String) -> String {
        "zzlet" + String(name.unicodeScalars.map { String($0.value, radix: 36) }.joined(separator: "y")) + "x" + index
    }

    /// `\beta_{n}`, `\bar{\alpha}_{n}` (diffusers' alphas_cumprod, `abar`), `root_{999}`.
    static func sequence(_ name: String, index: String) -> String {
        var head = name
        var rest = ""
        if let underscore = name.firstIndex(of: "_") {
            head = String(name[..<underscore])
            rest = String(name[name.index(after: underscore)...]).replacingOccurrences(of: "_", with: " ")
        }
        let base: String
        switch head {
        case "abar", "alphabar": base = "\\bar{\\alpha}"
        default:
            let printed = printLaTeX(.variable(head))
            base = printed.hasPrefix("\\") || head.count == 1 ? printed : "\\mathrm{\(LaTeXText.escape(head))}"
        }
        let subscriptText = rest.isEmpty ? index : "\\mathrm{\(LaTeXText.escape(rest))},\\,\(index)"
        return "{\(base)}_{\(subscriptText)}"
    }
}
