import Lint
import Schedules
import Testing

@Suite struct ReporterTests {
    func results() async -> [FileLintResult] {
        await Linter.lint([LintInput(path: "rf.sched", text: Models.rectifiedFlow),
                           LintInput(path: "cos.sched", text: Models.cosine(target: "eps"))])
    }

    @Test func textHasSnippetNotesHelpAndSummary() async {
        let text = TextReporter().render(await results())
        #expect(text.contains("""
        rf.sched:3:5: warning[S202 rho-vanishes]: correlation between x_t and the target vanishes at t = 1/2
          |
        3 |     target = velocity
          |     ^~~~~~~~~~~~~~~~~
          = note: ρ(t) = (2*t - 1)/sqrt(4*t^2 - 4*t + 2), exact zero at t = 1/2 (proven; no other zeros on [0, 1])
          = help: see `sched explain S202`
        """))
        #expect(text.hasSuffix("0 errors, 2 warnings, 3 notes in 2 files\n"))
        #expect(!text.contains("\u{1B}"))
        #expect(TextReporter(color: true).render(await results()).contains("\u{1B}[1;33mwarning[S202 rho-vanishes]\u{1B}[0m"))
    }

    @Test func inputOrderIsKept() async {
        let r = await results()
        #expect(r.map(\.path) == ["rf.sched", "cos.sched"])
    }

    @Test func jsonFields() async {
        let json = JSONReporter.render(await results())
        for key in ["\"file\"", "\"line\"", "\"column\"", "\"end_line\"", "\"end_column\"", "\"code\"", "\"name\"", "\"severity\"",
                    "\"message\"", "\"notes\"", "\"evidence\""] {
            #expect(json.contains(key))
        }
        #expect(json.hasPrefix("["))
    }

    @Test func sarifShape() async {
        let sarif = SARIFReporter.render(await results(), toolVersion: "0.1.0")
        #expect(sarif.contains("\"version\": \"2.1.0\""))
        #expect(sarif.contains("\"ruleId\": \"S202\""))
        #expect(sarif.contains("\"uri\": \"rf.sched\""))
        #expect(sarif.contains("\"startLine\": 3"))
    }

    @Test func catalogue() {
        let infos = RuleCatalogue.infos
        #expect(Set(infos.map(\.code)).count == infos.count && Set(infos.map(\.name)).count == infos.count)
        #expect(infos.allSatisfy { $0.explanation.contains("Example") })
        #expect(RuleCatalogue.rule(named: "RHO-VANISHES")?.code == "S202")
        #expect(RuleCatalogue.rule(named: "s202")?.name == "rho-vanishes")
        #expect(RuleCatalogue.suggestion(for: "rho-vanish") == "rho-vanishes")
    }
}
