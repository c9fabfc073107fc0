import Exact
import Foundation
import Schedules
import Symbolic

/// A pgfplots figure: one axis per quantity, one curve per schedule over its domain
/// (rescaled to [0, 1] when the domains differ), points from certified ball
/// evaluations, the exact zeros marked.
enum Plot {
    /// Intervals per curve before refinement: smooth at the figure's size.
    static let intervals = 200
    static let precision = 128
    /// Rounds of bisection where a curve is steep.
    static let refinements = 6

    /// How each quantity is labelled on its axis.
    static let labels: [String: String] = [
        "alpha": "\\alpha", "sigma": "\\sigma", "c": "c", "d": "d", "det": "\\detA",
        "cov": "\\Cov(\\xat{t}, \\target)", "var_x": "\\Var(\\xat{t})", "var_y": "\\Var(\\target)",
        "rho": "\\corr", "snr": "\\alpha^{2} / \\sigma^{2}", "logsnr": "\\log(\\alpha^{2} / \\sigma^{2})",
        "amp_x0": "\\sigma / \\detA", "amp_eps": "\\alpha / \\detA", "weight_eps": "(\\detA / \\alpha)^{2}",
        "weight_x0": "(\\detA / \\sigma)^{2}", "data_variance": "\\datavar",
    ]

    /// The domain as balls, when both ends are finite.
    static func ends(_ entry: LaTeXSchedule) -> (lower: Ball, upper: Ball)? {
        guard let l = entry.schedule.time.lower, let u = entry.schedule.time.upper else { return nil }
        return (l.ball(at: [:], precision: precision), u.ball(at: [:], precision: precision))
    }

    static func render(_ entries: [LaTeXSchedule], quantities: [String]) -> String {
        let finite = entries.filter { ends($0) != nil }
        let domainKeys = Set(finite.map { e in "\(e.schedule.time.lower!.key)|\(e.schedule.time.upper!.key)" })
        let rescale = domainKeys.count > 1
        let names = Set(finite.map(\.schedule.time.name))
        let xlabel: String
        if rescale {
            xlabel = "time rescaled to $[0, 1]$: $(t - t_{\\min}) / (t_{\\max} - t_{\\min})$"
        } else {
            xlabel = names.count == 1 ? "$\(LaTeXText.variable(names.first!))$" : "time"
        }
        var out = "% Figure: \(quantities.joined(separator: ", ")) over time, one curve per schedule.\n"
        out += "% Points are midpoints of certified ball enclosures (radius below 1e-12 relative); black dots are exact zeros.\n"
        out += "\\begin{figure}[t]\n"
        out += "  \\centering\n"
        for (k, quantity) in quantities.enumerated() {
            if k > 0 { out += "\n  \\medskip\n" }
            out += axis(entries, quantity: quantity, rescale: rescale, xlabel: xlabel)
        }
        let what = quantities.map { "$\(labels[$0] ?? $0)$" }.joined(separator: ", ")
        out += "  \\caption{\(what) over time"
        out += rescale ? ", each schedule's domain rescaled to $[0, 1]$" : ""
        out += "; exact zeros are marked. Values computed with certified interval arithmetic by sched.}\n"
        out += "  \\label{fig:sched-\(quantities.joined(separator: "-").replacingOccurrences(of: "_", with: ""))}\n"
        out += "\\end{figure}\n"
        return out
    }

    static func axis(_ entries: [LaTeXSchedule], quantity: String, rescale: Bool, xlabel: String) -> String {
        var out = "  % \(quantity)\n"
        out += "  \\begin{tikzpicture}\n"
        out += "    \\begin{axis}[\n"
        out += "      width=0.6\\textwidth, height=6.5cm,\n"
        out += "      xlabel={\(xlabel)},\n"
        out += "      ylabel={$\(labels[quantity] ?? quantity)$},\n"
        if rescale { out += "      xmin=0, xmax=1,\n" }
        out += "      unbounded coords=jump,\n"
        out += "      legend pos=outer north east,\n"
        out += "      legend cell align=left,\n"
        out += "      legend style={font=\\scriptsize},\n"
        out += "    ]\n"
        for (index, entry) in entries.enumerated() {
            out += curve(entry, style: style(index), quantity: quantity, rescale: rescale)
        }
        out += "    \\end{axis}\n"
        out += "  \\end{tikzpicture}\n"
        return out
    }

