import Symbolic
import Testing
@testable import Schedules

/// α, σ, ε, x₀, ∈, ∞, ≠ and the Unicode of the expression language.
@Suite struct UnicodeTests {
    @Test func greekStatementsAndVectors() throws {
        let text = """
            schedule trig "TrigFlow, σ_d symbolic" {
                param σ_d > 0
                time τ ∈ [0, π/2]
                α = cos(τ)
                σ = sin(τ)
                target = σ_d·(α ε − σ x₀)
            }
            """
        let s = try schedule("trig", in: text)
        #expect(s.title == "TrigFlow, σ_d symbolic")
        #expect(s.time.name == "tau" && ascii(s.time.upper) == "pi/2")
        #expect(s.params.map(\.name) == ["sigma_d"])
        #expect(coefficients(s) == "cos(tau) ; sin(tau) ; -sigma_d*sin(tau) ; sigma_d*cos(tau)")
        #expect(Set(s.statementRanges.keys) == ["param sigma_d", "time", "alpha", "sigma", "target"])
        // Columns count scalars: `σ = sin(τ)` starts at column 5 of line 5.
        #expect(s.sigma.range?.start.column == 5 && s.sigma.range?.end.column == 15)
    }

    @Test func epsilonAndEpsAreTheSameVector() throws {
        let text = """
            schedule a {
                x_t = x₀ + t ε
                let y = eps - epsilon + ε
                target = y
            }
            """
        let s = try schedule("a", in: text)
        #expect(coefficients(s) == "1 ; t ; 0 ; 1")
        #expect(s.lets[0].isVector && ascii(s.lets[0].value) == "eps")
    }

    @Test func infinityAndSuperscripts() throws {
        let text = """
            schedule ve {
                time s ∈ [0, ∞)
                x_t = x0 + s eps
                target = x0 − s² eps
            }
            """
        let s = try schedule("ve", in: text)
        #expect(s.time.name == "s" && s.time.upper == nil && !s.time.upperClosed)
        #expect(coefficients(s) == "1 ; s ; 1 ; -s^2")
    }

    @Test func unicodeColumnsInDiagnostics() throws {
        let text = "schedule a {\n    time τ ∈ [0, 1]\n    α = cos(τ\n    σ = sin(τ)\n    target = ε\n}\n"
        let file = try validate(text)
        #expect(file.diagnostics.map(render) == ["3:14: unbalanced-parenthesis: expected ')' to close the '(' at 3:12"])
    }

    @Test func sigmaCannotBeTheTimeVariable() throws {
        let text = "schedule ve {\n    time σ ∈ [0, ∞)\n    x_t = x0 + σ eps\n    target = eps\n}\n"
        let file = try validate(text)
        #expect(file.diagnostics.first.map(render) == "2:10: reserved-name: 'sigma' is reserved (a quantity name) and cannot be defined")
    }

    @Test func notEqualSign() throws {
        let text = "schedule a {\n    x_t = x0 + t eps\n    target = eps\n    expect det ≠ 0\n}\n"
        let s = try schedule("a", in: text)
        #expect(s.expectations.first?.claim == .nonzero(.variable("det")))
        #expect(s.expectations.first?.text == "det ≠ 0")
    }
}
