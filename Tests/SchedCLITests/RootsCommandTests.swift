import Foundation
import Testing
@testable import SchedCLI
import Exact

@Suite struct RootsCommandTests {
    @Test func textReport() throws {
        let r = SchedCommand.run(["roots", "2 -1 -4 2", "--in", "[0, 2]"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == """
            p(x) = 2*x^3 - x^2 - 4*x + 2
            2 distinct real roots in [0, 2] (complete: every root is listed)
              x = 1/2  (exact)
              x ≈ 1.4142135623731  (the only root of x^2 - 2 in (1, 2))

            """)
    }

    @Test func jsonReportWithRefinement() throws {
        let r = SchedCommand.run(["roots", "1, 0, -2", "--in", "(0, inf)", "--refine", "20", "--format", "json", "--digits", "20"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let roots = try #require(object?["roots"] as? [[String: Any]])
        #expect(roots.count == 1 && object?["complete"] as? Bool == true)
        #expect(roots[0]["minimal_polynomial"] as? String == "x^2 - 2")
        #expect(roots[0]["approx"] as? String == "1.4142135623730950488")
        let lower = try #require(Rational(roots[0]["lower"] as? String ?? ""))
        let upper = try #require(Rational(roots[0]["upper"] as? String ?? ""))
        #expect(upper - lower <= Rational(1, 1 << 20) && lower * lower < 2 && upper * upper > 2)
    }

    @Test func negativeLeadingCoefficientNeedsNoDoubleDash() throws {
        let r = SchedCommand.run(["roots", "-1 0 1"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("x = -1  (exact)") && r.stdout.contains("x = 1  (exact)"))
    }

    @Test func multiplicity() throws {
        let r = SchedCommand.run(["roots", "1 -5 9 -7 2"])
        #expect(r.stdout.contains("x = 1  (exact, multiplicity 3)"))
    }

    @Test(arguments: [
        (["roots", "1 x"], Int32(1), "error: coefficient 'x': not a number: 'x'\n"),
        (["roots", "1 0", "--in", "[0; 1]"], Int32(1), "error: interval '[0; 1]' is not of the form [a, b], (a, b], [a, inf) …\n"),
        (["roots", "1 1e999999"], Int32(1), "error: coefficient '1e999999': result too large: decimal exponent in '1e999999' exceeds 100000\n"),
        (["roots", "1/0 1"], Int32(1), "error: coefficient '1/0': division by zero\n"),
    ] as [([String], Int32, String)])
    func inputErrorsExitOne(arguments: [String], status: Int32, message: String) throws {
        let r = SchedCommand.run(arguments)
        #expect(r.status == status)
        #expect(r.stderr == message)
        #expect(r.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        for args in [["roots"], ["roots", "1 2", "--bogus"], ["nonsense"], ["roots", "1", "--digits", "0"]] {
            let r = SchedCommand.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(!r.stderr.isEmpty)
        }
    }

    /// End to end: the binary prints help and its version on stdout, status 0.
    @Test func versionAndHelp() throws {
        let v = try SchedBinary.run(["--version"])
        #expect(v.status == 0 && v.stdout == SchedCommand.version + "\n")
        let h = try SchedBinary.run(["--help"])
        #expect(h.status == 0 && h.stdout.contains("roots"))
    }

    @Test func argumentNormalisation() {
        #expect(SchedCommand.normalizedArguments(["roots", "-1 0 2", "--in", "[0, 1]"]) == ["roots", "--in", "[0, 1]", "--", "-1 0 2"])
        #expect(SchedCommand.normalizedArguments(["roots", "1 2", "--digits", "5"]) == ["roots", "1 2", "--digits", "5"])
        #expect(SchedCommand.normalizedArguments(["roots", "--", "-1"]) == ["roots", "--", "-1"])
    }
}
