import Exact
import Symbolic

/// A parsed and validated discrete-time schedule file (`step n in 0..999`).
public struct DiscreteScheduleFile: Sendable {
    public var path: String
    public var source: SourceText
    public var schedules: [DiscreteSchedule]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func formattedDiagnostics() -> String {
        DiagnosticFormatter(fileName: path).format(diagnostics, in: source)
    }

    /// Whether `text` is a discrete-time schedule file: a line that begins with
    /// `step NAME in`. Files without one are continuous and parsed as before.
    public static func isDiscrete(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return words.count >= 3 && words[0] == "step" && (words[2] == "in" || words[2].hasPrefix("in"))
        }
    }
}

/// A diagnostic of the discrete-time language.
public struct DiscreteDiagnostic: DiagnosticMessage {
    public var id: DiagnosticID
    public var severity: Severity = .error
    public var message: String

    public init(_ id: DiagnosticID, _ message: String, severity: Severity = .error) {
        self.id = id
        self.message = message
        self.severity = severity
    }
}

/// The parser of discrete-time schedule files (grammar/schedule.ebnf, section 3.6).
///
/// The file structure is that of the continuous language (one statement a line,
/// `schedule NAME ["TITLE"] { … }` blocks, `#` comments); the statements are `step`,
/// `param NAME = EXPR`, `let`, `alpha =`, `sigma =`, `x_t =`, `target =`, `cite`,
/// `allow` and `sample`.
public struct DiscreteScheduleParser {
    /// The most steps a schedule may have: every quantity is evaluated at every step.
    public static let maximumSteps = 100_000

    var diagnostics: [Diagnostic] = []
    let path: String
    /// The second argument of each cumprod/cumsum of the schedule being read.
    var cumulativeSteps: [(name: String, range: SourceRange)] = []

    /// The largest file read (a list of 100,000 values fits).
    public static let maximumFileBytes = 8 << 20

    public static func parse(_ bytes: [UInt8], path: String) -> DiscreteScheduleFile {
        var parser = DiscreteScheduleParser(path: path)
        guard bytes.count <= maximumFileBytes else {
            parser.error("file-too-large", "file too large: \(bytes.count) bytes, at most \(maximumFileBytes)", at: SourceRange(at: .start))
            return DiscreteScheduleFile(path: path, source: SourceText(utf8: bytes.prefix(0)), schedules: [], diagnostics: parser.diagnostics)
        }
        let schedules = parser.parseFile(bytes)
        return DiscreteScheduleFile(path: path, source: SourceText(utf8: bytes), schedules: schedules,
                                    diagnostics: parser.diagnostics.sorted { $0.range.start < $1.range.start })
    }

    /// One line of the file with its position.
    struct Line {
        var number: Int
        var offset: Int
        var bytes: ArraySlice<UInt8>
        /// The text without the comment, trimmed, and the byte index where it starts.
        var content: String
        var contentStart: Int

        func location(_ byteIndex: Int) -> SourceLocation {
            let prefix = bytes[bytes.startIndex..<min(byteIndex, bytes.endIndex)]
            let column = prefix.filter { $0 & 0xC0 != 0x80 }.count + 1
            return SourceLocation(line: number, column: column, offset: byteIndex)
        }

        func range(_ from: Int, _ to: Int) -> SourceRange { SourceRange(start: location(from), end: location(to)) }

