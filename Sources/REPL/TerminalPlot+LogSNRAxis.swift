import Exact
import Foundation
import Schedules
import Symbolic

/// `:plot Q --x logsnr`: the quantities against λ = log(α²/σ²) instead of time.
///
/// λ is the noise level a sampler and a loss weighting see, so schedules on different
/// time scales line up on it. The axis spans λ at the ends of the domain where it is
/// finite, else at the time sample next to the end (λ is ±∞ where α or σ vanishes
/// there); its columns are equally spaced in λ, and
/// each column's time is found by bisection between time samples. The λ values at the
/// time samples are certified balls, and they must be certified strictly monotone —
/// otherwise λ cannot be an axis and the plot is refused.
struct LogSNRAxis {
    /// λ of the schedule, a canonical form in the time variable.
    let lambda: CanonicalForm
    let time: String
    /// The axis ends: λ at the first and last samples (midpoints of certified balls).
    let low: Double, high: Double
    /// The time of each dot column, left (λ = low) to right (λ = high).
    let times: [Double]

    enum Failure: Error { case undefined(String), notMonotone }

    /// The axis over `samples` (the time samples of a time-axis plot, increasing), with
    /// `columns` dot columns.
    init(lambda: CanonicalForm, time: String, samples: [Double], columns: Int) throws(Failure) {
        self.lambda = lambda
        self.time = time
        var balls: [Ball] = []
        for x in samples {
            guard let r = Rational(exactly: x) else { throw .undefined("\(time) = \(x) is not a finite time") }
            let b = lambda.ball(at: [time: r], precision: 128)
            guard b.isFinite else { throw .undefined("log-SNR has no finite value at \(time) ≈ \(String(format: "%g", x))") }
            balls.append(b)
        }
        let pairs = zip(balls, balls.dropFirst())
        let increasing = pairs.allSatisfy { ($1 - $0).isCertainlyPositive }
        let decreasing = pairs.allSatisfy { ($1 - $0).isCertainlyNegative }
        guard increasing || decreasing, let firstValue = balls.first?.doubleValue, let lastValue = balls.last?.doubleValue else { throw .notMonotone }
        low = min(firstValue, lastValue)
        high = max(firstValue, lastValue)
        let lambdaAt = { (x: Double) -> Double in
            Rational(exactly: x).map { lambda.ball(at: [time: $0], precision: 64).doubleValue } ?? .nan
        }
        let values = balls.map(\.doubleValue)
        var times: [Double] = []
        for j in 0..<columns {
            let target = low + (Double(j) + 0.5) / Double(columns) * (high - low)
            // The samples k, k + 1 whose λ values bracket the target, then bisection in time.
            let k = (0..<(values.count - 1)).first { (values[$0] - target) * (values[$0 + 1] - target) <= 0 } ?? 0
            var a = samples[k], b = samples[k + 1]
            let rising = values[k + 1] > values[k]
            for _ in 0..<60 {
                let mid = (a + b) / 2
                if (lambdaAt(mid) < target) == rising { a = mid } else { b = mid }
            }
            times.append((a + b) / 2)
        }
        self.times = times
    }

    /// The cell column of the time `x`: where λ(x) falls on the axis; nil outside it.
    func column(ofTime x: Double, width: Int) -> Int? {
        guard let r = Rational(exactly: x) else { return nil }
        let v = lambda.ball(at: [time: r], precision: 64).doubleValue
        guard v.isFinite, v >= low, v <= high, high > low else { return nil }
        return min(width - 1, max(0, Int(((v - low) / (high - low) * Double(width)).rounded(.down))))
    }
}
