import Exact

/// Explicit budgets that keep hostile or accidental input from exhausting the stack,
/// memory or time. Each one, when exceeded, is an ordinary diagnostic at the place it
/// was exceeded, never a crash.
public struct ParserLimits: Hashable, Sendable {
    /// Bytes of UTF-8 per expression. Checked before anything else, so a 10 MB input is
    /// rejected in constant time.
    public var maximumInputBytes: Int
    /// Open constructs at once: parentheses (grouping and calls), prefix `-` `+` `√`,
    /// and the right operand of `^`. The parser itself does not recurse (see `Parser`),
    /// so this is a policy: 100,000 `(` get a clear diagnostic at the 201st instead of
    /// a tree that nothing downstream could walk.
    public var maximumNesting: Int
    /// Height of the tree. Left-associative chains (`t+t+t+…`) build deep trees without
    /// any nesting, and everything downstream (equality, hashing, printing,
    /// simplification, deallocation) recurses over the tree. Synthesised equality
    /// costs about 130 bytes of stack per level in a debug build, so 500 levels stay
    /// well inside the 512 KiB stacks of Swift concurrency's threads; real schedules
    /// are a few dozen levels high.
    public var maximumHeight: Int
    /// Largest magnitude of a literal exponent (`t^1000000000`, `t^-20000`, `t¹⁰⁰⁰⁰⁰`).
    /// Exponents computed from expressions are the simplifier's business.
    public var maximumExponent: Int
    /// Total bits (numerators plus denominators) of all number literals in one
    /// expression; one literal is already bounded by `ExactBudget`.
    public var maximumLiteralBits: Int

    public init(
        maximumInputBytes: Int = 1 << 20,
        maximumNesting: Int = 200,
        maximumHeight: Int = 500,
        maximumExponent: Int = 10_000,
        maximumLiteralBits: Int = ExactBudget.maximumBits
    ) {
        self.maximumInputBytes = maximumInputBytes
        self.maximumNesting = maximumNesting
        self.maximumHeight = maximumHeight
        self.maximumExponent = maximumExponent
        self.maximumLiteralBits = maximumLiteralBits
    }

    /// 1 MiB of input, 200 levels of nesting, a tree at most 500 levels high, literal
    /// exponents up to 10,000, literals up to 2^24 bits in total.
    public static let standard = ParserLimits()
}
