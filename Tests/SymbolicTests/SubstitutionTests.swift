import Exact
import Testing
@testable import Symbolic

@Suite struct SubstitutionTests {
    func sub(_ text: String, _ bindings: [String: String]) -> String {
        printASCII(Calculus.parse(text).substituting(bindings.mapValues { Calculus.parse($0) }))
    }

    @Test func substitutionIsSimultaneous() {
        #expect(sub("x - y", ["x": "y", "y": "x"]) == "y - x")
        // A replacement is not rewritten again.
        #expect(sub("x*2", ["x": "x + 1"]) == "(x + 1)*2")
        #expect(sub("sin(x)^x", ["x": "pi*t"]) == "sin(pi*t)^(pi*t)")
        #expect(sub("x + y", [:]) == "x + y")
        #expect(sub("x + y", ["z": "1"]) == "x + y")
    }

    @Test func differentiationVariableIsBound() {
        // t inside diff(·, t) is not replaced; other variables are, and may mention t.
        #expect(sub("diff(alpha, t) + t", ["t": "1/2", "alpha": "cos(pi*t/2)"]) == "diff(cos(pi*t/2), t) + 1/2")
        #expect(sub("diff(t^2*a, t)", ["t": "3", "a": "t"]) == "diff(t^2*t, t)")
        // Only inside: the same name outside a diff is free.
        #expect(sub("diff(t, t)*t", ["t": "2"]) == "diff(t, t)*2")
        // Nested binders of other variables.
        #expect(sub("diff(diff(x*y, x), y)", ["x": "1", "y": "2", "z": "3"]) == "diff(diff(x*y, x), y)")
        #expect(sub("diff(x*y*z, x)", ["x": "1", "y": "2", "z": "3"]) == "diff(x*2*3, x)")
    }

    @Test func substitutedThenExpandedIsTheScheduleDerivative() throws {
        let e = Calculus.parse("diff(alpha, t)").substituting(["alpha": Calculus.parse("cos(pi*t/2)")])
        let expected = Calculus.parse("-pi/2*sin(pi*t/2)")
        for t in ["1/3", "0.7"] {
            let at = Calculus.point(["t": t])
            #expect(Calculus.agree(try Calculus.value(e, at), try Calculus.value(expected, at)))
        }
    }

    @Test func freeVariables() throws {
        func free(_ text: String) -> Set<String> { Calculus.parse(text).freeVariables }
        #expect(free("2*pi + 1") == [])
        #expect(free("sin(pi*x) + y/z") == ["x", "y", "z"])
        #expect(free("diff(t^2*a, t) + b") == ["a", "b"])
        #expect(free("diff(t, t) + t") == ["t"])
        #expect(free("diff(diff(x*y*z, x), y)") == ["z"])
        #expect(free("diff(diff(t, t), t)") == [])
        #expect(free("σ_d*λ") == ["sigma_d", "lamda"])
        // What evaluation needs is the expanded tree's free variables.
        #expect(try Calculus.parse("diff(x^2, x)").expandingDerivatives().freeVariables == ["x"])
        #expect(try Calculus.parse("diff(y, x)").expandingDerivatives().freeVariables == [])
    }

    @Test func substitutionOutsideFreeVariablesIsIdentity() {
        for text in ["diff(t^2*a, t) + b", "x*y - sin(z)", "diff(diff(x*y*z, x), y)"] {
            let e = Calculus.parse(text)
            var bindings: [String: Expr] = [:]
            for name in ["t", "x", "y", "q"] where !e.freeVariables.contains(name) { bindings[name] = .number(7) }
            #expect(e.substituting(bindings) == e, "\(text)")
        }
    }

    @Test func nodeCount() {
        #expect(Calculus.parse("t").nodeCount == 1)
        #expect(Calculus.parse("2*t + sin(t)").nodeCount == 6)
        #expect(Calculus.parse("-t^2").nodeCount == 4)
        #expect(Calculus.parse("diff(t^2, t)").nodeCount == 4)
        // Shared subtrees count once per occurrence.
        let u = Calculus.parse("sin(t) + cos(t)")
        #expect(Expr.binary(.multiply, u, u).nodeCount == 2 * u.nodeCount + 1)
    }

    @Test func keptNodesKeepTheirRanges() {
        let text = "sin(x) + y"
        let e = Calculus.parse(text)
        let replaced = e.substituting(["y": .number(2)])
        #expect(replaced.range == e.range)
        guard case .binary(.add, let l, let r) = replaced.kind else {
            Issue.record("not a sum")
            return
        }
        #expect(Calculus.offsets(l.range) == Calculus.offsets(of: "sin(x)", in: text))
        #expect(r.range == nil)   // the replacement was built in code
    }
}
