import Exact
import Foundation
import Lint
import Schedules
import Symbolic

/// The `:` commands.
public struct ReplCommandInfo: Sendable {
    public var name: String
    public var arguments: String
    public var summary: String
    public var details: String
}

extension ReplSession {
    public static let commands: [ReplCommandInfo] = [
        .init(name: "analyze", arguments: "", summary: "the full report of the current schedule",
              details: "Everything sched derives: det A, the inverse, the one-step update, amplification, moments, ρ, log-SNR, loss weights, the certified zero sets, the values at the ends, and the verdict on each expect claim."),
        .init(name: "lint", arguments: "", summary: "the lint findings for the current schedule",
              details: "Runs every sched lint rule on the current schedule, exactly as `sched lint` would on the file `:save` writes, and prints the findings with their evidence."),
        .init(name: "latex", arguments: "[EXPR]", summary: "LaTeX of an expression, or of the derivation",
              details: "With an expression (over the quantity names, the time variable, parameters and lets): its simplified form in LaTeX. Without: an align* block with x_t, the target, det A, Cov, the variances and ρ."),
        .init(name: "load", arguments: "FILE [NAME]", summary: "load the schedules of a .sched file",
              details: "Adds every valid schedule of FILE to the session (replacing schedules of the same name) and makes NAME (default: the first) current."),
        .init(name: "save", arguments: "FILE", summary: "write the current schedule as a .sched file",
              details: "Writes the statements of the current schedule, as typed, in a schedule block: a valid .sched file that analyzes the same. The schedule must be complete (forward process and target)."),
        .init(name: "zoo", arguments: "[NAME]", summary: "list the bundled examples, or load one",
              details: "Without NAME: the bundled example files and their schedules. With NAME (a schedule, or a file without .sched): load it and make it current."),
        .init(name: "design", arguments: "NAME=EXPR NAME=EXPR", summary: "make a designed target the current target",
              details: "Two requirements of det, rho, var_y, amp_x0, amp_eps (as `sched design --det … --rho …`; an EXPR may use the time variable, parameters, alpha, sigma and data_variance, and may contain spaces): the target y = k·x_t + m·u with u = −σ·x0 + α·s²·ε that meets them on the domain, each requirement proven on the designed schedule, becomes the current target. Example: `:design rho=1/2 det=1`."),
        .init(name: "schedules", arguments: "", summary: "list the schedules of the session",
              details: "The current schedule is marked with '*'."),
        .init(name: "use", arguments: "NAME", summary: "switch to another schedule of the session",
              details: "Makes NAME current; statements and queries then apply to it. ':use NEW' with a new name starts an empty schedule."),
        .init(name: "plot", arguments: "Q [Q…] [--log] [--x logsnr]", summary: "plot quantities over the domain",
              details: "A terminal plot (braille characters) of each expression over the time domain (cut at 10 past the lower end when infinite): one panel per expression, stacked over one time axis, each with its own y range (0 is the floor of a quantity that is nowhere negative) and its name; the x axis labelled with the ends, and each zero crossing marked ● on the zero line and listed. `--log` draws every panel on a log₁₀ y axis (values ≤ 0 left out, and said so). `--x logsnr` (or `--x lambda`) plots against λ = log(α²/σ²) instead of time, from λ at the ends (or, where λ = ±∞, at the time samples next to them); λ must be certified strictly monotone over the samples. Separate expressions by spaces, or by commas when they contain spaces."),
        .init(name: "unicode", arguments: "", summary: "print results with Unicode mathematics (√, α, ², −)",
              details: "The default."),
        .init(name: "ascii", arguments: "", summary: "print results in plain ASCII (sqrt, alpha, ^2)",
              details: "ASCII output is valid sched input."),
        .init(name: "help", arguments: "[CMD]", summary: "this list, or more about one command",
              details: "Commands accept unique prefixes (:an is :analyze)."),
        .init(name: "quit", arguments: "", summary: "leave the REPL (Ctrl-D too)",
              details: "Ends the session; the exit status is 0 (in batch mode 1 if any line failed)."),
    ]

    public static var commandNames: [String] { commands.map { ":" + $0.name } }

