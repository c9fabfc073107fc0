import Schedules
import Symbolic

/// GNU/rustc-style text: `file:line:col: severity[CODE name]: message`, the source
/// line with carets (drawn by `DiagnosticFormatter`), `= note:` lines, a `= help:`
/// line, and a summary at the end. Colour only when asked (the command asks on a TTY
/// without NO_COLOR).
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ results: [FileLintResult]) -> String {
        var out = ""
        for r in results {
            for f in r.findings { out += render(f, path: r.path, source: r.source) + "\n\n" }
        }
        out += summary(results) + "\n"
        return out
    }

    public func render(_ f: Finding, path: String, source: SourceText) -> String {
        let message = LintMessage(severity: f.severity, text: f.message, code: f.rule.code)
        let diagnostic = Diagnostic(message, at: f.range, notes: f.notes.map { Note($0) })
        var lines = DiagnosticFormatter(fileName: path).format(diagnostic, in: source).components(separatedBy: "\n")
        let severity = paint(f.severity.rawValue + "[\(f.rule.label)]", style: Self.style(f.severity))
        lines[0] = paint("\(path):\(f.range.start.line):\(f.range.start.column):", style: "1") + " \(severity): " + paint(f.message, style: "1")
        let gutter = String(repeating: " ", count: String(f.range.start.line).count + 1)
        // An empty gutter line above the source line, as rustc draws it.
        if lines.count > 1 { lines.insert(gutter + "|", at: 1) }
        lines.append(gutter + "= help: see `sched explain \(f.rule.code)`")
        return lines.joined(separator: "\n")
    }

    /// `2 errors, 3 warnings, 1 note in 4 files`.
    public func summary(_ results: [FileLintResult]) -> String {
        let all = results.flatMap(\.findings)
        func count(_ s: Severity, _ word: String) -> String {
            let n = all.filter { $0.severity == s }.count
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        let files = results.count
        return "\(count(.error, "error")), \(count(.warning, "warning")), \(count(.note, "note")) in \(files) file\(files == 1 ? "" : "s")"
    }

    static func style(_ s: Severity) -> String {
        switch s { case .error: return "1;31"; case .warning: return "1;33"; case .note: return "1;36" }
    }

    func paint(_ text: String, style: String) -> String {
        color ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}

/// Adapts a finding to `Diagnostic` so that `DiagnosticFormatter` draws its snippet.
struct LintMessage: DiagnosticMessage {
    var severity: Severity
    var text: String
    var code: String
    var id: DiagnosticID { DiagnosticID(rawValue: code) }
    var message: String { text }
}
