import ArgumentParser
import Foundation
import Schedules

/// `sched zoo`: the bundled example schedules, compiled into the binary.
struct ZooCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "zoo",
        abstract: "List the bundled example schedules, or print one as .sched source."
    )

    @Argument(help: ArgumentHelp("A schedule or file name (without .sched) to print.", valueName: "name"))
    var name: String?

    func run(io: CommandIO) throws {
        let files = BundledExamples.files.map { ($0.name, ScheduleFile(parsing: $0.source, path: "examples/\($0.name)")) }
        guard let name else {
            for (fileName, file) in files {
                io.output.writeLine("\(fileName):")
                for s in file.schedules {
                    io.output.writeLine("  \(s.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(s.title ?? "")")
                }
            }
            return
        }
        if let (_, source) = BundledExamples.files.first(where: { $0.name == name || $0.name == name + ".sched" }) {
            io.output.write(source)
            return
        }
        for (fileName, file) in files {
            guard let s = file.schedule(named: name),
                  let source = BundledExamples.files.first(where: { $0.name == fileName })?.source else { continue }
            io.output.write(ZooCommand.block(of: s, in: source))
            return
        }
        let known = files.flatMap { $0.1.schedules.map(\.name) }
        throw SchedInputError("no bundled example named '\(name)'; try one of: \(known.joined(separator: ", "))")
    }

    /// The text of one schedule block, with the comment lines just above it.
    static func block(of schedule: Schedule, in source: String) -> String {
        let lines = source.components(separatedBy: "\n")
        let header = schedule.range.start.line - 1
        var first = header
        while first > 0, lines[first - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") { first -= 1 }
        var last = header
        while last < lines.count - 1, lines[last].trimmingCharacters(in: .whitespaces) != "}" { last += 1 }
        return lines[first...last].joined(separator: "\n") + "\n"
    }
}
