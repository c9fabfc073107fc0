import Exact
import Foundation
import Schedules
import Symbolic

/// A braille line plot: `width` × `height` character cells, each 2 × 4 dots.
///
/// Column c covers the c-th of `width` equal parts of the x range (sample points at
/// the centres of the dot columns), so a zero at the midpoint of the domain falls in
/// the middle column when `width` is odd.
public struct TerminalPlot: Sendable {
    public struct Curve: Sendable {
        public var label: String
        /// One value per dot column (2 × width); nil where undefined.
        public var values: [Double?]
        /// Cell columns of the zero crossings.
        public var zeroColumns: [Int]
    }

    public var width: Int
    public var height: Int
    public var curves: [Curve]
    public var colour: Bool
    /// A log₁₀ y axis: the values are log₁₀ of the quantity (nonpositive ones dropped
    /// before), the labels the quantity itself, and there is no zero line.
    public var logScale = false

    static let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    static let colours = ["\u{1B}[34m", "\u{1B}[31m", "\u{1B}[32m", "\u{1B}[35m", "\u{1B}[36m", "\u{1B}[33m"]

    static func label(_ y: Double) -> String {
        if y == 0 { return "0" }
        return String(format: "%.4g", y)
    }

    func label(_ y: Double) -> String { logScale ? String(format: "%.3g", pow(10, y)) : Self.label(y) }

    /// The plot lines (y labels and axis at the left, no x labels).
    /// The y range: the values and 0; near a pole (a few values far beyond the
    /// rest) cut to the 2%–98% quantiles, with `clipped` set.
    func yRange() -> (low: Double, high: Double, clipped: Bool) {
        let finite = curves.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite).sorted()
        guard let first = finite.first, let last = finite.last else { return (-1, 1, false) }
        let lo = finite[finite.count / 50], hi = finite[finite.count - 1 - finite.count / 50]
        if logScale {
            let spread = hi - lo
            if spread > 0, last - first > 10 * spread { return (lo - spread / 10, hi + spread / 10, true) }
            return (first, last, false)
        }
        let spread = max(hi, 0) - min(lo, 0)
        // A quantity that is nowhere negative (snr, Var) keeps 0 as its floor, and one
        // nowhere positive its ceiling, also when the range is clipped near a pole.
        if spread > 0, last - first > 10 * spread {
            return (first >= 0 ? 0 : min(0, lo - spread / 10), last <= 0 ? 0 : max(0, hi + spread / 10), true)
        }
        return (min(0, first), max(0, last), false)
    }

    /// The same plot drawing its curves in the colours from the k-th on (a panel of a
    /// stacked plot keeps the colour its curve has in the legend).
    func colouring(from k: Int) -> TerminalPlot {
        var p = self
        p.colourOffset = k
        return p
    }
    var colourOffset = 0

    public func render() -> (lines: [String], gutter: Int) {
        var (low, high, _) = yRange()
        if high - low < 1e-300 { low -= 1; high += 1 }
        let dotRows = height * 4
        func row(_ y: Double) -> Int {
            let r = Int(((high - y) / (high - low) * Double(dotRows - 1)).rounded())
            return min(max(r, 0), dotRows - 1)
        }
        var cells = [[UInt32]](repeating: [UInt32](repeating: 0, count: width), count: height)
        var owner = [[Int]](repeating: [Int](repeating: -1, count: width), count: height)
        for (k, curve) in curves.enumerated() {
            var previous: Int?
            for (x, v) in curve.values.enumerated() where x < 2 * width {
                guard let v, v.isFinite else { previous = nil; continue }
                let r = row(v)
                let span = previous.map { p in p < r ? (p + 1)...r : r...max(r, p - 1) } ?? r...r
                for rr in span {
                    cells[rr / 4][x / 2] |= Self.bits[x % 2][rr % 4]
                    owner[rr / 4][x / 2] = k
                }
                previous = r
            }
        }
        let zeroRow = logScale ? -1 : row(0) / 4
        var marks = Set<Int>()
        for c in curves { marks.formUnion(c.zeroColumns) }
        let labels = [label(high), "0", label(low)]
        let gutter = labels.map(\.count).max()!
        var lines: [String] = []
        for r in 0..<height {
            var text: String
            var axis = "│"
            if r == 0 { text = label(high); axis = "┤" } else if r == height - 1 { text = label(low); axis = "┤" } else { text = "" }
            if r == zeroRow { text = "0"; axis = "┼" }
            var line = String(repeating: " ", count: gutter - text.count) + text + " " + axis
            for c in 0..<width {
                var glyph: String
                if r == zeroRow && marks.contains(c) {
                    glyph = "●"
                } else if cells[r][c] != 0 {
                    glyph = String(Character(Unicode.Scalar(0x2800 + cells[r][c])!))
                    if colour && owner[r][c] >= 0 { glyph = Self.colours[(owner[r][c] + colourOffset) % Self.colours.count] + glyph + "\u{1B}[0m" }
                } else if r == zeroRow {
                    glyph = "┈"
                } else {
                    glyph = " "
                }
                line += glyph
            }
            lines.append(line)
        }
        return (lines, gutter + 2)
    }
}

