import Foundation
import SchedTestHarness
import Testing

/// The JSON outputs validate against the schemas in docs/schema/ (checked with
/// Python's jsonschema by Tests/oracles/validate_json_schemas.py, which also makes sure
/// each schema rejects a broken document).
@Suite(.tags(.oracle)) struct JSONSchemaOracleTests {
    @Test func outputsValidateAgainstTheCommittedSchemas() throws {
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/validate_json_schemas.py").path,
                                        [SchedBinary.url.path])
        #expect(run.status == 0, "\(run.stdout.suffix(4000))")
        let summary = try #require(run.stdout.split(separator: "\n").last)
        // 4 examples files + 4 docs examples + the edge cases, analyzed and linted, a
        // broken file linted, 3 simplifications: at least 20 documents.
        #expect(summary.hasSuffix(" documents valid, 0 failures"), "\(summary)")
        let count = Int(summary.split(separator: " ").first ?? "") ?? 0
        #expect(count >= 20, "\(summary)")
    }
}
