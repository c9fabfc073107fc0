import Exact
import Schedules
import Symbolic

/// The time value of `sched eval --at`: `1/2`, or `t=1/2` naming the time variable
/// (the form `simplify --at` uses), which must then be the schedule's.
///
/// The quantities of a schedule are defined on its domain only, so a time outside
/// it is a command-line error (status 2) naming the domain, unless
/// `--allow-outside` asks for the value anyway, which is then printed after a
/// warning. A time not proven to lie in the domain is treated as outside.
enum TimeValueArgument {
    /// `t=1/2` → (`t`, `1/2`); `1/2` → (nil, `1/2`). A `=` is never part of an expression.
    static func split(_ argument: String) -> (name: String?, value: String) {
        guard let eq = argument.firstIndex(of: "=") else { return (nil, argument) }
        let written = argument[..<eq].trimmingCharacters(in: .whitespaces)
        return (NameSpelling.canonical(written) ?? written, String(argument[argument.index(after: eq)...]))
    }

    static func check(_ point: CanonicalForm, written: String, named name: String?, in schedule: Schedule,
                      allowOutside: Bool, io: CommandIO) throws {
        let time = schedule.time
        if let name, name != time.name {
            throw SchedUsageError(message: "--at \(name)=\(written): the time variable of schedule '\(schedule.name)' is '\(time.name)'")
        }
        let membership = time.contains(point, assuming: schedule.assumptions)
        guard membership != .inside else { return }
        let value = printASCII(point.expression)
        let where_ = membership == .outside ? "is outside" : "could not be proven to lie in"
        let message = "--at \(value): \(time.name) = \(value) \(where_) the domain \(time.text) of schedule '\(schedule.name)'"
        guard allowOutside else {
            throw SchedUsageError(message: message + "; pass --allow-outside to evaluate there anyway")
        }
        io.errors.writeLine("warning: " + message + ": the formulas are evaluated there as written")
    }
}
