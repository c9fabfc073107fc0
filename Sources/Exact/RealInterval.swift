/// A real interval with rational or infinite ends, each open or closed:
/// `[0, 1]`, `(0, 1/2]`, `[1/500, 80)`, `(-inf, inf)`.
public struct RealInterval: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Bound: Sendable, Equatable, Hashable {
        case finite(Rational, closed: Bool)
        case infinite

        public var value: Rational? {
            if case .finite(let v, _) = self { return v }
            return nil
        }

        public var isClosed: Bool {
            if case .finite(_, let closed) = self { return closed }
            return false
        }
    }

    public var lower: Bound
    public var upper: Bound

    public init(lower: Bound, upper: Bound) {
        self.lower = lower
        self.upper = upper
    }

    public static func closed(_ a: Rational, _ b: Rational) -> RealInterval {
        RealInterval(lower: .finite(a, closed: true), upper: .finite(b, closed: true))
    }

    public static func open(_ a: Rational, _ b: Rational) -> RealInterval {
        RealInterval(lower: .finite(a, closed: false), upper: .finite(b, closed: false))
    }

    public static let realLine = RealInterval(lower: .infinite, upper: .infinite)

    /// True when no real number lies in the interval.
    public var isEmpty: Bool {
        guard let a = lower.value, let b = upper.value else { return false }
        if a < b { return false }
        return !(a == b && lower.isClosed && upper.isClosed)
    }

    public func contains(_ x: Rational) -> Bool {
        switch lower {
        case .finite(let a, let closed): if x < a || (!closed && x == a) { return false }
        case .infinite: break
        }
        switch upper {
        case .finite(let b, let closed): if x > b || (!closed && x == b) { return false }
        case .infinite: break
        }
        return true
    }

    public var description: String {
        let left: String, right: String
        switch lower {
        case .finite(let a, let closed): left = (closed ? "[" : "(") + a.description
        case .infinite: left = "(-inf"
        }
        switch upper {
        case .finite(let b, let closed): right = b.description + (closed ? "]" : ")")
        case .infinite: right = "inf)"
        }
        return left + ", " + right
    }

    /// Parses the text form: brackets `[` `(` and `]` `)`, two ends separated by a
    /// comma, each a rational in `Rational(parsing:)` syntax or `inf`, `-inf`, `∞`,
    /// `-∞` (infinite ends must be open).
    public init(parsing text: String) throws(ArithmeticError) {
        let trimmed = text.trimmingSpaces
        guard let open = trimmed.first, let close = trimmed.last, trimmed.count >= 2,
              open == "[" || open == "(", close == "]" || close == ")" else {
            throw .invalidNumber(text)
        }
        let body = trimmed.dropFirst().dropLast()
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalidNumber(text) }
        func bound(_ s: Substring, closed: Bool, upper: Bool) throws(ArithmeticError) -> Bound {
            let t = String(s).trimmingSpaces
            let infinities = upper ? ["inf", "+inf", "∞", "+∞", "oo"] : ["-inf", "-∞", "-oo"]
            if infinities.contains(t) {
                guard !closed else { throw .invalidNumber(text) }
                return .infinite
            }
            return .finite(try Rational(parsing: t), closed: closed)
        }
        lower = try bound(parts[0], closed: open == "[", upper: false)
        upper = try bound(parts[1], closed: close == "]", upper: true)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
