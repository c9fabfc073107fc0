import ArgumentParser
import Exact
import Symbolic

/// `--deadline SECONDS`: the time budget of each quantity, shared by the commands that
/// compute. Past it a quantity is "unknown — time budget exceeded" (an incomplete zero
/// set, an unknown claim, an error for `simplify`), never a hang; a whole input gets
/// `Deadline.inputBudget` (three quantity budgets per 10 KB).
struct TimeBudgetOption: ParsableArguments {
    /// The default budget of one quantity, in seconds.
    static let defaultSeconds = 2.0
    /// The largest budget accepted, in seconds (a day).
    static let maximumSeconds = 86_400.0

    @Option(name: .customLong("deadline"),
            help: ArgumentHelp("Time budget in seconds for each quantity (canonical form, zero set, end value, claim); past it the answer is unknown.", valueName: "seconds"))
    var seconds: Double = TimeBudgetOption.defaultSeconds

    func validate() throws {
        guard seconds.isFinite, seconds > 0, seconds <= Self.maximumSeconds else {
            throw ValidationError("--deadline must be a number of seconds greater than 0 and at most \(Int(Self.maximumSeconds))")
        }
    }

    /// Runs `body` on one input of `bytes` bytes: within the input's budget, each
    /// quantity within `seconds`.
    func run<T>(inputBytes bytes: Int, _ body: () throws -> T) throws -> T {
        try Deadline.withBudget(seconds: Deadline.inputBudget(quantitySeconds: seconds, bytes: bytes), quantitySeconds: seconds, body)
    }

    /// Runs `body` as a single quantity (one expression): within `seconds`.
    func runQuantity<T>(_ body: () throws -> T) throws -> T {
        try Deadline.withBudget(seconds: seconds, quantitySeconds: seconds, body)
    }
}

/// A computation stopped at its time budget: reported with status 2, since it says
/// nothing about the input — rerun with a larger `--deadline`.
struct SchedTimeBudgetError: Error {
    /// The diagnostic, already formatted.
    var message: String
}
