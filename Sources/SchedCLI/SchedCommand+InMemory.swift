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
    /// without spawning it. Safe to call from several tasks at once.
    ///
    /// The run's tasks go to threads of its own (`RunExecutor`), not to the
    /// cooperative pool of the caller, so that it gets the processor time a process
    /// would: with two pool threads busy with other work, a command's concurrent
    /// lint would otherwise wait in line, and its wall-clock time budgets
    /// (`--deadline`) would measure the wait instead of the work.
    public static func run(_ arguments: [String], stdin: String = "") async -> Transcript {
        let output = CapturedText(), errors = CapturedText()
        let status = await withTaskExecutorPreference(RunExecutor()) {
            await run(arguments, io: .captured(stdin: stdin, output: output, errors: errors))
        }
        return Transcript(status: status.rawValue, stdout: output.text, stderr: errors.text)
    }
}

/// Runs the jobs of one in-memory run on Dispatch's threads, which the system
/// schedules alongside every other thread, as it would a process's.
final class RunExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "sched.run", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
