import Schedules

/// S502 unused-allow: an `allow` (in a schedule or a `# sched: allow` comment)
/// suppresses nothing, or names no rule. Reported by the engine, which applies the
/// suppressions.
public enum S502UnusedAllow: LintRule {
    public static let info = RuleInfo(
        code: "S502", name: "unused-allow", severity: .note,
        summary: "an `allow` suppresses nothing",
        explanation: """
        `allow RULE, …` inside a schedule silences a rule for that schedule, and `# sched: allow RULE` at \
        the end of a line silences it for findings on that line. An allow that silences nothing (the rule \
        does not fire there, or the name is not a rule) is reported so that stale suppressions do not \
        accumulate. Example: in rectified flow (ρ vanishes at t = 1/2, never identically) `allow S202` \
        is used and `allow S201` fires S502.
        """)
}
