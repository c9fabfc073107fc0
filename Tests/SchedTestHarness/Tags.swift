import Testing

/// The tiers of the suite. `make test` runs every test; `make test-fast` skips the
/// tagged ones. swift-testing 6.3 cannot select tests by tag on the command line
/// (`--filter`/`--skip` match test IDs only), so a tagged test also lives in a suite
/// whose name ends in `OracleTests` or `SlowTests`, which `TestTier.taggedSuitePattern`
/// matches; `TestTierTests` checks that the tags and the names agree.
extension Tag {
    /// Runs a Python program from Tests/oracles (SymPy, mpmath, numpy, a pty driver).
    @Tag public static var oracle: Self
    /// Takes more than about 5 s on its own on a 2-core machine.
    @Tag public static var slow: Self
}

public enum TestTier {
    /// The `--skip` pattern of `make test-fast`: the IDs of the suites that hold the
    /// tagged tests, and of the tests in them.
    public static let taggedSuitePattern = "(Oracle|Slow)Tests(/|$)"
    /// The tags that take a test out of the fast tier.
    public static let tags: Set<Tag> = [.oracle, .slow]
}
