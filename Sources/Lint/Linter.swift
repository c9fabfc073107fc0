import Exact
import Foundation
import Schedules
import Symbolic

/// What to lint and which rules.
public struct LintOptions: Sendable {
    /// Codes of the rules to run (nil: all).
    public var selected: Set<String>?
    /// Codes of the rules not to run.
    public var ignored: Set<String>
    public var parameterOverrides: [String: Expr]
    /// When several files are linted, a `--param` that only some of them declare is
    /// no error in the others: their `unknown-parameter` diagnostics are dropped (the
    /// names are kept in `FileLintResult.unknownParameters`).
    public var dropUnknownParameters: Bool
    /// The time budget of each quantity, in seconds; each file gets
    /// `Deadline.inputBudget` in all. Nil: no time budget.
    public var quantitySeconds: Double?
    /// Correct significant digits of the values in discrete-time findings.
    public var digits = 20
    /// The sampler's number of steps, replacing the `sample steps` of discrete-time
    /// schedules (and the default 50 of diffusers configs); nil: as written.
    public var samplingSteps: Int?
    /// Compute fix-its (`Finding.fixes`) with these choices; nil: none.
    public var fixes: FixOptions?

    public init(selected: Set<String>? = nil, ignored: Set<String> = [], parameterOverrides: [String: Expr] = [:],
                dropUnknownParameters: Bool = false, quantitySeconds: Double? = nil) {
        self.quantitySeconds = quantitySeconds
        self.selected = selected
        self.ignored = ignored
        self.parameterOverrides = parameterOverrides
        self.dropUnknownParameters = dropUnknownParameters
    }

    public func isEnabled(_ code: String) -> Bool {
        (selected?.contains(code) ?? true) && !ignored.contains(code)
    }
}

/// One file to lint: its display path and its bytes.
public struct LintInput: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
    public init(path: String, text: String) { self.init(path: path, bytes: Array(text.utf8)) }
}

/// The findings of one file, sorted by position then code.
public struct FileLintResult: Sendable {
    public var path: String
    public var source: SourceText
    public var findings: [Finding]
    public var scheduleCount: Int
    /// `--param` names this file declares nowhere (when `dropUnknownParameters`).
    public var unknownParameters: Set<String> = []
}

/// Runs the rules over files and schedules concurrently (Swift concurrency); the
/// output order is the input order, then source position, whatever finishes first.
public enum Linter {
    /// Lints every input; results in input order.
    public static func lint(_ inputs: [LintInput], options: LintOptions = LintOptions()) async -> [FileLintResult] {
        await withTaskGroup(of: (Int, FileLintResult).self) { group in
            for (i, input) in inputs.enumerated() {
                group.addTask { (i, await lintFile(input, options: options)) }
            }
            var out = [FileLintResult?](repeating: nil, count: inputs.count)
            for await (i, r) in group { out[i] = r }
            return out.map { $0! }
        }
    }

    /// Lints one file on the calling thread, schedule after schedule: for callers that
    /// are synchronous and may run on the cooperative pool (the REPL's `:lint`).
    public static func lintSequentially(_ input: LintInput, options: LintOptions = LintOptions()) -> FileLintResult {
        guard let seconds = options.quantitySeconds else { return lintSequentiallyWithinBudget(input, options: options) }
        return Deadline.within(.after(seconds: Deadline.inputBudget(quantitySeconds: seconds, bytes: input.bytes.count))) {
            Deadline.$quantityBudget.withValue(seconds) { lintSequentiallyWithinBudget(input, options: options) }
        }
    }

    static func lintSequentiallyWithinBudget(_ input: LintInput, options: LintOptions) -> FileLintResult {
        if let discrete = DiscreteLinter.lint(input, options: options) { return discrete }
        let file = ScheduleFile(parsing: input.bytes, path: input.path, parameterOverrides: options.parameterOverrides)
        let rules = RuleCatalogue.rules.filter { options.isEnabled($0.info.code) }
        var findings: [Finding] = rules.flatMap { $0.check(file: file) }
        var contexts: [ScheduleContext] = []
        for schedule in file.schedules {
            let (found, context) = lintScheduleKeepingContext(schedule, in: file, rules: rules, options: options)
            findings += found
            contexts.append(context)
        }
        return addingFixes(finished(findings, input: input, file: file, options: options, unknownParameters: []), contexts: contexts, options: options)
    }

