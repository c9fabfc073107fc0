import Foundation
import SchedCLI
import SchedTestHarness

/// The package root, for the bundled examples and the golden files.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let exampleFiles = ["examples/ddpm.sched", "examples/edm.sched", "examples/flows.sched"]

/// `sched codegen …` in process, with `examples/…` opened under the package root and
/// printed as given.
func codegen(_ arguments: [String], stdin: String = "") -> SchedCommand.Transcript {
    let root = packageRoot.path + "/"
    var transcript = SchedCommand.run(["codegen"] + arguments.map { $0.hasPrefix("examples/") ? root + $0 : $0 }, stdin: stdin)
    transcript.stdout = transcript.stdout.replacingOccurrences(of: root, with: "")
    transcript.stderr = transcript.stderr.replacingOccurrences(of: root, with: "")
    return transcript
}

/// Writes a generated module to a fresh file and returns its path.
func writeModule(_ text: String, name: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sched-codegen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent("\(name).py")
    try Data(text.utf8).write(to: url)
    return url.path
}

/// `python3 -c PROGRAM` with the module's directory on sys.path.
func runPython(_ program: String, importing modulePath: String) throws -> Subprocess.Outcome {
    let directory = URL(fileURLWithPath: modulePath).deletingLastPathComponent().path
    return try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import sys; sys.path.insert(0, \(pythonLiteral(directory)))\n" + program])
}

func pythonLiteral(_ s: String) -> String { "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
