import Exact
import Foundation
import Schedules
import Symbolic

/// The points `sched codegen --check` measures at: 10,000 evenly spaced points inside
/// the domain, 100 points at geometrically shrinking distances (10⁻¹ … 10⁻¹⁵ of the
/// domain's length) from each end, where cancellations live, and the two ends as
/// the module's float constants. The second time of the update is halfway between
/// the lower end and t.
struct CheckGrid {
    static let uniformCount = 10_000
    static let nearEndCount = 100

    /// (t, s) pairs strictly inside the domain, as float64.
    var interior: [(t: Double, s: Double)] = []
    /// The ends, with whether the float is the end exactly (then a singular end applies).
    var ends: [(t: Double, s: Double, isLower: Bool, exact: Bool)] = []

    init(_ domain: AnalysisDomain) throws(CodegenError) {
        guard let lower = domain.lower, let upper = domain.upper, lower.symbols.isEmpty, upper.symbols.isEmpty else {
            throw CodegenError("--check needs a finite domain with constant ends")
        }
        let lowerBall = lower.ball(at: [:], precision: 256), upperBall = upper.ball(at: [:], precision: 256)
        let a = lowerBall.doubleValue, b = upperBall.doubleValue
        func inside(_ x: Double) -> Bool {
            guard let r = Rational(exactly: x) else { return false }
            return (Ball(r, precision: 256) - lowerBall).isCertainlyPositive && (upperBall - Ball(r, precision: 256)).isCertainlyPositive
        }
        func second(_ t: Double) -> Double { a + (t - a) / 2 }
        var points: [Double] = []
        for i in 1...Self.uniformCount { points.append(a + (b - a) * Double(i) / Double(Self.uniformCount + 1)) }
        for j in 0..<Self.nearEndCount {
            let offset = (b - a) * pow(10, -15 + 14 * Double(j) / Double(Self.nearEndCount - 1))
            points.append(a + offset)
            points.append(b - offset)
        }
        interior = Array(Set(points.filter(inside))).sorted().map { ($0, second($0)) }
        for (end, ball, isLower) in [(a, lowerBall, true), (b, upperBall, false)] {
            guard let r = Rational(exactly: end) else { continue }
            let exact = ball.isExact && ball.contains(r)
            if exact || inside(end) { ends.append((end, isLower ? end : second(end), isLower, exact)) }
        }
    }
}
