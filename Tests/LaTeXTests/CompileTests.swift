import Foundation
import Testing

/// The standalone output of `sched latex` compiles with pdflatex -halt-on-error.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: PDFLaTeX.path), "pdflatex is not installed (make test installs it)"))
struct LaTeXDocumentCompileTests {
    func compile(_ arguments: [String], name: String) throws -> PDFLaTeX.Outcome {
        let r = try Sched.run(["latex"] + arguments + ["--standalone"])
        #expect(r.status == 0, "\(r.stderr)")
        let outcome = try PDFLaTeX.compile(r.stdout, name: name)
        #expect(outcome.status == 0, "pdflatex failed: \(outcome.errors.joined(separator: "\n"))")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        return outcome
    }

    @Test(arguments: exampleFiles)
    func derivationOfEveryExample(file: String) throws {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let outcome = try compile([file], name: "derivation-\(name)")
        #expect(outcome.overfullWidths.allSatisfy { $0 <= 10 }, "overfull boxes: \(outcome.overfullWidths)")
    }

    @Test func tableOfAllExamples() throws {
        let outcome = try compile(exampleFiles + ["--table"], name: "table")
        #expect(outcome.overfullWidths.allSatisfy { $0 <= 10 }, "overfull boxes in the table: \(outcome.overfullWidths)")
    }

    @Test(arguments: ["rho", "det,rho"])
    func plotOfAllExamples(quantities: String) throws {
        _ = try compile(exampleFiles + ["--plot", quantities], name: "plot-\(quantities.replacingOccurrences(of: ",", with: "-"))")
    }
}
