import Exact
import Testing
@testable import Symbolic

/// Helpers shared by the derivative, substitution and evaluation suites.
enum Calculus {
    /// Parses `text` (with source ranges); the test fails if it does not parse.
    static func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expr {
        do throws(ParseError) {
            return try Expr(parsing: text)
        } catch {
            Issue.record("does not parse: \(text)\n\(error)", sourceLocation: sourceLocation)
            return .number(0)
        }
    }

    /// `values` with rationals written as text: ["t": "1/3"].
    static func point(_ values: [String: String]) -> [String: Rational] {
        values.mapValues { try! Rational(parsing: $0) }
    }

    static let evaluator = BallEvaluator()

    /// The value of `e` at `values` with 200 bits of working precision.
    static func value(_ e: Expr, _ values: [String: Rational]) throws -> Ball {
        try evaluator.evaluate(e, at: values, precision: 200)
    }

    /// True when two enclosures overlap and both are tight: radius ≤ 2^−150 relative
    /// to max(1, |midpoint|). Overlap alone would be satisfied by wide balls.
    static func agree(_ a: Ball, _ b: Ball) -> Bool {
        a.overlaps(b) && isTight(a) && isTight(b)
    }

    static func isTight(_ a: Ball) -> Bool {
        guard let m = a.midpoint, let r = a.radius else { return false }
        let scale = Rational.max(1, m.magnitude)
        return r <= scale * Rational(1).timesPowerOfTwo(-150)
    }

    /// (start offset, end offset) of a range, for comparisons with source positions.
    static func offsets(_ range: SourceRange?) -> [Int]? {
        range.map { [$0.start.offset, $0.end.offset] }
    }

    /// The UTF-8 offsets of the first occurrence of `part` in `text`.
    static func offsets(of part: String, in text: String) -> [Int]? {
        let haystack = Array(text.utf8), needle = Array(part.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return [start, start + needle.count]
        }
        return nil
    }
}