extension ReplSession {
    /// `:plot Q [Q…]`.
    func plot(_ argumentText: String, in line: String, start: String.Index) throws -> String {
        guard schedule.isComplete || schedule.model != nil, let model = schedule.model else {
            throw ReplFailure("incomplete", "no schedule to plot", in: line)
        }
        if let unknown = model.unknownFunctionDiagnostic(purpose: "a plot") {
            throw ReplFailure("function-has-no-values", unknown.message, in: line)
        }
        // The expressions: comma-separated when there is a comma, else space-separated.
        var pieces: [(String, String.Index)] = []
        let separators: (Character) -> Bool = argumentText.contains(",") ? { $0 == "," } : { $0.isWhitespace }
        var i = start
        var pieceStart = start
        while i <= line.endIndex {
            if i == line.endIndex || separators(line[i]) {
                let piece = String(line[pieceStart..<i])
                let trimmed = piece.trimmingCharacters(in: [" ", "\t"])
                if !trimmed.isEmpty {
                    let lead = piece.prefix { $0 == " " || $0 == "\t" }.count
                    pieces.append((trimmed, line.index(pieceStart, offsetBy: lead)))
                }
                if i == line.endIndex { break }
                pieceStart = line.index(after: i)
            }
            i = line.index(after: i)
        }
        // `--log`: a log₁₀ y axis for every panel.
        let logScale = pieces.contains { $0.0 == "--log" }
        pieces.removeAll { $0.0 == "--log" }
        // `--x logsnr` (or `--x=logsnr`, `--x lambda`): λ as the x axis; `--x t` is the default.
        var onLogSNR = false
        if let i = pieces.firstIndex(where: { $0.0 == "--x" || $0.0.hasPrefix("--x=") }) {
            let inline = pieces[i].0.hasPrefix("--x=") ? String(pieces[i].0.dropFirst(4)) : nil
            guard let axis = inline ?? (i + 1 < pieces.count ? pieces[i + 1].0 : nil) else {
                throw ReplFailure("usage", "--x needs an axis: logsnr (or lambda), or the time variable", in: line)
            }
            pieces.removeSubrange(i...(inline == nil ? i + 1 : i))
            switch axis {
            case "logsnr", "lambda", "λ", "lamda": onLogSNR = true
            case model.unifiedModel.time: onLogSNR = false
            default: throw ReplFailure("usage", "unknown x axis '\(axis)': write --x logsnr (or lambda), or --x \(model.unifiedModel.time)", in: line)
            }
        }
        guard !pieces.isEmpty else { throw ReplFailure("usage", "nothing to plot: give quantities or expressions, e.g. :plot rho det", in: line) }
        let m = model.unifiedModel
        let t = m.time
        guard let lowerForm = m.domain.lower, let lower = lowerForm.value(at: [:], correctDigits: 17)?.ball.doubleValue else {
            throw ReplFailure("unplottable", "the lower end of the domain is not finite", in: line)
        }
        let upperForm = m.domain.upper
        let upper = upperForm.flatMap { $0.value(at: [:], correctDigits: 17)?.ball.doubleValue } ?? lower + 10
        let n = 2 * plotWidth
        let timeSamples = (0..<n).map { lower + (Double($0) + 0.5) / Double(n) * (upper - lower) }
        let lambdaAxis = onLogSNR ? try logSNRAxis(m, samples: timeSamples, columns: n, line: line) : nil
        let xs = lambdaAxis?.times ?? timeSamples
        var curves: [TerminalPlot.Curve] = []
        var zeroNotes: [String] = []
        for (text, pieceStart) in pieces {
            let (form, _) = try canonicalForm(of: text, in: line, start: pieceStart)
            let others = form.symbols.subtracting([t])
            if !others.isEmpty {
                throw ReplFailure("unplottable", "\(text) depends on \(others.sorted().joined(separator: ", ")), not only on \(t): give the parameter a value to plot it", in: line,
                                  columns: Self.columns(nil, start: pieceStart, in: line).lowerBound..<(LineText.column(of: pieceStart, in: line) + text.unicodeScalars.count))
            }
            var dropped = false
            let values: [Double?] = xs.map { x in
                guard let r = Rational(exactly: x) else { return nil }
                let b = form.ball(at: [t: r], precision: 64)
                guard b.isFinite else { return nil }
                let v = b.doubleValue
                guard v.isFinite else { return nil }
                if logScale {
                    guard v > 0 else { dropped = true; return nil }
                    return log10(v)
                }
                return v
            }
            if logScale && values.allSatisfy({ $0 == nil }) {
                // No panel with a made-up range: the quantity is only said to be left out.
                zeroNotes.append("\(text): no positive value at the samples, nothing to show on the log scale")
                if ZeroFinder(assuming: m.assumptions).zeros(of: form, on: m.domain).identicallyZero { zeroNotes.append("\(text) is identically 0") }
                continue
            }
            if dropped { zeroNotes.append("\(text): values ≤ 0 are not shown on the log scale") }
            let zeros = ZeroFinder(assuming: m.assumptions).zeros(of: form, on: m.domain)
            var columns: [Int] = []
            var listed: [String] = []
            if !zeros.identicallyZero {
                for p in zeros.points {
                    let x: Double?
                    switch p.location {
                    case .exact(let f): x = f.value(at: [:], correctDigits: 17)?.ball.doubleValue
                    case .enclosure(let l, let u, _): x = (l + u).timesPowerOfTwo(-1).doubleValue
                    }
                    guard let x, x >= lower, x <= upper else { continue }
                    if let lambdaAxis {
                        // A zero beyond the λ window (at an end where λ = ±∞) is listed, not marked.
                        if let c = lambdaAxis.column(ofTime: x, width: plotWidth) { columns.append(c) }
                    } else {
                        columns.append(min(plotWidth - 1, max(0, Int(((x - lower) / (upper - lower) * Double(plotWidth)).rounded(.down)))))
                    }
                    switch p.location {
                    case .exact(let f): listed.append("\(t) = \(show(f))")
                    case .enclosure: listed.append("\(t) ≈ \(p.approximation)")
                    }
                }
            }
            if zeros.identicallyZero { zeroNotes.append("\(text) is identically 0") } else if !listed.isEmpty {
                zeroNotes.append("● \(text) = 0 at " + listed.joined(separator: ", ") + (zeros.complete ? "" : " (and possibly elsewhere)"))
            }
            curves.append(.init(label: text, values: values, zeroColumns: columns))
        }
        guard !curves.isEmpty else {
            throw ReplFailure("unplottable", "nothing to plot on the log scale: " + zeroNotes.joined(separator: "; "), in: line)
        }
        // One panel per curve, stacked over one time axis, each with its own y range (snr
        // would flatten ρ on a shared axis) and its name on its first line (a legend that
        // survives without colour).
        let panelHeight = curves.count == 1 ? plotHeight : max(4, plotHeight * 3 / 2 / curves.count)
        let panels = curves.enumerated().map { k, curve in
            TerminalPlot(width: plotWidth, height: panelHeight, curves: [curve], colour: colour, logScale: logScale).colouring(from: k)
        }
        let rendered = panels.map { $0.render() }
        let gutter = rendered.map(\.gutter).max() ?? 2
        let domainText = AnalysisText.domain(m.domain)
        let clipped = panels.contains { $0.yRange().clipped }
        let over = lambdaAxis.map { "λ = log-SNR ∈ [\(Self.short($0.low)), \(Self.short($0.high))] (\(t) ∈ \(domainText))" }
            ?? "\(t) ∈ \(domainText)" + (upperForm == nil ? " (cut at \(t) = \(Self.short(upper)))" : "")
        var out = [pieces.map(\.0).joined(separator: ", ") + " over " + over
                   + (logScale ? " (log scale)" : "") + (clipped ? " (y range clipped near a pole)" : "")]
        for (k, panel) in rendered.enumerated() {
            let pad = String(repeating: " ", count: gutter - panel.gutter)
            if pieces.count > 1 {
                let name = colour ? TerminalPlot.colours[k % TerminalPlot.colours.count] + curves[k].label + "\u{1B}[0m" : curves[k].label
                out.append(String(repeating: " ", count: gutter) + "▸ " + name)
            }
            out += panel.lines.map { pad + $0 }
        }
        let axis = String(repeating: " ", count: gutter - 1) + "└" + String(repeating: "─", count: plotWidth)
        out.append(axis)
        let left = lambdaAxis.map { Self.short($0.low) } ?? show(lowerForm)
        let right = lambdaAxis.map { Self.short($0.high) } ?? upperForm.map { show($0) } ?? Self.short(upper)
        let middle = lambdaAxis == nil ? t : "λ"
        var labelLine = String(repeating: " ", count: gutter) + left
        let middleColumn = gutter + plotWidth / 2 - middle.count / 2
        if labelLine.count < middleColumn { labelLine += String(repeating: " ", count: middleColumn - labelLine.count) + middle }
        let rightStart = gutter + plotWidth - right.count
        labelLine += String(repeating: " ", count: max(1, rightStart - labelLine.count)) + right
        out.append(labelLine)
        out += zeroNotes
        return out.joined(separator: "\n")
    }

