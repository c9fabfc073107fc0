import Exact
// Scoped imports: all of Foundation would bring its own `Expr` type.
import struct Foundation.Data
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder
import class Foundation.Pipe
import class Foundation.Process
import struct Foundation.URL
import SchedTestHarness
import Testing
@testable import Symbolic

/// Differential test against SymPy (an independent implementation of differentiation)
/// and mpmath (an independent implementation of the elementary functions): 330 random
/// expressions with a fixed seed, printed with `printASCII`, differentiated and
/// evaluated at three rational points by SymPy at 50 digits in one python3 run
/// (`Tests/oracles/derivatives.py`). sched's `BallEvaluator` must enclose SymPy's
/// 30-digit values of each expression and of its derivative (the derivative through a
/// `diff(e, t)` node, so with its expansion inside the evaluator): the ball must
/// overlap [s − ε, s + ε] with ε = 10⁻²⁵·|s| + 10⁻⁴⁰, and its radius must be at most ε
/// (so a wide ball cannot pass by overlapping everything).
///
/// SymPy's automatic simplification is occasionally pathological (the derivative of one
/// nested sqrt(cosh(…)) of this seed takes minutes); the oracle gives up on an
/// expression after 5 s, and at least 300 expressions must be compared in full.
@Suite(.tags(.oracle, .slow)) struct DerivativeSympyOracleTests {
    static let expressionCount = 330
    static let minimumCompared = 300
    static let variables = ["t", "gamma", "sigma_d"]
    static let points: [[String: String]] = [
        ["t": "1/3", "gamma": "2/7", "sigma_d": "3/2"],
        ["t": "-7/5", "gamma": "5/4", "sigma_d": "0.1"],
        ["t": "5/2", "gamma": "-1/3", "sigma_d": "2"],
    ]

    struct Request: Encodable {
        let variables: [String]
        let wrt: String
        let points: [[String: String]]
        let expressions: [String]
    }

    struct Answer: Decodable {
        let value: [String?]?
        let derivative: [String?]?
        let error: String?
        let timeout: Bool?
    }

    static func oracle(_ expressions: [String]) throws -> [Answer] {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("oracles/derivatives.py")
        let request = Request(variables: variables, wrt: "t", points: points, expressions: expressions)
        let run = try Subprocess.python(script.path, stdin: String(decoding: try JSONEncoder().encode(request), as: UTF8.self))
        try #require(run.status == 0, "the SymPy oracle failed; python3 with sympy and mpmath is required: \(run.stderr.suffix(2000))")
        return try run.stdout
            .split(separator: "\n")
            .map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
    }

    /// Checks that sched's enclosure of `e` at `values` contains SymPy's `expected`.
    /// Returns false (after recording an issue) on a mismatch.
    static func compare(_ e: Expr, at values: [String: Rational], with expected: String?, _ context: String) -> Bool {
        let evaluator = BallEvaluator()
        var ball: Ball
        do {
            ball = try evaluator.evaluate(e, at: values, precision: 256)
            if ball.relativeAccuracyBits < 100 { ball = try evaluator.evaluate(e, at: values, precision: 1024) }
        } catch {
            if expected == nil { return true }   // neither has a real value
            Issue.record("\(context): sched fails with \(error), SymPy gives \(expected!)")
            return false
        }
        guard let expected else {
            Issue.record("\(context): sched gives \(ball), SymPy has no real value")
            return false
        }
        guard let s = try? Rational(parsing: expected) else {
            Issue.record("\(context): unreadable SymPy value \(expected)")
            return false
        }
        let tolerance = s.magnitude * (try! Rational(parsing: "1e-25")) + (try! Rational(parsing: "1e-40"))
        let interval = Ball(lower: s - tolerance, upper: s + tolerance, precision: 256)
        guard ball.overlaps(interval), let radius = ball.radius, radius <= tolerance else {
            Issue.record("\(context): sched \(ball), SymPy \(expected)")
            return false
        }
        return true
    }

    @Test func derivativesAndValuesAgreeWithSympy() throws {
        var generator = RandomExpressionGenerator(seed: 0x5EED_CA1C)
        let expressions = (0..<Self.expressionCount).map { _ in generator.expression() }
        let printed = expressions.map(printASCII)
        let answers = try Self.oracle(printed)
        try #require(answers.count == expressions.count, "SymPy answered \(answers.count) of \(expressions.count)")
        let points = Self.points.map(Calculus.point)

        var compared = 0, failures = 0, withDiffNodes = 0, timeouts = 0
        for (index, (e, answer)) in zip(expressions, answers).enumerated() {
            if answer.timeout == true {
                timeouts += 1
                continue
            }
            if let error = answer.error {
                Issue.record("#\(index) \(printed[index]): SymPy error \(error)")
                failures += 1
                continue
            }
            if e.containsDerivative { withDiffNodes += 1 }
            let values = answer.value ?? [], derivatives = answer.derivative ?? []
            try #require(values.count == points.count && derivatives.count == points.count)
            compared += 1
            let derivativeNode = Expr.derivative(e, variable: "t")
            for (j, point) in points.enumerated() {
                let context = "#\(index) \(printed[index]) at \(Self.points[j])"
                for (tree, expected, what) in [(e, values[j], "value"), (derivativeNode, derivatives[j], "derivative")] {
                    if !Self.compare(tree, at: point, with: expected, "\(what) of \(context)") { failures += 1 }
                    if expected == nil { Issue.record("\(what) of \(context): the generator should avoid domain errors") }
                }
            }
        }
        #expect(failures == 0)
        #expect(compared >= Self.minimumCompared, "\(timeouts) expressions timed out in SymPy")
        // The generator must exercise nested diff nodes too.
        #expect(withDiffNodes >= 10)
    }
}

