import Foundation
import SchedTestHarness
import Testing

/// The tiers are selected by name: `make test-fast` skips `TestTier.taggedSuitePattern`,
/// since swift-testing 6.3 cannot skip by tag from the command line (and offers no
/// public list of the tests with their tags). So the test sources are read: a suite
/// tagged `.oracle` or `.slow` is named for the tier, a suite so named is tagged, and
/// a test tagged by itself is in such a suite; the Makefile skips exactly that pattern.
@Suite struct TestTierTests {
    /// Each suite of the test sources (`struct` under `@Suite`): its name, whether it
    /// is tagged for a tier, and the tests tagged for a tier inside it.
    struct SuiteDeclaration { var name: String; var file: String; var tagged: Bool; var taggedTests: Int }

    static var tierTag: Regex<AnyRegexOutput> { try! Regex(#"\.tags\([^)]*\.(oracle|slow)"#) }

    static func suites() throws -> [SuiteDeclaration] {
        let testsDirectory = packageRoot.appendingPathComponent("Tests")
        let files = (FileManager.default.enumerator(atPath: testsDirectory.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("SchedTestHarness/") }.sorted()
        var suites: [SuiteDeclaration] = []
        for file in files {
            let lines = try String(contentsOf: testsDirectory.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
            var pendingSuite: Bool?   // after an `@Suite` line: whether it is tagged
            for line in lines {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                if code.hasPrefix("@Suite") { pendingSuite = code.contains(Self.tierTag) }
                if let name = code.firstMatch(of: #/struct (\w+)/#)?.output.1, let tagged = pendingSuite {
                    suites.append(SuiteDeclaration(name: String(name), file: file, tagged: tagged, taggedTests: 0))
                    pendingSuite = nil
                }
                if code.hasPrefix("@Test"), code.contains(Self.tierTag), !suites.isEmpty, suites.last!.file == file {
                    suites[suites.count - 1].taggedTests += 1
                }
            }
        }
        return suites
    }

    @Test func tagsAndSuiteNamesAgree() throws {
        let suites = try Self.suites()
        #expect(suites.count > 80)
        let pattern = try Regex(TestTier.taggedSuitePattern)
        for suite in suites {
            let named = "Module.\(suite.name)".contains(pattern)
            #expect(suite.tagged == named, "\(suite.file): suite \(suite.name) tagged \(suite.tagged), named for the tier \(named)")
            #expect(suite.taggedTests == 0 || named, "\(suite.file): \(suite.name) has tests tagged for a tier; move them to a suite named …OracleTests or …SlowTests")
        }
        #expect(suites.filter(\.tagged).count >= 12)
    }

    @Test func makefileSkipsThePattern() throws {
        let makefile = try String(contentsOf: packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let escaped = TestTier.taggedSuitePattern.replacingOccurrences(of: "$", with: "$$")
        #expect(makefile.contains("--skip '\(escaped)'"))
    }
}
