import Foundation
import SchedTestHarness
import Testing
@testable import Symbolic

/// printASCII output is meant for other tools too: SymPy must read every printed
/// expression once `^` is spelled `**`. SymPy is a required test dependency (the
/// test fails, rather than skips, when python3 or sympy is missing).
@Suite(.tags(.oracle)) struct SymPyReadsPrintedOracleTests {
    /// Every variable name in `e`, including those `diff` differentiates by.
    static func names(_ e: Expr, into set: inout Set<String>) {
        switch e.kind {
        case .number, .pi: break
        case .variable(let name): set.insert(name)
        case .negation(let x), .function(_, let x): names(x, into: &set)
        case .application(let name, let x):
            set.insert(name)
            names(x, into: &set)
        case .binary(_, let l, let r):
            names(l, into: &set)
            names(r, into: &set)
        case .derivative(let x, let v):
            set.insert(v)
            names(x, into: &set)
        }
    }

    /// Each line: the printed expression (with `**`), a tab, the names it uses. SymPy
    /// gets the names as a symbol table, because several (E, I, N, S, O, Q, beta,
    /// gamma, zeta) would otherwise mean SymPy's own objects.
    static let script = #"""
import sys
from sympy import Symbol, sympify
count = 0
failures = []
for line in open(sys.argv[1], encoding="utf-8"):
    text, names = line.rstrip("\n").split("\t")
    table = {n: Symbol(n) for n in names.split(",") if n}
    try:
        value = sympify(text, locals=table, rational=True, evaluate=False)
        if value is None:
            raise ValueError("no value")
        count += 1
    except Exception as error:
        failures.append(f"{text}: {type(error).__name__}: {error}")
print(count)
for failure in failures[:20]:
    print(failure)
sys.exit(1 if failures else 0)
"""#

    @Test func sympyReadsPrintedExpressions() throws {
        var trees: [Expr] = try GrammarExampleTests.section("EXAMPLES", separator: "==>").map { try parse($0.input) }
        var generator = RandomExpressions(seed: 0x5E_1A1C)
        for _ in 0..<200 { trees.append(generator.expression(depth: 5)) }

        var lines = ""
        for e in trees {
            var set = Set<String>()
            Self.names(e, into: &set)
            let text = printASCII(e).replacingOccurrences(of: "^", with: "**")
            lines += text + "\t" + set.sorted().joined(separator: ",") + "\n"
        }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("sched-sympy-\(UUID().uuidString).txt")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try Subprocess.python("-c", [Self.script, file.path])
        let text = run.stdout + run.stderr
        #expect(run.status == 0, "\(text)")
        #expect(text.hasPrefix("\(trees.count)\n"), "\(text)")
        #expect(trees.count >= 250)
    }
}