    /// The fixes of the findings (`LintOptions.fixes`), asked of each finding's rule once
    /// every finding of the file is known, each with a fresh budget: looking for fixes
    /// (which lints the fixed schedule again) never takes time from a finding.
    static func addingFixes(_ result: FileLintResult, contexts: [ScheduleContext], options: LintOptions) -> FileLintResult {
        guard options.fixes != nil else { return result }
        var out = result
        let budget = options.quantitySeconds.map { Deadline.inputBudget(quantitySeconds: $0, bytes: result.source.bytes.count) }
        for i in out.findings.indices {
            let finding = out.findings[i]
            guard let name = finding.schedule, let context = contexts.first(where: { $0.schedule.name == name }),
                  let rule = RuleCatalogue.rules.first(where: { $0.info.code == finding.rule.code }) else { continue }
            let fix = Deadline.withBudget(seconds: budget, quantitySeconds: options.quantitySeconds) { rule.fix(finding, in: context) }
            out.findings[i].fixes = fix.map { [$0] } ?? []
        }
        return out
    }

    /// Line suppressions, source order, and the result record.
    static func finished(_ raw: [Finding], input: LintInput, file: ScheduleFile, options: LintOptions,
                         unknownParameters: Set<String>) -> FileLintResult {
        var findings = applyLineSuppressions(raw, file: file, options: options)
        findings.sort { a, b in
            (a.range.start.offset, a.rule.code) < (b.range.start.offset, b.rule.code)
        }
        return FileLintResult(path: input.path, source: file.source, findings: findings, scheduleCount: file.schedules.count,
                              unknownParameters: unknownParameters)
    }

    /// Lints one file: parse, file-level rules, then its schedules concurrently, all
    /// within the file's time budget (`LintOptions.quantitySeconds`).
    public static func lintFile(_ input: LintInput, options: LintOptions = LintOptions()) async -> FileLintResult {
        guard let seconds = options.quantitySeconds else { return await lintFileWithinBudget(input, options: options) }
        let deadline = Deadline.current.earlier(.after(seconds: Deadline.inputBudget(quantitySeconds: seconds, bytes: input.bytes.count)))
        return await Deadline.$current.withValue(deadline) {
            await Deadline.$quantityBudget.withValue(seconds) { await lintFileWithinBudget(input, options: options) }
        }
    }

    static func lintFileWithinBudget(_ input: LintInput, options: LintOptions) async -> FileLintResult {
        if let discrete = DiscreteLinter.lint(input, options: options) { return discrete }
        var parsed = ScheduleFile(parsing: input.bytes, path: input.path, parameterOverrides: options.parameterOverrides)
        var unknownParameters: Set<String> = []
        if options.dropUnknownParameters {
            unknownParameters = Set(options.parameterOverrides.keys.filter { name in
                parsed.diagnostics.contains { $0.id.rawValue == "unknown-parameter" && $0.message.hasPrefix("--param \(NameSpelling.canonical(name) ?? name):") }
            })
            parsed.diagnostics.removeAll { $0.id.rawValue == "unknown-parameter" }
        }
        let file = parsed
        let rules = RuleCatalogue.rules.filter { options.isEnabled($0.info.code) }
        var findings: [Finding] = rules.flatMap { $0.check(file: file) }
        let schedules = file.schedules
        // Bounded fan-out: at most a few schedules in flight per core.
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        let perSchedule: [([Finding], ScheduleContext?)] = await withTaskGroup(of: (Int, ([Finding], ScheduleContext?)).self) { group in
            var results = [([Finding], ScheduleContext?)](repeating: ([], nil), count: schedules.count)
            var next = 0
            func add() {
                guard next < schedules.count else { return }
                let i = next
                next += 1
                let schedule = schedules[i]
                group.addTask {
                    let (found, context) = lintScheduleKeepingContext(schedule, in: file, rules: rules, options: options)
                    return (i, (found, context))
                }
            }
            for _ in 0..<width { add() }
            for await (i, r) in group {
                results[i] = r
                add()
            }
            return results
        }
        findings += perSchedule.flatMap { $0.0 }
        return addingFixes(finished(findings, input: input, file: file, options: options, unknownParameters: unknownParameters),
                           contexts: perSchedule.compactMap { $0.1 }, options: options)
    }

    /// The schedule rules on one schedule, with its `allow` statements applied.
    public static func lintSchedule(_ schedule: Schedule, in file: ScheduleFile, rules: [any LintRule.Type],
                                    options: LintOptions) -> [Finding] {
        lintScheduleKeepingContext(schedule, in: file, rules: rules, options: options).findings
    }

