import SchedTestSupport
import Exact
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

/// The simplified expression, printed in ASCII.
func simplified(_ text: String) throws -> String { printASCII(try Simplifier().simplify(try Expr(parsing: text))) }

/// True when the ball lies within `relative`·|reference| of a decimal reference value
/// (values hard-coded from mpmath at 40 digits).
func isNear(_ b: Ball, _ reference: String, relative: Rational = try! Rational(10).power(-35)) -> Bool {
    guard let value = Rational(reference), let lower = b.lowerBound, let upper = b.upperBound else { return false }
    let tolerance = value.magnitude * relative
    return lower > value - tolerance && upper < value + tolerance
}

/// The value of an expression with t bound, by `BallEvaluator` at 256 bits.
func ballValue(_ text: String, at t: Rational) throws -> Ball {
    try BallEvaluator().evaluate(try Expr(parsing: text), at: ["t": t], precision: 256)
}

/// The verdict of each claim of schedule `name` in `text`, `status: claim`.
func verdicts(of name: String, in text: String) throws -> [String] {
    let s = try schedule(name, in: text)
    let checker = ClaimChecker(ModelAnalysis(s.unifiedModel))
    return s.expectations.map { "\(checker.check($0.claim).status.rawValue): \($0.text)" }
}
