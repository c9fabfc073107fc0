import Foundation
import Testing

/// The standalone output of `sched latex` compiles with pdflatex -halt-on-error.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: PDFLaTeX.path), "pdflatex is not installed (make test installs it)"))
struct LaTeXDocumentCompileTests {
    func compile(_ arguments: [String], name: String) throws -> PDFLaTeX.Outcome {
        let r = Sched.run(["latex"] + arguments + ["--standalone"])
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

    /// A fragment compiles when \input into a document whose preamble has exactly the
    /// packages listed in the fragment's head comment.
    @Test func fragmentWithItsListedPackages() throws {
        let r = Sched.run(["latex"] + exampleFiles + ["--table", "--plot", "rho"])
        #expect(r.status == 0, "\(r.stderr)")
        let packages = r.stdout.split(separator: "\n").filter { $0.hasPrefix("%   \\") }.map { String($0.dropFirst(4)) }
        #expect(packages.contains("\\usepackage{booktabs}") && packages.contains("\\usepackage{pgfplots}"))
        let document = "\\documentclass{article}\n\\usepackage[a4paper,landscape,margin=2cm]{geometry}\n" + packages.joined(separator: "\n")
            + "\n\\begin{document}\n" + r.stdout + "\n\\end{document}\n"
        let outcome = try PDFLaTeX.compile(document, name: "fragment")
        #expect(outcome.status == 0 && outcome.errors.isEmpty, "\(outcome.errors)")
    }
}
