import Exact
import Symbolic
import Testing

/// `ZeroTest.test(_:witnesses:alsoDefined:)`: a nonzero witness only among the given
/// values, and only where the other forms are defined.
@Suite struct ZeroTestWitnessTests {
    func form(_ text: String) throws -> CanonicalForm {
        try Simplifier().canonicalForm(of: try Expr(parsing: text))
    }

    @Test func witnessComesFromTheGivenValues() throws {
        let f = try form("t - 5")
        let test = ZeroTest()
        #expect(test.test(f, witnesses: ["t": [Rational(5), Rational(1, 2)]]) == .nonzero(point: ["t": Rational(1, 2)], value: "-4.500000000"))
        // Only zeros among the values given: unknown, though t − 5 ≠ 0 elsewhere.
        if case .unknown = test.test(f, witnesses: ["t": [Rational(5)]]) {} else { Issue.record("a witness outside the given values") }
        if case .unknown = test.test(f, witnesses: ["t": []]) {} else { Issue.record("no values, no witness") }
        #expect(test.test(try form("t - t"), witnesses: ["t": []]).isProvenZero)
    }

    @Test func witnessMustBeWhereTheOtherFormsAreDefined() throws {
        let f = try form("t - 5"), root = try form("sqrt(t - 1)")
        let test = ZeroTest()
        let values = ["t": [Rational(1, 2), Rational(2)]]
        #expect(test.test(f, witnesses: values, alsoDefined: [root]) == .nonzero(point: ["t": Rational(2)], value: "-3.000000000"))
        if case .unknown = test.test(f, witnesses: ["t": [Rational(1, 2)]], alsoDefined: [root]) {} else {
            Issue.record("√(t − 1) is undefined at t = 1/2")
        }
    }

    @Test func otherSymbolsKeepTheFixedSamples() throws {
        let f = try form("k t - 1")
        #expect(ZeroTest().test(f, witnesses: ["t": [Rational(2)]]) == .nonzero(point: ["k": Rational(3, 7), "t": Rational(2)], value: "-0.1428571429"))
    }
}
