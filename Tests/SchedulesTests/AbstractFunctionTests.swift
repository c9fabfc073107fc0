import Exact
import Symbolic
import Testing
@testable import Schedules

/// `function alpha`: schedules over an unknown smooth α(t), the paper's generic rows.
@Suite struct AbstractFunctionTests {
    static let vp = "function alpha\n  x_t = alpha x0 + sqrt(1 - alpha^2) eps\n"

    static func analysis(_ body: String) throws -> (Schedule, ModelAnalysis) {
        let s = try schedule("s", in: "schedule s {\n  \(body)\n}\n")
        return (s, ModelAnalysis(s.unifiedModel))
    }

    static func q(_ a: ModelAnalysis, _ name: String) -> String {
        if case .success(let f)? = a.quantities[name] { return printASCII(f.expression) }
        return "undefined"
    }

    static func verdicts(_ s: Schedule, _ a: ModelAnalysis) -> [String] {
        s.expectations.map { "\($0.text): \(ClaimChecker(a).check($0.claim).status.rawValue)" }
    }

    @Test func vpWithVelocityPredictionHasNoCorrelation() throws {
        let (s, a) = try Self.analysis(Self.vp + """
              target = alpha eps - sigma x0
              expect rho == 0
              expect det == 1
              expect cov == 0
              expect rho == alpha
            """)
        #expect(coefficients(s) == "alpha ; sqrt(1 - alpha^2) ; -sqrt(1 - alpha^2) ; alpha")
        #expect(Self.q(a, "det") == "1" && Self.q(a, "rho") == "0" && Self.q(a, "cov") == "0")
        #expect(Self.q(a, "var_x") == "1" && Self.q(a, "var_y") == "1")
        #expect(Self.q(a, "snr") == "alpha^2/(1 - alpha^2)")
        #expect(a.zeros["rho"]!.identicallyZero)
        #expect(a.lagrangeIdentity.isProvenZero)
        // A false claim is never proven: ρ − α = −α is not known to vanish anywhere.
        #expect(Self.verdicts(s, a) == ["rho == 0: proven", "det == 1: proven", "cov == 0: proven", "rho == alpha: unknown"])
    }

    @Test func vpWithNoisePrediction() throws {
        let (s, a) = try Self.analysis(Self.vp + """
              target = eps
              expect det == alpha
              expect rho == sigma
              expect det == sigma
            """)
        #expect(Self.q(a, "det") == "alpha" && Self.q(a, "rho") == "sqrt(1 - alpha^2)")
        #expect(Self.q(a, "weight_x0") == "alpha^2/(1 - alpha^2)")
        #expect(Self.verdicts(s, a) == ["det == alpha: proven", "rho == sigma: proven", "det == sigma: unknown"])
    }

    @Test func vpWithDataPrediction() throws {
        let (s, a) = try Self.analysis(Self.vp + """
              target = x0
              expect det == -sigma
              expect rho == alpha
            """)
        #expect(Self.q(a, "det") == "-sqrt(1 - alpha^2)" && Self.q(a, "rho") == "alpha")
        #expect(Self.verdicts(s, a) == ["det == -sigma: proven", "rho == alpha: proven"])
    }

    /// Velocity differentiates α into the kernel α′: x_t = a x0 + (1 − a) eps gives
    /// c = a′, d = −a′ and det A = α·d − σ·c = −a′.
    @Test func velocityUsesTheDerivativeKernel() throws {
        let (s, a) = try Self.analysis("""
            function a
              x_t = a x0 + (1 - a) eps
              target = velocity
              expect det == -diff(a, t)
              expect det == diff(a, t)
            """)
        #expect(coefficients(s) == "a ; 1 - a ; a' ; -a'")
        #expect(Self.q(a, "det") == "-a'")
        #expect(printUnicode(s.d.value.expression) == "−a′")
        #expect(printLaTeX(s.d.value.expression) == "- a'")
        #expect(Self.verdicts(s, a) == ["det == -diff(a, t): proven", "det == diff(a, t): unknown"])
    }

