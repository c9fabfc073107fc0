import Exact
import Symbolic
import Testing
@testable import Schedules

/// Claims hold on the schedule's domain: counterexamples lie in it, and a zero-set
/// claim matches a zero only when proven equal to it.
@Suite struct ClaimDomainTests {
    static func verdicts(_ body: String) throws -> [ClaimVerdict] {
        let s = try schedule("a", in: "schedule a {\n" + body.split(separator: "\n").map { "    " + $0 + "\n" }.joined() + "}\n")
        let checker = ClaimChecker(ModelAnalysis(s.unifiedModel))
        return s.expectations.map { checker.check($0.claim) }
    }

    static let cosine = "alpha = cos(pi/2 t)\nsigma = sin(pi/2 t)\ntarget = eps\nexpect sigma == sqrt(1 - alpha^2)"

    @Test func cosineIdentityIsProvenOnTheUnitInterval() throws {
        let v = try Self.verdicts("time t in [0, 1]\n" + Self.cosine)
        #expect(v.map(\.status) == [.proven])
        #expect(v.first?.counterexample == nil)
    }

    @Test func cosineIdentityIsRefutedInsideALargerDomain() throws {
        // sin(πt/2) < 0 on (2, 3]: the counterexample is there, not at a fixed 19/8.
        let v = try Self.verdicts("time t in [0, 3]\n" + Self.cosine)
        #expect(v.map(\.status) == [.refuted])
        #expect(v.first?.counterexample == "t = 39/17")
    }

    @Test func signClaimsUseTheDomain() throws {
        let v = try Self.verdicts("time t in (0, inf)\nalpha = 1\nsigma = t\ntarget = eps\nexpect 2000 - t > 0\nexpect t + 1 > 0\nexpect 1/(t - 1) > 0")
        #expect(v.map(\.status) == [.refuted, .proven, .refuted])
        #expect(v.map(\.counterexample) == ["t = 2000", nil, "t = 1/2"])
    }

    @Test func zeroSetClaimsMatchIsolatedZeros() throws {
        let body = "time t in [0, 2]\nalpha = (t^2 - 2) (t^2 - 2 - 1/1000000000000000000000)\nsigma = t\ntarget = eps\n"
            + "expect zeros(alpha) == {sqrt(2)}\nexpect zeros(alpha) == {sqrt(2), sqrt(2 + 1/1000000000000000000000)}\nexpect zeros(alpha) == {sqrt(2), sqrt(2)}"
        let v = try Self.verdicts(body)
        #expect(v.map(\.status) == [.refuted, .proven, .refuted])
        let rational = try Self.verdicts("alpha = (t - 1/3) (t - 1/3 - 1/1000000000000000000000)\nsigma = t\ntarget = eps\nexpect zeros(alpha) == {1/3}")
        #expect(rational.map(\.status) == [.refuted])
        #expect(rational.first?.counterexample == "t = 1000000000000000000003/3e21")
    }

    /// t = 1/2, where c = 1/(2t − 1) is undefined, is no zero of σ − 1/2.
    @Test func zerosWhereTheScheduleIsUndefinedAreLeftOut() throws {
        let v = try Self.verdicts("alpha = 1 - t\nsigma = t\ntarget = eps + x0/(2 t - 1)\nexpect zeros(sigma - 1/2) == {}\nexpect sigma - 1/2 != 0\nexpect zeros(sigma - 1/4) == {1/4}")
        #expect(v.map(\.status) == [.proven, .proven, .proven])
        #expect(v.map(\.evidence) == [
            "the zero set of sigma - 1/2 on the domain is exactly {} (complete; t = 0.5 is left out: it is undefined there (the limit there is 0))",
            "the zero set of sigma - 1/2 on the domain is empty (complete; t = 0.5 is left out: it is undefined there (the limit there is 0))",
            "the zero set of sigma - 1/4 on the domain is exactly {1/4} (complete)",
        ])
    }
}