        /// The range of the whole statement.
        var whole: SourceRange { range(contentStart, contentStart + content.utf8.count) }
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var out: [Line] = []
        var start = 0, number = 1
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
            var end = i
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let slice = bytes[start..<end]
            var contentEnd = slice.endIndex
            var inString = false
            for j in slice.indices {
                if slice[j] == UInt8(ascii: "\"") { inString.toggle() }
                if slice[j] == UInt8(ascii: "#"), !inString { contentEnd = j; break }
            }
            var lo = slice.startIndex, hi = contentEnd
            while lo < hi, slice[lo] == 32 || slice[lo] == 9 { lo += 1 }
            while hi > lo, slice[hi - 1] == 32 || slice[hi - 1] == 9 { hi -= 1 }
            out.append(Line(number: number, offset: start, bytes: slice,
                            content: String(decoding: bytes[lo..<hi], as: UTF8.self), contentStart: lo))
            start = i + 1
            number += 1
        }
        return out
    }

    mutating func error(_ id: DiagnosticID, _ message: String, at range: SourceRange, notes: [Note] = []) {
        diagnostics.append(Diagnostic(DiscreteDiagnostic(id, message), at: range, notes: notes))
    }

    mutating func parseFile(_ bytes: [UInt8]) -> [DiscreteSchedule] {
        var schedules: [DiscreteSchedule] = []
        var block: [Line] = []
        var header: Line?
        for line in Self.lines(bytes) where !line.content.isEmpty {
            if header == nil {
                if line.content.hasPrefix("schedule"), line.content.hasSuffix("{") {
                    header = line
                    block = []
                } else {
                    error("expected-schedule", "expected 'schedule NAME {'", at: line.whole)
                }
                continue
            }
            if line.content == "}" {
                if let h = header, let s = parseSchedule(header: h, body: block) { schedules.append(s) }
                header = nil
                continue
            }
            block.append(line)
        }
        if let h = header { error("unclosed-schedule", "the schedule block is not closed: add '}'", at: h.whole) }
        var seen: Set<String> = []
        for s in schedules where !seen.insert(s.name).inserted {
            error("duplicate-schedule", "a schedule named '\(s.name)' is already defined", at: s.range)
        }
        return schedules
    }

    /// The text of `line` after `prefix` (in bytes from the content start), with the
    /// byte index where it begins, leading spaces skipped.
    static func rest(_ line: Line, after count: Int) -> (text: String, start: Int) {
        let utf8 = Array(line.content.utf8)
        var i = min(count, utf8.count)
        while i < utf8.count, utf8[i] == 32 || utf8[i] == 9 { i += 1 }
        return (String(decoding: utf8[i...], as: UTF8.self), line.contentStart + i)
    }

    /// Parses an expression written at byte `start` of `line`.
    mutating func expression(_ text: String, in line: Line, at start: Int, after: String) -> Expr? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else {
            error("expected-expression", "expected an expression after '\(after)'", at: line.range(start, start))
            return nil
        }
        let origin = line.location(start)
        let move = Relocation(line: origin.line, columnShift: origin.column - 1, offsetShift: origin.offset)
        let result = ExpressionParser.parse(trimmed, applicable: .any)
        if let e = result.expression { return move.apply(e) }
        diagnostics.append(move.apply(result.diagnostics[0]))
        return nil
    }

    mutating func parseSchedule(header: Line, body: [Line]) -> DiscreteSchedule? {
        let errorsBefore = diagnostics.count
        var words = header.content.dropFirst("schedule".count).dropLast().trimmingSpaces
        var title: String?
        if let quote = words.firstIndex(of: "\"") {
            title = String(words[quote...].dropFirst().prefix { $0 != "\"" })
            words = String(words[..<quote]).trimmingSpaces
        }
        let name = words
        if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            error("invalid-schedule-name", "expected a schedule name after 'schedule'", at: header.whole)
        }
        var step: (name: String, first: Int, last: Int, range: SourceRange)?
        var params: [(name: String, value: Expr, range: SourceRange)] = []
        var lets: [DiscreteLet] = []
        var alpha: (Expr, SourceRange)?, sigma: (Expr, SourceRange)?, forward: (Expr, SourceRange)?
        var target: (Expr, SourceRange)?
        var cite: String?
        var allows: [(rule: String, range: SourceRange)] = []
        var sampling: SamplingPlan?
        var stepWritten = false
        for line in body {
            let keyword = String(line.content.prefix { $0.isLetter || $0 == "_" || $0 == "α" || $0 == "σ" })
            switch keyword {
            case "step":
                stepWritten = true
                step = parseStep(line)
            case "param", "let":
                let (text, start) = Self.rest(line, after: keyword.utf8.count)
                guard let eq = text.firstIndex(of: "=") else {
                    error("expected-equals", "expected '=' after the name in '\(keyword)'", at: line.whole)
                    continue
                }
                guard let letName = NameSpelling.canonical(String(text[..<eq]).trimmingSpaces) else {
                    error("invalid-name", "expected a name after '\(keyword)'", at: line.whole)
                    continue
                }
                let valueText = String(text[text.index(after: eq)...])
                let valueStart = start + text[...eq].utf8.count
                if keyword == "param" {
                    if let e = expression(valueText, in: line, at: valueStart, after: "=") { params.append((letName, e, line.whole)) }
                } else if let kind = letKind(valueText, in: line, at: valueStart) {
                    lets.append(DiscreteLet(name: letName, kind: kind, range: line.whole))
                }
            case "alpha", "α", "sigma", "σ", "x_t", "target":
                let (text, start) = Self.rest(line, after: keyword.utf8.count)
                guard text.hasPrefix("=") else {
                    error("expected-equals", "expected '=' after '\(keyword)'", at: line.whole)
                    continue
                }
                guard let e = expression(String(text.dropFirst()), in: line, at: start + 1, after: "=") else { continue }
                switch keyword {
                case "alpha", "α": alpha = (e, line.whole)
                case "sigma", "σ": sigma = (e, line.whole)
                case "x_t": forward = (e, line.whole)
                default: target = (e, line.whole)
                }
            case "cite":
                cite = String(Self.rest(line, after: 4).text.dropFirst().dropLast())
            case "allow":
                let (text, start) = Self.rest(line, after: 5)
                var offset = start
                for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                    let rule = part.trimmingSpaces
                    allows.append((rule, line.range(offset, offset + part.utf8.count)))
                    offset += part.utf8.count + 1
                }
            case "sample":
                sampling = parseSampling(line)
            case "time":
                error("time-and-step", "a discrete-time schedule has a 'step' statement, not 'time'", at: line.whole,
                      notes: [Note("write continuous and discrete schedules in separate files")])
            default:
                error("unknown-statement", "unknown statement '\(keyword.isEmpty ? line.content : keyword)' in a discrete-time schedule (step, param, let, alpha, sigma, x_t, target, sample, cite, allow)",
                      at: line.whole)
            }
        }
        let stepsWritten = cumulativeSteps
        cumulativeSteps = []
        for (written, range) in stepsWritten where written != step?.name {
            error("cumulative-not-over-step", "'\(written)' is not the step variable: write cumprod(EXPR, \(step?.name ?? "n"))", at: range)
        }
        guard let step else {
            if stepWritten { return nil }
            error("missing-step", "schedule '\(name)' has no 'step NAME in FIRST..LAST' statement", at: header.whole)
            return nil
        }
        guard diagnostics.count == errorsBefore else { return nil }
        var checker = DiscreteScheduleChecker(stepName: step.name, first: step.first, last: step.last)
        var resolvedParams: [(name: String, value: Expr, range: SourceRange)] = []
        for p in params {
            guard let v = checker.resolve(p.value, vectors: false) else { continue }
            guard v.freeVariables.isEmpty else {
                checker.error("param-not-constant", "the value of the parameter '\(p.name)' must be a constant", at: p.value.range)
                continue
            }
            checker.params[p.name] = v
            resolvedParams.append((p.name, v, p.range))
        }
        var resolvedLets: [DiscreteLet] = []
        for l in lets {
            func r(_ e: Expr) -> Expr? { checker.resolve(e, vectors: false) }
            let kind: DiscreteLet.Kind?
            switch l.kind {
            case .expression(let e): kind = r(e).map { .expression($0) }
            case .cumulativeProduct(let e): kind = r(e).map { .cumulativeProduct($0) }
            case .cumulativeSum(let e): kind = r(e).map { .cumulativeSum($0) }
            case .minimum(let a, let b): kind = r(a).flatMap { a in r(b).map { .minimum(a, $0) } }
            case .maximum(let a, let b): kind = r(a).flatMap { a in r(b).map { .maximum(a, $0) } }
            case .list(let values):
                kind = .list(values)
                if values.count != step.last - step.first + 1 {
                    checker.error("list-length", "the list has \(values.count) values for the \(step.last - step.first + 1) steps \(step.first)..\(step.last)", at: l.range)
                }
            }
            checker.lets.insert(l.name)
            if let kind { resolvedLets.append(DiscreteLet(name: l.name, kind: kind, range: l.range)) }
        }
        var model = DiscreteSchedule(
            name: name, title: title, cite: cite, range: header.whole, stepName: step.name, first: step.first, last: step.last,
            stepRange: step.range, params: resolvedParams, lets: resolvedLets, alpha: .number(1), sigma: .number(0),
            forwardRange: header.whole, c: .number(0), d: .number(0), targetRange: header.whole, allows: allows, sampling: sampling)
        if let forward {
            if let e = checker.resolve(forward.0, vectors: true),
               let a = checker.linear(e, vectors: ["x0", "eps"], what: "the forward process", at: forward.1) {
                model.alpha = a["x0"]!
                model.sigma = a["eps"]!
            }
            model.forwardRange = forward.1
        } else if let alpha, let sigma {
            if let a = checker.resolve(alpha.0, vectors: false), let s = checker.resolve(sigma.0, vectors: false) {
                model.alpha = a
                model.sigma = s
            }
            model.forwardRange = alpha.1.union(sigma.1)
        } else {
            error("missing-forward-process", "schedule '\(name)' has no forward process: add 'x_t = …' or 'alpha = …' and 'sigma = …'", at: header.whole)
        }
        checker.coefficients = ["alpha": model.alpha, "sigma": model.sigma]
        if let target {
            let xt = Expr.binary(.add, .binary(.multiply, model.alpha, .variable("x0")), .binary(.multiply, model.sigma, .variable("eps")))
            if let e = checker.resolve(target.0, vectors: true),
               let coefficients = checker.linear(e.substituting(["x_t": xt]), vectors: ["x0", "eps"], what: "the target", at: target.1) {
                model.c = coefficients["x0"]!
                model.d = coefficients["eps"]!
            }
            model.targetRange = target.1
        } else {
            error("missing-target", "schedule '\(name)' has no target: add 'target = …'", at: header.whole)
        }
        diagnostics += checker.diagnostics
        return diagnostics.count == errorsBefore ? model : nil
    }

    /// `step n in 0..999`.
    mutating func parseStep(_ line: Line) -> (name: String, first: Int, last: Int, range: SourceRange)? {
        let parts = line.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 4, parts[2] == "in" || parts[2] == "∈" else {
            error("invalid-step", "expected 'step NAME in FIRST..LAST', e.g. 'step n in 0..999'", at: line.whole)
            return nil
        }
        let bounds = parts[3].components(separatedBy: "..")
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]) else {
            error("invalid-step-range", "the steps are written FIRST..LAST with integers, e.g. 0..999", at: line.whole)
            return nil
        }
        guard first <= last else {
            error("empty-step-range", "the step range \(first)..\(last) is empty", at: line.whole)
            return nil
        }
        guard last - first + 1 <= Self.maximumSteps else {
            error("too-many-steps", "\(last - first + 1) steps: at most \(Self.maximumSteps) are evaluated", at: line.whole)
            return nil
        }
        guard let name = NameSpelling.canonical(String(parts[1])) else {
            error("invalid-step", "expected a name after 'step'", at: line.whole)
            return nil
        }
        return (name, first, last, line.whole)
    }

    /// `sample steps 50 spacing leading offset 1 final first` (offset optional,
    /// default 0; final optional, default data).
    mutating func parseSampling(_ line: Line) -> SamplingPlan? {
        let parts = line.content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var steps: Int?, spacing: SamplingPlan.Spacing?, offset = 0
        var final: SamplingPlan.FinalStep? = .data
        var i = 1
        while i + 1 < parts.count {
            switch parts[i] {
            case "steps": steps = Int(parts[i + 1])
            case "spacing": spacing = SamplingPlan.Spacing(rawValue: parts[i + 1])
            case "offset": offset = Int(parts[i + 1]) ?? -1
            case "final": final = SamplingPlan.FinalStep(rawValue: parts[i + 1])
            default: i = parts.count
            }
            i += 2
        }
        guard i == parts.count, let steps, steps > 0, let spacing, offset >= 0, let final else {
            error("invalid-sample", "expected 'sample steps S spacing linspace|leading|trailing [offset K] [final data|first]' with S > 0 and K ≥ 0", at: line.whole)
            return nil
        }
        var finalRange: SourceRange?
        if let clause = line.content.range(of: "final") {
            let start = line.contentStart + line.content.utf8.distance(from: line.content.startIndex, to: clause.lowerBound)
            finalRange = line.range(start, line.contentStart + line.content.utf8.count)
        }
        return SamplingPlan(steps: steps, spacing: spacing, offset: offset, final: final, range: line.whole, finalRange: finalRange)
    }

    /// A let's value: `cumprod(E, n)`, `cumsum(E, n)`, `min(E, E)`, `max(E, E)`, a list
    /// `[v, v, …]` of numbers, or an expression.
    mutating func letKind(_ text: String, in line: Line, at start: Int) -> DiscreteLet.Kind? {
        let lead = text.prefix { $0 == " " || $0 == "\t" }.utf8.count
        let body = text.trimmingSpaces
        let bodyStart = start + lead
        if body.hasPrefix("[") {
            guard body.hasSuffix("]") else {
                error("unclosed-list", "expected ']' to close the list", at: line.range(bodyStart, bodyStart + body.utf8.count))
                return nil
            }
            var values: [Rational] = []
            var offset = bodyStart + 1
            for item in body.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false) {
                let itemText = item.trimmingSpaces
                guard let e = expression(itemText.isEmpty ? "" : String(item), in: line, at: offset, after: values.isEmpty ? "[" : ",") else { return nil }
                guard let r = (try? Simplifier().canonicalForm(of: e))?.rationalValue else {
                    error("list-not-rational", "a list holds numbers: '\(itemText)' is not a rational number", at: e.range ?? line.whole)
                    return nil
                }
                values.append(r)
                offset += item.utf8.count + 1
            }
            return .list(values)
        }
        for function in ["cumprod", "cumsum", "min", "max"] where body.hasPrefix(function + "(") {
            guard body.hasSuffix(")"), let comma = Self.topLevelComma(body, from: function.count + 1) else {
                error(DiagnosticID(rawValue: "invalid-\(function)"), "expected '\(function)(EXPR, \(function.hasPrefix("cum") ? "STEP" : "EXPR"))' as the whole value of the let",
                      at: line.range(bodyStart, bodyStart + body.utf8.count))
                return nil
            }
            let utf8 = Array(body.utf8)
            let firstText = String(decoding: utf8[(function.count + 1)..<comma], as: UTF8.self)
            let secondText = String(decoding: utf8[(comma + 1)..<(utf8.count - 1)], as: UTF8.self)
            guard let e1 = expression(firstText, in: line, at: bodyStart + function.count + 1, after: "(") else { return nil }
            if function.hasPrefix("cum") {
                guard secondText.trimmingSpaces.isEmpty == false else {
                    error(DiagnosticID(rawValue: "invalid-\(function)"), "\(function) needs the step variable as its second argument", at: line.whole)
                    return nil
                }
                let lead = secondText.prefix { $0 == " " || $0 == "\t" }.utf8.count
                cumulativeSteps.append((NameSpelling.canonical(secondText.trimmingSpaces) ?? secondText.trimmingSpaces,
                                        line.range(bodyStart + comma + 1 + lead, bodyStart + utf8.count - 1)))
                return function == "cumprod" ? .cumulativeProduct(e1) : .cumulativeSum(e1)
            }
            guard let e2 = expression(secondText, in: line, at: bodyStart + comma + 1, after: ",") else { return nil }
            return function == "min" ? .minimum(e1, e2) : .maximum(e1, e2)
        }
        return expression(text, in: line, at: start, after: "=").map { .expression($0) }
    }

    /// The byte index of the first comma outside parentheses after `from`.
    static func topLevelComma(_ text: String, from: Int) -> Int? {
        var depth = 0
        for (i, b) in text.utf8.enumerated() where i >= from {
            switch b {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: ",") where depth == 0: return i
            default: break
            }
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
