import Foundation
import SchedTestHarness
import Testing
@testable import Symbolic

/// Cross-check of the LaTeX printer against SymPy's `latex()` (Tests/oracles/sympy_latex.py),
/// on the printer test expressions and a few more.
///
/// The two cannot agree everywhere: SymPy reorders terms and factors, folds `x^{-1}`
/// into `\frac{1}{x}` and `2^{3}` into 8 even unevaluated, writes floats as `1.0 \cdot
/// 10^{-30}`, and wraps function arguments as `{\left(x \right)}`. So outputs are
/// compared after a normalisation (whitespace removed, the braces around a function's
/// `\left(…\right)` dropped), agreement is required only for the expressions listed in
/// `mustAgree`, whose SymPy form does not depend on term order, and the overall rate is
/// reported.
@Suite(.tags(.oracle)) struct LaTeXSympyOracleTests {
    static let extraSources = [
        "sqrt(t)", "t^2 + 1", "1 - t", "alpha/sigma", "sigma_d^2 + t^2", "exp(-t^2/2)", "log(1 + t)",
        "atan(t/sigma_d)", "tanh(t/2)", "sigma^2 - 1",
    ]

    /// Expressions whose SymPy LaTeX equals ours after normalisation, in a form SymPy
    /// keeps whatever its term order (one term, or terms already in its order).
    static let mustAgree: Set<String> = [
        "cos(pi*t/2)", "sqrt(1 - alpha^2)", "sigma_d^2/(s^2 + sigma_d^2)", "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)",
        "-t^2", "(-t)^2", "2^3^2", "(2^3)^2", "exp(-t)", "exp(t)^2", "diff(cos(pi*t/2), t)", "diff(2*t, t)",
        "diff(sigma^2, sigma_d)", "x0", "eps", "epsilon", "sigma_alpha + x_alpha_2", "x__a^2", "2*3", "2*pi*t",
        "sigma_d*sin(t)", "log(t)^2", "a - (b - c)", "(t + 1)*(t - 1)", "t^(x + 1)", "sqrt(t)^2", "2.5e-40",
        "sqrt(t)", "t^2 + 1", "alpha/sigma", "0.5*t^0.5", "atan(t/sigma_d)", "tanh(t/2)",
    ]

    static func normalized(_ latex: String) -> String {
        latex.filter { !$0.isWhitespace }
            .replacingOccurrences(of: "{\\left(", with: "\\left(")
            .replacingOccurrences(of: "\\right)}", with: "\\right)")
    }

    static func sympyLaTeX(_ sources: [String]) throws -> [String] {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("oracles/sympy_latex.py")
        let input = try sources.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        let run = try Subprocess.python(script.path, stdin: input)
        #expect(run.status == 0, "the SymPy oracle failed; python3 with sympy is required: \(run.stderr.suffix(2000))")
        return try run.stdout.split(separator: "\n")
            .map { try JSONDecoder().decode(String.self, from: Data($0.utf8)) }
    }

    @Test func agreesWithSympy() throws {
        let expressions = LaTeXPrinterTests.parsedCases.map(\.expression)
            + (try Self.extraSources.map { try Expr(parsing: $0) })
        let sources = expressions.map(printASCII)
        #expect(sources.count >= 50)
        #expect(Self.mustAgree.isSubset(of: Set(sources)), "\(Self.mustAgree.subtracting(sources))")
        let theirs = try Self.sympyLaTeX(sources)
        try #require(theirs.count == sources.count)
        var agreed = 0
        for (e, (source, sympy)) in zip(expressions, zip(sources, theirs)) {
            let ours = printLaTeX(e)
            let same = Self.normalized(ours) == Self.normalized(sympy)
            if same { agreed += 1 }
            if Self.mustAgree.contains(source) {
                #expect(same, "\(source): sched \(ours), SymPy \(sympy)")
            }
            print("[sympy-latex] \(same ? "same" : "diff") \(source)\n    sched: \(ours)\n    sympy: \(sympy)")
        }
        print("[sympy-latex] agreement: \(agreed) of \(sources.count)")
        #expect(agreed >= Self.mustAgree.count)
    }
}
