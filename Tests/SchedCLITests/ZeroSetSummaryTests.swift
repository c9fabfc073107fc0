import Foundation
import SchedCLI
import Testing

/// Long zero sets: text output summarizes them (count, density, the first and last
/// three), JSON keeps every zero.
@Suite struct ZeroSetSummaryTests {
    /// det A = sin(100t) vanishes at kπ/100 for k = 0…31 on [0, 1]: 32 exact zeros,
    /// 31 gaps over 31π/100, that is 100/π ≈ 31.8 per unit of t.
    static let wiggle = """
        schedule w {
            alpha = sin(100 t)
            sigma = 1
            target = eps
        }
        """

    @Test func analyzeTextSummarizesMoreThanTwelveZeros() {
        let r = SchedCommand.run(["analyze", "-"], stdin: Self.wiggle)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        let expected = "    det A     32 zeros, about 31.8 per unit of t: t = 0 (exact); t = π/100 ≈ 0.031415926535897932 (exact); "
            + "t = π/50 ≈ 0.062831853071795865 (exact); … 26 more …; t = 29π/100 ≈ 0.91106186954104004 (exact); "
            + "t = 3π/10 ≈ 0.94247779607693797 (exact); t = 31π/100 ≈ 0.97389372261283590 (exact) — complete"
        #expect(lines.contains(expected), "\(r.stdout)")
    }

    @Test func analyzeJSONKeepsEveryZero() throws {
        let r = SchedCommand.run(["analyze", "-", "--format", "json"], stdin: Self.wiggle)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let schedule = try #require((json["schedules"] as? [[String: Any]])?.first)
        let det = try #require((schedule["zeros"] as? [String: Any])?["det"] as? [String: Any])
        let points = try #require(det["points"] as? [[String: Any]])
        #expect(points.count == 32)
        #expect(points.compactMap { $0["exact"] as? String }.suffix(2) == ["3*pi/10", "31*pi/100"])
    }

    /// Twelve zeros are still listed one by one: sin(35t) vanishes at kπ/35, k = 0…11, on [0, 1].
    @Test func twelveZerosAreListedInFull() {
        let r = SchedCommand.run(["analyze", "-"], stdin: Self.wiggle.replacingOccurrences(of: "sin(100 t)", with: "sin(35 t)"))
        let line = r.stdout.components(separatedBy: "\n").first { $0.hasPrefix("    det A") } ?? ""
        #expect(line.hasPrefix("    det A     t = 0 (exact); t = π/35 ≈ "), "\(line)")
        #expect(line.components(separatedBy: "(exact)").count - 1 == 12)
        #expect(!line.contains("more"))
    }
}
