import Exact
import Schedules
import Symbolic

/// Lints discrete-time schedule files and diffusers scheduler configs: the file rules
/// on their diagnostics, then each rule's `check(discrete:)` on each schedule. A
/// config's findings are moved to the JSON key the statement came from.
enum DiscreteLinter {
    /// nil when the input is a continuous schedule file.
    static func lint(_ input: LintInput, options: LintOptions) -> FileLintResult? {
        let isConfig = DiffusersImport.isConfig(input.bytes)
        guard isConfig || DiscreteScheduleFile.isDiscrete(input.bytes) else { return nil }
        let rules = RuleCatalogue.rules.filter { options.isEnabled($0.info.code) }
        let source = SourceText(utf8: input.bytes)
        var diagnostics: [Diagnostic] = []
        var discrete: DiscreteScheduleFile?
        var imported: DiffusersImport?
        if isConfig {
            do {
                // --param image_seq_len=N: the image sequence length of dynamic shifting.
                var length: Int?
                if case .number(let r)? = options.parameterOverrides["image_seq_len"]?.kind, r.isInteger, r.isPositive {
                    length = Int(r.numerator.description)
                }
                let config = try DiffusersImport.read(input.bytes, name: DiffusersImport.scheduleName(forPath: input.path),
                                                      imageSequenceLength: length, samplingSteps: options.samplingSteps)
                imported = config
                diagnostics += config.notes
                discrete = DiscreteScheduleParser.parse(Array(config.text.utf8), path: input.path)
            } catch {
                diagnostics += error.diagnostics
            }
        } else {
            discrete = DiscreteScheduleParser.parse(input.bytes, path: input.path)
        }
        if let imported, let d = discrete {
            // Errors in the imported text are the importer's: put them at _class_name.
            diagnostics += d.diagnostics.map { var m = $0; m.range = imported.classRange; return m }
        } else if let d = discrete {
            diagnostics += d.diagnostics
        }
        let file = ScheduleFile(path: input.path, source: source, schedules: [], diagnostics: diagnostics)
        var findings = rules.flatMap { $0.check(file: file) }
        var contexts: [DiscreteContext] = []
        for var schedule in discrete?.schedules ?? [] {
            if let steps = options.samplingSteps { schedule.sampling?.steps = steps }
            var context = DiscreteContext(schedule: schedule, digits: options.digits)
            context.path = input.path
            context.source = source
            // A config's fixes are edits of its JSON, not of the imported text (below).
            context.fixOptions = isConfig ? nil : options.fixes
            let allowed = Set(schedule.allows.map { $0.rule.lowercased() })
            for rule in rules where !allowed.contains(rule.info.code.lowercased()) && !allowed.contains(rule.info.name) {
                findings += rule.check(discrete: context)
            }
            contexts.append(context)
        }
        // The fixes once every finding is known, each with a budget of its own (see
        // `Linter.addingFixes`).
        let budget = options.quantitySeconds.map { Deadline.inputBudget(quantitySeconds: $0, bytes: input.bytes.count) }
        func withBudget(_ body: () -> Fix?) -> [Fix] {
            Deadline.withBudget(seconds: budget, quantitySeconds: options.quantitySeconds, body).map { [$0] } ?? []
        }
        if options.fixes != nil, imported == nil {
            for i in findings.indices {
                guard let context = contexts.first(where: { $0.schedule.name == findings[i].schedule }),
                      let rule = RuleCatalogue.rules.first(where: { $0.info.code == findings[i].rule.code }) else { continue }
                let finding = findings[i]
                findings[i].fixes = withBudget { rule.fix(finding, discrete: context) }
            }
        }
        if let imported {
            findings = findings.map { f in
                var moved = f
                if f.rule.code != "S001" { moved.range = imported.origin(of: f.range) }
                if options.fixes != nil, f.rule.code == S306EpsPredictionZeroTerminalSNR.info.code {
                    moved.fixes = withBudget { S306EpsPredictionZeroTerminalSNR.configFix(key: moved.range, input: input) }
                }
                return moved
            }
        }
        findings.sort { ($0.range.start.offset, $0.rule.code) < ($1.range.start.offset, $1.rule.code) }
        return FileLintResult(path: input.path, source: source, findings: findings, scheduleCount: discrete?.schedules.count ?? 0)
    }
}
