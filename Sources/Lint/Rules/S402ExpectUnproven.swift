import Schedules

/// S402 expect-unproven: a claim could be neither proven nor refuted.
public enum S402ExpectUnproven: LintRule {
    public static let info = RuleInfo(
        code: "S402", name: "expect-unproven", severity: .warning,
        summary: "an `expect` claim could be neither proven nor refuted",
        explanation: """
        sched never accepts a claim on floating-point evidence: when neither a proof nor a counterexample \
        is found (a zero set that depends on a symbolic parameter, a constant whose sign cannot be \
        decided), the claim is reported unproven with what was tried. Example: `param k > 0`, \
        `alpha = 1 - t`, `sigma = t`, `target = x0 + k eps` with `expect zeros(det) == {}` fires S402 \
        (the zeros of det A depend on k).
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        ExpectationRules.verdicts(c).compactMap { e, v in
            guard v.status == .unknown else { return nil }
            return Finding(info, "expect \(e.text) could be neither proven nor refuted", at: e.range,
                           notes: ["tried: \(v.evidence)"],
                           evidence: [("claim", .string(e.text)), ("status", "unknown"), ("evidence", .string(v.evidence))], schedule: c.schedule.name)
        }
    }
}