    /// A let over α′ reads back as α′ in claims (not as a constant symbol), and an
    /// unused function is still a function there: diff(b, t) = 0 is never proven.
    @Test func claimsKeepTheKernels() throws {
        let (s, a) = try Self.analysis("""
            function a
              function b
              let v = diff(a, t)
              x_t = a x0 + t eps
              target = eps
              expect v == diff(a, t)
              expect diff(v, t) == diff(diff(a, t), t)
              expect diff(b, t) == 0
              expect diff(v, t) == 0
            """)
        #expect(s.functions.map(\.primedName) == ["a", "a'", "b"])
        #expect(Self.verdicts(s, a) == ["v == diff(a, t): proven", "diff(v, t) == diff(diff(a, t), t): proven",
                                        "diff(b, t) == 0: unknown", "diff(v, t) == 0: unknown"])
    }

    /// No claim that fails for some function is proven: √(a²) is not a, a(0) is not
    /// a(1), a has no known sign or zeros; identities in a still are.
    @Test func falseClaimsAreNeverProven() throws {
        let (s, a) = try Self.analysis("""
            function a
              x_t = sqrt(a^2) x0 + eps
              target = eps
              expect alpha == a
              expect alpha == sqrt(a^2)
              expect alpha(0) == alpha(1)
              expect a > 0
              expect det != 0
              expect zeros(det) == {}
              expect a == 0 at t = 1/2
              expect diff(a(1 - t), t) == 0
              expect var_x == a^2 + 1
            """)
        #expect(Self.verdicts(s, a) == [
            "alpha == a: unknown", "alpha == sqrt(a^2): proven", "alpha(0) == alpha(1): unknown", "a > 0: unknown",
            "det != 0: unknown", "zeros(det) == {}: unknown", "a == 0 at t = 1/2: unknown",
            "diff(a(1 - t), t) == 0: unknown", "var_x == a^2 + 1: proven",
        ])
    }

    /// Nothing numeric is known about α: its zeros, and the values at the ends, are unknown.
    @Test func zerosOverAnUnknownFunctionAreUnknown() throws {
        let (_, a) = try Self.analysis(Self.vp + "  target = eps")
        let det = try #require(a.zeros["det"])
        #expect(!det.complete && det.points.isEmpty && !det.identicallyZero)
        #expect(det.note?.hasPrefix("it depends on the unknown function alpha; zeros that depend on unknown functions are not located") == true)
    }

    /// What follows symbolically still does: exp(g) has no zero for any g.
    @Test func zerosThatFollowFromTheKernelAreFound() throws {
        let (s, a) = try Self.analysis("""
            function g
              time s in (0, inf)
              x_t = x0 + exp(g) eps
              target = x_t - x0
              expect det != 0
              expect logsnr == -2 g
            """)
        #expect(Self.q(a, "det") == "exp(g)")
        let det = try #require(a.zeros["det"])
        #expect(det.complete && det.points.isEmpty && !det.identicallyZero)
        #expect(Self.verdicts(s, a) == ["det != 0: proven", "logsnr == -2 g: proven"])
    }

    @Test func derivativesAndApplications() throws {
        let f = AbstractFunction(name: "alpha", variable: "t")
        let simplifier = Simplifier(bindings: ["alpha": .abstract(f)], timeVariable: "t")
        func parsed(_ e: String) throws -> Expr { try #require(ExpressionParser.parse(e, applicable: .any).expression) }
        func text(_ e: String) throws -> String { printASCII(try simplifier.simplify(try parsed(e))) }
        #expect(try text("diff(alpha, t)") == "alpha'")
        #expect(try text("diff(diff(alpha^2, t), t)") == "2*alpha''*alpha + 2*alpha'^2")
        // The chain rule through the argument: d/dt α(1 − t) = −α′(1 − t).
        #expect(try text("diff(alpha(1 - t), t)") == "-alpha'(1 - t)")
        #expect(try text("alpha(1/2) - alpha") == "alpha(1/2) - alpha")
        #expect(printUnicode(try simplifier.simplify(try parsed("diff(alpha(1 - t), t)"))) == "−α′(1 − t)")
        #expect(printLaTeX(try simplifier.simplify(try parsed("diff(alpha, t)^2"))) == "\\alpha'^{2}")
        // α at a point is a kernel of its own; its enclosure is indeterminate, never a number.
        #expect(!CanonicalForm.abstract(f).ball(at: ["t": Rational(1, 2)], precision: 64).isFinite)
        let atHalf = try CanonicalForm.abstract(f).substituting(["t": CanonicalForm(Rational(1, 2))])
        #expect(ascii(atHalf) == "alpha(1/2)")
    }

    /// Whether 1 − α(1/2)² ≥ 0 is not decided — an unknown value, not an undefined one.
    @Test func definednessAtAPointIsUndecided() throws {
        let alpha = CanonicalForm.abstract(AbstractFunction(name: "alpha", variable: "t"))
        let radicand = try CanonicalForm.one - alpha.power(2)
        #expect(Definedness([.nonnegative(radicand)]).holds(at: ["t": CanonicalForm(Rational(1, 2))]) == nil)
        #expect(Definedness([.notBothZero(alpha, try CanonicalForm.sqrt(radicand))]).conditions.isEmpty)
    }

    /// α, α′, α″ are independent for the zero test: (α′)² − α′·α′ is 0, α′ − α is not.
    @Test func zeroTestTreatsDerivativesAsIndependent() throws {
        let f = AbstractFunction(name: "alpha", variable: "t")
        let alpha = CanonicalForm.abstract(f), prime = CanonicalForm.abstract(f.derivative)
        #expect(try (prime.power(2) - prime * prime).isZero)
        #expect(!ZeroTest().test(try prime - alpha).isProvenZero)
        #expect(!ZeroTest().test(try prime - alpha).isProvenNonzero)
    }

    @Test(arguments: [
        ("function alpha | x_t = 2 alpha x0 + eps | target = eps",
         "3:1: function-quantity-mismatch: 'alpha' is declared a function, so the forward process must give alpha = alpha, not '2*alpha'"),
        ("function x0 | x_t = x0 + t eps | target = eps", "2:10: reserved-name: 'x0' is reserved (a vector) and cannot be defined"),
        ("param a | function a | x_t = a x0 + t eps | target = eps", "3:10: redefinition: redefinition of 'a' (first defined at 2:7)"),
        ("function a | let a = t | x_t = a x0 + t eps | target = eps", "3:5: redefinition: redefinition of 'a' (first defined at 2:10)"),
        ("function a b | x_t = x0 + t eps | target = eps", "2:12: unexpected-text: unexpected 'b' after function a"),
        ("function a | param k = a | x_t = x0 + t eps | target = eps",
         "3:11: non-constant-value: the value of parameter 'k' must be constant, but it depends on 't'"),
    ])
    func diagnostics(body: String, expected: String) throws {
        let text = "schedule s {\n" + body.replacingOccurrences(of: " | ", with: "\n") + "\n}\n"
        let file = try validate(text)
        #expect(file.diagnostics.first.map(render) == expected)
        #expect(file.schedules.isEmpty)
    }
}