    /// The findings and the context they were found in (for the fixes).
    static func lintScheduleKeepingContext(_ schedule: Schedule, in file: ScheduleFile, rules: [any LintRule.Type],
                                           options: LintOptions) -> (findings: [Finding], context: ScheduleContext) {
        var context = ScheduleContext(schedule: schedule, file: file, analysis: ModelAnalysis(schedule.unifiedModel))
        context.fixOptions = options.fixes
        // A schedule undefined at every point of its domain has no ρ, det or SNR to
        // judge: only S006 says so.
        let applicable = context.analysis.undefinedEverywhere ? rules.filter { $0.info.code == S006UndefinedOnDomain.info.code } : rules
        var findings = applicable.flatMap { rule in Deadline.forQuantity { rule.check(context) } }
        if let note = context.orientationNote, context.reversed {
            for i in findings.indices where !findings[i].notes.contains(note) { findings[i].notes.append(note) }
        }
        // `allow RULE` in the schedule.
        var kept: [Finding] = []
        var used = Set<Int>()
        let allows = schedule.allows.map { (entry: $0, rule: RuleCatalogue.rule(named: $0.rule)) }
        for f in findings {
            if let i = allows.firstIndex(where: { $0.rule?.code == f.rule.code }) { used.insert(i); continue }
            kept.append(f)
        }
        if options.isEnabled(S502UnusedAllow.info.code) {
            for (i, a) in allows.enumerated() where !used.contains(i) {
                if let rule = a.rule {
                    guard options.isEnabled(rule.code) else { continue }   // a disabled rule cannot be judged
                    kept.append(Finding(S502UnusedAllow.info, "'allow \(a.entry.rule)' suppresses nothing: \(rule.label) does not fire in schedule '\(schedule.name)'",
                                        at: a.entry.range, evidence: [("rule", .string(rule.code))], schedule: schedule.name))
                } else {
                    let hint = RuleCatalogue.suggestion(for: a.entry.rule).map { "; did you mean '\($0)'?" } ?? ""
                    kept.append(Finding(S502UnusedAllow.info, "'allow \(a.entry.rule)' names no rule\(hint)", at: a.entry.range,
                                        evidence: [("rule", .string(a.entry.rule))], schedule: schedule.name))
                }
            }
        }
        return (kept, context)
    }

    /// `# sched: allow RULE, …` at the end of a line: its rules, with the range of each name.
    public static func lineAllows(_ source: SourceText) -> [Int: [(rule: String, range: SourceRange)]] {
        var out: [Int: [(rule: String, range: SourceRange)]] = [:]
        let bytes = source.bytes
        let marker = Array("# sched: allow".utf8)
        var line = 1, lineStart = 0, i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
                let lineBytes = Array(bytes[lineStart..<i])
                if let at = find(marker, in: lineBytes) {
                    var pos = at + marker.count
                    while pos < lineBytes.count {
                        while pos < lineBytes.count, lineBytes[pos] == UInt8(ascii: " ") || lineBytes[pos] == UInt8(ascii: ",") { pos += 1 }
                        let start = pos
                        while pos < lineBytes.count, lineBytes[pos] != UInt8(ascii: " "), lineBytes[pos] != UInt8(ascii: ","),
                              lineBytes[pos] != UInt8(ascii: "\r") { pos += 1 }
                        guard pos > start else { break }
                        let name = String(decoding: lineBytes[start..<pos], as: UTF8.self)
                        // Columns count scalars: count non-continuation bytes before the position.
                        func column(_ p: Int) -> Int { lineBytes[..<p].filter { $0 & 0xC0 != 0x80 }.count + 1 }
                        let range = SourceRange(start: SourceLocation(line: line, column: column(start), offset: lineStart + start),
                                                end: SourceLocation(line: line, column: column(pos), offset: lineStart + pos))
                        out[line, default: []].append((name, range))
                    }
                }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return out
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, Array(haystack[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    static func applyLineSuppressions(_ findings: [Finding], file: ScheduleFile, options: LintOptions) -> [Finding] {
        let allows = lineAllows(file.source)
        guard !allows.isEmpty else { return findings }
        var used = Set<String>()   // "line:index"
        var kept: [Finding] = []
        for f in findings {
            let line = f.range.start.line
            if let entries = allows[line],
               let i = entries.firstIndex(where: { RuleCatalogue.rule(named: $0.rule)?.code == f.rule.code }) {
                used.insert("\(line):\(i)")
                continue
            }
            kept.append(f)
        }
        guard options.isEnabled(S502UnusedAllow.info.code) else { return kept }
        for line in allows.keys.sorted() {
            for (i, a) in allows[line]!.enumerated() where !used.contains("\(line):\(i)") {
                if let rule = RuleCatalogue.rule(named: a.rule) {
                    guard options.isEnabled(rule.code) else { continue }
                    kept.append(Finding(S502UnusedAllow.info, "'# sched: allow \(a.rule)' suppresses nothing: \(rule.label) does not fire on line \(line)",
                                        at: a.range, evidence: [("rule", .string(rule.code))]))
                } else {
                    let hint = RuleCatalogue.suggestion(for: a.rule).map { "; did you mean '\($0)'?" } ?? ""
                    kept.append(Finding(S502UnusedAllow.info, "'# sched: allow \(a.rule)' names no rule\(hint)", at: a.range,
                                        evidence: [("rule", .string(a.rule))]))
                }
            }
        }
        return kept
    }
}

