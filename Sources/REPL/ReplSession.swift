import Exact
import Foundation
import Schedules
import Symbolic

/// How expressions are printed.
public enum OutputStyle: String, Sendable { case unicode, ascii }

/// What one input line produced.
public struct ReplReply: Sendable {
    /// The answer, for standard output (ends with a newline when not empty).
    public var output: String = ""
    /// Formatted diagnostics, for standard error (ends with a newline when not empty).
    public var errors: String = ""
    /// True when the line failed (batch mode exits 1 if any line failed).
    public var failed: Bool = false
    /// True after `:quit`.
    public var quit: Bool = false

    public init() {}
}

/// The engine of `sched repl`: one session, fed one line at a time, with no terminal.
///
/// A session holds schedules (one current); typed statements edit the current one,
/// queries and commands read it. Errors never end a session: a bad line gets a
/// diagnostic with a caret under the offending column and changes nothing.
public struct ReplSession: Sendable {
    public internal(set) var schedules: [SessionSchedule]
    public internal(set) var current: Int = 0
    public var style: OutputStyle = .unicode
    /// ANSI colours in plots (interactive mode only).
    public var colour: Bool = false
    /// The file name of diagnostics: `<stdin>`.
    public var inputName: String = "<stdin>"
    /// Width of plots in character cells.
    public var plotWidth: Int = 61
    public var plotHeight: Int = 12
    /// Diagnostics of a loaded file, reported with the line that loaded it.
    var pendingErrors = ""

    public init() {
        schedules = [SessionSchedule(name: "repl")]
    }

    public var schedule: SessionSchedule { schedules[current] }

    // MARK: - One line

    /// Runs one line typed as line `lineNumber` of the session.
    public mutating func execute(_ rawLine: String, lineNumber: Int) -> ReplReply {
        var line = rawLine
        if line.hasSuffix("\r") { line.removeLast() }
        var reply = ReplReply()
        do {
            let text = try run(line)
            if !text.isEmpty { reply.output = text.hasSuffix("\n") ? text : text + "\n" }
            if !pendingErrors.isEmpty {
                reply.failed = true
                reply.errors = pendingErrors
                pendingErrors = ""
            }
        } catch let failure as ReplFailure {
            pendingErrors = ""
            reply.failed = true
            let formatter = DiagnosticFormatter(fileName: inputName)
            let source = SourceText(line)
            reply.errors = failure.diagnostics.map { formatter.format(LineText.renumbered($0, line: lineNumber), in: source) }
                .joined(separator: "\n") + "\n"
        } catch let quit as QuitRequest {
            reply.quit = true
            _ = quit
        } catch {
            reply.failed = true
            reply.errors = "\(inputName):\(lineNumber):1: error: \(error)\n"
        }
        return reply
    }

    struct QuitRequest: Error {}