    /// The command named by a unique prefix.
    static func resolve(_ word: String, in line: String) throws -> ReplCommandInfo {
        let columns = 1..<(word.unicodeScalars.count + 2)
        if let exact = commands.first(where: { $0.name == word }) { return exact }
        let matches = commands.filter { $0.name.hasPrefix(word) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1, !word.isEmpty {
            throw ReplFailure("ambiguous-command", "ambiguous command ':\(word)': \(matches.map { ":" + $0.name }.joined(separator: ", "))", in: line, columns: columns)
        }
        let hint = Suggestions.nearest(to: word, among: commands.map(\.name)).map { "; did you mean ':\($0)'?" } ?? "; :help lists the commands"
        throw ReplFailure("unknown-command", "unknown command ':\(word)'\(hint)", in: line, columns: columns)
    }

    mutating func command(_ line: String) throws -> String {
        let trimmed = line.trimmingCharacters(in: [" ", "\t", "\u{A0}"])
        let body = trimmed.dropFirst()
        let word = String(body.prefix { !$0.isWhitespace })
        let argumentText = String(body.dropFirst(word.count)).trimmingCharacters(in: [" ", "\t", "\u{A0}"])
        let arguments = argumentText.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let info = try Self.resolve(word, in: line)
        // Where the arguments start in `line`, for carets.
        let argumentStart = argumentText.isEmpty ? line.endIndex : (line.range(of: argumentText)?.lowerBound ?? line.endIndex)
        func requireComplete() throws -> Schedule {
            guard schedule.isComplete, let model = schedule.model else {
                throw ReplFailure("incomplete", "the schedule '\(schedule.name)' is incomplete: give \(schedule.missing.joined(separator: " and ")) first", in: line)
            }
            return model
        }
        func arity(_ range: ClosedRange<Int>) throws {
            guard range.contains(arguments.count) else {
                throw ReplFailure("usage", "usage: :\(info.name) \(info.arguments)".trimmingCharacters(in: [" "]), in: line)
            }
        }
        switch info.name {
        case "help":
            try arity(0...1)
            return try help(arguments.first, line: line)
        case "quit":
            throw QuitRequest()
        case "unicode":
            style = .unicode
            return "output: Unicode"
        case "ascii":
            style = .ascii
            return "output: ASCII"
        case "analyze":
            try arity(0...0)
            return analyzeReport(try requireComplete())
        case "lint":
            try arity(0...0)
            _ = try requireComplete()
            return lintReport()
        case "latex":
            if argumentText.isEmpty { return latexDerivation(try requireComplete()) }
            let (form, _) = try canonicalForm(of: argumentText, in: line, start: argumentStart)
            return printLaTeX(form.expression)
        case "save":
            // The whole argument is the path (it may contain spaces).
            guard !argumentText.isEmpty else { try arity(1...1); return "" }
            _ = try requireComplete()
            let text = schedule.sourceText
            let path = (argumentText as NSString).expandingTildeInPath
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
                throw ReplFailure("unwritable", "cannot write '\(argumentText)': \(error.localizedDescription)", in: line)
            }
            return "saved '\(schedule.name)' to \(argumentText)"
        case "load":
            try arity(1...2)
            guard let data = FileManager.default.contents(atPath: (arguments[0] as NSString).expandingTildeInPath) else {
                throw ReplFailure("unreadable", "cannot read '\(arguments[0])': no such file, or not readable", in: line)
            }
            let file = ScheduleFile(parsing: Array(data), path: arguments[0])
            return try load(file, source: String(decoding: data, as: UTF8.self), select: arguments.count > 1 ? arguments[1] : nil, line: line)
        case "zoo":
            try arity(0...1)
            return try zoo(arguments.first, line: line)
        case "schedules":
            return schedules.enumerated().map { i, s in
                (i == current ? "* " : "  ") + s.name + (s.title.map { " — \($0)" } ?? "") + (s.isComplete ? "" : "  (incomplete)")
            }.joined(separator: "\n")
        case "use":
            try arity(1...1)
            let name = arguments[0]
            if let i = schedules.firstIndex(where: { $0.name == name }) {
                current = i
                return "current schedule: \(name)"
            }
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
                  name.unicodeScalars.allSatisfy({ ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || $0 == "_" || $0 == "-" }) else {
                throw ReplFailure("bad-name", "'\(name)' is not a schedule name (letters, digits, _ and -)", in: line)
            }
            schedules.append(SessionSchedule(name: name))
            current = schedules.count - 1
            return "new schedule: \(name)"
        case "design":
            return try design(argumentText, in: line)
        case "plot":
            try arity(1...16)
            return try plot(argumentText, in: line, start: argumentStart)
        default:
            throw ReplFailure("unknown-command", "unknown command", in: line)
        }
    }

