import Exact
import Testing
@testable import Symbolic

/// `parse(printASCII(e)) == e`, structurally, for hand-picked and random trees; and
/// the same for the many spellings a person might type.
@Suite struct RoundTripTests {
    @Test func handPickedTrees() throws {
        let t = Expr.variable("t")
        let trees: [Expr] = [
            .negation(.negation(t)),
            .binary(.subtract, t, .negation(t)),
            .binary(.subtract, t, .binary(.subtract, t, t)),
            .binary(.divide, t, .binary(.multiply, t, t)),
            .binary(.multiply, t, .binary(.divide, t, t)),
            .binary(.power, .binary(.power, t, .number(2)), .number(3)),
            .binary(.power, t, .binary(.power, .number(2), .number(3))),
            .binary(.power, .negation(.number(2)), .number(2)),
            .binary(.power, t, .negation(.number(1))),
            .negation(.binary(.power, t, .number(2))),
            .negation(.binary(.multiply, t, t)),
            .binary(.multiply, .negation(t), t),
            .binary(.power, .function(.sqrt, t), .number(2)),
            .number(Rational(1, 10)), .number(Rational(1, 8)), .number(try Rational(parsing: "1e-30")),
            .number(try Rational(parsing: "1.5e40")), .number(try Rational(parsing: "123456789.000001")),
            .derivative(.function(.sigmoid, .binary(.multiply, .pi, t)), variable: "t"),
        ]
        for e in trees {
            #expect(try parse(printASCII(e)) == e, "\(printASCII(e))")
        }
        #expect(printASCII(trees[0]) == "-(-t)")
        #expect(printASCII(trees[1]) == "t - (-t)")
        #expect(printASCII(trees[5]) == "(t^2)^3")
        #expect(printASCII(trees[6]) == "t^2^3")
        #expect(printASCII(trees[8]) == "t^(-1)")
        #expect(printASCII(trees[15]) == "1e-30")
        #expect(printASCII(trees[16]) == "1.5e40")
    }

    @Test func rationalsThatAreNotDecimalsPrintAsQuotients() throws {
        #expect(printASCII(.number(Rational(1, 3))) == "(1/3)")
        #expect(printASCII(.number(Rational(-3, 4))) == "(-0.75)")
        #expect(printASCII(.number(Rational(-2))) == "(-2)")
        // Same value, different tree: the documented limit of the guarantee.
        #expect(try parse("(1/3)") == .binary(.divide, .number(1), .number(3)))
    }

    @Test func tenThousandRandomTrees() throws {
        var generator = RandomExpressions(seed: 0x5EED_0001)
        var longest = 0
        for _ in 0..<10_000 {
            let e = generator.expression(depth: 6)
            let text = printASCII(e)
            longest = max(longest, text.count)
            let result = ExpressionParser.parse(text)
            guard let back = result.expression else {
                Issue.record("\(text)\n\(result.formattedDiagnostics())")
                continue
            }
            #expect(back == e, "\(text)")
        }
        #expect(longest > 100)
    }

    @Test func tenThousandRandomHumanSpellings() throws {
        var generator = RandomExpressions(seed: 0x5EED_0002)
        var printer = HumanPrinter(rng: SplitMix64(seed: 0x5EED_0003))
        for _ in 0..<10_000 {
            let e = generator.expression(depth: 5)
            let text = printer.print(e)
            let result = ExpressionParser.parse(text)
            guard let back = result.expression else {
                Issue.record("\(printASCII(e))\n\(text)\n\(result.formattedDiagnostics())")
                continue
            }
            #expect(back == e, "\(text)  vs  \(printASCII(e))")
        }
    }
}
