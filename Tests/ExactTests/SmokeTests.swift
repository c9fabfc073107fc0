import Testing
import Exact

@Test func smoke() throws {
    #expect(try Rational(parsing: "0.125").description == "1/8")
}
