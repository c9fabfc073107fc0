import Schedules

/// S005 bad-domain: the time interval is empty, reversed or not constant.
public enum S005BadDomain: LintRule {
    public static let info = RuleInfo(
        code: "S005", name: "bad-domain", severity: .error,
        summary: "the time interval is empty, reversed or not constant",
        explanation: """
        The `time` statement must give an interval with constant ends, lower < upper, a finite lower end \
        and an open infinite upper end. Example: `time t in [1, 0]` fires S005 "the time interval [1, 0] \
        is empty"; `time t in [0, t]` fires it because the bound depends on t.
        """)

    public static func check(file: ScheduleFile) -> [Finding] { FileDiagnosticRules.findings(file, rule: info) }
}
