import Lint
import SchedTestHarness
import Testing

/// A file with 10,000 schedules lints without error, every schedule analysed, in
/// input order (timing and peak memory of the same input through the binary are in
/// bench/README.md; they are not asserted here, the machines are shared).
@Suite(.tags(.slow)) struct LargeFileSlowTests {
    @Test func tenThousandSchedules() async {
        let count = 10_000
        var text = ""
        for i in 0..<count {
            text += "schedule s\(i) {\n    x_t = (1 - t) x0 + t eps\n    target = \(i + 2) x0 - eps\n}\n"
        }
        let result = await Linter.lintFile(LintInput(path: "big.sched", text: text))
        #expect(result.scheduleCount == count)
        #expect(!result.findings.contains { $0.severity == .error })
        let s301 = result.findings.filter { $0.rule.code == "S301" }
        #expect(s301.count == count)
        // Deterministic order: schedule i's finding is on line 4i + 2.
        #expect(s301.enumerated().allSatisfy { i, f in f.range.start.line == 4 * i + 2 && f.schedule == "s\(i)" })
    }
}
