import ArgumentParser
import Exact
import Foundation
import Schedules
import Symbolic

/// Output styles shared by `sched simplify` and `sched diff`.
enum ExpressionFormat: String, ExpressibleByArgument, CaseIterable {
    case text, unicode, latex, json
}

/// Parsing, simplification and rendering shared by the expression commands.
enum ExpressionCommandSupport {
    static let inputName = "<expression>"

    /// Parses `text` or throws the formatted diagnostic as an input error.
    static func parse(_ text: String, name: String = inputName) throws -> Expr {
        let parsed = ExpressionParser.parse(text)
        guard let tree = parsed.expression else {
            let diagnostics = parsed.diagnostics.map { explainingQuantities($0, in: parsed.source) }
            throw SchedInputError(formatted: DiagnosticFormatter(fileName: name).format(parsed.warnings + diagnostics, in: parsed.source))
        }
        if !parsed.warnings.isEmpty {
            CommandIO.current.errors.writeLine(DiagnosticFormatter(fileName: name).format(parsed.warnings, in: parsed.source)
                .trimmingCharacters(in: .newlines))
        }
        return tree
    }

    /// `alpha(t)` on the command line: a quantity is a function of time only where
    /// a schedule defines it, which the note says.
    static func explainingQuantities(_ d: Diagnostic, in source: SourceText) -> Diagnostic {
        guard d.id == "not-a-function" else { return d }
        let bytes = source.bytes[d.range.start.offset..<d.range.end.offset]
        guard let name = NameSpelling.canonical(String(decoding: bytes, as: UTF8.self)),
              UnifiedModel.quantityNames.contains(name) else { return d }
        var explained = d
        explained.notes.append(Note("'\(name)' is a quantity of a schedule: apply it in a schedule file or in 'sched repl'"))
        return explained
    }

    /// The canonical form, or the formatted diagnostic as an input error.
    static func canonicalForm(of tree: Expr, source: String, simplifier: Simplifier, name: String = inputName) throws -> CanonicalForm {
        try reportingSimplificationErrors(source: source, name: name) { () throws(LocatedSimplificationError) in
            try simplifier.canonicalForm(of: tree)
        }
    }

    /// The canonical form and where the expression as written is defined, or the
    /// formatted diagnostic as an input error.
    static func definedForm(of tree: Expr, source: String, simplifier: Simplifier,
                            name: String = inputName) throws -> (form: CanonicalForm, definedness: Definedness) {
        try reportingSimplificationErrors(source: source, name: name) { () throws(LocatedSimplificationError) in
            try simplifier.definedForm(of: tree)
        }
    }

    /// `body`'s result, or its simplification error formatted against `source`.
    private static func reportingSimplificationErrors<T>(source: String, name: String,
                                                         _ body: () throws(LocatedSimplificationError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            let text = DiagnosticFormatter(fileName: name).format([error.diagnostic], in: SourceText(source))
            if case .timeBudgetExceeded = error.error {
                throw SchedTimeBudgetError(message: text.hasSuffix("\n") ? String(text.dropLast()) : text)
            }
            throw SchedInputError(formatted: text)
        }
    }

    static func render(_ e: Expr, _ format: ExpressionFormat) -> String {
        switch format {
        case .text, .json: return printASCII(e)
        case .unicode: return printUnicode(e)
        case .latex: return printLaTeX(e)
        }
    }

    static func json(_ object: [(String, Any?)]) -> String {
        JSONValue.object(object.map { key, value in
            switch value {
            case let s as String: return (key, .string(s))
            case let b as Bool: return (key, .bool(b))
            case let i as Int: return (key, .int(i))
            default: return (key, .null)
            }
        }).serialized(indent: nil)
    }
}

/// `--at NAME=VALUE`: a name bound to an expression.
struct Binding: ExpressibleByArgument {
    var name: String
    var valueText: String

    init?(argument: String) {
        guard let eq = argument.firstIndex(of: "=") else { return nil }
        let written = String(argument[..<eq]).trimmingCharacters(in: .whitespaces)
        // `--at σ=1/2` binds the name `sigma`, as the expression parser spells it.
        name = NameSpelling.canonical(written) ?? written
        valueText = String(argument[argument.index(after: eq)...])
        guard !name.isEmpty, !valueText.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    }
}

/// A form's exact value and a rigorous decimal, once no free names are left.
struct ExactValue {
    /// The closed form; nil while free names remain.
    var exact: String?
    var value: String?
    var radius: String?

    init(form: CanonicalForm, digits: Int) {
        guard form.symbols.isEmpty else { return }
        exact = printASCII(form.expression)
        if let r = form.rationalValue {
            value = r.decimalString(significantDigits: digits)
            radius = "0"
            return
        }
        guard let result = form.value(at: [:], correctDigits: digits, maximumPrecision: Self.maximumPrecision) else { return }
        value = result.ball.decimalString(digits: result.digits)
        radius = result.ball.radius.map { $0.isZero ? "0" : $0.decimalString(significantDigits: 3) }
    }

    var json: [(String, Any?)] { [("exact", exact), ("value", value), ("radius", radius)] }

    /// The largest working precision of the decimal value, in bits.
    static let maximumPrecision = 1 << 16
    /// The most significant digits asked for: 10,000 digits need about 33,250 bits,
    /// which leaves the maximum precision room for one doubling against cancellation.
    static let maximumDigits = 10_000

    /// Throws the usage error for a `--digits` outside 1…`maximumDigits`.
    static func validate(digits: Int) throws {
        guard (1...maximumDigits).contains(digits) else {
            throw ValidationError("--digits must be between 1 and \(maximumDigits), the most that the working precision of \(maximumPrecision) bits delivers")
        }
    }
}
