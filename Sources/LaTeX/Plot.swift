import Exact
import Foundation
import Schedules
import Symbolic

/// A pgfplots figure: one axis per quantity and time domain, one curve per schedule
/// over its own time (never rescaled: EDM's [1/500, 80] keeps its units, on a log time
/// axis since it spans decades), points from certified ball evaluations, the exact
/// zeros marked. Curves differ in colour (Okabe–Ito, safe for colour-blind readers),
/// dash pattern and mark, so that they stay apart in grey print; a y axis whose
/// positive values span more than three decades is logarithmic.
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

    /// Okabe & Ito's palette (2008), distinguishable with every common colour-vision
    /// deficiency; black is left for the zero marks.
    static let palette: [(name: String, hex: String)] = [
        ("schedBlue", "0072B2"), ("schedVermillion", "D55E00"), ("schedGreen", "009E73"), ("schedPurple", "CC79A7"),
        ("schedOrange", "E69F00"), ("schedSky", "56B4E9"), ("schedYellow", "F0E442"),
    ]
    static let patterns = ["solid", "dashed", "dotted", "dashdotted", "densely dashed", "loosely dotted", "densely dashdotted"]
    static let marks = ["none", "o", "square", "triangle", "diamond", "x", "pentagon"]

    static func render(_ entries: [LaTeXSchedule], quantities: [String]) -> String {
        // Schedules that share a time domain share an axis; the others get their own,
        // in their own units (no rescaling to [0, 1]).
        var groups: [(key: String, entries: [(index: Int, entry: LaTeXSchedule)])] = []
        for (index, e) in entries.enumerated() {
            let key = "\(e.schedule.time.name)|\(e.schedule.time.lower?.key ?? "-inf")|\(e.schedule.time.upper?.key ?? "inf")"
            if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].entries.append((index, e)) } else { groups.append((key, [(index, e)])) }
        }
        var out = "% Figure: \(quantities.joined(separator: ", ")) over time, one curve per schedule.\n"
        out += "% Points are midpoints of certified ball enclosures (radius below 1e-12 relative); black dots are exact zeros.\n"
        out += "\\begin{figure}[t]\n"
        out += "  \\centering\n"
        for c in palette { out += "  \\definecolor{\(c.name)}{HTML}{\(c.hex)}\n" }
        var first = true
        for quantity in quantities {
            for group in groups {
                if !first { out += "\n  \\medskip\n" }
                first = false
                out += axis(group.entries, quantity: quantity)
            }
        }
        let what = quantities.map { "$\(labels[$0] ?? $0)$" }.joined(separator: ", ")
        out += "  \\caption{\(what) over time"
        out += groups.count > 1 ? ", one axis per time domain" : ""
        out += "; exact zeros are marked. Values computed with certified interval arithmetic by sched.}\n"
        out += "  \\label{fig:sched-\(quantities.joined(separator: "-").replacingOccurrences(of: "_", with: ""))}\n"
        out += "\\end{figure}\n"
        return out
    }

    static func axis(_ group: [(index: Int, entry: LaTeXSchedule)], quantity: String) -> String {
        let first = group[0].entry
        let xlabel = "$\(LaTeXText.variable(first.schedule.time.name))$"
        let curves = group.map { (index: $0.index, entry: $0.entry, curve: samples($0.entry, quantity: quantity)) }
        // A time domain spanning more than two decades from a positive lower end (EDM's
        // noise levels) is drawn on a log axis.
        var logX = false
        if let (l, u) = ends(first), l.isCertainlyPositive, u.doubleValue / l.doubleValue >= 100 { logX = true }
        // y: log when no plotted value is negative and the positive ones span more than
        // 3 decades (snr from 4·10⁴ to 0); the zeros are then gaps, marked in the text.
        let ys = curves.flatMap { $0.curve?.points.compactMap(\.y) ?? [] }
        let positive = ys.filter { $0 > 0 }
        let logY = !positive.isEmpty && ys.allSatisfy { $0 >= 0 } && (positive.max()! / positive.min()!) > 1e3
        var out = "  % \(quantity)\n"
        out += "  \\begin{tikzpicture}\n"
        out += "    \\begin{axis}[\n"
        out += "      width=0.6\\textwidth, height=6.5cm,\n"
        out += "      xlabel={\(xlabel)},\n"
        out += "      ylabel={$\(labels[quantity] ?? quantity)$},\n"
        if logX { out += "      xmode=log,\n" }
        if logY { out += "      ymode=log,\n" }
        out += "      unbounded coords=jump,\n"
        out += "      legend pos=outer north east,\n"
        out += "      legend cell align=left,\n"
        out += "      legend style={font=\\scriptsize},\n"
        out += "    ]\n"
        for c in curves {
            out += curve(c.entry, style: style(c.index), quantity: quantity, samples: c.curve, logY: logY)
        }
        out += "    \\end{axis}\n"
        out += "  \\end{tikzpicture}\n"
        return out
    }

    /// A curve's certified samples, or why there is none.
    struct Samples {
        var points: [(u: Rational, x: Double, y: Double?)]
        var skipped: String?
    }

    static func samples(_ entry: LaTeXSchedule, quantity: String) -> Samples? {
        guard let (lower, upper) = ends(entry) else { return Samples(points: [], skipped: "infinite domain") }
        guard case .success(let f)? = entry.analysis.quantities[quantity] else {
            return Samples(points: [], skipped: "\(quantity) is undefined")
        }
        let time = entry.analysis.model.time
        let free = f.symbols.subtracting([time])
        guard free.isEmpty else {
            return Samples(points: [], skipped: "\(quantity) depends on \(free.sorted().joined(separator: ", ")); bind it with --param")
        }
        let width = upper - lower
        // On a log time axis the samples are spaced geometrically, else uniformly.
        let geometric = lower.isCertainlyPositive && upper.doubleValue / lower.doubleValue >= 100
        func sample(_ u: Rational) -> (x: Double, y: Double?) {
            var t = u.isOne ? upper : lower + width * u
            if geometric, !u.isZero, !u.isOne, let r = Rational(exactly: lower.doubleValue * pow(upper.doubleValue / lower.doubleValue, u.doubleValue)) {
                t = Ball(r, precision: precision)
            }
            return (t.doubleValue, certified(f.ball(atBalls: [time: t], precision: precision)))
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
        return Samples(points: samples, skipped: nil)
    }

    static func curve(_ entry: LaTeXSchedule, style: String, quantity: String, samples s: Samples?, logY: Bool) -> String {
        let name = entry.schedule.name
        guard let s else { return "    % \(name): skipped\n" }
        if let why = s.skipped { return "    % \(name): skipped (\(why))\n" }
        let samples = s.points
        var points: [String] = []
        for (i, p) in samples.enumerated() {
            if let y = p.y, !logY || y > 0 {
                points.append("(\(LaTeXText.coordinate(p.x)), \(LaTeXText.coordinate(y)))")
            } else if i > 0 && i < samples.count - 1 {
                points.append("(\(LaTeXText.coordinate(p.x)), nan)")   // a gap, not a straight line across it
            }
        }
        var out = "    % \(name)\n"
        out += "    \\addplot[\(style), thick, mark repeat=20, mark phase=\(10 + 3 * (name.count % 5))] coordinates {\n"
        for row in stride(from: 0, to: points.count, by: 4) {
            out += "      " + points[row..<min(row + 4, points.count)].joined(separator: " ") + "\n"
        }
        out += "    };\n"
        out += "    \\addlegendentry{\(entry.title)}\n"
        if !logY, let zeros = entry.analysis.zeros[quantity], !zeros.identicallyZero, !zeros.points.isEmpty {
            let marks = zeros.points.map { p -> String in
                let z: Double
                switch p.location {
                case .exact(let form): z = form.ball(at: [:], precision: precision).doubleValue
                case .enclosure(let l, let u, _): z = ((l + u) * Rational(1, 2)).doubleValue
                }
                return "(\(LaTeXText.coordinate(z)), 0)"
            }
            out += "    \\addplot[only marks, mark=*, mark size=1.8pt, black, forget plot] coordinates {\(marks.joined(separator: " "))};\n"
        }
        return out
    }

    /// The style of the curve of the schedule at `index`, the same on every axis: a
    /// colour, a dash pattern and a mark, all three changing together.
    static func style(_ index: Int) -> String {
        let colour = palette[index % palette.count].name
        let pattern = patterns[index % patterns.count]
        let mark = marks[index % marks.count]
        return "\(colour), \(pattern), mark=\(mark), mark options={solid}"
    }

    /// The midpoint of a ball accurate to 1e-12 (relative, or absolute near 0), else nil.
    static func certified(_ b: Ball) -> Double? {
        guard b.isFinite, !b.isIndeterminate, let radius = b.radius, let mid = b.midpoint else { return nil }
        let scale = Swift.max(1, abs(mid.doubleValue))
        guard radius.doubleValue <= 1e-12 * scale else { return nil }
        return mid.doubleValue
    }
}
