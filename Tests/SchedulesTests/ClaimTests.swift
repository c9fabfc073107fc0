import Exact
import Symbolic
import Testing
@testable import Schedules

/// `expect CLAIM`: every form parses into its `Claim` case; in the model, lets and
/// numeric parameters are substituted.
@Suite struct ClaimTests {
    static func claims(_ lines: [String], prefix: [String] = []) throws -> [Schedules.Expectation] {
        let text = "schedule a {\n" + (prefix + ["x_t = (1 - t) x0 + t eps", "target = velocity"] + lines)
            .map { "    " + $0 + "\n" }.joined() + "}\n"
        return try schedule("a", in: text).expectations
    }

    static func e(_ text: String) -> Expr { try! Expr(parsing: text) }

    @Test func everyClaimForm() throws {
        let found = try Self.claims([
            "expect det == 1",
            "expect rho != 0",
            "expect rho ≠ 0",
            "expect rho == 0 at t = 1/2",
            "expect zeros(rho) == {1/2, 1}",
            "expect zeros(alpha) == {}",
            "expect zeros(sigma*(1 - t)) == { 0 , 1 }",
            "expect snr > 0",
            "expect cov < 0",
            "expect alpha^2 + sigma^2 == 1 - 2t*(1 - t)",
            "expect diff(alpha, t) == c",
        ])
        #expect(found.map(\.claim) == [
            .identity(Self.e("det"), Self.e("1")),
            .nonzero(Self.e("rho")),
            .nonzero(Self.e("rho")),
            .zeroAt(Self.e("rho"), variable: "t", at: Self.e("1/2")),
            .zeroSet(Self.e("rho"), [Self.e("1/2"), Self.e("1")]),
            .zeroSet(Self.e("alpha"), []),
            .zeroSet(Self.e("sigma*(1 - t)"), [Self.e("0"), Self.e("1")]),
            .positive(Self.e("snr")),
            .negative(Self.e("cov")),
            .identity(Self.e("alpha^2 + sigma^2"), Self.e("1 - 2t*(1 - t)")),
            .identity(Self.e("diff(alpha, t)"), Self.e("c")),
        ])
        #expect(found[3].text == "rho == 0 at t = 1/2")
        #expect(found.map(\.range.start.line) == Array(4...14))
        #expect(found.allSatisfy { $0.range.start.column == 5 })
    }

    @Test func claimsInTheSyntaxTreeAreAsWritten() throws {
        let syntax = ScheduleParser.parse("schedule a {\n    let h = 1/2\n    expect rho == 0 at t = h\n}\n")
        #expect(syntax.diagnostics.isEmpty)
        guard case .expect(let claim, let text) = syntax.schedules[0].statements[1].kind else {
            Issue.record("not a claim")
            return
        }
        #expect(claim == .zeroAt(Self.e("rho"), variable: "t", at: Self.e("h")))
        #expect(text == "rho == 0 at t = h")
        // The point keeps its position in the file.
        if case .zeroAt(let q, _, let point) = claim {
            #expect(q.range?.start.column == 12)
            #expect(point.range?.start.column == 28 && point.range?.start.line == 3)
        }
    }

    @Test func letsAndNumericParametersAreSubstituted() throws {
        let found = try Self.claims([
            "expect rho == 0 at t = h",
            "expect det == k",
            "expect zeros(rho) == {h}",
            "expect 1 - r2 > 0",
            "expect rho == 0 at m = 1",
        ], prefix: ["param k = 2", "param m", "let h = 1/2", "let r2 = rho^2"])
        #expect(found.map(\.claim) == [
            .zeroAt(Self.e("rho"), variable: "t", at: .binary(.divide, .number(1), .number(2))),
            .identity(Self.e("det"), .number(2)),
            .zeroSet(Self.e("rho"), [.binary(.divide, .number(1), .number(2))]),
            .positive(Self.e("1 - rho^2")),
            .zeroAt(Self.e("rho"), variable: "m", at: Self.e("1")),
        ])
    }

    @Test func quantityNamesAreFreeInClaims() throws {
        let names = "alpha sigma c d det cov var_x var_y rho snr logsnr amp_x0 amp_eps weight_eps weight_x0 data_variance"
        let sum = names.split(separator: " ").joined(separator: " + ")
        let found = try Self.claims(["expect \(sum) > 0"])
        #expect(found.count == 1)
    }

    @Test func malformedClaims() throws {
        let cases: [(String, String)] = [
            ("expect rho == 1 at t = 1/2", "3:19: invalid-claim: a claim with 'at' states a zero: write 'Q == 0 at NAME = …'"),
            ("expect rho == 0 at t 1/2", "3:26: expected-token: expected '=' after 'at t', found '1/2'"),
            ("expect rho == 0 at x0 = 1", "3:5: name-not-allowed: name 'x0' cannot be used in 'at' of a claim, which takes the time variable or a symbolic parameter"),
            ("expect zeros(rho) == 1/2", "3:26: invalid-claim: expected '{' to begin the set of zeros"),
            ("expect zeros(rho) == {1/2", "3:30: invalid-claim: expected '}' to end the set of zeros"),
            ("expect zeros(rho) == {1/2, }", "3:31: expected-expression: expected an expression after ','"),
            ("expect zeros(rho == {1}", "3:28: invalid-claim: expected ')' to close 'zeros('"),
            ("expect rho >= 0", "3:16: invalid-claim: '>=' is not a comparison of claims: claims are 'Q == E', 'Q != 0', 'Q > 0', 'Q < 0', 'Q == 0 at t = E' and 'zeros(Q) == {…}'"),
            ("expect rho != 1", "3:19: invalid-claim: a '!=' claim compares with 0: write 'Q != 0', with the right side moved into Q"),
            ("expect == 1", "3:12: expected-expression: expected an expression after 'expect'"),
            ("expect", "3:11: expected-token: expected a claim after 'expect'"),
            ("expect rhoo > 0", "3:12: unknown-name: unknown name 'rhoo'; did you mean 'rho'?"),
            ("expect zeros(rho) == {rho}", "3:27: name-not-allowed: derived quantity 'rho' cannot be used in the point of a claim"),
            ("expect rho == 0 at t = h", "3:28: non-constant-value: the point of a claim must be constant, but it depends on 't'"),
            ("expect rho/(t - t) == 0", "3:12: division-by-zero: division by zero: the divisor t - t simplifies to 0"),
        ]
        for (line, expected) in cases {
            let text = "schedule a {\n    let h = 2t\n    " + line + "\n    x_t = x0 + t eps\n    target = eps\n}\n"
            let file = try validate(text)
            #expect(file.diagnostics.map(render) == [expected], "\(line)\n\(file.formattedDiagnostics())")
        }
    }
}
