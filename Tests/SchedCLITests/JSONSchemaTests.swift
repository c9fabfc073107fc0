import Foundation
import Testing

/// The JSON outputs validate against the schemas in docs/schema/ (checked with
/// Python's jsonschema by Tests/oracles/validate_json_schemas.py, which also makes sure
/// each schema rejects a broken document).
@Suite struct JSONSchemaTests {
    @Test func outputsValidateAgainstTheCommittedSchemas() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/oracles/validate_json_schemas.py").path,
                             SchedBinary.url.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
        let summary = try #require(text.split(separator: "\n").last)
        // 4 examples files + 4 docs examples + the edge cases, analyzed and linted, a
        // broken file linted, 3 simplifications: at least 20 documents.
        #expect(summary.hasSuffix(" documents valid, 0 failures"), "\(summary)")
        let count = Int(summary.split(separator: " ").first ?? "") ?? 0
        #expect(count >= 20, "\(summary)")
    }
}
