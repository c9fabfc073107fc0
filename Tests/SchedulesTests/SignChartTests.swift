import Exact
import Symbolic
import Testing
@testable import Schedules

/// The sign chart: pieces between zeros and cut points, witnesses strictly inside the
/// piece and the domain, certified signs, three-valued queries.
@Suite struct SignChartTests {
    let finder = ZeroFinder()

    func chart(_ f: String, _ d: AnalysisDomain) throws -> SignChart {
        SignChart.of(try form(f), on: d, finder: finder)
    }

    @Test func halfInfiniteDomainHasAPieceBeyondTheLastZero() throws {
        let c = try chart("2000 - t", try domain("0", nil, lowerClosed: false, upperClosed: false))
        #expect(c.complete)
        #expect(c.points.map(\.kind) == [.zero])
        #expect(c.pieces.map(\.witness) == [Rational(1), Rational(2001)])
        #expect(c.pieces.map(\.sign) == [1, -1])
        #expect(c.somewhereNegative == .proven(.rational(Rational(2001), sign: -1)))
        #expect(c.negativeEverywhere == .refuted(.point(c.points[0].point, sign: 0)))
    }

    @Test func radicandNegativeBeyondTheLastZero() throws {
        let model = try schedule("sq", in: "schedule sq {\n    time t in (0, inf)\n    alpha = 1\n    sigma = sqrt(2000 - t)\n    target = eps\n}\n").unifiedModel
        let r = try form("2000 - t")
        let z = finder.zeros(of: r, on: model.domain)
        let sign = ModelAnalysis.radicandSign(r, zeros: z, model, finder)
        #expect(sign.negativeSomewhere == .proven(.rational(Rational(2001), sign: -1)))
        #expect(exactZeros(ZeroSet(identicallyZero: false, complete: true, points: sign.stretchEnds, note: nil)) == ["2000"])
    }

    @Test func witnessesStayInsideAnIrrationalEnd() throws {
        let closed = try chart("cos(t)", try domain("0", "pi/2"))
        #expect(closed.pieces.map(\.witness) == [Rational(1)])
        #expect(closed.positiveEverywhere == .refuted(.point(closed.points[0].point, sign: 0)))
        let open = try chart("cos(t)", try domain("0", "pi/2", upperClosed: false))
        #expect(open.points.isEmpty)
        #expect(open.positiveEverywhere == .proven(.rational(Rational(1), sign: 1)))
        // A piece between 3/2 and π/2 ≈ 1.5708: the witness is strictly between them.
        let narrow = try chart("t - 3/2", try domain("0", "pi/2"))
        #expect(narrow.pieces.map(\.witness) == [Rational(1), Rational(14, 9)])
        #expect(narrow.pieces.map(\.sign) == [-1, 1])
    }

    @Test func poleIsACut() throws {
        let c = try chart("1/(t - 1/2)", .unit())
        #expect(c.points.map(\.kind) == [.undefined])
        #expect(c.pieces.map(\.sign) == [-1, 1])
        #expect(c.pieces.map(\.witness) == [Rational(1, 3), Rational(2, 3)])
        #expect(c.positiveEverywhere == .refuted(.rational(Rational(1, 3), sign: -1)))
        // Positive on (1/2, 1], but undefined at 1/2: no proof of positivity on [1/2, 1].
        let right = try chart("1/(t - 1/2)", try domain("1/2", "1"))
        if case .unknown = right.positiveEverywhere {} else { Issue.record("\(right.positiveEverywhere)") }
    }

    @Test func signChangeFollowsTheOrder() throws {
        let even = try chart("(t - 1/2)^2", .unit())
        #expect(even.changesSign(at: 0) == .refuted(nil))
        let odd = try chart("(t - 1/2)^3", .unit())
        #expect(odd.changesSign(at: 0) == .proven(nil))
        let atEnd = try chart("t", .unit())
        #expect(atEnd.changesSign(at: 0) == .refuted(nil))
    }

    @Test func zerosTenToTheMinus21ApartAreSeparated() throws {
        // Irrational: √2 and √(2 + 10⁻²¹), zeros of two different factors.
        let f = try form("(t^2 - 2) (t^2 - 2 - 1/1000000000000000000000)")
        let z = finder.zeros(of: f, on: try domain("0", "2"))
        #expect(z.complete && z.points.count == 2)
        guard z.points.count == 2, case .enclosure(let l0, let u0, _) = z.points[0].location,
              case .enclosure(let l1, let u1, _) = z.points[1].location else { Issue.record("\(z)"); return }
        #expect(u0 < l1)
        #expect(z.points[0].approximation != z.points[1].approximation)
        let numerator = try #require(f.numerator.univariate(in: "t"))
        #expect(try numerator.realRoots(in: .open(l0, u0)).count == 1)
        #expect(try numerator.realRoots(in: .open(l1, u1)).count == 1)
        let c = SignChart.of(f, on: try domain("0", "2"), finder: finder, zeros: z)
        let between = try #require(c.pieces.first { $0.below == 0 && $0.above == 1 })
        let w = try #require(between.witness)
        #expect(u0 < w && w < l1)
        #expect(between.sign == -1)
        // Rational: 1/3 and 1/3 + 10⁻²¹, exact.
        let g = try form("(t - 1/3) (t - 1/3 - 1/1000000000000000000000)")
        let rational = SignChart.of(g, on: .unit(), finder: finder)
        #expect(exactZeros(finder.zeros(of: g, on: .unit())) == ["1/3", "1000000000000000000003/3e21"])
        #expect(rational.pieces.map(\.sign) == [1, -1, 1])
        let inside = try #require(rational.pieces[1].witness)
        let tiny = Rational(1, 1_000_000_000) * Rational(1, 1_000_000_000_000)
        #expect(inside > Rational(1, 3) && inside < Rational(1, 3) + tiny)
    }

    @Test func domainWitnessCandidatesLieInside() throws {
        let d = try domain("2", "3")
        #expect(!d.witnessCandidates.isEmpty)
        #expect(d.witnessCandidates.allSatisfy { $0 > Rational(2) && $0 < Rational(3) })
        #expect(d.witnessCandidates.prefix(2) == [Rational(5, 2), Rational(17, 7)])
        let half = try domain("2000", nil, upperClosed: false)
        #expect(half.witnessCandidates.allSatisfy { $0 > Rational(2000) })
    }

    @Test func simplestRational() {
        #expect(Rational.simplest(above: Rational(2000), below: nil) == Rational(2001))
        #expect(Rational.simplest(above: Rational(1, 3), below: Rational(1, 2)) == Rational(2, 5))
        #expect(Rational.simplest(above: Rational(-7, 2), below: Rational(-3)) == Rational(-10, 3))
        #expect(Rational.simplest(above: Rational(-1), below: Rational(1)) == Rational(0))
        #expect(Rational.simplest(above: Rational(3), below: Rational(7, 2)) == Rational(10, 3))
    }
}
