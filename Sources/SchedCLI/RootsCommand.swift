import ArgumentParser
import Exact

/// `sched roots`: certified real roots of a polynomial given by its coefficients.
struct RootsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roots",
        abstract: "Certified real roots of a polynomial with rational coefficients."
    )

    @Argument(parsing: .allUnrecognized, help: "Coefficients from the highest power down, e.g. 2 -1 -4 2 for 2x^3 - x^2 - 4x + 2.")
    var coefficients: [String]

    @Option(name: .customLong("in"), help: "Interval, e.g. '[0, 2]', '(0, 1/2]', '(-inf, inf)'.")
    var interval: String = "(-inf, inf)"

    func run() throws {
        let values = try coefficients.map { try Rational(parsing: $0) }
        let p = Polynomial(coefficients: Array(values.reversed()))
        let domain = try RealInterval(parsing: interval)
        let roots = try p.realRoots(in: domain)
        print("p(x) = \(p.description(variable: "x")) on \(domain): \(roots.count) distinct real root(s)")
        for r in roots { print("  \(r)") }
    }
}
