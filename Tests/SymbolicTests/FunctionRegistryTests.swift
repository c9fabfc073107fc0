import Testing
import Exact
@testable import Symbolic

/// The registry is the one list of functions: every registered function is parsed,
/// printed and simplified through its spec, and nothing else lists names.
@Suite struct FunctionRegistryTests {
    @Test func everyRegisteredFunctionIsParsedAndPrintedByItsName() throws {
        let t = Expr.variable("t")
        for f in Function.allCases {
            #expect(try parse("\(f.name)(t)") == .function(f, t), "\(f)")
            #expect(printASCII(.function(f, t)) == "\(f.name)(t)")
            #expect(Function(named: f.name) == f)
            #expect(FunctionSuggestions.knownNames.contains(f.name))
            #expect(!FunctionSuggestions.unsupported.contains(f.name))
            #expect(f.spec.arity == 1)
        }
    }

    @Test func theListIsGeneratedFromTheFilesInNameOrder() {
        let names = FunctionRegistry.names
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        for name in ["sqrt", "exp", "log", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "sigmoid"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(Function(named: "erfc") == nil)
        #expect(Function(named: "diff") == nil)
    }

    @Test func aFunctionWithKernelFactsIsAKernelOfItsOwnCanonicalForm() throws {
        for f in Function.allCases where f.spec.kernel != nil {
            let form = try Simplifier().canonicalForm(of: .function(f, .binary(.add, .variable("t"), .number(Rational(1, 3)))))
            #expect(form.kernels.contains { $0.function == f }, "\(f)")
        }
    }

    @Test func suggestionsComeFromTheSpecs() {
        #expect(FunctionSuggestions.aliases["ln"] == "log")
        #expect(FunctionSuggestions.aliases["expit"] == "sigmoid")
        #expect(FunctionSuggestions.aliases["deriv"] == "diff")
        #expect(FunctionSuggestions.suggestion(for: "ln") == "log")
    }
}
