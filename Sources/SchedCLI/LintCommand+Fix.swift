import Foundation
import Lint
import Schedules
import Symbolic

/// `sched lint --fix`: the fix-its applied pass after pass (a fix can expose the
/// next finding: zero terminal SNR makes ε-prediction's det A vanish at the noise
/// end, which the next pass fixes with v-prediction), until a pass applies none.
extension LintCommand {
    /// At most this many passes (each fix removes its finding, and a schedule gets
    /// one fix per pass, so a schedule needs at most one pass per rule that fixes).
    static let fixPasses = 6

    func fixOptions() throws -> FixOptions {
        guard let fixRho else { return FixOptions() }
        let parsed = ExpressionParser.parse(fixRho)
        guard let rho = parsed.expression else {
            throw SchedUsageError(message: "--fix-rho '\(fixRho)': \(parsed.diagnostics.first?.message ?? "not an expression")")
        }
        guard let value = try? Simplifier().canonicalForm(of: rho) else {
            throw SchedUsageError(message: "--fix-rho '\(fixRho)': not a real constant")
        }
        if let name = value.symbols.sorted().first {
            throw SchedUsageError(message: "--fix-rho '\(fixRho)': a constant in (-1, 1), not a function of '\(name)'")
        }
        return FixOptions(rho: rho)
    }

    /// The text of `input` with every fix that applies, and the fixes, pass by pass.
    static func fixed(_ input: LintInput, options: LintOptions) async -> (bytes: [UInt8], applied: [(code: String, schedule: String?, fix: Fix)], result: FileLintResult) {
        var bytes = input.bytes
        var applied: [(code: String, schedule: String?, fix: Fix)] = []
        var result = await Linter.lintFile(LintInput(path: input.path, bytes: bytes), options: options)
        for _ in 0..<fixPasses {
            // One fix per schedule and pass: two fixes of one schedule were each checked
            // on the schedule without the other (a new target designed for the old α).
            var seen = Set<String>()
            let offered = result.findings.compactMap { f -> (code: String, schedule: String?, fix: Fix)? in
                guard let fix = f.fixes.first, seen.insert(f.schedule ?? "").inserted else { return nil }
                return (f.rule.code, f.schedule, fix)
            }
            let (next, done) = Fix.apply(offered.map(\.fix), to: bytes)
            guard !done.isEmpty else { break }
            applied += offered.filter { o in done.contains(o.fix) }
            bytes = next
            result = await Linter.lintFile(LintInput(path: input.path, bytes: bytes), options: options)
        }
        return (bytes, applied, result)
    }

    func runFix(_ inputs: [LintInput], options: LintOptions, io: CommandIO) async throws {
        if !write, inputs.count != 1 {
            throw SchedUsageError(message: "--fix prints one fixed file; give one file, or --write to fix \(inputs.count) files in place")
        }
        if write, inputs.contains(where: { $0.path == "<stdin>" }) {
            throw SchedUsageError(message: "--fix --write: standard input cannot be written in place")
        }
        var remaining: [FileLintResult] = []
        for input in inputs {
            let (bytes, applied, result) = await Self.fixed(input, options: options)
            remaining.append(result)
            let text = String(decoding: bytes, as: UTF8.self)
            if write {
                if !applied.isEmpty { try OutputFile.write(text, to: input.path) }
            } else {
                io.output.write(text)
            }
            for a in applied {
                io.errors.writeLine("\(input.path): fixed \(a.code)" + (a.schedule.map { " in '\($0)'" } ?? "") + ": \(a.fix.message)")
            }
            io.errors.writeLine("\(input.path): " + (applied.isEmpty ? "no fix applies" : "\(applied.count) fix\(applied.count == 1 ? "" : "es") applied")
                + "; remaining: " + TextReporter().summary([result]).replacingOccurrences(of: " in 1 file", with: ""))
        }
        let findings = remaining.flatMap(\.findings)
        if findings.contains(where: { $0.severity == .error }) || (strict && findings.contains(where: { $0.severity == .warning })) {
            throw SchedExit(status: .inputError)
        }
    }
}
