import Foundation

/// Where a command reads its input and writes its output: the process's own streams
/// (`CommandIO.standard`, what the `sched` binary uses) or strings held in memory
/// (`CommandIO.captured(stdin:output:errors:)`, so that tests run commands concurrently in one
/// process). No command touches `print`, `FileHandle.standard…`, `readLine` or
/// `isatty` directly; everything goes through the value passed to `run(io:)`.
public struct CommandIO: Sendable {
    /// Standard input.
    public var input: any CommandInput
    /// Standard output.
    public var output: any TextSink
    /// Standard error.
    public var errors: any TextSink
    /// Which of the three streams are terminals (colour, the REPL's interactive mode).
    public var terminal: TerminalStreams
    /// The environment variables a command consults (`NO_COLOR`, `XDG_STATE_HOME`, `HOME`).
    public var environment: [String: String]
    /// The width that help text is wrapped to; nil: the terminal's width (80 when it
    /// has none), as the argument parser finds it.
    public var helpColumns: Int?
    /// True when `input` is the process's own standard input, which the line editor
    /// of `sched repl` reads through libedit.
    public var readsProcessInput: Bool

    public init(input: any CommandInput, output: any TextSink, errors: any TextSink, terminal: TerminalStreams,
                environment: [String: String], helpColumns: Int?, readsProcessInput: Bool) {
        self.input = input
        self.output = output
        self.errors = errors
        self.terminal = terminal
        self.environment = environment
        self.helpColumns = helpColumns
        self.readsProcessInput = readsProcessInput
    }

    /// The process's standard streams and environment.
    public static var standard: CommandIO {
        CommandIO(input: StandardInput(), output: StandardOutput(), errors: StandardErrorOutput(),
                  terminal: TerminalStreams(input: isatty(STDIN_FILENO) == 1, output: isatty(STDOUT_FILENO) == 1,
                                            errors: isatty(STDERR_FILENO) == 1),
                  environment: ProcessInfo.processInfo.environment, helpColumns: nil, readsProcessInput: true)
    }

    /// `stdin` as standard input, output and errors collected in `output` and
    /// `errors`; no stream is a terminal, the environment is empty, help is 80 columns
    /// wide: what the binary does with pipes and `env -i`.
    public static func captured(stdin: String, output: CapturedText, errors: CapturedText) -> CommandIO {
        CommandIO(input: TextInput(stdin), output: output, errors: errors, terminal: TerminalStreams(),
                  environment: [:], helpColumns: 80, readsProcessInput: false)
    }
}

/// Which standard streams are connected to a terminal.
public struct TerminalStreams: Sendable, Equatable {
    public var input = false
    public var output = false
    public var errors = false

    public init(input: Bool = false, output: Bool = false, errors: Bool = false) {
        self.input = input
        self.output = output
        self.errors = errors
    }
}

/// A destination for text (standard output or standard error).
public protocol TextSink: Sendable {
    func write(_ text: String)
}

extension TextSink {
    /// Writes `text` and a newline, as `print` does.
    func writeLine(_ text: String) { write(text + "\n") }
}

/// A source of input text (standard input).
public protocol CommandInput: Sendable {
    /// Everything left, as bytes.
    func readAll() -> [UInt8]
    /// The next line without its line break (`\n` or `\r\n`); nil at the end.
    func readLine() -> String?
}

/// Text written to memory, safe to write from several threads.
public final class CapturedText: TextSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""

    public init() {}

    public func write(_ text: String) {
        lock.lock()
        storage += text
        lock.unlock()
    }

    /// Everything written so far.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Input from a string held in memory, read once from the front.
public final class TextInput: CommandInput, @unchecked Sendable {
    private let lock = NSLock()
    private let bytes: [UInt8]
    private var position = 0

    public init(_ text: String) { bytes = Array(text.utf8) }

    public func readAll() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let rest = Array(bytes[position...])
        position = bytes.count
        return rest
    }

    public func readLine() -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard position < bytes.count else { return nil }
        let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        var line = bytes[position..<end]
        if end < bytes.count, line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        position = min(end + 1, bytes.count)
        return String(decoding: line, as: UTF8.self)
    }
}

/// The process's standard output, buffered as `print` buffers it.
struct StandardOutput: TextSink {
    func write(_ text: String) { print(text, terminator: "") }
}

/// The process's standard error; standard output is flushed first, so that on a
/// shared terminal an error appears after the output that preceded it.
struct StandardErrorOutput: TextSink {
    func write(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The process's standard input.
struct StandardInput: CommandInput {
    func readAll() -> [UInt8] { Array(FileHandle.standardInput.readDataToEndOfFile()) }
    func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

extension CommandIO {
    /// The running command's streams, for the few helpers deep below a command that
    /// warn without an `io` parameter (the parse warnings of a `--param` value, such as
    /// `np.exp` read as `exp`). Set by `SchedCommand.run(_:io:)` for the whole run.
    @TaskLocal public static var current: CommandIO = .standard
}
