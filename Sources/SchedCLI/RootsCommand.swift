import ArgumentParser
import Exact
import Schedules
import Foundation

/// `sched roots`: certified real roots of a polynomial given by its coefficients.
///
/// The polynomial expression syntax of `sched simplify` will replace the coefficient
/// list once the expression language lands; the output format stays.
struct RootsCommand: SchedSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "roots",
        abstract: "Certified real roots of a polynomial with rational coefficients.",
        discussion: """
        Every real root in the interval is listed once, in increasing order, with its \
        multiplicity: rational roots exactly, irrational ones as an open interval with \
        rational ends that provably holds exactly one root of the given minimal polynomial.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Coefficients from the highest power down, separated by spaces or commas, exact (3, -1/2, 0.25, 1e-12): '2 -1 -4 2' is 2x^3 - x^2 - 4x + 2.", valueName: "coefficients"))
    var coefficientList: String

    var coefficients: [String] {
        coefficientList.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
    }

    @Option(name: .customLong("in"), help: ArgumentHelp("Interval: '[0, 2]', '(0, 1/2]', '(-inf, inf)'.", valueName: "interval"))
    var interval: String = "(-inf, inf)"

    /// The most significant digits printed for a root.
    static let maximumDigits = 1000

    @Option(help: ArgumentHelp("Significant digits of the decimal approximations (1-1000).", valueName: "n"))
    var digits: Int = 15

    @Option(help: ArgumentHelp("Refine each isolating interval to width at most 2^-bits (0: as isolated).", valueName: "bits"))
    var refine: Int = 0

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        guard !coefficients.isEmpty else { throw ValidationError("give the coefficients, highest power first") }
        guard (1...Self.maximumDigits).contains(digits) else {
            throw ValidationError("--digits must be between 1 and \(Self.maximumDigits), the most digits the root refinement delivers")
        }
        guard (0...100_000).contains(refine) else { throw ValidationError("--refine must be between 0 and 100000") }
    }

    func run(io: CommandIO) throws {
        let values = try coefficients.map { text -> Rational in
            do { return try Rational(parsing: text) } catch {
                throw SchedInputError("coefficient '\(text)': \(error)")
            }
        }
        let p = Polynomial(coefficients: Array(values.reversed()))
        let domain: RealInterval
        do { domain = try RealInterval(parsing: interval) } catch {
            throw SchedInputError("interval '\(interval)' is not of the form [a, b], (a, b], [a, inf) …")
        }
        var roots = try Deadline.forQuantity { () throws(RootIsolationError) in try p.realRoots(in: domain) }
        if refine > 0 {
            roots = roots.map { r in
                guard let e = r.enclosure else { return r }
                return RealRoot(value: .algebraic(e.refined(bits: refine)), multiplicity: r.multiplicity)
            }
        }
        switch format {
        case .text: io.output.write(RootsReport.text(polynomial: p, domain: domain, roots: roots, digits: digits))
        case .json: io.output.writeLine(RootsReport.json(polynomial: p, domain: domain, roots: roots, digits: digits))
        }
    }
}

/// Renders a root list for people (text) and for programs (JSON).
enum RootsReport {
    static func text(polynomial p: Polynomial, domain: RealInterval, roots: [RealRoot], digits: Int) -> String {
        var out = "p(x) = \(p.description(variable: "x"))\n"
        let plural = roots.count == 1 ? "root" : "roots"
        out += "\(roots.count) distinct real \(plural) in \(domain) (complete: every root is listed)\n"
        for r in roots {
            let m = r.multiplicity > 1 ? ", multiplicity \(r.multiplicity)" : ""
            switch r.value {
            case .rational(let q):
                out += "  x = \(q)  (exact\(m))\n"
            case .algebraic(let e):
                out += "  x ≈ \(e.decimalApproximation(significantDigits: digits))  "
                out += "(the only root of \(e.minimalPolynomial.description(variable: "x")) in (\(e.lower), \(e.upper))\(m))\n"
            }
        }
        return out
    }

    static func json(polynomial p: Polynomial, domain: RealInterval, roots: [RealRoot], digits: Int) -> String {
        let items = roots.map { r -> JSONValue in
            switch r.value {
            case .rational(let q):
                return .object([("exact", .string(q.description)), ("multiplicity", .int(r.multiplicity)),
                                ("approx", .string(q.decimalString(significantDigits: digits)))])
            case .algebraic(let e):
                return .object([("lower", .string(e.lower.description)), ("upper", .string(e.upper.description)),
                                ("minimal_polynomial", .string(e.minimalPolynomial.description(variable: "x"))),
                                ("multiplicity", .int(r.multiplicity)),
                                ("approx", .string(e.decimalApproximation(significantDigits: digits)))])
            }
        }
        let report: JSONValue = .object([("polynomial", .string(p.description(variable: "x"))), ("interval", .string(domain.description)),
                                         ("complete", .bool(true)), ("roots", .array(items))])
        return report.serialized(indent: nil)
    }

}
