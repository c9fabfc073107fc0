import Foundation
import SchedTestHarness

/// The real `sched` executable built next to the test bundle, for the few end-to-end
/// runs (`--version` and help, `lint -`, `analyze -`, `repl` over standard input, the
/// README examples, the oracles that drive the binary); every other test runs the
/// command line in process with `SchedCommand.run(_:stdin:)`.
enum SchedBinary {
    static var url: URL {
        let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return productsDirectory.appendingPathComponent("sched")
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Subprocess.Outcome {
        try Subprocess.run(url, arguments, stdin: stdin)
    }
}