    func help(_ name: String?, line: String) throws -> String {
        if let name {
            let info = try Self.resolve(name.hasPrefix(":") ? String(name.dropFirst()) : name, in: line)
            return ":\(info.name) \(info.arguments)".trimmingCharacters(in: [" "]) + "\n  " + info.summary + ".\n  " + info.details
        }
        var out = [
            "Statements edit the current schedule (a redefinition replaces the old one):",
            "  time t in [0, 1]   param k = 2   let g = …   alpha = …   sigma = …   x_t = …",
            "  target = …   data variance = …   expect …",
            "Queries: an expression over alpha sigma c d det cov var_x var_y rho snr logsnr amp_x0",
            "  amp_eps weight_eps weight_x0 data_variance, the time variable, params and lets;",
            "  Q at t = 1/3 (exact value and decimal); zeros(Q) (certified zero set on the domain).",
            "Commands (unique prefixes accepted):",
        ]
        for c in Self.commands {
            let head = ":\(c.name) \(c.arguments)"
            out.append("  " + head.padding(toLength: 18, withPad: " ", startingAt: 0) + c.summary)
        }
        return out.joined(separator: "\n")
    }

    mutating func load(_ file: ScheduleFile, source: String, select: String?, line: String) throws -> String {
        var problems = ""
        if !file.diagnostics.isEmpty { problems = file.formattedDiagnostics() }
        guard !file.schedules.isEmpty else {
            throw ReplFailure("no-schedule", "no valid schedule in \(file.path)" + (problems.isEmpty ? "" : ":\n" + problems), in: line)
        }
        if let select, file.schedule(named: select) == nil {
            throw ReplFailure("unknown-schedule", "no schedule named '\(select)' in \(file.path) (it has: \(file.schedules.map(\.name).joined(separator: ", ")))", in: line)
        }
        // An empty starting schedule is replaced.
        if schedules.count == 1, schedules[0].lines.isEmpty { schedules = [] }
        var names: [String] = []
        for s in file.schedules {
            let loaded = SessionSchedule.loaded(s, source: source)
            if let i = schedules.firstIndex(where: { $0.name == s.name }) { schedules[i] = loaded } else { schedules.append(loaded) }
            names.append(s.name)
        }
        let chosen = select ?? names[0]
        current = schedules.firstIndex { $0.name == chosen }!
        if !problems.isEmpty { pendingErrors += problems + "\n" }
        return "loaded \(names.joined(separator: ", ")) from \(file.path); current: \(chosen)"
    }

    /// Loads a file named on the command line (`sched repl FILE`): errors are plain
    /// `error: …` lines and the file's own diagnostics.
    public mutating func loadFile(_ path: String) -> ReplReply {
        var reply = ReplReply()
        guard let data = FileManager.default.contents(atPath: path) else {
            reply.failed = true
            reply.errors = "error: cannot read '\(path)': no such file, or not readable\n"
            return reply
        }
        let file = ScheduleFile(parsing: Array(data), path: path)
        do {
            reply.output = try load(file, source: String(decoding: data, as: UTF8.self), select: nil, line: "") + "\n"
        } catch let failure as ReplFailure {
            reply.failed = true
            reply.errors = failure.diagnostics.map { "error: \($0.message)\n" }.joined()
        } catch {
            reply.failed = true
            reply.errors = "error: \(error)\n"
        }
        if !pendingErrors.isEmpty {
            reply.failed = true
            reply.errors += pendingErrors
            pendingErrors = ""
        }
        return reply
    }

