import Foundation

/// Writing `-o FILE` atomically: the text goes to a temporary file in the same
/// directory, which is renamed over FILE only once it is complete, so FILE is
/// either the whole new output or untouched (a failed run leaves nothing behind).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw SchedInputError("cannot write '\(path)'")
        }
        // rename(2) replaces the target in one step within a directory.
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw SchedInputError("cannot write '\(path)'")
        }
    }
}
