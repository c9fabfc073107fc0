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

/// SplitMix64: a tiny generator fully determined by its seed, for reproducible inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