/// Random expressions over t, gamma and sigma_d whose values are real at the test
/// points: arguments of sqrt and log, divisors, and bases of non-integer powers are
/// built to be positive (1 + x², exp(b), 2 + sin(x), sigmoid(x), cosh(b), …), exp, sinh
/// and cosh get bounded arguments, tan an argument in (−1, 1).
struct RandomExpressionGenerator {
    /// SplitMix64, so that every machine sees the same expressions.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    private mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// An expression of height ≤ 8 that depends on t, with a derivative of at most
    /// 4000 nodes (so that the whole test stays fast in debug builds).
    mutating func expression() -> Expr {
        while true {
            let e = any(3 + below(4))
            guard let d = try? e.derivative(withRespectTo: "t", maximumNodes: 4000), d != .number(0) else { continue }
            return e
        }
    }

    private func number(_ text: String) -> Expr { .number(try! Rational(parsing: text)) }

    private mutating func leaf() -> Expr {
        switch below(10) {
        case 0...4: return .variable("t")
        case 4: return .variable("gamma")
        case 5: return .variable("sigma_d")
        case 6: return .pi
        default: return number(pick(["1", "2", "3", "5", "0.5", "1.5", "0.25", "0.1"]))
        }
    }

    mutating func any(_ depth: Int) -> Expr {
        if depth <= 0 { return leaf() }
        let d = depth - 1
        switch below(20) {
        case 0, 1: return .binary(.add, any(d), any(d))
        case 2: return .binary(.subtract, any(d), any(d))
        case 3, 4: return .binary(.multiply, any(d), any(d))
        case 5: return .binary(.divide, any(d), positive(d))
        case 6: return .binary(.power, any(d), number(pick(["2", "3"])))
        case 7:
            let exponent: Expr = pick([
                .negation(number("1")), .negation(number("2")), .binary(.divide, number("1"), number("2")),
                .negation(.binary(.divide, number("1"), number("2"))), number("1.5"), number("0.5"),
            ])
            return .binary(.power, positive(d), exponent)
        case 8: return .binary(.power, positive(d), bounded(d))
        case 9: return .binary(.power, number(pick(["2", "3", "0.5"])), bounded(d))
        case 10: return .negation(any(d))
        case 11, 12: return .function(pick([.sin, .cos, .atan, .tanh, .sigmoid]), any(d))
        case 13: return .function(.exp, bounded(d))
        case 14: return .function(pick([.sinh, .cosh]), bounded(d))
        case 15: return .function(.sqrt, positive(d))
        case 16: return .function(.log, positive(d))
        case 17: return .function(.tan, .function(pick([.tanh, .sigmoid]), any(d)))
        case 18: return .derivative(any(d), variable: pick(["t", "t", "gamma"]))
        default: return leaf()
        }
    }

    mutating func positive(_ depth: Int) -> Expr {
        if depth <= 0 {
            return pick([number("2"), .pi, .binary(.add, number("1"), .binary(.power, leaf(), number("2"))),
                         .function(.exp, .variable("t")), .binary(.add, .variable("t"), number("3"))])
        }
        let d = depth - 1
        switch below(7) {
        case 0, 1: return .binary(.add, number("1"), .binary(.power, any(d), number("2")))
        case 2: return .function(.exp, bounded(d))
        case 3: return .binary(.add, number("2"), .function(pick([.sin, .cos]), any(d)))
        case 4: return .function(.sigmoid, bounded(d))
        case 5: return .function(.cosh, bounded(d))
        default: return .function(.sqrt, .binary(.add, number("1"), .binary(.power, any(d), number("2"))))
        }
    }

    mutating func bounded(_ depth: Int) -> Expr {
        if depth <= 0 { return pick([.variable("t"), .variable("t"), .variable("gamma"), number("0.5")]) }
        let d = depth - 1
        switch below(6) {
        case 0: return .function(pick([.sin, .cos]), any(d))
        case 1: return .function(pick([.tanh, .atan, .sigmoid]), any(d))
        case 2:
            let x = any(d)
            return .binary(.divide, x, .binary(.add, number("1"), .binary(.power, x, number("2"))))
        case 3: return .binary(.multiply, number("0.5"), .function(.sin, any(d)))
        default: return leaf()
        }
    }
}
