import Exact
import Symbolic
import Testing
@testable import Schedules

/// Lets, parameters, time domains, assumptions, targets: what the model holds.
@Suite struct ValidatorSemanticsTests {
    static func one(_ body: [String]) throws -> Schedule {
        try schedule("a", in: "schedule a {\n" + body.map { "    " + $0 + "\n" }.joined() + "}\n")
    }

    @Test func targetsFromTheIssue() throws {
        let forward = ["param sigma_data > 0", "alpha = cos(t)", "sigma = sin(t)"]
        let cases: [(String, String)] = [
            ("target = eps", "0 ; 1"),
            ("target = x0", "1 ; 0"),
            ("target = velocity", "-sin(t) ; cos(t)"),
            ("target = alpha eps - sigma x0", "-sin(t) ; cos(t)"),
            ("target = velocity / sigma_data", "-sin(t)/sigma_data ; cos(t)/sigma_data"),
            ("target = x_t", "cos(t) ; sin(t)"),
            ("target = x_t - alpha x0", "0 ; sin(t)"),
            ("target = (eps - x_t)/alpha", "-1 ; (1 - sin(t))/cos(t)"),
            ("target = diff(x_t, t) - velocity", "0 ; 0"),
        ]
        for (target, expected) in cases {
            let s = try Self.one(forward + [target])
            #expect(ascii(s.c.value) + " ; " + ascii(s.d.value) == expected, "\(target)")
        }
    }

    @Test func vectorLetsAreLinearForms() throws {
        let s = try Self.one(["x_t = (1 - t) x0 + t eps", "let y = x0 - eps", "let z = 2y + velocity", "target = z / 3"])
        #expect(s.lets.map(\.isVector) == [true, true])
        #expect(ascii(s.lets[0].value) == "x0 - eps")
        #expect(ascii(s.lets[1].value) == "x0 - eps")
        #expect(ascii(s.c.value) == "1/3" && ascii(s.d.value) == "-1/3")
    }

    @Test func letsSeeAlphaSigmaAndDerivedQuantities() throws {
        let s = try Self.one(["alpha = cos(t)", "sigma = sin(t)", "let one = alpha^2 + sigma^2", "let r2 = rho^2 + one",
                              "target = one eps"])
        #expect(ascii(s.lets[0].value) == "1")
        #expect(s.lets[1].quantities == ["rho"] && !s.lets[1].isVector)
        #expect(ascii(s.lets[1].value) == "rho^2 + 1")
        #expect(ascii(s.d.value) == "1")
    }

