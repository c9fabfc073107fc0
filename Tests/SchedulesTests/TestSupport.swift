import SchedTestSupport
import Foundation
import Symbolic
import Testing
@testable import Schedules

/// Parses and validates `text`.
func validate(_ text: String, overrides: [String: String] = [:]) throws -> ScheduleFile {
    var parsed: [String: Expr] = [:]
    for (name, value) in overrides { parsed[name] = try Expr(parsing: value) }
    return ScheduleFile(parsing: text, path: "test.sched", parameterOverrides: parsed)
}

/// Validates `text`, requiring no diagnostics, and returns the schedule `name`.
func schedule(_ name: String, in text: String, overrides: [String: String] = [:]) throws -> Schedule {
    let file = try validate(text, overrides: overrides)
    guard file.diagnostics.isEmpty else {
        throw TestFailure(message: "unexpected diagnostics:\n" + file.formattedDiagnostics())
    }
    guard let s = file.schedule(named: name) else { throw TestFailure(message: "no schedule \(name)") }
    return s
}

/// The ASCII text of a canonical form, the way the analysis prints it.
func ascii(_ form: CanonicalForm?) -> String { form.map { printASCII($0.expression) } ?? "nil" }

/// `alpha ; sigma ; c ; d`.
func coefficients(_ s: Schedule) -> String {
    [s.alpha.value, s.sigma.value, s.c.value, s.d.value].map { ascii($0) }.joined(separator: " ; ")
}

/// `line:column: id: message`.
func render(_ d: Diagnostic) -> String { "\(d.line):\(d.column): \(d.id): \(d.message)" }

struct TestFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The package root, found from this file's path, for reading `grammar/`.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shared fixed-seed generator (SplitMix64).
typealias SplitMix64 = SeededRandom
