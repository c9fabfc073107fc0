import Exact
import Schedules
import Symbolic

/// One statement line of a schedule being built, and the key under which a later
/// statement replaces it (`alpha`, `param k`, `let g`, `expect rho == 0`).
public struct StatementLine: Sendable, Equatable {
    public var key: String
    public var text: String
}

/// A schedule of the session: its statement lines, as typed (one per key), and the
/// model validated from them.
///
/// The lines are the truth: `sourceText` is the `.sched` file `:save` writes, and
/// the model is rebuilt from that text after every statement. While the schedule is
/// incomplete (no forward process or no target yet) the model is validated with
/// placeholders for the missing statements (`alpha = 1`, `sigma = 1`,
/// `target = eps`), which are never shown or saved.
public struct SessionSchedule: Sendable {
    public var name: String
    public var title: String?
    public private(set) var lines: [StatementLine] = []
    /// The validated model (with placeholders while incomplete).
    public private(set) var model: Schedule?

    public init(name: String, title: String? = nil) {
        self.name = name
        self.title = title
        model = Self.validate(name: name, titleText: titleText, lines: []).model
    }

    var keys: Set<String> { Set(lines.map(\.key)) }
    public var hasForward: Bool { keys.contains("x_t") || (keys.contains("alpha") && keys.contains("sigma")) }
    public var hasAlpha: Bool { keys.contains("x_t") || keys.contains("alpha") }
    public var hasSigma: Bool { keys.contains("x_t") || keys.contains("sigma") }
    public var hasTarget: Bool { keys.contains("target") }
    public var isComplete: Bool { hasForward && hasTarget }

    /// What is still to be given, for messages.
    public var missing: [String] {
        var out: [String] = []
        if !hasAlpha && !hasSigma { out.append("the forward process (x_t = … or alpha = … and sigma = …)") } else {
            if !hasAlpha { out.append("alpha") }
            if !hasSigma { out.append("sigma") }
        }
        if !hasTarget { out.append("the target (target = …)") }
        return out
    }

    /// The `.sched` text of the schedule as typed (what `:save` writes).
    public var sourceText: String {
        var text = "schedule \(name)\(titleText) {\n"
        for line in lines { text += "  \(line.text)\n" }
        return text + "}\n"
    }

    var titleText: String {
        guard let title else { return "" }
        return " \"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The text validated for `lines`: placeholders for the forward process first,
    /// for the target last. Returns the text and the file line of `lines[0]`.
    static func probeText(name: String, titleText: String, lines: [StatementLine]) -> (String, Int) {
        let keys = Set(lines.map(\.key))
        var text = "schedule \(name)\(titleText) {\n"
        var first = 2
        if !keys.contains("x_t") {
            // A declared `function alpha` is its own placeholder (it must be alpha itself).
            for quantity in ["alpha", "sigma"] where !keys.contains(quantity) {
                let value = keys.contains("function \(quantity)") ? quantity : "1"
                text += "  \(quantity) = \(value)\n"
                first += 1
            }
        }
        for line in lines { text += "  \(line.text)\n" }
        if !keys.contains("target") { text += "  target = eps\n" }
        return (text + "}\n", first)
    }

    /// Validates `lines` (with placeholders): the model, or the diagnostics by line
    /// index (nil index: not on a statement line).
    static func validate(name: String, titleText: String, lines: [StatementLine])
        -> (model: Schedule?, problems: [(index: Int?, diagnostic: Diagnostic, lineStart: Int, fileLine: Int)]) {
        let (text, first) = probeText(name: name, titleText: titleText, lines: lines)
        let file = ScheduleFile(parsing: text, path: "<repl>")
        var starts: [Int] = [0]
        for (i, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        let problems = file.diagnostics.filter { $0.severity == .error }.map { d -> (Int?, Diagnostic, Int, Int) in
            let index = d.line - first
            let start = d.line - 1 < starts.count ? starts[d.line - 1] : 0
            return (lines.indices.contains(index) ? index : nil, d, start, d.line)
        }
        return (file.schedules.first, problems)
    }

    /// Replaces the lines and the model (already validated).
    mutating func set(lines: [StatementLine], model: Schedule?) {
        self.lines = lines
        self.model = model
    }

    /// The statement key of a parsed statement.
    static func key(of statement: StatementSyntax) -> String? {
        switch statement.kind {
        case .time: return "time"
        case .param(let id, _, _): return "param \(id.name)"
        case .letBinding(let id, _): return "let \(id.name)"
        case .function(let id): return "function \(id.name)"
        case .forwardProcess: return "x_t"
        case .alpha: return "alpha"
        case .sigma: return "sigma"
        case .target: return "target"
        case .dataVariance: return "data variance"
        case .expect(_, let text): return "expect \(text)"
        case .cite: return "cite"
        case .allow: return "allow"
        case .invalid: return nil
        }
    }

    /// The lines of the schedule block `schedule` of a validated file, without blank
    /// lines and whole-line comments.
    static func lines(of schedule: Schedule, source: String) -> [StatementLine] {
        let all = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [StatementLine] = []
        var i = schedule.range.start.line   // the line after the header (0-based index)
        while i < all.count {
            let text = all[i].trimmingCharacters(in: [" ", "\t", "\r", "\u{A0}"])
            i += 1
            if text == "}" { break }
            if text.isEmpty || text.hasPrefix("#") { continue }
            let block = ScheduleParser.parse("schedule s {\n  \(text)\n}\n")
            guard let statement = block.schedules.first?.statements.first, let key = key(of: statement) else { continue }
            if let j = out.firstIndex(where: { $0.key == key }) { out[j].text = text } else { out.append(StatementLine(key: key, text: text)) }
        }
        return out
    }

    /// Builds a session schedule from a valid schedule of a file.
    static func loaded(_ schedule: Schedule, source: String) -> SessionSchedule {
        var s = SessionSchedule(name: schedule.name, title: schedule.title)
        let lines = lines(of: schedule, source: source)
        let (model, _) = validate(name: s.name, titleText: s.titleText, lines: lines)
        s.set(lines: lines, model: model ?? schedule)
        return s
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