    static func curve(_ entry: LaTeXSchedule, style: String, quantity: String, rescale: Bool) -> String {
        let name = entry.schedule.name
        guard let (lower, upper) = ends(entry) else { return "    % \(name): skipped (infinite domain)\n" }
        guard case .success(let f)? = entry.analysis.quantities[quantity] else {
            return "    % \(name): skipped (\(quantity) is undefined)\n"
        }
        let time = entry.analysis.model.time
        let free = f.symbols.subtracting([time])
        guard free.isEmpty else {
            return "    % \(name): skipped (\(quantity) depends on \(free.sorted().joined(separator: ", ")); bind it with --param)\n"
        }
        let width = upper - lower
        func sample(_ u: Rational) -> (x: Double, y: Double?) {
            let t = u.isOne ? upper : lower + width * u
            return (rescale ? u.doubleValue : t.doubleValue, certified(f.ball(atBalls: [time: t], precision: precision)))
        }
        var samples = (0...intervals).map { i -> (u: Rational, x: Double, y: Double?) in
            let u = Rational(i, intervals)
            let s = sample(u)
            return (u, s.x, s.y)
        }
        // Where the curve moves more than 1/50 of its range between neighbours (a
        // spike squeezed into a corner of a rescaled domain), bisect, a few times.
        let values = samples.compactMap(\.y)
        if let low = values.min(), let high = values.max(), high > low {
            let step = (high - low) / 50
            for _ in 0..<refinements {
                var refined: [(u: Rational, x: Double, y: Double?)] = []
                for (a, b) in zip(samples, samples.dropFirst()) {
                    refined.append(a)
                    if let ya = a.y, let yb = b.y, abs(yb - ya) > step {
                        let u = (a.u + b.u) * Rational(1, 2)
                        let s = sample(u)
                        refined.append((u, s.x, s.y))
                    }
                }
                refined.append(samples[samples.count - 1])
                if refined.count == samples.count { break }
                samples = refined
            }
        }
        var points: [String] = []
        for (i, p) in samples.enumerated() {
            if let y = p.y {
                points.append("(\(LaTeXText.coordinate(p.x)), \(LaTeXText.coordinate(y)))")
            } else if i > 0 && i < samples.count - 1 {
                points.append("(\(LaTeXText.coordinate(p.x)), nan)")   // a gap, not a straight line across it
            }
        }
        var out = "    % \(name)\n"
        out += "    \\addplot[\(style), thick] coordinates {\n"
        for row in stride(from: 0, to: points.count, by: 4) {
            out += "      " + points[row..<min(row + 4, points.count)].joined(separator: " ") + "\n"
        }
        out += "    };\n"
        out += "    \\addlegendentry{\(entry.title)}\n"
        if let zeros = entry.analysis.zeros[quantity], !zeros.identicallyZero, !zeros.points.isEmpty {
            let marks = zeros.points.map { p -> String in
                let z: Double
                switch p.location {
                case .exact(let form): z = form.ball(at: [:], precision: precision).doubleValue
                case .enclosure(let l, let u, _): z = ((l + u) * Rational(1, 2)).doubleValue
                }
                let x = rescale ? (z - lower.doubleValue) / width.doubleValue : z
                return "(\(LaTeXText.coordinate(x)), 0)"
            }
            out += "    \\addplot[only marks, mark=*, mark size=1.8pt, black, forget plot] coordinates {\(marks.joined(separator: " "))};\n"
        }
        return out
    }

    /// The style of the curve of the schedule at `index`, the same on every axis:
    /// ten colours, then dashed, dotted and dash-dotted.
    static func style(_ index: Int) -> String {
        let colors = ["blue", "red", "black", "teal", "orange", "violet", "brown", "magenta", "olive", "gray"]
        let patterns = ["solid", "dashed", "dotted", "dashdotted"]
        return "\(colors[index % colors.count]), \(patterns[(index / colors.count) % patterns.count])"
    }

    /// The midpoint of a ball accurate to 1e-12 (relative, or absolute near 0), else nil.
    static func certified(_ b: Ball) -> Double? {
        guard b.isFinite, !b.isIndeterminate, let radius = b.radius, let mid = b.midpoint else { return nil }
        let scale = Swift.max(1, abs(mid.doubleValue))
        guard radius.doubleValue <= 1e-12 * scale else { return nil }
        return mid.doubleValue
    }
}
