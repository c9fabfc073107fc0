import Dispatch

extension SchedCommand {
    /// What one run in memory wrote and returned (`run(_:stdin:)`).
    public struct Transcript: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `sched ARGUMENTS` in this process with `stdin` as standard input and
    /// returns the exit status and both outputs: what the binary prints with pipes,
    /// without spawning it. Safe to call from several threads at once.
    ///
    /// The caller waits, as it would for a process: the run's tasks go to a thread of
    /// their own (`RunExecutor`), never to the cooperative pool that the caller may be
    /// blocking, so the wait cannot deadlock; and as a test waiting for a process, a
    /// waiting caller frees no pool thread to start yet more work, so that the run's
    /// wall-clock time budgets (`--deadline`) measure its work, not a crowd.
    public static func run(_ arguments: [String], stdin: String = "") -> Transcript {
        let output = CapturedText(), errors = CapturedText()
        let finished = FinishedRun()
        Task(executorPreference: RunExecutor()) {
            finished.status = await run(arguments, io: .captured(stdin: stdin, output: output, errors: errors))
            finished.done.signal()
        }
        finished.done.wait()
        return Transcript(status: finished.status.rawValue, stdout: output.text, stderr: errors.text)
    }

    /// The status of a run, written by its task before it signals `done`.
    private final class FinishedRun: @unchecked Sendable {
        var status = Status.success
        let done = DispatchSemaphore(value: 0)
    }
}

/// Runs the jobs of one in-memory run, one at a time, on a thread of their own,
/// which the system schedules alongside every other thread as it would a process's.
/// A serial Dispatch queue gets a thread even when others are busy (it targets the
/// overcommitting root queue); a concurrent one would share a pool as wide as the
/// processor count with every other run and wait in line.
final class RunExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "sched.run")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
