import Exact
import Foundation

/// A long zero set in text output: its count, its first and last few zeros and how
/// densely they lie, instead of every zero on one line (sin(100000·t) − t/2 has 31,831
/// zeros on [0, 1]). The JSON reports keep every zero.
public enum ZeroSetSummary {
    /// Longer sets than this are summarized.
    public static let longestListed = 12
    /// How many zeros are shown at each end of a summarized set.
    public static let shownAtEachEnd = 3

    /// The items of `points` as printed, joined by `separator`; when there are more
    /// than `longestListed`, the first and last `shownAtEachEnd` around
    /// "… N more …", after the count and the density. `item` prints one zero.
    public static func text(_ points: [ZeroPoint], variable: String, separator: String, item: (ZeroPoint) -> String) -> String {
        guard points.count > longestListed else { return points.map(item).joined(separator: separator) }
        let head = points.prefix(shownAtEachEnd).map(item), tail = points.suffix(shownAtEachEnd).map(item)
        let hidden = points.count - 2 * shownAtEachEnd
        return "\(points.count) zeros\(density(points, variable: variable)): "
            + (head + ["… \(hidden) more …"] + tail).joined(separator: separator)
    }

    /// ", about 3.18e4 per unit of t": the number of gaps between the first and the
    /// last zero over the distance between them (each located to within 2⁻¹²⁸).
    static func density(_ points: [ZeroPoint], variable: String) -> String {
        guard let first = points.first?.sortKey, let last = points.last?.sortKey, last > first else { return "" }
        let perUnit = Double(points.count - 1) / (last - first).doubleValue
        return ", about \(significant(perUnit)) per unit of \(variable)"
    }

    /// Three significant digits: 31800, 318, 3.18, 0.0318.
    static func significant(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return "\(x)" }
        let exponent = Int(floor(log10(x)))
        if exponent >= 2 {
            let scale = pow(10, Double(exponent - 2))
            return String(Int((x / scale).rounded() * scale))
        }
        return String(format: "%.\(2 - exponent)f", x)
    }
}
