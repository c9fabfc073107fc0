import Foundation
import Testing

/// The package root, for the bundled examples and the golden files.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let exampleFiles = ["examples/ddpm.sched", "examples/edm.sched", "examples/flows.sched"]

/// Runs the built `sched` binary from the package root (so that paths in the output
/// are the relative ones given).
enum Sched {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sched")
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-halt-on-error", "-interaction=nonstopmode", "\(name).tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: directory.appendingPathComponent("\(name).log"), encoding: .isoLatin1)) ?? ""
        return Outcome(status: process.terminationStatus, log: log, directory: directory)
    }
}
