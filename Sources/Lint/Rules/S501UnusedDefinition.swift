import Schedules
import Symbolic

/// S501 unused-definition: a `let` or `param` is never used.
public enum S501UnusedDefinition: LintRule {
    public static let info = RuleInfo(
        code: "S501", name: "unused-definition", severity: .note,
        summary: "a `let` or `param` is never used",
        explanation: """
        A `let` or `param` of the schedule is not mentioned by any other statement (forward process, \
        target, data variance, time domain, other lets, claims). It is probably a leftover or a typo. \
        Example: `param beta_max = 20` in a schedule whose coefficients never mention beta_max fires S501.
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        let s = c.schedule
        let bytes = c.file.source.bytes
        // Every statement of the schedule other than the definition itself.
        var ranges: [(String, SourceRange)] = s.statementRanges.map { ($0.key, $0.value) }
        ranges += s.expectations.map { ("expect", $0.range) }
        ranges.append(("target", s.targetRange))
        func words(_ r: SourceRange) -> Set<String> {
            let lo = max(0, min(r.start.offset, bytes.count)), hi = max(lo, min(r.end.offset, bytes.count))
            return identifiers(in: String(decoding: bytes[lo..<hi], as: UTF8.self))
        }
        let used = ranges.map { (key: $0.0, words: words($0.1)) }
        var out: [Finding] = []
        let definitions = s.params.map { ("param", $0.name, $0.range) } + s.lets.map { ("let", $0.name, $0.range) }
        for (kind, name, range) in definitions {
            let own = "\(kind) \(name)"
            if used.contains(where: { $0.key != own && $0.words.contains(name) }) { continue }
            out.append(Finding(info, "\(kind) '\(name)' is never used", at: range,
                               notes: ["no other statement of schedule '\(s.name)' mentions '\(name)'"],
                               evidence: [("kind", .string(kind)), ("name", .string(name))], schedule: s.name))
        }
        return out
    }

    /// The canonical names of a statement's text (comments excluded), so that a use
    /// spelled `σ_d` counts for `param sigma_d`.
    static func identifiers(in text: String) -> Set<String> {
        let code = text.prefix { $0 != "#" }
        return Set(NameSpelling.names(in: String(code)))
    }
}
