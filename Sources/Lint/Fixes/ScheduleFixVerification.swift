import Exact
import Schedules
import Symbolic

/// Checks a proposed fix before a rule offers it: the edits are applied to the file,
/// the fixed file is validated and the schedule linted again with every rule. The fix
/// is offered only when the finding is gone (`resolved`) and no error is added.
///
/// A new target changes what the schedule's `expect` lines are about: a claim that
/// was proven of the old schedule and is not proven of the fixed one is removed by
/// the fix (and the fix says so); a claim that was already refuted stays refuted.
enum ScheduleFixVerification {
    static func verified(_ message: String, _ edits: [TextEdit], in c: ScheduleContext,
                         resolved: ([Finding]) -> Bool) -> Fix? {
        guard c.fixOptions != nil, Deadline.exceeded == nil else { return nil }
        let source = c.file.source
        guard let (fixedFile, fixed) = lintFixed(Fix(message: message, edits: edits), c) else { return nil }
        let before = Dictionary(ExpectationRules.verdicts(c).map { ($0.0.text, $0.1.status) }, uniquingKeysWith: { a, _ in a })
        // Expectations of the new schedule, by the range its findings point at.
        let newSchedule = fixedFile.schedules.first { $0.name == c.schedule.name }!
        var dropped: [Expectation] = []
        var remaining: [Finding] = []
        for f in fixed {
            if f.rule.code == S401ExpectFailed.info.code || f.rule.code == S402ExpectUnproven.info.code,
               let e = newSchedule.expectations.first(where: { $0.range == f.range }) {
                if before[e.text] == .proven {
                    if let old = c.schedule.expectations.first(where: { $0.text == e.text && !dropped.map(\.text).contains(e.text) }) {
                        dropped.append(old)
                        continue
                    }
                } else if before[e.text] != nil {
                    continue   // already refuted or unproven before the fix: not added by it
                }
            }
            remaining.append(f)
        }
        guard Deadline.exceeded == nil, !remaining.contains(where: { $0.severity == .error }), resolved(remaining) else { return nil }
        let deletions = dropped.map { TextEdit(range: source.lineRange(ofStatement: $0.range), replacement: "") }
        let said = dropped.isEmpty ? "" : "; removes " + dropped.map { "'expect \($0.text)'" }.joined(separator: ", ")
            + (dropped.count == 1 ? ", which holds" : ", which hold") + " of the old target only"
        return Fix(message: message + said, edits: edits + deletions)
    }

    /// The fixed file and the findings of the fixed schedule (no fixes computed), or
    /// nil when the fixed file has more errors than the original or lost the schedule.
    static func lintFixed(_ fix: Fix, _ c: ScheduleContext) -> (ScheduleFile, [Finding])? {
        let (bytes, applied) = Fix.apply([fix], to: c.file.source.bytes)
        guard applied.count == 1 else { return nil }
        let file = ScheduleFile(parsing: bytes, path: c.file.path)
        func errors(_ f: ScheduleFile) -> Int { f.diagnostics.filter { $0.severity == .error }.count }
        guard errors(file) <= errors(c.file), let schedule = file.schedules.first(where: { $0.name == c.schedule.name }) else { return nil }
        return (file, Linter.lintSchedule(schedule, in: file, rules: RuleCatalogue.rules, options: LintOptions()))
    }
}
