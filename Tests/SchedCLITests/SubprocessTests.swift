import Foundation
import SchedTestHarness
import Testing

/// The one subprocess helper of the tests cannot deadlock on a child that writes
/// more than a pipe holds (64 KiB on Linux) to both streams, or that answers while
/// its input is still being written.
@Suite struct SubprocessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func drainsBothStreamsOfAMegabyteEach() throws {
        let run = try Subprocess.run(Self.shell, ["-c", "head -c 1000000 /dev/zero | tr '\\0' o; head -c 1000000 /dev/zero | tr '\\0' e >&2; exit 3"])
        #expect(run.status == 3)
        #expect(run.stdout.utf8.count == 1_000_000 && run.stdout.allSatisfy { $0 == "o" })
        #expect(run.stderr.utf8.count == 1_000_000 && run.stderr.allSatisfy { $0 == "e" })
    }

    @Test func writesAMegabyteOfInputWhileTheChildAnswers() throws {
        let input = String(repeating: "0123456789abcdef\n", count: 65_536)   // 1,114,112 bytes
        let run = try Subprocess.run(Self.shell, ["-c", "cat; echo done >&2"], stdin: input)
        #expect(run.status == 0 && run.stdout == input && run.stderr == "done\n")
    }

    /// A child that exits without reading its input: no SIGPIPE in the test process.
    @Test func childThatIgnoresItsInput() throws {
        let run = try Subprocess.run(Self.shell, ["-c", "exit 0"], stdin: String(repeating: "x", count: 1 << 20))
        #expect(run.status == 0 && run.stdout.isEmpty)
    }
}