    @Test func aLetOverDerivedQuantitiesCannotFeedTheTarget() throws {
        let file = try validate("schedule a {\n    x_t = x0 + t eps\n    let r = 1 + rho\n    target = r eps\n}\n")
        #expect(file.diagnostics.map(render) == [
            "4:14: name-not-allowed: let 'r' cannot be used in the target: it uses the derived quantity 'rho'",
        ])
    }

    @Test func sigmaMayUseAlpha() throws {
        let s = try Self.one(["alpha = sqrt(1 - t)", "sigma = sqrt(1 - alpha^2)", "target = eps"])
        #expect(ascii(s.sigma.value) == "sqrt(t)")
    }

    @Test func derivativesOfLets() throws {
        let s = try Self.one(["let a = t^2", "x_t = (1 - diff(a, t)/2) x0 + t eps", "target = velocity"])
        #expect(coefficients(s) == "1 - t ; t ; -1 ; 1")
    }

    @Test func parameters() throws {
        let s = try Self.one(["param a = 2", "param b = a/4", "param k", "param m > 0", "param n = -3",
                              "param p = pi - 3", "param q = 2k", "x_t = x0 + b k m t eps", "target = q eps"])
        #expect(s.params.map(\.name) == ["a", "b", "k", "m", "n", "p", "q"])
        #expect(s.params.map { ascii($0.value) } == ["2", "1/2", "nil", "nil", "-3", "pi - 3", "2*k"])
        #expect(s.params.map(\.positive) == [true, true, true, true, false, true, true])
        #expect(s.assumptions.positive == ["k", "m", "t"])
        #expect(ascii(s.sigma.value) == "k*m*t/2")
        #expect(ascii(s.d.value) == "2*k")
    }

    @Test func parametersAreDeclarationsVisibleEverywhere() throws {
        // The time statement may come before the parameter its bound uses.
        let s = try Self.one(["time t in [0, T]", "x_t = (1 - t/T) x0 + t/T eps", "target = velocity", "param T > 0"])
        #expect(ascii(s.time.upper) == "T")
        #expect(s.assumptions.positive == ["T", "t"])
        #expect(ascii(s.c.value) == "-1/T")
    }

    @Test func timeDomains() throws {
        let cases: [(String, String, Bool, Bool, Bool)] = [
            // interval, "lower upper", lowerClosed, upperClosed, time variable assumed positive
            ("[0, 1]", "0 1", true, true, true),
            ("(0, 1]", "0 1", false, true, true),
            ("[1/500, 80)", "1/500 80", true, false, true),
            ("(0, 1)", "0 1", false, false, true),
            ("[0, pi/2]", "0 pi/2", true, true, true),
            ("[0, inf)", "0 nil", true, false, true),
            ("(-1, 1)", "-1 1", false, false, false),
            ("[1 - sqrt(2), 1]", "1 - sqrt(2) 1", true, true, false),
            ("[sqrt(2) - 1, 1]", "sqrt(2) - 1 1", true, true, true),
        ]
        for (interval, bounds, lc, uc, positive) in cases {
            let s = try Self.one(["time t in \(interval)", "x_t = x0 + t eps", "target = eps"])
            #expect(ascii(s.time.lower) + " " + ascii(s.time.upper) == bounds, "\(interval)")
            #expect(s.time.lowerClosed == lc && s.time.upperClosed == uc, "\(interval)")
            #expect(s.assumptions.positive.contains("t") == positive, "\(interval)")
        }
    }

    @Test func theAssumptionIsUsedForSquareRoots() throws {
        let nonnegative = try Self.one(["time t in [0, 1]", "alpha = sqrt(t^2)", "sigma = 1", "target = eps"])
        #expect(ascii(nonnegative.alpha.value) == "t")
        let signed = try Self.one(["time t in [-1, 1]", "alpha = sqrt(t^2)", "sigma = 1", "target = eps"])
        #expect(ascii(signed.alpha.value) != "t")
    }

    @Test func symbolicIntervalsWithPositiveParameters() throws {
        let s = try Self.one(["param T > 0", "time t in [T, 2T]", "x_t = x0 + t eps", "target = eps"])
        #expect(ascii(s.time.lower) == "T" && ascii(s.time.upper) == "2*T")
        #expect(s.assumptions.positive == ["T", "t"])
    }

    @Test func dataVarianceAndMetadata() throws {
        let s = try Self.one(["cite \"Karras et al. \\\"EDM\\\" #2022\"", "allow S202, rho-vanishes", "allow det_zero",
                              "param sd = 1/2", "x_t = x0 + t eps", "target = eps", "data variance = sd^2 + 0*t"])
        #expect(s.cite == "Karras et al. \"EDM\" #2022")
        #expect(s.allows.map(\.rule) == ["S202", "rho-vanishes", "det_zero"])
        #expect(s.allows.map { $0.range.start.column } == [11, 17, 11])
        #expect(ascii(s.dataVariance.value) == "1/4")
        #expect(s.dataVariance.range?.start.line == 8)
        #expect(s.statementRanges["data variance"]?.start.line == 8)
        #expect(s.statementRanges["cite"]?.start.line == 2)
        #expect(s.statementRanges["param sd"]?.start.line == 5)
    }

    @Test func statementRangesCoverTheStatementWithoutComments() throws {
        let s = try Self.one(["x_t = x0 + t eps   # forward", "target = eps"])
        let r = try #require(s.statementRanges["x_t"])
        #expect(r.start.line == 2 && r.start.column == 5 && r.end.column == 21)
    }
}
