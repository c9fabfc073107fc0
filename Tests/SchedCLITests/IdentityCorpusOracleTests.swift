import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// `sched simplify` on the classical identity corpus of Tests/oracles/identity_corpus.py
/// (each case checked by mpmath there): never a false zero, never a refuted identity,
/// and at least the measured number of identities proven zero in each category, so that
/// a regression fails (the figures are in bench/README.md).
@Suite(.tags(.oracle)) struct IdentityCorpusOracleTests {
    /// category → (identities, proven zero as measured).
    static let measured: [String: (identities: Int, proven: Int)] = [
        "angle addition": (98, 98),
        "multiple angle": (96, 96),
        "half angle": (30, 30),
        "product to sum": (32, 32),
        "pi multiples": (54, 54),
        "exact values": (183, 181),
        "denesting": (78, 78),
        "logs and powers": (35, 35),
    ]

    @Test func neverAFalseZeroAndTheMeasuredProvenCounts() throws {
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/identity_corpus.py").path)
        #expect(run.status == 0, "the corpus generator failed: \(run.stderr.suffix(2000))")
        var identities: [String: Int] = [:], proven: [String: Int] = [:], nonIdentities = 0
        for line in run.stdout.split(separator: "\n") {
            let c = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let category = try #require(c["category"] as? String), expression = try #require(c["expression"] as? String)
            let identity = try #require(c["identity"] as? Bool), positive = c["positive"] as? [String] ?? []
            let r = SchedCommand.run(["simplify", expression, "--format", "json"] + (positive.isEmpty ? [] : ["--assume-positive"] + positive))
            #expect(r.status == 0, "\(expression): \(r.stderr)")
            let verdict = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["zero"] as? String
            if identity {
                identities[category, default: 0] += 1
                if verdict == "proven" { proven[category, default: 0] += 1 }
                #expect(verdict != "refuted", "an identity refuted: \(expression)")
            } else {
                nonIdentities += 1
                #expect(verdict != "proven", "a false zero: \(expression)")
            }
        }
        #expect(nonIdentities == Self.measured.values.reduce(0) { $0 + $1.identities })
        for (category, figures) in Self.measured {
            #expect(identities[category] == figures.identities, "\(category): \(identities[category] ?? 0) identities")
            #expect((proven[category] ?? 0) >= figures.proven, "\(category): \(proven[category] ?? 0) of \(figures.identities) proven")
        }
        print("identity corpus: " + Self.measured.keys.sorted().map { "\($0) \(proven[$0] ?? 0)/\(identities[$0] ?? 0)" }.joined(separator: ", "))
    }
}
