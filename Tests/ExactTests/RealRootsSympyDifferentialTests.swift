import Foundation
import SchedTestHarness
import Testing
@testable import Exact

/// Differential test against SymPy's `real_roots` (an independent implementation):
/// for 300 random integer polynomials of degree 1–40 with repeated factors, in random
/// intervals, sched must find the same number of distinct roots, the same rational
/// roots exactly, the same multiplicities, and each of its isolating intervals must
/// contain SymPy's root (a 50-digit approximation).
@Suite(.tags(.oracle, .slow)) struct RealRootsSympyOracleTests {
    struct Case: Decodable {
        struct Root: Decodable { let exact: String?; let approx: String; let multiplicity: Int }
        let coefficients: [String]
        let interval: String
        let roots: [Root]
    }

    static func oracleCases(count: Int) throws -> [Case] {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("oracles/real_roots.py")
        let run = try Subprocess.python(script.path, [String(count)])
        #expect(run.status == 0, "the SymPy oracle failed; python3 with sympy is required: \(run.stderr)")
        return try run.stdout
            .split(separator: "\n")
            .map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    @Test func agreesWithSympyOnThreeHundredPolynomials() throws {
        let cases = try Self.oracleCases(count: 300)
        #expect(cases.count == 300)
        var irrational = 0, rational = 0
        for c in cases {
            let p = Polynomial(coefficients: try c.coefficients.map { try Rational(parsing: $0) })
            let domain = try RealInterval(parsing: c.interval)
            let roots = try p.realRoots(in: domain)
            let context = "p = \(p) on \(c.interval)"
            #expect(roots.count == c.roots.count, "\(context): sched \(roots.count) roots, SymPy \(c.roots.count)")
            guard roots.count == c.roots.count else { continue }
            for (mine, theirs) in zip(roots, c.roots) {
                #expect(mine.multiplicity == theirs.multiplicity, "\(context)")
                if let exact = theirs.exact {
                    rational += 1
                    #expect(mine.rationalValue == (try Rational(parsing: exact)), "\(context): \(mine) vs \(exact)")
                } else {
                    irrational += 1
                    let approx = try Rational(parsing: theirs.approx)
                    let e = try #require(mine.enclosure, "\(context): SymPy's root \(theirs.approx) is irrational")
                    #expect(e.lower < approx && approx < e.upper, "\(context): \(theirs.approx) not in (\(e.lower), \(e.upper))")
                    // And after refinement to 2^-120 it still is (the enclosure really tracks the root).
                    let fine = e.refined(bits: 120)
                    #expect(fine.lower - Rational(1, 1 << 60) < approx && approx < fine.upper + Rational(1, 1 << 60))
                }
            }
            expectCertified(roots)
        }
        // The generator must really exercise both kinds of roots.
        #expect(irrational > 300 && rational > 100)
    }
}
