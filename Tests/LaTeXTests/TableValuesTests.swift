import Foundation
@testable import LaTeX
import Symbolic
import Testing

/// The cells of `sched latex --table` are the values of `sched analyze --format json`
/// for the same files: each JSON expression, parsed and printed in text style, is the
/// cell's source.
@Suite struct TableValuesTests {
    /// The rows of the emitted table by schedule name, as cells.
    static func rows(_ table: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() where line.hasPrefix("    % ") && i + 1 < lines.count {
            let name = String(line.dropFirst(6))
            var row = lines[i + 1].trimmingCharacters(in: .whitespaces)
            if row.hasSuffix(" \\\\") { row.removeLast(3) }
            // A target set on two lines is one cell.
            row = row.replacingOccurrences(of: "\\begin{array}[t]{@{}l@{}} ", with: "")
                .replacingOccurrences(of: " \\\\ {} ", with: " ")
                .replacingOccurrences(of: " \\end{array}", with: "")
            out[name] = row.components(separatedBy: " & ")
        }
        return out
    }

    static func cell(_ ascii: String?) -> String {
        guard let ascii else { return "\\text{---}" }
        let e = ExpressionParser.parse(ascii).expression!
        return printLaTeX(LaTeXText.presentable(e), style: .inline)
    }

    @Test(arguments: exampleFiles)
    func cellsAreTheAnalysisValues(file: String) throws {
        let analysis = Sched.run(["analyze", file, "--format", "json"])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [String: Any])
        let schedules = try #require(json["schedules"] as? [[String: Any]])
        let latex = Sched.run(["latex", file, "--table"])
        #expect(latex.status == 0, "\(latex.stderr)")
        let rows = Self.rows(latex.stdout)
        #expect(rows.count == schedules.count)
        for s in schedules {
            let name = try #require(s["name"] as? String)
            let cells = try #require(rows[name], "no row for \(name)")
            try #require(cells.count == 7, "\(name): \(cells)")
            let title = (s["title"] as? String) ?? name
            #expect(cells[0].hasPrefix(LaTeXText.escape(title)), "\(name) model cell: \(cells[0])")
            #expect(cells[1] == Self.cell(s["alpha"] as? String), "\(name) α")
            #expect(cells[2] == Self.cell(s["sigma"] as? String), "\(name) σ")
            #expect(cells[4] == Self.cell(s["det"] as? String), "\(name) det A")
            #expect(cells[5] == Self.cell(s["rho"] as? String), "\(name) ρ")
            #expect(cells[6] == Self.cell(s["amp_x0"] as? String), "\(name) σ/det A")
            // The target c·x0 + d·ε: each nonzero coefficient's magnitude next to its symbol.
            for (key, symbol) in [("c", "\\xzero"), ("d", "\\noise")] {
                let ascii = try #require(s[key] as? String)
                let e = LaTeXText.presentable(ExpressionParser.parse(ascii).expression!)
                if ascii == "0" {
                    #expect(!cells[3].contains(symbol), "\(name) target: \(cells[3])")
                    continue
                }
                let magnitude = LaTeXText.split(e).magnitude
                let expected = ["1", "- 1", "-1"].contains(printLaTeX(e)) ? symbol
                    : printLaTeX(.binary(.multiply, magnitude, .variable("QQ")), style: .inline).replacingOccurrences(of: "QQ", with: symbol)
                #expect(cells[3].contains(expected), "\(name) target \(key): \(cells[3]) lacks \(expected)")
            }
        }
    }

    @Test func citationKeys() {
        #expect(LaTeXText.citationKey("Ho, Jain, Abbeel. Denoising diffusion probabilistic models. 2020") == "ho2020denoising")
        #expect(LaTeXText.citationKey("Lu, Song. Simplifying, stabilizing and scaling continuous-time consistency models. 2024") == "lu2024simplifying")
        #expect(LaTeXText.citationKey("an unpublished note") == nil)
    }

    @Test func titlesAreEscaped() {
        #expect(LaTeXText.escape("EDM target, data variance 1 ≠ σ_data²") == "EDM target, data variance 1 $\\neq$ $\\sigma$\\_data$^{2}$")
        #expect(LaTeXText.escape("50% & #1") == "50\\% \\& \\#1")
    }
}
