import Exact
import Symbolic

/// Semantic checks of a parsed schedule file, producing the validated model.
///
/// Each schedule is checked on its own (`SchedulePass`); then schedule names must be
/// unique in the file. A schedule becomes a `Schedule` only when neither the parser
/// nor the checks found an error in it; all errors of all schedules are reported.
public struct ScheduleValidator: Sendable {
    /// `--param NAME=VALUE` from the command line: replaces the value of parameter
    /// NAME in every schedule that declares it (the value must be constant). A name
    /// that no schedule of the file declares is an error.
    public var parameterOverrides: [String: Expr]
    public var limits: ScheduleLimits

    public init(parameterOverrides: [String: Expr] = [:], limits: ScheduleLimits = .standard) {
        self.parameterOverrides = parameterOverrides
        self.limits = limits
    }

    public func validate(_ syntax: ScheduleFileSyntax) -> ScheduleFile {
        // `--param σ_d=2` overrides `param sigma_d`: names compare canonically.
        let parameterOverrides = Dictionary(
            parameterOverrides.map { (NameSpelling.canonical($0.key) ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var fileLevel: [Diagnostic] = []
        let declared = Set(syntax.schedules.flatMap { schedule in
            schedule.statements.compactMap { statement -> String? in
                switch statement.kind {
                case .param(let name, _, _): return name.name
                case .invalid(.param?, let name): return name
                default: return nil
                }
            }
        })
        for name in parameterOverrides.keys.sorted() where !declared.contains(name) {
            let suggestion = NameSuggestions.nearest(to: name, among: declared.sorted())
            fileLevel.append(Diagnostic(ScheduleDiagnostic.unknownParameter(name, suggestion: suggestion),
                                        at: SourceRange(at: .start)))
        }

        var schedules: [Schedule] = []
        var semantic: [Diagnostic] = []
        var firstByName: [String: SourceRange] = [:]
        var stop: Diagnostic?
        let stoppedByErrors = syntax.diagnostics.last?.id == "too-many-errors"
        var remaining = limits.maximumErrors - syntax.diagnostics.count - fileLevel.count
        if !stoppedByErrors {
            for block in syntax.schedules {
                var pass = SchedulePass(syntax: block, bytes: syntax.source.bytes, overrides: parameterOverrides,
                                        limits: limits)
                var model = pass.run()
                var found = pass.diagnostics
                if !block.name.isEmpty {
                    if let first = firstByName[block.name] {
                        found.append(Diagnostic(ScheduleDiagnostic.duplicateSchedule(block.name, firstAt: first.start),
                                                at: block.nameRange, notes: [Note("first defined here", at: first)]))
                        model = nil
                    } else {
                        firstByName[block.name] = block.nameRange
                    }
                }
                let room = max(0, remaining)
                if found.count > room {
                    semantic += found.prefix(room)
                    let at = found[room].range
                    stop = Diagnostic(ScheduleDiagnostic.tooManyErrors(limit: limits.maximumErrors), at: at)
                    break
                }
                remaining -= found.count
                semantic += found
                if let model, found.isEmpty, block.syntaxErrorCount == 0 { schedules.append(model) }
            }
        }
        // File order; ties keep syntax errors first, then the order found.
        let merged = (syntax.diagnostics + semantic).enumerated().sorted { a, b in
            a.element.range.start.offset != b.element.range.start.offset
                ? a.element.range.start.offset < b.element.range.start.offset
                : a.offset < b.offset
        }.map(\.element)
        return ScheduleFile(path: syntax.path, source: syntax.source, schedules: schedules,
                            diagnostics: fileLevel + merged + (stop.map { [$0] } ?? []))
    }
}
