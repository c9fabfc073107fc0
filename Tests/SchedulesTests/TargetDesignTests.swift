import Schedules
import Symbolic
import Testing

/// The k/m decomposition y = k·x_t + m·u behind `sched design`, on exact forms.
@Suite struct TargetDesignTests {
    static let trigflow = """
        schedule trig {
            param sigma_d > 0
            time t in [0, pi/2]
            x_t = cos(t) x0 + sigma_d sin(t) eps
            data variance = sigma_d^2
            target = velocity / sigma_d
        }
        """

    static func design(_ text: String, _ first: (DesignRequirement.Quantity, String), _ second: (DesignRequirement.Quantity, String)) throws -> TargetDesign {
        let s = try schedule("trig", in: text)
        return try TargetDesign(s.unifiedModel, try DesignRequirement.parse(first.0, first.1, for: s),
                                try DesignRequirement.parse(second.0, second.1, for: s))
    }

    /// TrigFlow with symbolic σ_d: V = σ_d², s = σ_d. det 1 gives m = 1/σ_d², and
    /// ρ = 1/√2 gives k = |m|·s = 1/σ_d; c = kα − mσ, d = kσ + m·α·s².
    @Test func detAndRhoWithASymbolicParameter() throws {
        let d = try Self.design(Self.trigflow, (.det, "1"), (.rho, "1/sqrt(2)"))
        #expect(ascii(d.m) == "1/sigma_d^2")
        #expect(ascii(d.k) == "1/sigma_d")
        #expect(ascii(d.c) == "(cos(t) - sin(t))/sigma_d")
        #expect(ascii(d.d) == "sin(t) + cos(t)")
    }

    /// Var(y) = W and ρ = R: k = R·√(W/V), m = √(1 − R²)·√(W/V)/s; the order of the
    /// requirements does not matter.
    @Test func varianceAndRho() throws {
        let a = try Self.design(Self.trigflow, (.varY, "4"), (.rho, "0"))
        let b = try Self.design(Self.trigflow, (.rho, "0"), (.varY, "4"))
        #expect(ascii(a.k) == "0")
        #expect(ascii(a.m) == "2/sigma_d^2")
        #expect(ascii(a.c) == ascii(b.c))
        #expect(ascii(a.d) == ascii(b.d))
        #expect(ascii(a.c) == "-2*sin(t)/sigma_d")
        #expect(ascii(a.d) == "2*cos(t)")
    }

    /// amp_eps = A fixes det A = α/A (amp_eps = 1 on rectified flow would need
    /// det A = 1 − t, 0 at t = 1); a negative det A makes k take the sign of ρ through |m|.
    @Test func amplificationAndNegativeDeterminant() throws {
        let flow = "schedule trig { \n x_t = (1 - t) x0 + t eps \n target = velocity \n }"
        let amp = try Self.design(flow, (.ampEps, "1 - t"), (.rho, "0"))
        #expect(ascii(amp.m) == "1/(2*t^2 - 2*t + 1)")
        #expect(throws: TargetDesignError.self) { try Self.design(flow, (.ampEps, "1"), (.rho, "0")) }
        let negative = try Self.design(flow, (.det, "-1"), (.rho, "1/2"))
        #expect(ascii(negative.m) == "1/(-2*t^2 + 2*t - 1)")
        #expect(ascii(negative.k) == "sqrt(3)/(3*(2*t^2 - 2*t + 1))")
    }

    /// The requirement reader: parameters by name in the expect line, unknown names refused.
    @Test func requirementsKeepTheirWrittenForm() throws {
        let s = try schedule("trig", in: Self.trigflow)
        let r = try DesignRequirement.parse(.ampX0, "2 sigma / sigma_d", for: s)
        #expect(r.claimText == "amp_x0 == 2*sigma/sigma_d")
        #expect(ascii(r.value) == "2*sin(t)")
        #expect(throws: TargetDesignError.self) { try DesignRequirement.parse(.det, "x0", for: s) }
    }
}
