import Foundation
import Symbolic
import SchedTestHarness
import Testing
@testable import Schedules

/// Large files: 10,000 schedules parse and validate, in time linear in the file.
@Suite struct ScaleTests {
    /// Schedule i: a polynomial flow of degree 1…3 with a numeric parameter, a let, a
    /// velocity target and a claim; every tenth one with a symbolic parameter and a
    /// trigonometric forward process instead.
    static func generated(count: Int) -> String {
        var text = "# \(count) generated schedules\n"
        text.reserveCapacity(count * 160)
        for i in 0..<count {
            if i % 10 == 9 {
                text += """
                    schedule trig_\(i) "trigonometric \(i)" {
                        param k > 0
                        time t in [0, pi/2]
                        alpha = cos(t)
                        sigma = sin(t)
                        target = k velocity   # TrigFlow-like
                        expect rho == 0
                    }

                    """
            } else {
                text += """
                    schedule poly_\(i) {
                        param k = \(i % 7 + 1)/\(i % 5 + 2)
                        let a = 1 - t^\(i % 3 + 1)
                        x_t = a x0 + k t eps
                        target = velocity
                        expect det != 0
                    }

                    """
            }
        }
        return text
    }

    @Test func longChainsOfLetsStaySmall() throws {
        // Each let uses the previous one twice: copying trees would double 60 times.
        var lines = ["schedule chain {", "    let a0 = t"]
        for i in 1...60 { lines.append("    let a\(i) = (a\(i - 1) + a\(i - 1))/2") }
        lines += ["    x_t = (1 - a60) x0 + a60 eps", "    target = velocity", "}"]
        let s = try schedule("chain", in: lines.joined(separator: "\n"))
        #expect(coefficients(s) == "1 - t ; t ; -1 ; 1")
    }
}

/// The 10,000-schedule file of `ScaleTests`, parsed and validated.
@Suite(.tags(.slow)) struct ScaleSlowTests {
    @Test func tenThousandSchedules() throws {
        let text = ScaleTests.generated(count: 10_000)
        let clock = ContinuousClock()
        var syntax: ScheduleFileSyntax?
        let parseTime = clock.measure { syntax = ScheduleParser.parse(text, path: "big.sched") }
        var file: ScheduleFile?
        let validateTime = clock.measure { file = ScheduleValidator().validate(syntax!) }
        print("10,000 schedules, \(text.utf8.count) bytes: parse \(parseTime), validate \(validateTime)")
        #expect(syntax!.diagnostics.isEmpty)
        #expect(syntax!.schedules.count == 10_000)
        let f = try #require(file)
        #expect(f.diagnostics.isEmpty, "\(f.diagnostics.prefix(3).map(render))")
        #expect(f.schedules.count == 10_000)
        #expect(parseTime < .seconds(20))
        // Spot checks: schedule 4 is 1 - t^2 with k = 5/6; schedule 9 is trigonometric.
        let s4 = try #require(f.schedule(named: "poly_4"))
        #expect(coefficients(s4) == "1 - t^2 ; 5*t/6 ; -2*t ; 5/6")
        let s9 = try #require(f.schedule(named: "trig_9"))
        #expect(coefficients(s9) == "cos(t) ; sin(t) ; -k*sin(t) ; k*cos(t)")
        #expect(s9.assumptions.positive == ["k", "t"])
        // A comment line, then 9,000 blocks of 7 lines and 999 of 8.
        #expect(f.schedules.last?.range.start.line == 1 + 9_000 * 7 + 999 * 8 + 1)
    }
}
