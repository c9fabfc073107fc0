import Foundation
import Testing
@testable import Symbolic

/// No input crashes, traps, overflows the stack or hangs the parser: 100,000 generated
/// inputs (fixed seed) each give either a tree or exactly one well-formed diagnostic.
@Suite struct RobustnessTests {
    /// Pieces that inputs are made of: valid tokens in every spelling, near misses,
    /// stray characters, control characters and broken UTF-8.
    static let fragments: [[UInt8]] = {
        let text = [
            "0", "1", "2", "7", "42", "0.5", ".25", "1e3", "2E-4", "1e", "3.", ".", "e", "E", "1e100001",
            "t", "x", "x0", "beta_min", "sigma_d", "_", "pi", "π", "σ", "σ_d", "λ", "lambda", "Π", "ε",
            "x₀", "₁", "sin", "cos", "exp", "log", "sqrt", "sigmoid", "atan", "tanh", "diff", "sqr", "ln",
            "erf", "tau", "if", "in", "None", "+", "-", "−", "*", "**", "·", "×", "÷", "/", "^", "√",
            "²", "³", "⁻", "⁻¹", "¹⁰⁰⁰⁰⁰", "(", "(", ")", ")", ",", " ", " ", "  ", "\t", "\n", "\r\n",
            "\u{A0}", "@", "#", "$", ";", "'", "\"", "\\", "~", "!", "?", "–", "\u{7}", "\u{0}", "\u{7F}",
            "\u{200B}", "\u{301}", "😀", "字", "1000000000", "t^", "sin(", "((", "))",
        ].map { Array($0.utf8) }
        let broken: [[UInt8]] = [[0xFF], [0xFE], [0xC3], [0xE2, 0x88], [0xF0, 0x9F], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80]]
        return text + broken
    }()

    /// Valid inputs to mutate: the grammar's examples and random printed trees.
    static func seeds() throws -> [[UInt8]] {
        var seeds = try GrammarExampleTests.section("EXAMPLES", separator: "==>").map { Array($0.input.utf8) }
        var generator = RandomExpressions(seed: 0xB0B)
        var printer = HumanPrinter(rng: SplitMix64(seed: 0xB0C))
        for _ in 0..<200 {
            let e = generator.expression(depth: 3)
            seeds.append(Array(printASCII(e).utf8))
            seeds.append(Array(printer.print(e).utf8))
        }
        return seeds
    }

    static func soup(_ rng: inout SplitMix64, pieces: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<pieces { bytes += rng.pick(fragments) }
        return bytes
    }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<rng.int(1...4) {
            let position = bytes.isEmpty ? 0 : rng.int(0...bytes.count)
            switch rng.int(0...6) {
            case 0 where !bytes.isEmpty:  // delete a byte (may split a UTF-8 sequence)
                bytes.remove(at: min(position, bytes.count - 1))
            case 1:  // insert a fragment
                bytes.insert(contentsOf: rng.pick(fragments), at: position)
            case 2 where !bytes.isEmpty:  // overwrite with a random byte
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: rng.next())
            case 3 where !bytes.isEmpty:  // duplicate a slice
                let end = rng.int(min(position, bytes.count)...bytes.count)
                bytes.insert(contentsOf: bytes[min(position, bytes.count)..<end], at: end)
            case 4 where bytes.count > 1:  // swap two bytes
                bytes.swapAt(rng.int(0...(bytes.count - 1)), rng.int(0...(bytes.count - 1)))
            case 5:  // truncate
                bytes.removeLast(bytes.count - min(position, bytes.count))
            default:  // wrap in parentheses or prefix an operator
                bytes = Array(rng.pick(["(", "-", "√", "sin(", "2", "t^"]).utf8) + bytes + (rng.chance(0.5) ? [UInt8(ascii: ")")] : [])
            }
        }
        return bytes
    }

    /// Line and column of byte `offset`, recomputed independently of the lexer.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1, i = 0
        while i < offset {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
                i += 1
            } else {
                i += UTF8Decoding.decode(bytes, at: i).length
                column += 1
            }
        }
        return (line, column)
    }

    static func check(_ bytes: [UInt8], counts: inout (trees: Int, errors: Int)) {
        let result = ExpressionParser.parse(utf8: bytes)
        if let e = result.expression {
            counts.trees += 1
            #expect(result.diagnostics.isEmpty)
            let printed = printASCII(e)
            #expect(printed.utf8.allSatisfy { $0 < 0x80 })
            let back = ExpressionParser.parse(printed).expression
            #expect(back == e, "\(printed)")
        } else {
            counts.errors += 1
            #expect(result.diagnostics.count == 1)
            guard let d = result.diagnostics.first else { return }
            let start = d.range.start
            #expect(start.offset >= 0 && start.offset <= bytes.count)
            #expect(d.range.end.offset >= start.offset && d.range.end.offset <= bytes.count)
            if start.offset <= bytes.count {
                let expected = position(of: start.offset, in: bytes)
                #expect(start.line == expected.line && start.column == expected.column,
                        "\(String(decoding: bytes, as: UTF8.self).debugDescription): \(d)")
            }
            let formatted = DiagnosticFormatter().format(d, in: result.source)
            #expect(formatted.hasPrefix("<input>:\(start.line):\(start.column): error: "))
        }
    }

    @Test func oneHundredThousandGeneratedInputs() throws {
        var rng = SplitMix64(seed: 0xC0FFEE)
        let seeds = try Self.seeds()
        var counts = (trees: 0, errors: 0)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for i in 0..<100_000 {
                let bytes: [UInt8]
                switch i % 10 {
                case 0...3: bytes = Self.soup(&rng, pieces: rng.int(1...12))
                case 4...8: bytes = Self.mutate(rng.pick(seeds), &rng)
                default:
                    if i % 1000 == 9 {
                        // Occasionally long: deep nesting and long chains near the budgets.
                        bytes = Self.soup(&rng, pieces: rng.int(100...1500))
                    } else {
                        bytes = (0..<rng.int(0...16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                    }
                }
                Self.check(bytes, counts: &counts)
            }
        }
        // Both outcomes are well represented, so the generator is not trivially failing.
        #expect(counts.trees > 10_000)
        #expect(counts.errors > 50_000)
        #expect(elapsed < .seconds(120))
    }

    @Test func budgetsAtTheirEdges() throws {
        // Exactly at the nesting limit parses; one more does not.
        let deep = String(repeating: "(", count: 200) + "t" + String(repeating: ")", count: 200)
        #expect(ExpressionParser.parse(deep).expression != nil)
        let tooDeep = "(" + deep + ")"
        #expect(ExpressionParser.parse(tooDeep).diagnostics.first?.id == "nesting-too-deep")
        // 200 nested calls with a power inside stay within both budgets.
        let calls = String(repeating: "sin(", count: 199) + "t^2" + String(repeating: ")", count: 199)
        #expect(ExpressionParser.parse(calls).expression?.height == 201)
        // A chain exactly at the height limit.
        let chain = String(repeating: "t+", count: 499) + "t"
        let tree = try #require(ExpressionParser.parse(chain).expression)
        #expect(tree.height == 500)
        #expect(try parse(printASCII(tree)) == tree)
        #expect(ExpressionParser.parse(chain + "+t").diagnostics.first?.id == "expression-too-complex")
        // The exponent limit is inclusive.
        #expect(ExpressionParser.parse("t^10000").expression != nil)
        #expect(ExpressionParser.parse("t^-10000").expression != nil)
        #expect(ExpressionParser.parse("t^10000.5").diagnostics.first?.id == "exponent-too-large")
        // Input size: exactly 1 MiB is accepted as far as size goes.
        let big = String(repeating: " ", count: (1 << 20) - 1) + "t"
        #expect(ExpressionParser.parse(big).expression == .variable("t"))
    }

    @Test func foundationDataIsAccepted() {
        let data = Data("2 π t".utf8)
        #expect(ExpressionParser.parse(utf8: data).expression == .binary(.multiply, .binary(.multiply, .number(2), .pi), .variable("t")))
        let bad = Data([0x74, 0x2B, 0xFF])
        #expect(ExpressionParser.parse(utf8: bad).diagnostics.first?.message == "invalid UTF-8 byte 0xFF")
    }
}
