import Schedules

/// S001 parse-error: the file does not parse. Every syntax error is reported (the
/// parser recovers at the next statement), and the schedule it is in is not analysed.
public enum S001ParseError: LintRule {
    public static let info = RuleInfo(
        code: "S001", name: "parse-error", severity: .error,
        summary: "the file does not parse",
        explanation: """
        The file is not valid schedule syntax. The parser recovers at the next statement, so every error \
        of the file is reported at once; a schedule with an error is left out of the analysis. \
        Example: `alpha = cos(pi/2 t` (an unclosed parenthesis) or `time t in [0, 1` fires S001.
        """)

    public static func check(file: ScheduleFile) -> [Finding] { FileDiagnosticRules.findings(file, rule: info) }
}
