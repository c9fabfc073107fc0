import Foundation
import SchedTestHarness
import Testing
@testable import Symbolic

/// The LaTeX printer's output must compile: every expression of the printer tests and
/// 300 random trees (with rationals only code can build, and every awkward name of
/// `RandomExpressions`), in both styles, go into one document for pdflatex.
///
/// pdflatex (Debian's texlive-latex-base) is installed by `make test`, so a missing
/// pdflatex is a failure, not a skip.
@Suite struct LaTeXCompileTests {
    static func expressions() -> [Expr] {
        var all = (UnicodePrinterTests.parsedCases + UnicodePrinterTests.builtCases
            + LaTeXPrinterTests.parsedCases + LaTeXPrinterTests.builtCases + LaTeXPrinterTests.inlineCases)
            .map(\.expression)
        var generator = PrinterTreeGenerator(seed: 0x5EED_0003, parserProducible: false)
        all += generator.expressions(300)
        return all
    }

    static func document(_ expressions: [Expr]) -> String {
        var body = ""
        for e in expressions {
            body += "$" + printLaTeX(e) + "$\n\n"
            body += "$" + printLaTeX(e, style: .inline) + "$\n\n"
            body += "\\[" + printLaTeX(e) + "\\]\n\n"
        }
        return """
            \\documentclass{article}
            \\usepackage{amsmath}
            \\begin{document}
            \(body)\\end{document}

            """
    }

    @Test func everyPrintedExpressionCompiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sched-latex-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let expressions = Self.expressions()
        #expect(expressions.count >= 400)
        try Self.document(expressions).write(to: directory.appendingPathComponent("printed.tex"), atomically: true, encoding: .utf8)

        let run = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "printed.tex"],
                                     in: directory)

        let log = (try? String(contentsOf: directory.appendingPathComponent("printed.log"), encoding: .utf8)) ?? ""
        let errors = log.split(separator: "\n").filter {
            $0.hasPrefix("!") || $0.contains("Undefined control sequence") || $0.contains("Missing")
        }
        #expect(run.status == 0,
                "pdflatex exited with \(run.status) (127: not installed; `make test` installs texlive-latex-base)")
        #expect(!log.isEmpty, "pdflatex wrote no log")
        #expect(errors.isEmpty, "\(errors.prefix(10).joined(separator: "\n"))")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("printed.pdf").path))
    }
}