    mutating func zoo(_ name: String?, line: String) throws -> String {
        let files = BundledExamples.files.map { ($0.name, $0.source, ScheduleFile(parsing: $0.source, path: "examples/\($0.name)")) }
        guard let name else {
            var out: [String] = []
            for (fileName, _, file) in files {
                out.append("\(fileName):")
                for s in file.schedules { out.append("  " + s.name.padding(toLength: 20, withPad: " ", startingAt: 0) + " " + (s.title ?? "")) }
            }
            return out.joined(separator: "\n")
        }
        if let (_, source, file) = files.first(where: { $0.0 == name || $0.0 == name + ".sched" }) {
            return try load(file, source: source, select: nil, line: line)
        }
        if let (_, source, file) = files.first(where: { $0.2.schedule(named: name) != nil }) {
            return try load(file, source: source, select: name, line: line)
        }
        let known = files.flatMap { $0.2.schedules.map(\.name) }
        let hint = Suggestions.nearest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? "; :zoo lists them"
        throw ReplFailure("unknown-example", "no bundled example named '\(name)'\(hint)", in: line)
    }

    /// The lint findings of the current schedule: the file `:save` writes, linted.
    func lintReport() -> String {
        let result = Linter.lintSequentially(LintInput(path: "\(schedule.name).sched", text: schedule.sourceText))
        if result.findings.isEmpty { return "no findings" }
        let reporter = TextReporter(color: false)
        let rendered = result.findings.map { reporter.render($0, path: result.path, source: result.source) }
        return rendered.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    func analyzeReport(_ s: Schedule) -> String {
        let a = ModelAnalysis(s.unifiedModel)
        let title = s.title.map { " — \($0)" } ?? ""
        return AnalysisText.report(a, schedule: s, heading: "\(s.name)\(title)")
    }

    func latexDerivation(_ s: Schedule) -> String {
        let m = s.unifiedModel
        let q = m.quantities()
        func l(_ f: CanonicalForm) -> String { printLaTeX(f.expression) }
        func l(_ name: String) -> String {
            if case .success(let f)? = q[name] { return l(f) }
            return "\\text{undefined}"
        }
        func term(_ f: CanonicalForm, _ v: String) -> String {
            if f.isZero { return "" }
            if f.isOne { return v }
            if f == -CanonicalForm.one { return "-" + v }
            let e = f.expression
            if case .binary(let op, _, _) = e.kind, op == .add || op == .subtract { return "\\left(\(l(f))\\right) \(v)" }
            return "\(l(f))\\, \(v)"
        }
        func combination(_ a: CanonicalForm, _ b: CanonicalForm) -> String {
            let parts = [term(a, "x_0"), term(b, "\\varepsilon")].filter { !$0.isEmpty }
            return parts.isEmpty ? "0" : parts.joined(separator: " + ").replacingOccurrences(of: "+ -", with: "- ")
        }
        return [
            "\\begin{align*}",
            "x_t &= \(combination(m.alpha, m.sigma)) \\\\",
            "y &= \(combination(m.c, m.d)) \\\\",
            "\\det A &= \\alpha d - \\sigma c = \(l("det")) \\\\",
            "\\operatorname{Cov}(x_t, y) &= \\alpha c \\operatorname{Var}(x_0) + \\sigma d = \(l("cov")) \\\\",
            "\\operatorname{Var}(x_t) &= \\alpha^2 \\operatorname{Var}(x_0) + \\sigma^2 = \(l("var_x")) \\\\",
            "\\operatorname{Var}(y) &= c^2 \\operatorname{Var}(x_0) + d^2 = \(l("var_y")) \\\\",
            "\\rho &= \\frac{\\operatorname{Cov}(x_t, y)}{\\sqrt{\\operatorname{Var}(x_t) \\operatorname{Var}(y)}} = \(l("rho"))",
            "\\end{align*}",
        ].joined(separator: "\n")
    }

    /// Completions of `word` (the word before the cursor): commands after `:`, else
    /// quantity, user, function and statement names.
    public func completions(of word: String) -> [String] {
        if word.hasPrefix(":") { return Self.commandNames.filter { $0.hasPrefix(word) } }
        var names = Self.quantityNames + Self.functionNames
            + ["time", "param", "let", "function", "x_t", "target", "data", "variance", "expect"]
        if let m = schedule.model {
            names += [m.time.name] + m.params.map(\.name) + m.lets.map(\.name) + m.functions.filter { $0.order == 0 }.map(\.name)
        }
        names += schedules.map(\.name)
        // `σ_` completes like `sigma_`: names are compared in their canonical spelling.
        let prefix = NameSpelling.canonical(word) ?? word
        return Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }
}
