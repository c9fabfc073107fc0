import Symbolic

/// Budgets for schedule files. Each, when exceeded, is an ordinary diagnostic; no
/// input makes the parser crash, hang or use unbounded memory.
public struct ScheduleLimits: Hashable, Sendable {
    /// Bytes per file, checked before anything else.
    public var maximumFileBytes: Int
    /// Bytes per line (without the line break). A longer line is reported and skipped.
    public var maximumLineBytes: Int
    /// Schedule blocks per file; parsing stops at the first one beyond.
    public var maximumSchedules: Int
    /// Errors reported per file; after that, one `too-many-errors` and parsing (or
    /// validation) stops.
    public var maximumErrors: Int
    /// Budgets of every expression in the file.
    public var expression: ParserLimits

    public init(
        maximumFileBytes: Int = 8 << 20,
        maximumLineBytes: Int = 16_384,
        maximumSchedules: Int = 100_000,
        maximumErrors: Int = 1_000,
        expression: ParserLimits = .standard
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumLineBytes = maximumLineBytes
        self.maximumSchedules = maximumSchedules
        self.maximumErrors = maximumErrors
        self.expression = expression
    }

    /// 8 MiB per file, 16 KiB per line, 100,000 schedules, 1,000 errors.
    public static let standard = ScheduleLimits()
}
