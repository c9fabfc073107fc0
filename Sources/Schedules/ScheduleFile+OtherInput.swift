import Symbolic

extension ScheduleFile {
    /// The commands that read discrete-time schedules and diffusers configs.
    public static let discreteCommands = "`sched lint`, `analyze`, `eval`, `latex` and `import`"

    /// A diffusers scheduler config or a discrete-time schedule given to a command
    /// that takes continuous-time schedules: the file with one error saying what it
    /// is and which commands read it (instead of a parse error on every line). nil
    /// for a continuous-time schedule file.
    static func otherInput(_ bytes: [UInt8], path: String) -> ScheduleFile? {
        let message: String
        let marker: String
        if DiffusersImport.isConfig(bytes) {
            marker = "\"_class_name\""
            message = "this is a diffusers scheduler config: this command takes continuous-time schedule files (\(discreteCommands) read configs; `sched import` prints it as a .sched file)"
        } else if DiscreteScheduleFile.isDiscrete(bytes) {
            marker = "step"
            message = "this is a discrete-time schedule (a `step` statement): this command takes continuous-time schedules (\(discreteCommands) read discrete ones)"
        } else {
            return nil
        }
        let location = firstLocation(of: Array(marker.utf8), in: bytes, atLineStart: marker == "step")
        let range = SourceRange(start: location, end: SourceLocation(line: location.line, column: location.column + marker.utf8.count,
                                                                     offset: location.offset + marker.utf8.count))
        let diagnostic = Diagnostic(DiscreteDiagnostic("continuous-time-only", message), at: range)
        return ScheduleFile(path: path, source: SourceText(utf8: bytes), schedules: [], diagnostics: [diagnostic])
    }

    /// Where `needle` first occurs (as the first word of a line when `atLineStart`),
    /// or 1:1.
    static func firstLocation(of needle: [UInt8], in bytes: [UInt8], atLineStart: Bool) -> SourceLocation {
        var line = 1, lineStart = 0, i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if bytes[i..<(i + needle.count)].elementsEqual(needle),
                      !atLineStart || bytes[lineStart..<i].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                return SourceLocation(line: line, column: i - lineStart + 1, offset: i)
            }
            i += 1
        }
        return SourceLocation(line: 1, column: 1, offset: 0)
    }
}
