import Foundation

/// A wall-clock time budget for a computation, read through a task-local "current
/// deadline" so that deep loops can give up without a parameter in every signature.
///
/// Size budgets (degrees, terms, bits) bound what FLINT is asked to do, since a FLINT
/// call cannot be interrupted; the deadline bounds the Swift loops around those calls
/// (bisection, precision doubling, term-by-term rewriting). Past it, a computation
/// answers "unknown — time budget exceeded": an incomplete zero set, an unknown claim,
/// an error for `sched simplify`, never a guess.
///
/// Two levels, both task-local (inherited by child tasks, not by detached ones):
/// `current`, the end of the whole input's budget, and `quantityBudget`, the length
/// each quantity (a zero set, an end value, a claim) may take within it, so that one
/// hard quantity leaves time for the others.
///
/// A deadline may also carry a `Cancellation`: once it is cancelled (Ctrl-C in the
/// REPL), the deadline counts as passed, so the same checks stop the computation and
/// its thread goes idle instead of finishing work nobody will read.
public struct Deadline: Sendable, Equatable {
    /// When the budget ends; nil for no deadline.
    public let end: ContinuousClock.Instant?
    /// The length of the budget, in seconds, for messages.
    public let seconds: Double?
    /// Ends the budget early when cancelled; inherited by every budget nested inside.
    public let cancellation: Cancellation?

    public init(end: ContinuousClock.Instant?, seconds: Double?, cancellation: Cancellation? = nil) {
        self.end = end
        self.seconds = seconds
        self.cancellation = cancellation
    }

    /// No deadline.
    public static let none = Deadline(end: nil, seconds: nil)

    /// No time limit, but an end when `cancellation` is cancelled.
    public static func until(_ cancellation: Cancellation) -> Deadline {
        Deadline(end: nil, seconds: nil, cancellation: cancellation)
    }

    /// A budget of `seconds` (≥ 0) from now; budgets past 10⁹ s (31 years) count as
    /// 10⁹ s. It keeps the current deadline's cancellation.
    public static func after(seconds: Double) -> Deadline {
        let nanoseconds = Int64((Swift.min(Swift.max(seconds, 0), 1e9) * 1e9).rounded(.up))
        return Deadline(end: ContinuousClock.now.advanced(by: .nanoseconds(nanoseconds)), seconds: seconds, cancellation: current.cancellation)
    }

    /// The deadline of the running computation.
    @TaskLocal public static var current: Deadline = .none

    /// The budget, in seconds, of each quantity run through `forQuantity` (nil: only
    /// `current` applies).
    @TaskLocal public static var quantityBudget: Double?

    /// True once the end has passed or the computation was cancelled.
    public var hasPassed: Bool {
        if let cancellation, cancellation.isCancelled { return true }
        guard let end else { return false }
        return ContinuousClock.now >= end
    }

    /// The earlier of two deadlines (with either one's cancellation).
    public func earlier(_ other: Deadline) -> Deadline {
        let cancellation = self.cancellation ?? other.cancellation
        let pick: Deadline
        if let a = end, let b = other.end { pick = a <= b ? self : other } else { pick = end == nil ? other : self }
        return Deadline(end: pick.end, seconds: pick.seconds, cancellation: cancellation)
    }

    /// Throws `DeadlineExceeded` once the current deadline has passed: the call to put
    /// in loops.
    public static func check() throws(DeadlineExceeded) {
        let deadline = current
        if deadline.hasPassed { throw DeadlineExceeded(seconds: deadline.seconds ?? 0) }
    }

    /// The error for the current deadline when it has passed, else nil (for code that
    /// reports rather than throws).
    public static var exceeded: DeadlineExceeded? {
        let deadline = current
        return deadline.hasPassed ? DeadlineExceeded(seconds: deadline.seconds ?? 0) : nil
    }

    /// Runs `body` with the current deadline moved to `deadline` when that is earlier.
    public static func within<T, E: Error>(_ deadline: Deadline, _ body: () throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = $current.withValue(current.earlier(deadline)) {
            do throws(E) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Runs `body` as one quantity: within `quantityBudget` seconds from now (and
    /// within the current deadline).
    public static func forQuantity<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard let seconds = quantityBudget else { return try body() }
        return try within(.after(seconds: seconds), body)
    }

    /// The budget of a whole input (a file) of `bytes` bytes when each quantity gets
    /// `quantitySeconds`: three quantity budgets per 10 KB, at least three — so that any
    /// small input ends in seconds, and a large file of ordinary schedules is not cut
    /// short.
    public static func inputBudget(quantitySeconds: Double, bytes: Int) -> Double {
        3 * quantitySeconds * Swift.max(1, Double(bytes) / 10_240)
    }

    /// Runs `body` with a fresh budget: `current` ends `seconds` from now (nil: no
    /// deadline) and each quantity gets `quantitySeconds`.
    public static func withBudget<T, E: Error>(seconds: Double?, quantitySeconds: Double?, _ body: () throws(E) -> T) throws(E) -> T {
        let fresh = seconds.map(Deadline.after(seconds:)) ?? Deadline(end: nil, seconds: nil, cancellation: current.cancellation)
        let result: Result<T, E> = $current.withValue(fresh) {
            $quantityBudget.withValue(quantitySeconds) {
                do throws(E) { return .success(try body()) } catch { return .failure(error) }
            }
        }
        return try result.get()
    }
}

/// A flag that ends a computation from another thread (Ctrl-C in the REPL), read by
/// `Deadline.hasPassed` wherever the deadline is checked.
public final class Cancellation: @unchecked Sendable, Equatable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock(); defer { lock.unlock() }
        cancelled = true
    }

    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    public static func == (a: Cancellation, b: Cancellation) -> Bool { a === b }
}

/// A computation stopped at its deadline.
public struct DeadlineExceeded: Error, Sendable, Equatable, CustomStringConvertible {
    /// The length of the budget that ran out, in seconds.
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public var description: String { "time budget exceeded (\(Self.text(seconds)) s)" }

    /// 2 → "2", 0.25 → "0.25", 3 × 10⁻⁹ → "3e-09": seven significant digits at most
    /// (Float's shortest form), so that products such as 3 · 1e-9 print as given.
    static func text(_ seconds: Double) -> String {
        if seconds == seconds.rounded(), abs(seconds) < 1e15 { return String(Int(seconds)) }
        return String(Float(seconds))
    }
}
