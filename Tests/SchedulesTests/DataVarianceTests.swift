import Symbolic
import Testing
@testable import Schedules

/// `data variance = E` must be proven positive on the domain (issue #10).
@Suite struct DataVarianceTests {
    /// The diagnostics of a schedule with a valid forward process and target and
    /// the given data variance, on line 5 (the value starts at column 21).
    static func diagnostics(_ variance: String, time: String = "time t in [0, 1]") throws -> [String] {
        let text = "schedule a {\n    param sigma_d\n    \(time)\n    x_t = (1 - t) x0 + t eps\n    data variance = \(variance)\n    target = eps\n}\n"
        return try validate(text).diagnostics.map(render)
    }

    static func rejected(_ reason: String) -> String {
        "5:21: data-variance-not-positive: the data variance must be positive on the domain: " + reason
    }

    @Test func aNegativeConstantIsRejected() throws {
        #expect(try Self.diagnostics("-1") == [Self.rejected("'-1' is negative")])
        #expect(try Self.diagnostics("sqrt(2) - 2") == [Self.rejected("'sqrt(2) - 2' is negative")])
    }

    @Test func zeroIsRejected() throws {
        #expect(try Self.diagnostics("0") == [Self.rejected("'0' is 0")])
        #expect(try Self.diagnostics("t - t") == [Self.rejected("'t - t' is 0")])
    }

    @Test func aFunctionOfTimeWithAZeroOnTheDomainIsRejectedAtTheZero() throws {
        #expect(try Self.diagnostics("2t - 1") == [Self.rejected("'2t - 1' is 0 at t = 1/2")])
        // A zero at an end of a closed domain counts; on the open end it does not.
        #expect(try Self.diagnostics("1 - t^2") == [Self.rejected("'1 - t^2' is 0 at t = 1")])
        #expect(try Self.diagnostics("1 - t^2", time: "time t in [0, 1)") == [])
    }

    @Test func aFunctionOfTimeThatIsUndefinedSomewhereIsRejected() throws {
        #expect(try Self.diagnostics("1/t") == [Self.rejected("'1/t' is undefined at t = 0")])
        #expect(try Self.diagnostics("1/t", time: "time t in (0, 1]") == [])
    }

    @Test func aNegativeFunctionOfTimeIsRejected() throws {
        #expect(try Self.diagnostics("t - 2") == [Self.rejected("'t - 2' is negative (at t = 1/2)")])
    }

    @Test func anUnprovableValueIsRejected() throws {
        #expect(try Self.diagnostics("sigma_d - 1") == [
            Self.rejected("'sigma_d - 1' could not be proven positive for every positive value of the parameter 'sigma_d'"),
        ])
        #expect(try Self.diagnostics("sigma_d + t") == [
            Self.rejected("'sigma_d + t' could not be proven positive: it depends on 't' and on the parameter 'sigma_d'"),
        ])
    }

    @Test func positiveValuesAreAccepted() throws {
        for value in ["1", "1/4", "pi", "sigma_d^2", "σ_d^2 + 1", "exp(sigma_d)", "1 + t", "1 + t^2", "cos(t)^2 + 1"] {
            #expect(try Self.diagnostics(value) == [], "\(value)")
        }
        let text = "schedule a {\n    param sigma_d\n    x_t = x0 + t eps\n    data variance = sigma_d^2\n    target = eps\n}\n"
        #expect(ascii(try schedule("a", in: text).dataVariance.value) == "sigma_d^2")
    }
}
