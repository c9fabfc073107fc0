import Exact
import Foundation
import Symbolic
import Testing
@testable import Schedules

func text(_ r: Result<CanonicalForm, SimplificationError>?) -> String {
    switch r {
    case .success(let f)?: return printASCII(f.expression)
    case .failure(let e)?: return "error: \(e)"
    case nil: return "missing"
    }
}

func model(alpha: String, sigma: String, c: String, d: String, dataVariance: String = "1", domain: AnalysisDomain = .unit(), positive: Set<String> = []) throws -> ModelAnalysis {
    ModelAnalysis(UnifiedModel(domain: domain, alpha: try form(alpha), sigma: try form(sigma), c: try form(c), d: try form(d),
                               dataVariance: try form(dataVariance), assumptions: Assumptions(positive: positive)))
}

@Suite struct ModelAnalysisTests {
    @Test func rectifiedFlow() throws {
        let a = try model(alpha: "1 - t", sigma: "t", c: "-1", d: "1")
        #expect(text(a.quantities["det"]) == "1")
        #expect(text(a.quantities["cov"]) == "2*t - 1")
        #expect(text(a.quantities["rho"]) == "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)")
        #expect(text(a.quantities["amp_x0"]) == "t" && text(a.quantities["amp_eps"]) == "1 - t")
        let rho = try #require(a.zeros["rho"])
        #expect(rho.complete && exactZeros(rho) == ["1/2"])
        #expect(a.zeros["det"]?.complete == true && a.zeros["det"]?.points.isEmpty == true)
        #expect(a.lagrangeIdentity.isProvenZero)
        #expect(a.ends.lower["rho"] == .exact(try form("-sqrt(2)/2")))
        #expect(text(a.step["from_target"]) == "s - t")
    }

    @Test func trigFlowAndEDM() throws {
        let trig = try model(alpha: "cos(t)", sigma: "sin(t)", c: "-sin(t)", d: "cos(t)", dataVariance: "sigma_d^2",
                             domain: domain("0", "pi/2"), positive: ["sigma_d"])
        #expect(text(trig.quantities["det"]) == "1")
        #expect(trig.zeros["rho"]?.identicallyZero == false)   // ρ ≡ 0 needs s² = 1 with this c, d
        let unitTrig = try model(alpha: "cos(t)", sigma: "sin(t)", c: "-sin(t)", d: "cos(t)", domain: domain("0", "pi/2"))
        #expect(unitTrig.zeros["rho"]?.identicallyZero == true)
        #expect(exactZeros(unitTrig.zeros["alpha"]!) == ["pi/2"] && exactZeros(unitTrig.zeros["sigma"]!) == ["0"])
        // EDM: target (s/σd·x0 − σd·ε)/√(s² + σd²) with Var(x0) = σd².
        let edm = try model(alpha: "1", sigma: "s", c: "s/(sigma_d sqrt(s^2 + sigma_d^2))", d: "-sigma_d/sqrt(s^2 + sigma_d^2)",
                            dataVariance: "sigma_d^2", domain: domain("1/500", "80", variable: "s"), positive: ["s", "sigma_d"])
        #expect(text(edm.quantities["cov"]) == "0" && edm.zeros["rho"]?.identicallyZero == true)
    }

    @Test func epsilonPredictionCosine() throws {
        let a = try model(alpha: "cos(pi/2 t)", sigma: "sin(pi/2 t)", c: "0", d: "1")
        #expect(text(a.quantities["det"]) == "cos(pi*t/2)")
        let det = try #require(a.zeros["det"])
        #expect(det.complete && exactZeros(det) == ["1"])
        let x0 = try model(alpha: "cos(pi/2 t)", sigma: "sin(pi/2 t)", c: "1", d: "0")
        #expect(exactZeros(x0.zeros["det"]!) == ["0"] && x0.zeros["det"]!.complete)
    }
}


@Suite struct DomainSimplificationTests {
    @Test func rootOfASquareThatIsNonnegativeOnTheDomain() throws {
        let m = UnifiedModel(domain: .unit(), alpha: try form("cos(pi/2 t)"), sigma: try form("sqrt(1 - cos(pi/2 t)^2)"),
                             c: .zero, d: .one).simplifiedOnDomain()
        #expect(printASCII(m.sigma.expression) == "sin(pi*t/2)")
        // On [-1, 1] the sine changes sign: √(sin²) stays.
        let wide = UnifiedModel(domain: try domain("-1", "1"), alpha: .one, sigma: try form("sqrt(sin(t)^2)"), c: .zero, d: .one).simplifiedOnDomain()
        #expect(printASCII(wide.sigma.expression) == "sqrt(sin(t)^2)")
    }
}
