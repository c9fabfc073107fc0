import Schedules
import Symbolic

/// The file-level rules (S001–S005) turn the parser's and validator's diagnostics
/// into findings: each diagnostic ID belongs to exactly one of them.
enum FileDiagnosticRules {
    static let unknownName: Set<String> = ["unknown-name", "used-before-definition", "unknown-parameter"]
    static let nonlinear: Set<String> = ["non-linear", "constant-term"]
    static let incomplete: Set<String> = ["missing-forward-process", "missing-target", "incomplete-forward-process"]
    static let badDomain: Set<String> = ["empty-interval", "non-constant-bound", "infinite-lower-bound", "closed-infinite-end"]

    /// The code that reports a diagnostic with this ID.
    static func code(for id: String) -> String {
        if unknownName.contains(id) { return "S002" }
        if nonlinear.contains(id) { return "S003" }
        if incomplete.contains(id) { return "S004" }
        if badDomain.contains(id) { return "S005" }
        return "S001"
    }

    static func findings(_ file: ScheduleFile, rule: RuleInfo) -> [Finding] {
        file.diagnostics.filter { code(for: $0.id.rawValue) == rule.code }.map { d in
            var notes = d.notes.map { note in
                note.range.map { "\(note.message) (at \($0.start))" } ?? note.message
            }
            notes += d.fixIts.map { "fix: replace with '\($0.replacement)'" }
            return Finding(rule, d.message, at: d.range, notes: notes, evidence: [("diagnostic", .string(d.id.rawValue))],
                           severity: d.severity)
        }
    }
}
