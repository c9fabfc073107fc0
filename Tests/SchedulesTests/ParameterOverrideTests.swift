import Symbolic
import Testing
@testable import Schedules

/// `--param NAME=VALUE`: `ScheduleValidator(parameterOverrides:)`.
@Suite struct ParameterOverrideTests {
    static let edm = """
        schedule edm {
            param sigma_data = 1/2
            time s in [1/500, 80]
            x_t = x0 + s eps
            data variance = sigma_data^2
            let c_skip = sigma_data^2 / (s^2 + sigma_data^2)
            let c_out  = s sigma_data / sqrt(s^2 + sigma_data^2)
            target = (x0 - c_skip x_t) / c_out
        }
        """

    @Test func anOverrideReplacesANumericValue() throws {
        let s = try schedule("edm", in: Self.edm, overrides: ["sigma_data": "1"])
        #expect(ascii(s.params[0].value) == "1" && s.params[0].overridden)
        #expect(ascii(s.dataVariance.value) == "1")
        #expect(ascii(s.c.value) == "s/sqrt(s^2 + 1)")
        #expect(ascii(s.d.value) == "-1/sqrt(s^2 + 1)")
    }

    /// `--param σ_data=1` names the parameter `sigma_data`.
    @Test func anOverrideNameComparesByItsCanonicalSpelling() throws {
        let s = try schedule("edm", in: Self.edm, overrides: ["σ_data": "1"])
        #expect(ascii(s.params[0].value) == "1" && s.params[0].overridden)
        let file = try validate(Self.edm, overrides: ["σ_dat": "1"])
        #expect(file.diagnostics.map(render) == [
            "1:1: unknown-parameter: --param sigma_dat: no schedule in this file has a parameter 'sigma_dat'; did you mean 'sigma_data'?",
        ])
    }

    @Test func withoutOverrideTheFileValueIsUsed() throws {
        let s = try schedule("edm", in: Self.edm)
        #expect(ascii(s.params[0].value) == "1/2" && !s.params[0].overridden)
    }

    @Test func anOverrideBindsASymbolicParameter() throws {
        let text = """
            schedule trig {
                param sigma_d > 0
                time t in [0, pi/2]
                x_t = cos(t) x0 + sin(t) eps
                target = velocity / sigma_d
            }
            """
        let symbolic = try schedule("trig", in: text)
        #expect(symbolic.params[0].value == nil && symbolic.params[0].positive)
        #expect(symbolic.assumptions.positive == ["sigma_d", "t"])
        #expect(ascii(symbolic.c.value) == "-sin(t)/sigma_d")
        let bound = try schedule("trig", in: text, overrides: ["sigma_d": "2"])
        #expect(ascii(bound.params[0].value) == "2" && bound.params[0].positive)
        #expect(bound.assumptions.positive == ["t"])
        #expect(ascii(bound.c.value) == "-sin(t)/2")
        #expect(ascii(bound.d.value) == "cos(t)/2")
    }

    @Test func overridesApplyToEverySchedule() throws {
        let text = """
            schedule a {
                param k = 1
                x_t = x0 + k t eps
                target = eps
            }
            schedule b {
                x_t = x0 + t eps
                target = eps
            }
            schedule c {
                param k
                x_t = k x0 + t eps
                target = eps
            }
            """
        let file = try validate(text, overrides: ["k": "3"])
        #expect(file.diagnostics.isEmpty)
        #expect(file.schedules.map { ascii($0.sigma.value) } == ["3*t", "t", "t"])
        #expect(file.schedules.map { ascii($0.alpha.value) } == ["1", "1", "3"])
    }

    @Test func anUnknownParameterIsAnError() throws {
        let text = """
            schedule a {
                param sigma_data = 1
                x_t = x0 + t eps
                target = eps
            }
            """
        let file = try validate(text, overrides: ["sigma_dat": "2"])
        #expect(file.diagnostics.map(render) == [
            "1:1: unknown-parameter: --param sigma_dat: no schedule in this file has a parameter 'sigma_dat'; did you mean 'sigma_data'?",
        ])
        // The schedules themselves are fine.
        #expect(file.schedules.count == 1)
    }

    @Test func anOverrideMustBeConstant() throws {
        let text = """
            schedule a {
                param k = 1
                x_t = x0 + k t eps
                target = eps
            }
            """
        let file = try validate(text, overrides: ["k": "2 t"])
        #expect(file.diagnostics.map(render) == ["2:5: non-constant-value: the value of --param k must be constant, but it depends on 't'"])
        #expect(file.schedules.isEmpty)
    }

    @Test func anOverrideOfAPositiveParameterMustBePositive() throws {
        let text = """
            schedule a {
                param k > 0
                x_t = x0 + k t eps
                target = eps
            }
            """
        let file = try validate(text, overrides: ["k": "-1/2"])
        #expect(file.diagnostics.map(render) == ["2:5: parameter-not-positive: --param k=-1/2: 'k' is declared positive ('param k > 0')"])
        #expect(try validate(text, overrides: ["k": "pi - 3"]).diagnostics.isEmpty)
        #expect(try validate(text, overrides: ["k": "3 - pi"]).diagnostics.count == 1)
    }

    @Test func anOverrideThatDoesNotSimplifyIsAnError() throws {
        let text = """
            schedule a {
                param k = 1
                x_t = x0 + k t eps
                target = eps
            }
            """
        let file = try validate(text, overrides: ["k": "1/(2 - 2)"])
        #expect(file.diagnostics.map(render) == ["2:5: division-by-zero: --param k: division by zero: the divisor 2 - 2 simplifies to 0"])
    }
}