    static func short(_ x: Double) -> String { String(format: "%g", x) }

    /// The λ axis of a plot over `samples`, or the reason there is none.
    func logSNRAxis(_ m: UnifiedModel, samples: [Double], columns: Int, line: String) throws -> LogSNRAxis {
        guard case .success(let lambda)? = m.quantities()["logsnr"] else {
            throw ReplFailure("unplottable", "log-SNR has no canonical form for this schedule: it cannot be the x axis", in: line)
        }
        guard lambda.symbols.subtracting([m.time]).isEmpty else {
            throw ReplFailure("unplottable", "log-SNR depends on \(lambda.symbols.subtracting([m.time]).sorted().joined(separator: ", ")): give the parameter a value to plot against it", in: line)
        }
        // A closed end where λ is finite (EDM's s = 1/500) bounds the axis; where λ = ±∞
        // (α or σ vanishes) the axis stops at the time sample next to it.
        func finiteEnd(_ form: CanonicalForm?, closed: Bool) -> Double? {
            guard closed, let form, let x = form.value(at: [:], correctDigits: 17)?.ball.doubleValue, let r = Rational(exactly: x),
                  lambda.ball(at: [m.time: r], precision: 128).isFinite else { return nil }
            return x
        }
        let bounded = [finiteEnd(m.domain.lower, closed: m.domain.lowerClosed)].compactMap { $0 } + samples
            + [finiteEnd(m.domain.upper, closed: m.domain.upperClosed)].compactMap { $0 }
        do {
            return try LogSNRAxis(lambda: lambda, time: m.time, samples: bounded, columns: columns)
        } catch .undefined(let reason) {
            throw ReplFailure("unplottable", "\(reason): it cannot be the x axis", in: line)
        } catch .notMonotone {
            throw ReplFailure("unplottable", "log-SNR is not certified strictly monotone over the time samples: it cannot be the x axis", in: line)
        }
    }
}
