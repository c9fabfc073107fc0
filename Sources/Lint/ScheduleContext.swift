import Exact
import Foundation
import Schedules
import Symbolic

/// One valid schedule with its analysis, and the facts several rules share: which end
/// of the domain is data (σ = 0) and which is noise.
public struct ScheduleContext: Sendable {
    public var schedule: Schedule
    public var file: ScheduleFile
    public var analysis: ModelAnalysis
    /// True when the data end (σ = 0) is the upper end: the schedule runs from noise to data.
    public var reversed: Bool
    /// True when σ = 0 at one end (proven); false when neither end is data, and then
    /// the lower end is taken as the data end.
    public var dataEndFound: Bool
    /// The choices of the fix-its, or nil when no fixes are wanted.
    public var fixOptions: FixOptions?
    /// The verdicts on the `expect` claims, computed once for S401 and S402.
    let claimCache = ClaimCache()

    public init(schedule: Schedule, file: ScheduleFile, analysis: ModelAnalysis) {
        self.schedule = schedule
        self.file = file
        self.analysis = analysis
        func sigmaZero(_ ends: [String: ModelAnalysis.EndValue]) -> Bool {
            guard case .exact(let f)? = ends["sigma"] else { return false }
            return f.isZero || ZeroTest(assuming: analysis.model.assumptions).test(f).isProvenZero
        }
        let lower = sigmaZero(analysis.ends.lower), upper = sigmaZero(analysis.ends.upper)
        reversed = !lower && upper
        dataEndFound = lower || upper
    }

    public var model: UnifiedModel { analysis.model }
    public var time: String { model.time }
    public var domain: AnalysisDomain { model.domain }

    /// The quantity's form, if it is defined.
    public func quantity(_ name: String) -> CanonicalForm? {
        if case .success(let f)? = analysis.quantities[name] { return f }
        return nil
    }

    public enum End: Sendable { case lower, upper }

    public var dataEnd: End { reversed ? .upper : .lower }
    public var noiseEnd: End { reversed ? .lower : .upper }

    public func endForm(_ end: End) -> CanonicalForm? { end == .lower ? domain.lower : domain.upper }
    public func isClosed(_ end: End) -> Bool { end == .lower ? domain.lowerClosed : domain.upperClosed }
    public func endValues(_ end: End) -> [String: ModelAnalysis.EndValue] { end == .lower ? analysis.ends.lower : analysis.ends.upper }
    public func endValue(_ name: String, _ end: End) -> CanonicalForm? {
        if case .exact(let f)? = endValues(end)[name] { return f }
        return nil
    }

    /// `t = 1`, `t = ∞`.
    public func endText(_ end: End) -> String {
        "\(time) = " + (endForm(end).map { Self.text($0) } ?? (end == .lower ? "-inf" : "inf"))
    }

    /// "the noise end t = 1" (with "(this schedule runs from noise to data)" where reversed).
    public func describe(_ end: End) -> String {
        let role = end == dataEnd ? "data" : "noise"
        return "the \(role) end \(endText(end))"
    }

    /// The domain as written: `[0, 1]`, `(0, inf)`.
    public var domainText: String {
        (domain.lowerClosed ? "[" : "(") + (domain.lower.map { Self.text($0) } ?? "-inf") + ", "
            + (domain.upper.map { Self.text($0) } ?? "inf") + (domain.upperClosed ? "]" : ")")
    }

    /// A note on the orientation, when it is not the usual data → noise.
    public var orientationNote: String? {
        if !dataEndFound { return "σ ≠ 0 at both ends: no end is pure data; the lower end is taken as the data end" }
        if reversed { return "σ = 0 at the upper end: this schedule runs from noise (\(endText(.lower))) to data (\(endText(.upper)))" }
        return nil
    }

    public var zeroTest: ZeroTest { ZeroTest(assuming: model.assumptions) }
    public var zeroFinder: ZeroFinder { ZeroFinder(assuming: model.assumptions) }

    public func isZero(_ f: CanonicalForm) -> Bool { f.isZero || zeroTest.test(f).isProvenZero }
    public func isNonzero(_ f: CanonicalForm) -> Bool { !f.isZero && zeroTest.test(f).isProvenNonzero }

    /// The point of a zero: `t = 1/2` or `t ≈ 0.2928… (in (a, b))`.
    public func pointText(_ p: ZeroPoint) -> String {
        switch p.location {
        case .exact(let f): return "\(time) = \(Self.text(f))"
        case .enclosure(let l, let u, _): return "\(time) ≈ \(p.approximation) (isolated in (\(l), \(u)))"
        }
    }

    /// The point for a message: exact, or its decimal; the isolating interval is said
    /// once, in a note (`pointText`), not in every line that names the point.
    public func shortPointText(_ p: ZeroPoint) -> String {
        switch p.location {
        case .exact(let f): return "\(time) = \(Self.text(f))"
        case .enclosure: return "\(time) ≈ \(p.approximation)"
        }
    }

    /// True when the zero is exactly at an end of the domain.
    public func isAtEnd(_ p: ZeroPoint, _ end: End) -> Bool {
        guard case .exact(let f) = p.location, let e = endForm(end) else { return false }
        if f == e { return true }
        if let d = try? f - e { return isZero(d) }
        return false
    }

    public static func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }

    /// A decimal approximation with `digits` significant digits, if one is found.
    public static func approximate(_ f: CanonicalForm, digits: Int = 2) -> String? {
        guard let v = f.value(at: [:], correctDigits: digits) else { return nil }
        return v.ball.decimalString(digits: digits)
    }

    /// A range for a schedule-level finding: the statement, else the schedule header.
    public func range(_ statement: String) -> SourceRange { schedule.statementRanges[statement] ?? schedule.range }
    public var targetRange: SourceRange { schedule.targetRange }
    public var forwardRange: SourceRange { schedule.alpha.range ?? schedule.range }
    public var timeRange: SourceRange { schedule.time.range ?? schedule.range }
}

extension ScheduleContext {
    /// a − b, or nil when it cannot be formed.
    public static func difference(_ a: CanonicalForm, _ b: CanonicalForm) -> CanonicalForm? {
        do { return try a - b } catch { return nil }
    }
}

/// Claim verdicts computed on first use and shared by the rules that need them.
final class ClaimCache: @unchecked Sendable {
    private let lock = NSLock()
    private var verdicts: [(Expectation, ClaimVerdict)]?

    func verdicts(_ compute: () -> [(Expectation, ClaimVerdict)]) -> [(Expectation, ClaimVerdict)] {
        lock.lock()
        defer { lock.unlock() }
        if let verdicts { return verdicts }
        let computed = compute()
        verdicts = computed
        return computed
    }
}
