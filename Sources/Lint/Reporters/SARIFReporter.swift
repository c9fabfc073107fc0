import Schedules
import Symbolic

/// `--format sarif`: SARIF 2.1.0 (one run; the rule catalogue in the driver; each
/// result with ruleId, ruleIndex, level, message and a physical location whose uri is
/// relative to the working directory).
public enum SARIFReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func value(_ results: [FileLintResult], toolVersion: String, workingDirectory: String? = nil) -> JSONValue {
        let rules = RuleCatalogue.infos
        let driver: JSONValue = .object([
            ("name", .string("sched")),
            ("version", .string(toolVersion)),
            ("rules", .array(rules.map { r in
                .object([
                    ("id", .string(r.code)), ("name", .string(r.name)),
                    ("shortDescription", .object([("text", .string(r.summary))])),
                    ("fullDescription", .object([("text", .string(r.explanation))])),
                    ("help", .object([("text", .string(r.explanation))])),
                    ("defaultConfiguration", .object([("level", .string(level(r.severity)))])),
                ])
            })),
        ])
        let items: [JSONValue] = results.flatMap { file in
            file.findings.map { f in
                var region: [(String, JSONValue)] = [("startLine", .int(f.range.start.line)), ("startColumn", .int(f.range.start.column))]
                if f.range.end.offset > f.range.start.offset {
                    region += [("endLine", .int(f.range.end.line)), ("endColumn", .int(f.range.end.column))]
                }
                let text = ([f.message] + f.notes).joined(separator: "\n")
                var properties: [(String, JSONValue)] = [("name", .string(f.rule.name))]
                properties += f.evidence.map { ($0.key, $0.value) }
                let location = uri(file.path, workingDirectory: workingDirectory)
                var result: [(String, JSONValue)] = [
                    ("ruleId", .string(f.rule.code)),
                    ("ruleIndex", .int(rules.firstIndex { $0.code == f.rule.code } ?? 0)),
                    ("level", .string(level(f.severity))),
                    ("message", .object([("text", .string(text))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(location))])),
                        ("region", .object(region)),
                    ]))])])),
                    ("properties", .object(properties)),
                ]
                if !f.fixes.isEmpty { result.append(("fixes", .array(f.fixes.map { fix($0, uri: location) }))) }
                return .object(result)
            }
        }
        return .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("results", .array(items))])])),
        ])
    }

    public static func render(_ results: [FileLintResult], toolVersion: String, workingDirectory: String? = nil) -> String {
        value(results, toolVersion: toolVersion, workingDirectory: workingDirectory).serialized() + "\n"
    }

    /// SARIF's `fix` (§3.55): a description and one artifactChange whose replacements
    /// each delete a region (lines and columns, and its bytes) and insert text.
    static func fix(_ fix: Fix, uri: String) -> JSONValue {
        .object([
            ("description", .object([("text", .string(fix.message))])),
            ("artifactChanges", .array([.object([
                ("artifactLocation", .object([("uri", .string(uri))])),
                ("replacements", .array(fix.edits.map { e in
                    .object([
                        ("deletedRegion", .object([
                            ("startLine", .int(e.range.start.line)), ("startColumn", .int(e.range.start.column)),
                            ("endLine", .int(e.range.end.line)), ("endColumn", .int(e.range.end.column)),
                            ("byteOffset", .int(e.range.start.offset)), ("byteLength", .int(e.range.end.offset - e.range.start.offset)),
                        ])),
                        ("insertedContent", .object([("text", .string(e.replacement))])),
                    ])
                })),
            ])])),
        ])
    }

    static func level(_ s: Severity) -> String {
        switch s { case .error: return "error"; case .warning: return "warning"; case .note: return "note" }
    }

    /// A relative URI reference: the path relative to the working directory when it
    /// is inside it, percent-encoded; standard input is `stdin`.
    static func uri(_ path: String, workingDirectory: String?) -> String {
        if path == "<stdin>" { return "stdin" }
        var p = path
        if let wd = workingDirectory, p.hasPrefix(wd + "/") { p = String(p.dropFirst(wd.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        var out = ""
        for byte in p.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) { out.append(c) } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return p.hasPrefix("/") ? "file://" + out : out
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
