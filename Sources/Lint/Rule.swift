import Schedules
import Symbolic

/// What `sched explain` shows about a rule, and what every reporter needs: a stable
/// code (`S202`), a kebab-case name (`rho-vanishes`), both accepted wherever a rule is
/// named, a default severity, a one-line summary and a paragraph with an example.
public struct RuleInfo: Sendable, Hashable {
    public var code: String
    public var name: String
    public var severity: Severity
    public var summary: String
    public var explanation: String

    public init(code: String, name: String, severity: Severity, summary: String, explanation: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
    }

    /// `S202 rho-vanishes`.
    public var label: String { "\(code) \(name)" }
}

/// One finding: a rule, where, what, and the proof.
public struct Finding: Sendable {
    public var rule: RuleInfo
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// `= note:` lines: the evidence in words.
    public var notes: [String]
    /// The evidence as key/value pairs, in order (for JSON and SARIF): expressions as
    /// strings in sched's syntax, flags as booleans, decimals as numbers, points and
    /// intervals as objects (`Evidence`).
    public var evidence: [(key: String, value: JSONValue)]
    /// The schedule it is about, if any.
    public var schedule: String?
    /// Edits that remove the finding, checked before they are offered (empty unless
    /// fixes were asked for: `LintOptions.fixes`).
    public var fixes: [Fix] = []

    public init(_ rule: RuleInfo, _ message: String, at range: SourceRange, notes: [String] = [],
                evidence: [(key: String, value: JSONValue)] = [], schedule: String? = nil, severity: Severity? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.message = message
        self.range = range
        self.notes = notes
        self.evidence = evidence
        self.schedule = schedule
    }
}

/// A rule checks either the file's own diagnostics (S001–S005) or one valid schedule.
public protocol LintRule: Sendable {
    static var info: RuleInfo { get }
    /// Findings from the parse/validation diagnostics of a file.
    static func check(file: ScheduleFile) -> [Finding]
    /// Findings about one schedule that parsed and validated.
    static func check(_ context: ScheduleContext) -> [Finding]
    /// Findings about one discrete-time schedule (`step n in 0..999`, diffusers configs).
    static func check(discrete context: DiscreteContext) -> [Finding]
    /// The fix of one of this rule's findings, when it has one that was checked
    /// (asked for after all findings of the file are known, with a budget of its own,
    /// so that looking for fixes never changes the findings).
    static func fix(_ finding: Finding, in context: ScheduleContext) -> Fix?
    static func fix(_ finding: Finding, discrete context: DiscreteContext) -> Fix?
}

extension LintRule {
    public static func check(file: ScheduleFile) -> [Finding] { [] }
    public static func check(_ context: ScheduleContext) -> [Finding] { [] }
    public static func check(discrete context: DiscreteContext) -> [Finding] { [] }
    public static func fix(_ finding: Finding, in context: ScheduleContext) -> Fix? { nil }
    public static func fix(_ finding: Finding, discrete context: DiscreteContext) -> Fix? { nil }
}

/// Every rule, in code order.
public enum RuleCatalogue {
    public static let rules: [any LintRule.Type] = [
        S001ParseError.self, S002UnknownName.self, S003NonlinearTarget.self, S004IncompleteSchedule.self,
        S005BadDomain.self, S006UndefinedOnDomain.self,
        S101DetSingular.self, S102DetSingularEndpoint.self, S103AmplificationUnbounded.self,
        S201RhoIdenticallyZero.self, S202RhoVanishes.self, S203RhoWeak.self,
        S301NotVariancePreserving.self, S302StartNotData.self, S303TerminalSNRNonzero.self, S304LogSNRNotMonotone.self,
        S305FirstStepNotNoiseEnd.self, S306EpsPredictionZeroTerminalSNR.self, S307FinalStepNotData.self, S308BetaClipped.self,
        S401ExpectFailed.self, S402ExpectUnproven.self,
        S501UnusedDefinition.self, S502UnusedAllow.self,
    ]

    public static var infos: [RuleInfo] { rules.map { $0.info } }

    /// The rule with this code or name (case-insensitive), if any.
    public static func rule(named text: String) -> RuleInfo? {
        let key = text.lowercased()
        return infos.first { $0.code.lowercased() == key || $0.name == key }
    }

    /// The closest code or name, for a did-you-mean.
    public static func suggestion(for text: String) -> String? {
        let key = text.lowercased()
        let candidates = infos.flatMap { [$0.code, $0.name] }
        let best = candidates.map { ($0, editDistance(key, $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
