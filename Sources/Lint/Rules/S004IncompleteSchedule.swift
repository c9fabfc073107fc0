import Schedules

/// S004 incomplete-schedule: no forward process or no target.
public enum S004IncompleteSchedule: LintRule {
    public static let info = RuleInfo(
        code: "S004", name: "incomplete-schedule", severity: .error,
        summary: "the schedule has no forward process or no target",
        explanation: """
        A schedule needs a forward process (`x_t = …`, or `alpha = …` together with `sigma = …`) and a \
        `target = …`. Example: a schedule with `alpha = 1 - t` and `sigma = t` but no target fires S004 \
        "schedule 'f' has no target: add 'target = …'".
        """)

    public static func check(file: ScheduleFile) -> [Finding] { FileDiagnosticRules.findings(file, rule: info) }
}
