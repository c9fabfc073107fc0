import Foundation

/// A schedule block pasted into the REPL, header and closing brace included: the
/// header `schedule NAME ["title"] {` switches to schedule NAME (a new one if it is
/// not in the session, as `:use NAME`), the statements then go to it as if typed,
/// and the `}` says the block ended. A whole file is better loaded with `:load FILE`.
extension ReplSession {
    /// The schedule name of a pasted header line (already trimmed), if it is one.
    static func pastedHeaderName(_ trimmed: String) -> String? {
        guard trimmed.hasPrefix("schedule "), trimmed.hasSuffix("{") else { return nil }
        let rest = trimmed.dropFirst("schedule ".count).drop { $0.isWhitespace }
        let name = rest.prefix { !$0.isWhitespace && $0 != "{" && $0 != "\"" }
        return name.isEmpty ? nil : String(name)
    }

    /// Runs a pasted header or closing brace; nil for any other line.
    mutating func pastedBlockLine(_ trimmed: String) throws -> String? {
        if trimmed == "}" { return "end of schedule \(schedule.name)" }
        guard let name = Self.pastedHeaderName(trimmed) else { return nil }
        return try command(":use \(name)") + "\n(the statements that follow go to '\(name)'; ':load FILE' reads a whole file)"
    }
}