/// examples/table1.sched: the paper's Table I for any α, every claim proven.
@Suite struct TableOneExampleTests {
    @Test func everyRowIsProven() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/table1.sched"), encoding: .utf8)
        let file = ScheduleFile(parsing: text, path: "examples/table1.sched")
        #expect(file.diagnostics.isEmpty, "\(file.formattedDiagnostics())")
        var rows: [String] = []
        for s in file.schedules {
            let a = ModelAnalysis(s.unifiedModel)
            let statuses = s.expectations.map { ClaimChecker(a).check($0.claim).status }
            #expect(statuses.allSatisfy { $0 == .proven }, "\(s.name)")
            rows.append("\(s.name): det = \(AbstractFunctionTests.q(a, "det")), rho = \(AbstractFunctionTests.q(a, "rho"))")
        }
        #expect(rows == [
            "vp_eps: det = alpha, rho = sqrt(1 - alpha^2)",
            "vp_x0: det = -sqrt(1 - alpha^2), rho = alpha",
            "vp_v: det = 1, rho = 0",
            "flow_velocity: det = -alpha', rho = alpha'*(2*alpha - 1)/sqrt(2*alpha'^2*(2*alpha^2 - 2*alpha + 1))",
            "trigflow_row: det = 1, rho = 0",
        ])
    }
}

/// What is proven for an unknown a holds for every concrete a: the same rows with
/// `let a = …` in place of `function a` prove the same claims (none is refuted).
@Suite struct AbstractFunctionInstanceTests {
    static let rows = [
        "x_t = a x0 + sqrt(1 - a^2) eps | target = eps | expect det == a | expect rho == sigma",
        "x_t = a x0 + sqrt(1 - a^2) eps | target = x0 | expect det == -sigma | expect rho == a",
        "x_t = a x0 + sqrt(1 - a^2) eps | target = a eps - sigma x0 | expect det == 1 | expect rho == 0",
        "x_t = a x0 + (1 - a) eps | target = velocity | expect det == -diff(a, t)",
    ]

    static func verdicts(_ declaration: String, _ row: String) throws -> [ClaimVerdict.Status] {
        let body = ([declaration] + row.components(separatedBy: " | ")).joined(separator: "\n")
        let s = try schedule("s", in: "schedule s {\n\(body)\n}\n")
        let analysis = ModelAnalysis(s.unifiedModel)
        return s.expectations.map { ClaimChecker(analysis).check($0.claim).status }
    }

    @Test(arguments: ["cos(pi/2 t)", "1 - t", "exp(-t)", "(1 - t)^2"])
    func everyInstanceAgrees(concrete: String) throws {
        for row in Self.rows {
            let generic = try Self.verdicts("function a", row)
            #expect(generic.allSatisfy { $0 == .proven }, "\(row)")
            #expect(try Self.verdicts("let a = \(concrete)", row) == generic, "\(row) with a = \(concrete)")
        }
    }
}
