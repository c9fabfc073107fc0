import Exact
import Symbolic
import Testing
@testable import Schedules

/// The three schedules of issue #4, section 1, exactly as written there.
@Suite struct IssueExampleTests {
    static let source = """
        # Rectified flow (Liu et al. 2022): the velocity target
        schedule rectified_flow "Rectified flow" {
            cite "Liu, Gong, Liu. Flow straight and fast. 2022"
            time t in [0, 1]
            x_t = (1 - t) x0 + t eps
            target = velocity
            expect det == 1
            expect zeros(rho) == {1/2}
        }

        schedule edm "EDM preconditioning (Karras et al. 2022)" {
            param sigma_data = 1/2
            time s in [1/500, 80]
            x_t = x0 + s eps
            data variance = sigma_data^2
            let c_skip = sigma_data^2 / (s^2 + sigma_data^2)
            let c_out  = s sigma_data / sqrt(s^2 + sigma_data^2)
            target = (x0 - c_skip x_t) / c_out
            expect rho == 0
        }

        schedule v_cosine "v-prediction, cosine schedule" {
            alpha = cos(pi/2 t)
            sigma = sin(pi/2 t)
            target = alpha eps - sigma x0
        }
        """

    @Test func allThreeValidate() throws {
        let file = try validate(Self.source)
        #expect(file.diagnostics.isEmpty, "\(file.formattedDiagnostics())")
        #expect(file.schedules.map(\.name) == ["rectified_flow", "edm", "v_cosine"])
        #expect(file.schedules.map(\.title) == ["Rectified flow", "EDM preconditioning (Karras et al. 2022)",
                                                "v-prediction, cosine schedule"])
    }

    @Test func rectifiedFlow() throws {
        let s = try schedule("rectified_flow", in: Self.source)
        #expect(coefficients(s) == "1 - t ; t ; -1 ; 1")
        #expect(s.cite == "Liu, Gong, Liu. Flow straight and fast. 2022")
        #expect(s.time.name == "t")
        #expect(ascii(s.time.lower) == "0" && ascii(s.time.upper) == "1")
        #expect(s.time.lowerClosed && s.time.upperClosed)
        #expect(ascii(s.dataVariance.value) == "1" && s.dataVariance.range == nil)
        #expect(s.assumptions.positive == ["t"])
        #expect(s.range.start.line == 2 && s.range.start.column == 1)
        #expect(s.alpha.range?.start.line == 5 && s.alpha.range?.start.column == 5)
        #expect(s.targetRange.start.line == 6)
        #expect(printASCII(s.target) == "velocity")
        #expect(s.expectations.count == 2)
        #expect(s.expectations[0].claim == .identity(.variable("det"), .number(1)))
        #expect(s.expectations[0].text == "det == 1")
        #expect(s.expectations[1].claim == .zeroSet(.variable("rho"), [.binary(.divide, .number(1), .number(2))]))
        #expect(s.expectations[1].range.start.line == 8)
        #expect(Set(s.statementRanges.keys) == ["cite", "time", "x_t", "target"])
        let v = try s.velocity()
        #expect(ascii(v.c) == "-1" && ascii(v.d) == "1")
    }

    @Test func edm() throws {
        let s = try schedule("edm", in: Self.source)
        // x_t = x0 + s·eps; target = (s/σ_d·x0 − σ_d·ε)/√(s² + σ_d²) with σ_d = 1/2.
        #expect(ascii(s.alpha.value) == "1")
        #expect(ascii(s.sigma.value) == "s")
        let sigmaData = CanonicalForm(Rational(1, 2))
        let root = try CanonicalForm.sqrt(s.sigma.value.power(2) + sigmaData.power(2))
        let expectedC = try s.sigma.value / sigmaData / root
        let expectedD = try -(sigmaData / root)
        #expect(s.c.value == expectedC, "\(ascii(s.c.value))")
        #expect(s.d.value == expectedD, "\(ascii(s.d.value))")
        #expect(ascii(s.dataVariance.value) == "1/4")
        #expect(s.params.count == 1 && s.params[0].name == "sigma_data" && ascii(s.params[0].value) == "1/2")
        #expect(s.params[0].positive)
        #expect(s.lets.map(\.name) == ["c_skip", "c_out"])
        #expect(ascii(s.lets[0].value) == "1/(4*s^2 + 1)")
        #expect(s.time.name == "s" && ascii(s.time.lower) == "1/500" && ascii(s.time.upper) == "80")
        #expect(s.assumptions.positive == ["s"])
        #expect(s.expectations.first?.claim == .identity(.variable("rho"), .number(0)))
        #expect(Set(s.statementRanges.keys) == ["param sigma_data", "time", "x_t", "data variance", "let c_skip",
                                                "let c_out", "target"])
    }

    @Test func edmPrintedForms() throws {
        let s = try schedule("edm", in: Self.source)
        // c = (s/σ_d)/√(s² + σ_d²) = 4s/√(4s² + 1), d = −σ_d/√(s² + σ_d²) = −1/√(4s² + 1).
        #expect(ascii(s.c.value) == "4*s/sqrt(4*s^2 + 1)")
        #expect(ascii(s.d.value) == "-1/sqrt(4*s^2 + 1)")
    }

    @Test func vCosine() throws {
        let s = try schedule("v_cosine", in: Self.source)
        #expect(coefficients(s) == "cos(pi*t/2) ; sin(pi*t/2) ; -sin(pi*t/2) ; cos(pi*t/2)")
        #expect(s.time.range == nil && s.time.name == "t")
        #expect(s.alpha.range?.start.line == 23 && s.sigma.range?.start.line == 24)
        #expect(Set(s.statementRanges.keys) == ["alpha", "sigma", "target"])
    }
}
