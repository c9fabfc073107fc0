import Exact
import Schedules
import Symbolic

/// One discrete-time schedule with its step-by-step analysis, for the rules: which
/// end is noise (the smaller SNR), and values to the requested digits.
public struct DiscreteContext: Sendable {
    public var schedule: DiscreteSchedule
    public var analysis: DiscreteAnalysis
    public var digits: Int
    /// The file's path and bytes, and the choices of the fix-its (nil: no fixes), for
    /// the rules that offer one.
    public var path = ""
    public var source = SourceText("")
    public var fixOptions: FixOptions?

    public init(schedule: DiscreteSchedule, digits: Int) {
        self.schedule = schedule
        self.digits = digits
        var steps = [schedule.first, schedule.last]
        if let plan = schedule.sampling { steps += plan.timesteps(trainSteps: schedule.count).filter { schedule.first <= $0 && $0 <= schedule.last } }
        analysis = DiscreteAnalysis.withDigits(schedule, digits: digits, steps: Array(Set(steps)).sorted(),
                                               quantities: ["alpha", "sigma", "snr", "det"])
    }

    public func value(_ quantity: String, at step: Int) -> Result<StepValue, StepFailure> {
        analysis.evaluation.value(of: quantity, at: step)
    }

    /// The step at the noise end: the end with the smaller SNR (the last step when
    /// the SNRs cannot be compared).
    public var noiseStep: Int {
        let s = schedule
        if case .success(let first) = value("snr", at: s.first), case .success(let last) = value("snr", at: s.last),
           let d = try? StepExpressionEvaluatorAccess.difference(first, last), d == -1 {
            return s.first
        }
        return s.last
    }

    /// `n = 999`.
    public func stepText(_ k: Int) -> String { "\(schedule.stepName) = \(k)" }

    /// A value with its correct digits; the exact rational too when it is short.
    public func text(_ v: StepValue) -> String {
        switch v {
        case .exact(let q):
            let exact = q.description
            if q.isInteger || exact.count <= 40 { return q.isInteger ? exact : "\(exact) ≈ \(q.decimalString(significantDigits: digits))" }
            return "\(q.decimalString(significantDigits: digits)) (an exact rational of \(q.bitSize) bits)"
        case .ball(let b): return b.isExactlyZero ? "0" : b.decimalString(digits: digits)
        }
    }
}

/// Compares two step values exactly or by balls: the sign of a − b when proven.
enum StepExpressionEvaluatorAccess {
    static func difference(_ a: StepValue, _ b: StepValue) throws -> Int? {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): return (x - y).signum
        default:
            let d = a.ball(precision: 256) - b.ball(precision: 256)
            if d.isCertainlyPositive { return 1 }
            if d.isCertainlyNegative { return -1 }
            return nil
        }
    }
}
