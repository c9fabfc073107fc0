import Exact
import Foundation
import Symbolic
import Testing
@testable import Schedules

func form(_ text: String) throws -> CanonicalForm {
    try Simplifier().canonicalForm(of: try Expr(parsing: text))
}

func domain(_ lower: String?, _ upper: String?, lowerClosed: Bool = true, upperClosed: Bool = true, variable: String = "t") throws -> AnalysisDomain {
    AnalysisDomain(variable: variable, lower: try lower.map(form), upper: try upper.map(form), lowerClosed: lowerClosed, upperClosed: upperClosed)
}

/// The exact zeros of a set, printed.
func exactZeros(_ set: ZeroSet) -> [String] {
    set.points.compactMap { p in
        if case .exact(let f) = p.location { return printASCII(f.expression) }
        return nil
    }
}

@Suite struct ZeroFinderTests {
    let finder = ZeroFinder()

    @Test func polynomialZerosAreExact() throws {
        let rf = finder.zeros(of: try form("2t - 1"), on: .unit())
        #expect(rf.complete && exactZeros(rf) == ["1/2"] && rf.points[0].multiplicity == 1)
        let cubic = finder.zeros(of: try form("3 (1 - t)^2"), on: .unit())
        #expect(cubic.complete && exactZeros(cubic) == ["1"] && cubic.points[0].multiplicity == 2)
        let open = finder.zeros(of: try form("3 (1 - t)^2"), on: try domain("0", "1", upperClosed: false))
        #expect(open.complete && open.points.isEmpty)
        let quadratic = finder.zeros(of: try form("t^2 - 1/2"), on: .unit())
        guard case .enclosure(let lo, let hi, let minimal)? = quadratic.points.first?.location else { Issue.record("\(quadratic)"); return }
        #expect(minimal?.description(variable: "t") == "2*t^2 - 1" && lo * lo * 2 < 1 && hi * hi * 2 > 1)
        // Irrational domain end: zeros of t - 3/2 on [0, pi/2] and of t - 2 (outside).
        #expect(exactZeros(finder.zeros(of: try form("t - 3/2"), on: try domain("0", "pi/2"))) == ["3/2"])
        #expect(finder.zeros(of: try form("t - 2"), on: try domain("0", "pi/2")).points.isEmpty)
    }

    @Test func transcendentalZeros() throws {
        // cos(πt/2) vanishes exactly at the end t = 1.
        let c = finder.zeros(of: try form("cos(pi/2 t)"), on: .unit())
        #expect(c.complete && exactZeros(c) == ["1"] && c.points[0].multiplicity == 1, "\(c)")
        // cos t on [0, π/2]: exactly π/2.
        let trig = finder.zeros(of: try form("cos(t)"), on: try domain("0", "pi/2"))
        #expect(trig.complete && exactZeros(trig) == ["pi/2"], "\(trig)")
        // sin t on [0, 10]: 0, π, 2π, 3π.
        let sine = finder.zeros(of: try form("sin(t)"), on: try domain("0", "10"))
        #expect(sine.complete && exactZeros(sine) == ["0", "pi", "2*pi", "3*pi"], "\(sine)")
        // exp(−t) = t at the omega constant 0.5671432904097838…, enclosed to 10⁻¹².
        let omega = finder.zeros(of: try form("exp(-t) - t"), on: .unit())
        #expect(omega.complete && omega.points.count == 1)
        guard case .enclosure(let lo, let hi, _)? = omega.points.first?.location else { Issue.record("\(omega)"); return }
        #expect(hi - lo <= Rational(1, 1_000_000_000_000))
        #expect(lo < Rational(5671432904097838, 10_000_000_000_000_000) && Rational(5671432904097839, 10_000_000_000_000_000) < hi)
        // √(1 − e^{−t}) vanishes at 0 only.
        let root = finder.zeros(of: try form("sqrt(1 - exp(-t))"), on: .unit())
        #expect(root.complete && exactZeros(root) == ["0"], "\(root)")
        // Never zero.
        let positive = finder.zeros(of: try form("exp(-t^2/2) + 1/10"), on: .unit())
        #expect(positive.complete && positive.points.isEmpty)
    }

    @Test func identicallyZeroAndParameters() throws {
        #expect(finder.zeros(of: try form("sin(t)^2 + cos(t)^2 - 1"), on: .unit()).identicallyZero)
        let p = finder.zeros(of: try form("t - k"), on: .unit())
        #expect(!p.complete && p.note?.contains("parameter k") == true)
        let unbounded = finder.zeros(of: try form("sin(t)"), on: try domain("0", nil, upperClosed: false))
        #expect(!unbounded.complete)
    }
}
