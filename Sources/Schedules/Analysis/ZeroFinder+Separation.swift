import Exact
import Symbolic

extension ZeroFinder {
    /// The points in increasing order with pairwise disjoint brackets: each enclosure
    /// is narrowed (exact bisection on its minimal polynomial) until it is disjoint
    /// from its neighbours, so that an interval reported as "the only zero in (a, b)"
    /// holds exactly one zero of the whole function, not only of the factor that
    /// produced it. Distinct factors of a numerator can have zeros 10⁻²¹ apart whose
    /// isolating intervals, each refined alone, coincide. `isolated` is false when
    /// two neighbours could not be told apart (an enclosure without a minimal
    /// polynomial, or two closed forms that agree to thousands of bits).
    static func separated(_ points: [ZeroPoint]) -> (points: [ZeroPoint], isolated: Bool) {
        guard points.count > 1 else { return (points, true) }
        var items = points.map { (point: $0, bracket: PointBracket($0)) }
        var isolated = true
        for _ in 0..<items.count {
            var swapped = false
            isolated = true
            for i in 0..<(items.count - 1) {
                guard var a = items[i].bracket, var b = items[i + 1].bracket else { isolated = false; continue }
                let order = PointBracket.separate(&a, &b, rounds: 256)
                items[i].bracket = a
                items[i + 1].bracket = b
                switch order {
                case true?: break
                case false?: items.swapAt(i, i + 1); swapped = true
                case nil: isolated = false
                }
            }
            if !swapped { break }
        }
        // Neighbouring enclosures get decimals with enough digits to tell them apart.
        var approximations = items.map(\.point.approximation)
        for i in 0..<(items.count - 1) where approximations[i] == approximations[i + 1] {
            for digits in stride(from: 20, through: 60, by: 4) {
                guard var a = items[i].bracket, var b = items[i + 1].bracket,
                      let da = a.decimal(significantDigits: digits), let db = b.decimal(significantDigits: digits) else { break }
                items[i].bracket = a
                items[i + 1].bracket = b
                if da != db { approximations[i] = da; approximations[i + 1] = db; break }
            }
        }
        return (items.indices.map { i in
            items[i].bracket.map { $0.narrowed(items[i].point, approximation: approximations[i]) } ?? items[i].point
        }, isolated)
    }
}
