import Schedules

/// S401 expect-failed: an `expect` claim is refuted.
public enum S401ExpectFailed: LintRule {
    public static let info = RuleInfo(
        code: "S401", name: "expect-failed", severity: .error,
        summary: "an `expect` claim is refuted",
        explanation: """
        An `expect` claim of the schedule is false, and sched has proof: an exact point where the claimed \
        identity, sign or zero set fails (the counterexample and the values there), or an exact \
        disagreement. Every claim form is checked: `Q == EXPR`, `Q != 0`, `Q == 0 at t = EXPR`, \
        `zeros(Q) == {…}`, `Q > 0`, `Q < 0`. Example: rectified flow with `expect rho > 0` fires S401 \
        ("rho vanishes at t = 1/2").
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        ExpectationRules.verdicts(c).compactMap { e, v in
            guard v.status == .refuted else { return nil }
            var notes = [v.evidence]
            var evidence: [(key: String, value: JSONValue)] = [("claim", .string(e.text)), ("status", "refuted"), ("evidence", .string(v.evidence))]
            if let point = v.counterexample, !point.isEmpty {
                notes.insert("counterexample: \(point)", at: 0)
                evidence.append(("counterexample", .string(point)))
            }
            let evidenceText = v.evidence.hasSuffix(" at ") ? String(v.evidence.dropLast(4)) + " (a nonzero constant)" : v.evidence
            notes[notes.count - 1] = evidenceText
            return Finding(info, "expect \(e.text) is false: \(evidenceText)", at: e.range, notes: notes,
                           evidence: evidence, schedule: c.schedule.name)
        }
    }
}

enum ExpectationRules {
    static func verdicts(_ c: ScheduleContext) -> [(Expectation, ClaimVerdict)] {
        c.claimCache.verdicts {
            let checker = ClaimChecker(c.analysis)
            return c.schedule.expectations.map { ($0, checker.check($0.claim)) }
        }
    }
}
