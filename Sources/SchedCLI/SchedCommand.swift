import ArgumentParser
import Exact

/// The `sched` command line: everything lives here so that it can be tested without
/// spawning the binary; `Sources/sched/main.swift` only calls `main()`.
public struct SchedCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "sched",
        abstract: "Exact symbolic analysis of diffusion noise schedules and prediction targets.",
        version: version,
        subcommands: [RootsCommand.self]
    )

    public init() {}
}
