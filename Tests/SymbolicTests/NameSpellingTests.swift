import Symbolic
import Testing

/// `NameSpelling`: the one normalization every comparison of names uses.
@Suite struct NameSpellingTests {
    @Test func aSingleNameHasItsCanonicalSpelling() {
        let cases: [(String, String?)] = [
            ("sigma_d", "sigma_d"), ("σ_d", "sigma_d"), ("x₀", "x0"), ("α", "alpha"), ("λ_min", "lamda_min"),
            ("lambda", "lamda"), ("Σ", "Sigma"), ("beta2", "beta2"), ("eps", "eps"), ("ε", "epsilon"),
            ("αβ", nil), ("2t", nil), ("sigma d", nil), ("pi", nil), ("π", nil), ("", nil), ("t^2", nil),
        ]
        for (text, expected) in cases {
            #expect(NameSpelling.canonical(text) == expected, "\(text)")
        }
    }

    @Test func theNamesOfATextAreReadAsTheLexerReadsThem() {
        #expect(NameSpelling.names(in: "target = σ_d velocity # note") == ["target", "sigma_d", "velocity", "note"])
        #expect(NameSpelling.names(in: "αβ + 2e3 t - 1.5E-2x₀ + πt") == ["alpha", "beta", "t", "x0", "t"])
        #expect(NameSpelling.names(in: "2e + .5y") == ["e", "y"])
    }

    @Test func canonicalSpellingsAgreeWithTheParser() throws {
        for text in ["σ_d", "x₀", "λ", "lambda_2", "ϵ", "µ"] {
            let parsed = try Expr(parsing: text)
            #expect(parsed == .variable(NameSpelling.canonical(text)!), "\(text)")
        }
    }
}
