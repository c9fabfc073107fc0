import Foundation
import SchedCLI
import Testing

@Suite struct ExpressionCommandsTests {
    @Test(arguments: [
        (["simplify", "sin(t)^2 + cos(t)^2"], "1\n"),
        (["simplify", "(2t-1)/sqrt(2((1-t)^2+t^2))"], "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)\n"),
        (["simplify", "cos(pi/2 t)", "--at", "t=1/2"], "sqrt(2)/2\n≈ 0.70710678118654752440\n"),
        (["simplify", "t^2", "--at", "t=1/3"], "1/9\n"),
        (["simplify", "sqrt(x^2)", "--assume-positive", "x"], "x\n"),
        // Names compare canonically: `σ` is `sigma` in --at and --assume-positive too.
        (["simplify", "sigma + 1", "--at", "σ=1/2"], "3/2\n"),
        (["simplify", "sqrt(σ_d^2)", "--assume-positive", "sigma_d"], "sigma_d\n"),
        (["simplify", "sqrt(sigma_d^2)", "--assume-positive", "σ_d"], "sigma_d\n"),
        (["simplify", "-t^2 + 1"], "1 - t^2\n"),
        (["simplify", "sqrt(1 - alpha^2)", "--format", "unicode"], "√(1 − α²)\n"),
        (["simplify", "sigma_d^2/(s^2 + sigma_d^2)", "--format", "latex"], "\\frac{\\sigma_{d}^{2}}{s^{2} + \\sigma_{d}^{2}}\n"),
        (["diff", "cos(pi/2 t)", "t"], "-pi*sin(pi*t/2)/2\n"),
        (["diff", "sigmoid(x)", "x"], "exp(-x)/(exp(-2*x) + 2*exp(-x) + 1)\n"),
    ] as [([String], String)])
    func printsTheResult(arguments: [String], expected: String) throws {
        let r = SchedCommand.run(arguments)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(arguments): \(r.stderr)")
        #expect(r.stdout == expected, "\(arguments)")
    }

    /// `simplify` decides zero with the zero test of `expect` claims (which expands sines
    /// and cosines to common base angles and evaluates algebraic constants exactly).
    @Test(arguments: [
        (["simplify", "sin(2t) - 2 sin(t) cos(t)"], "sin(2*t) - 2*sin(t)*cos(t)\n= 0 (proven)\n"),
        (["simplify", "cos(2)cos(3) - cos(1)/2 - cos(5)/2"], "(2*cos(2)*cos(3) - cos(1) - cos(5))/2\n= 0 (proven)\n"),
        (["simplify", "cos(pi/5) - 1/4 - sqrt(5)/4"], "0\n"),
        (["simplify", "1/sqrt(5 + 2 sqrt(6)) - sqrt(3) + sqrt(2)"], "0\n"),
        (["simplify", "sin(2t) - 2 sin(t) cos(t) + 1/10^20"], "(1 + 100000000000000000000*sin(2*t) - 200000000000000000000*sin(t)*cos(t))/100000000000000000000\n"),
    ] as [([String], String)])
    func saysWhenTheExpressionIsProvenZero(arguments: [String], expected: String) throws {
        let r = SchedCommand.run(arguments)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(arguments): \(r.stderr)")
        #expect(r.stdout == expected, "\(arguments)")
    }

    @Test(arguments: [
        ("sin(2t) - 2 sin(t) cos(t)", "proven"),
        ("cos(pi/5) - 1/4 - sqrt(5)/4", "proven"),
        ("cos(pi/5) - 1/4 - sqrt(5)/4 - 1/10^30", "refuted"),
        ("sin(2t) - 2 sin(t) cos(t) + 1/10^20", "refuted"),
        // The witness gives p a value where log(p) is defined, though the form has no p.
        ("exp(2 log(p)) - p^2 - 1/1000", "refuted"),
        // Defined only at t = 0, where it is 0: no admissible witness, no proof.
        ("sqrt(-t^2)", "unknown"),
    ])
    func jsonSaysWhetherTheExpressionIsZero(expression: String, verdict: String) throws {
        let r = SchedCommand.run(["simplify", expression, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["zero"] as? String == verdict, "\(expression)")
    }

    @Test func jsonWithEvaluation() throws {
        let r = SchedCommand.run(["simplify", "cos(pi/2 t)", "--at", "t=1/2", "--format", "json", "--digits", "30"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["input"] as? String == "cos(pi/2*t)")
        #expect(object["result"] as? String == "sqrt(2)/2")
        #expect(object["exact"] as? String == "sqrt(2)/2")
        #expect(object["latex"] as? String == "\\frac{\\sqrt{2}}{2}")
        #expect(object["value"] as? String == "0.707106781186547524400844362105")
        let radius = try #require(Double(object["radius"] as? String ?? ""))
        #expect(radius > 0 && radius < 1e-30)
        // Without --at there is no value.
        let plain = SchedCommand.run(["simplify", "t + t", "--format", "json"])
        #expect(plain.stdout == "{\"input\": \"t + t\", \"result\": \"2*t\", \"latex\": \"2 t\", \"zero\": \"refuted\"}\n")
        // Free names left: no exact value.
        let partial = SchedCommand.run(["simplify", "t + s", "--at", "t=1", "--format", "json"])
        #expect(partial.stdout.contains("\"exact\": null") && partial.stdout.contains("\"value\": null"))
    }

    @Test(arguments: [
        (["simplify", "2**"], "<expression>:1:4: error: expected an expression after '**'\n1 | 2**\n  |    ^\n"),
        (["simplify", "log(t)", "--at", "t=0"], "<expression>:1:1: error: logarithm of the non-positive number 0\n1 | log(t)\n  | ^~~~~~\n"),
        (["simplify", "1/(x - x)"], "<expression>:1:1: error: division by zero: the divisor x - x simplifies to 0\n1 | 1/(x - x)\n  | ^~~~~~~~~\n"),
        (["simplify", "t", "--at", "t=sqrt(-1)"], "--at t:1:1: error: square root of the negative number -1\n1 | sqrt(-1)\n  | ^~~~~~~~\n"),
        // A name before `(` is never a product; without a schedule nothing is a function of time.
        (["simplify", "t(1 - t)"], "<expression>:1:1: error: 't' is not a function; write t*(…) to multiply\n1 | t(1 - t)\n  | ^\n  |  *\n"),
        (["simplify", "α(t)"], "<expression>:1:1: error: 'α' is not a function; write α*(…) to multiply\n1 | α(t)\n  | ^\n  |  *\n"
            + "  = note: 'alpha' is a quantity of a schedule: apply it in a schedule file or in 'sched repl'\n"),
    ] as [([String], String)])
    func inputErrorsAreDiagnosticsWithExitOne(arguments: [String], expected: String) throws {
        let r = SchedCommand.run(arguments)
        #expect(r.status == 1, "\(arguments)")
        #expect(r.stderr == expected, "\(arguments)")
        #expect(r.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        for args in [["simplify"], ["diff", "t"], ["simplify", "t", "--format", "xml"], ["simplify", "t", "--at", "t"], ["simplify", "t", "--digits", "0"]] {
            let r = SchedCommand.run(args)
            #expect(r.status == 2, "\(args)")
        }
    }
}
