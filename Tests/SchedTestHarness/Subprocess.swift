import Foundation

/// Runs a program to its end: the one way the tests start a process (python3 oracles,
/// pdflatex, the real `sched` binary). Standard output and standard error are drained
/// concurrently, and standard input written on its own thread, so that a child that
/// fills one pipe while the test waits on another cannot deadlock.
public enum Subprocess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` with `arguments`, `stdin` as its standard input (empty when
    /// nil), in `directory` (the test process's when nil).
    public static func run(_ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Outcome {
        // A child that exits before reading its input would raise SIGPIPE in the test
        // process on the write below; ignored, the write fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        let drained = DrainedPipes()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { drained.stdout = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { drained.stderr = errors.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) {
            // A child that exits without reading all of its input closes the pipe: the
            // write error is no concern of the test.
            try? input.fileHandleForWriting.write(contentsOf: Data((stdin ?? "").utf8))
            try? input.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: drained.stdout, as: UTF8.self),
                       stderr: String(decoding: drained.stderr, as: UTF8.self))
    }

    /// `python3 SCRIPT ARGUMENTS…`, found on the PATH.
    public static func python(_ script: String, _ arguments: [String] = [], stdin: String? = nil) throws -> Outcome {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script] + arguments, stdin: stdin)
    }

    /// What the reading threads collected; each field is written by one thread and
    /// read after both have finished.
    private final class DrainedPipes: @unchecked Sendable {
        var stdout = Data()
        var stderr = Data()
    }
}