    mutating func run(_ line: String) throws -> String {
        let trimmed = line.trimmingCharacters(in: [" ", "\t", "\u{A0}"])
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return "" }
        if trimmed.hasPrefix(":") { return try command(line) }
        if let pasted = try pastedBlockLine(trimmed) { return pasted }
        if Self.isStatement(trimmed) { return try statement(line) }
        return try query(line)
    }

    /// True when `text` starts like a schedule statement (not a query such as
    /// `alpha^2` or `alpha at t = 1/2`).
    static func isStatement(_ text: String) -> Bool {
        let word = String(text.prefix { !$0.isWhitespace && $0 != "=" })
        switch word {
        case "time", "param", "let", "function", "expect", "cite", "allow":
            return text.count > word.count
        case "data":
            return text.dropFirst(4).drop { $0.isWhitespace }.hasPrefix("variance")
        case "x_t", "alpha", "α", "sigma", "σ", "target":
            let rest = text.dropFirst(word.count).drop { $0.isWhitespace }
            return rest.hasPrefix("=") && !rest.hasPrefix("==")
        default:
            return false
        }
    }

    // MARK: - Statements

    mutating func statement(_ line: String) throws -> String {
        // Parse the line alone, for its syntax errors and its key.
        let block = ScheduleParser.parse("schedule s {\n  \(line)\n}\n")
        let lineStart = "schedule s {\n".utf8.count
        let fallback = LineText.range(in: line, columns: 1..<1)
        let errors = block.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw ReplFailure(errors.map {
                LineText.relocate($0, fromLine: 2, lineStart: lineStart, columns: -2, bytes: -2, fallback: fallback)
            })
        }
        guard let syntax = block.schedules.first?.statements.first, let key = SessionSchedule.key(of: syntax) else {
            throw ReplFailure("invalid-statement", "not a statement", in: line)
        }
        let text = line.trimmingCharacters(in: [" ", "\t", "\u{A0}"])
        var s = schedules[current]
        var lines = s.lines
        switch key {
        case "x_t":
            // x_t = … replaces alpha and sigma.
            if let i = lines.firstIndex(where: { $0.key == "alpha" || $0.key == "sigma" }) {
                lines.removeAll { $0.key == "alpha" || $0.key == "sigma" }
                lines.insert(StatementLine(key: key, text: text), at: min(i, lines.count))
            } else {
                Self.place(StatementLine(key: key, text: text), in: &lines)
            }
        case "alpha", "sigma":
            // Given after x_t = …: x_t is split into alpha and sigma first.
            if let i = lines.firstIndex(where: { $0.key == "x_t" }), let model = s.model {
                lines[i] = StatementLine(key: "alpha", text: "alpha = " + printASCII(model.alpha.value.expression))
                lines.insert(StatementLine(key: "sigma", text: "sigma = " + printASCII(model.sigma.value.expression)), at: i + 1)
            }
            Self.place(StatementLine(key: key, text: text), in: &lines)
        default:
            Self.place(StatementLine(key: key, text: text), in: &lines)
        }
        let index = lines.firstIndex { $0.key == key }!
        let (model, problems) = SessionSchedule.validate(name: s.name, titleText: s.titleText, lines: lines)
        if !problems.isEmpty {
            var diagnostics: [Diagnostic] = []
            for p in problems {
                if p.index == index {
                    diagnostics.append(LineText.relocate(p.diagnostic, fromLine: p.fileLine, lineStart: p.lineStart,
                                                         columns: -2, bytes: -2, fallback: fallback))
                } else {
                    let other = p.index.map { "'\(lines[$0].text)'" } ?? "the schedule"
                    diagnostics.append(Diagnostic(ReplMessage(p.diagnostic.id, "this statement would make \(other) invalid: \(p.diagnostic.message)"), at: fallback))
                }
            }
            throw ReplFailure(diagnostics)
        }
        guard let model else { throw ReplFailure("invalid-statement", "the schedule could not be validated", in: line) }
        s.set(lines: lines, model: model)
        schedules[current] = s
        return answer(to: key, syntax: syntax)
    }

    /// Inserts a statement: in place of the one with the same key, else the forward
    /// process before the target, anything else at the end.
    static func place(_ statement: StatementLine, in lines: inout [StatementLine]) {
        if let i = lines.firstIndex(where: { $0.key == statement.key }) {
            lines[i] = statement
        } else if ["x_t", "alpha", "sigma"].contains(statement.key), let i = lines.firstIndex(where: { $0.key == "target" }) {
            lines.insert(statement, at: i)
        } else {
            lines.append(statement)
        }
    }

    /// The brief answer to a statement.
    func answer(to key: String, syntax: StatementSyntax) -> String {
        let s = schedule
        guard let model = s.model else { return "" }
        var out: [String] = []
        let q = model.unifiedModel.quantities()
        func value(_ name: String) -> String {
            switch q[name] {
            case .success(let f)?: return show(f)
            case .failure(let e)?: return "undefined (\(e))"
            case nil: return "—"
            }
        }
        let tail: [String]
        if s.isComplete {
            tail = ["\(label("det")) = \(value("det"))", "\(label("rho")) = \(value("rho"))"]
        } else {
            tail = ["(still to give: \(s.missing.joined(separator: ", ")))"]
        }
        switch syntax.kind {
        case .time:
            out.append("\(model.time.name) ∈ \(AnalysisText.domain(model.unifiedModel.domain))")
        case .param(let id, _, _):
            if let p = model.params.first(where: { $0.name == id.name }) {
                out.append(p.value.map { "\(id.name) = \(show($0))" } ?? "\(id.name) > 0 (symbolic)")
            }
            if s.isComplete { out += tail }
        case .letBinding(let id, _):
            if let l = model.lets.first(where: { $0.name == id.name }) { out.append("\(id.name) = \(show(l.value))") }
        case .function(let id):
            out.append("\(id.name): an unknown smooth function of \(model.time.name)")
        case .forwardProcess, .alpha, .sigma:
            if s.hasForward {
                out.append("x_t = " + combination(model.alpha.value, "x0", model.sigma.value, "eps"))
            } else if case .alpha = syntax.kind {
                out.append("\(label("alpha")) = \(show(model.alpha.value))")
            } else {
                out.append("\(label("sigma")) = \(show(model.sigma.value))")
            }
            out += tail
        case .target:
            out.append("target = " + (s.hasForward ? combination(model.c.value, "x0", model.d.value, "eps") : show(syntax.targetExpr)))
            out += tail
        case .dataVariance:
            out.append("data variance = \(show(model.dataVariance.value))")
            out += tail
        case .expect(let claim, let text):
            if s.isComplete {
                let v = ClaimChecker(ModelAnalysis(model.unifiedModel)).check(model.expectations.first { $0.text == text }?.claim ?? claim)
                out.append("\(v.status.rawValue) — \(v.evidence)")
            } else {
                out.append("(checked once the schedule is complete: \(s.missing.joined(separator: ", ")))")
            }
        case .cite, .allow, .invalid:
            out.append("ok")
        }
        return out.joined(separator: "\n")
    }

    // MARK: - Printing

    func show(_ f: CanonicalForm) -> String { show(f.expression) }

    func show(_ e: Expr) -> String { style == .unicode ? printUnicode(e) : printASCII(e) }

    func label(_ name: String) -> String {
        guard style == .unicode else { return name == "det" ? "det A" : name }
        return ["alpha": "α", "sigma": "σ", "det": "det A", "rho": "ρ"][name] ?? name
    }

    func vector(_ name: String) -> String {
        guard style == .unicode else { return name }
        return ["x0": "x₀", "eps": "ε"][name] ?? name
    }

    /// a·x + b·y with zero terms dropped: `(1 − t)·x₀ + t·ε`.
    func combination(_ a: CanonicalForm, _ x: String, _ b: CanonicalForm, _ y: String) -> String {
        let dot = style == .unicode ? "·" : "*"
        let minus = style == .unicode ? "−" : "-"
        func term(_ f: CanonicalForm, _ v: String) -> String {
            let v = vector(v)
            if f.isOne { return v }
            if f == -CanonicalForm.one { return minus + v }
            let e = f.expression
            if case .binary(let op, _, _) = e.kind, op == .add || op == .subtract { return "(\(show(e)))\(dot)\(v)" }
            return "\(show(e))\(dot)\(v)"
        }
        let parts = [(a, x), (b, y)].filter { !$0.0.isZero }.map { term($0.0, $0.1) }
        if parts.isEmpty { return "0" }
        return parts.joined(separator: " + ").replacingOccurrences(of: "+ \(minus)", with: "\(minus) ")
    }
}

extension StatementSyntax {
    var targetExpr: Expr {
        if case .target(let e) = kind { return e }
        return Expr(.number(.zero))
    }
}
