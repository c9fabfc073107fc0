import Foundation
import SchedCLI
import SchedTestHarness
import Testing

/// The package root, for the bundled examples and the golden files.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let exampleFiles = ["examples/ddpm.sched", "examples/edm.sched", "examples/flows.sched"]

/// Runs `sched` in process as the binary runs from the package root: the paths
/// `examples/…` are opened under the package root and printed as given (the golden
/// files show them so), whatever the test process's working directory.
enum Sched {
    static func run(_ arguments: [String]) -> SchedCommand.Transcript {
        let root = packageRoot.path + "/"
        var transcript = SchedCommand.run(arguments.map { $0.hasPrefix("examples/") ? root + $0 : $0 })
        transcript.stdout = transcript.stdout.replacingOccurrences(of: root, with: "")
        transcript.stderr = transcript.stderr.replacingOccurrences(of: root, with: "")
        return transcript
    }
}

/// pdflatex on a document in a fresh directory: its exit status and log.
enum PDFLaTeX {
    static let path = "/usr/bin/pdflatex"

    struct Outcome {
        var status: Int32
        var log: String
        var directory: URL

        /// The lines of the log that start with "!" (TeX errors).
        var errors: [String] { log.split(separator: "\n").filter { $0.hasPrefix("!") }.map(String.init) }

        /// The widths in pt of every "Overfull \hbox (Xpt too wide)".
        var overfullWidths: [Double] {
            log.split(separator: "\n").compactMap { line -> Double? in
                guard let open = line.range(of: "Overfull \\hbox ("), let pt = line.range(of: "pt too wide") else { return nil }
                return Double(line[open.upperBound..<pt.lowerBound])
            }
        }
    }

    static func compile(_ document: String, name: String) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sched-latex-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(document.utf8).write(to: directory.appendingPathComponent("\(name).tex"))
        let run = try Subprocess.run(URL(fileURLWithPath: path), ["-halt-on-error", "-interaction=nonstopmode", "\(name).tex"], in: directory)
        let log = (try? String(contentsOf: directory.appendingPathComponent("\(name).log"), encoding: .isoLatin1)) ?? ""
        return Outcome(status: run.status, log: log, directory: directory)
    }
}
