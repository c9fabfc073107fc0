import Exact
import Symbolic
import Testing
@testable import Schedules

/// Zeros of different factors 10⁻²¹ apart: printed with disjoint intervals, each
/// holding exactly one zero, and decimals that tell them apart.
@Suite struct ZeroSeparationTests {
    @Test func printedIntervalsAreDisjoint() throws {
        let f = try form("(t^2 - 2) (t^2 - 2 - 1/1000000000000000000000)")
        let z = ZeroFinder().zeros(of: f, on: try domain("0", "2"))
        let text = AnalysisText.zeroSet(z, variable: "t")
        #expect(text.hasPrefix("t ≈ 1.41421356237309504880169 (the only zero in ("))
        #expect(text.contains("; t ≈ 1.41421356237309504880204 (the only zero in ("))
        #expect(text.hasSuffix(" — complete"))
        guard case .object(let fields) = AnalysisJSON.zeroSet(z),
              case .array(let points)? = fields.first(where: { $0.0 == "points" })?.1, points.count == 2,
              case .object(let first) = points[0], case .object(let second) = points[1] else {
            Issue.record("two points expected in the JSON"); return
        }
        func bound(_ fields: [(String, JSONValue)], _ key: String) throws -> Rational {
            guard case .string(let s)? = fields.first(where: { $0.0 == key })?.1 else { throw TestFailure(message: "no \(key)") }
            return try Rational(parsing: s)
        }
        #expect(try bound(first, "upper") < bound(second, "lower"))
    }

    @Test func separationKeepsExactPointsAndOrder() {
        let a = ZeroPoint(location: .exact(CanonicalForm(Rational(1, 3))), multiplicity: 1, approximation: "0.33333333333333333")
        let b = ZeroPoint(location: .exact(CanonicalForm(Rational(1, 2))), multiplicity: 1, approximation: "0.5")
        let s = ZeroFinder.separated([b, a])
        #expect(s.isolated)
        #expect(s.points == [a, b])
    }
}
