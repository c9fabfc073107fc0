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
        ]
        if let s = f.schedule { fields.append(("schedule", .string(s))) }
        return .object(fields)
    }
}
