import Schedules
import Symbolic

/// `--format json`: one array of diagnostics, in output order.
public enum JSONReporter {
    public static func value(_ results: [FileLintResult]) -> JSONValue {
        .array(results.flatMap { r in r.findings.map { object($0, path: r.path) } })
    }

    public static func render(_ results: [FileLintResult]) -> String { value(results).serialized() + "\n" }

    static func object(_ f: Finding, path: String) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("file", .string(path)),
            ("line", .int(f.range.start.line)), ("column", .int(f.range.start.column)),
            ("end_line", .int(f.range.end.line)), ("end_column", .int(f.range.end.column)),
            ("code", .string(f.rule.code)), ("name", .string(f.rule.name)),
            ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
            ("notes", .array(f.notes.map { .string($0) })),
            ("evidence", .object(f.evidence.map { ($0.key, $0.value) })),
            ("fixes", .array(f.fixes.map(fix))),
        ]
        if let s = f.schedule { fields.append(("schedule", .string(s))) }
        return .object(fields)
    }

    /// A fix: its message and its edits, each a range (lines and columns, and byte
    /// offsets of the start and the end) and the text that replaces it.
    static func fix(_ fix: Fix) -> JSONValue {
        .object([
            ("message", .string(fix.message)),
            ("edits", .array(fix.edits.map { e in
                .object([
                    ("line", .int(e.range.start.line)), ("column", .int(e.range.start.column)),
                    ("end_line", .int(e.range.end.line)), ("end_column", .int(e.range.end.column)),
                    ("offset", .int(e.range.start.offset)), ("end_offset", .int(e.range.end.offset)),
                    ("replacement", .string(e.replacement)),
                ])
            })),
        ])
    }
}
