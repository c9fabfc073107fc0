import Exact
import Foundation
import Schedules
import Symbolic

/// Queries: an expression over the quantity names, the time variable, parameters and
/// lets (simplified), `Q at t = V` (exact value and decimal), `zeros(Q)` (certified
/// zero set on the domain).
extension ReplSession {
    static let quantityNames = UnifiedModel.quantityNames
    static let functionNames = FunctionRegistry.names + ["diff", "zeros"]
    static let vectorNames: Set<String> = ["x0", "eps", "epsilon", "x_t", "velocity"]

    /// Which statements each quantity needs.
    static func needs(_ name: String) -> (forward: Bool, target: Bool) {
        switch name {
        case "alpha", "sigma", "var_x", "snr", "logsnr": return (true, false)
        case "c", "d": return (false, true)
        case "data_variance": return (false, false)
        default: return (true, true)
        }
    }

    mutating func query(_ line: String) throws -> String {
        let text = line
        // zeros(Q)
        if let (inner, start) = Self.zerosArgument(text) {
            let (form, _, definedness) = try definedForm(of: inner, in: line, start: start)
            guard let model = schedule.model else { throw ReplFailure("incomplete", "no schedule", in: line) }
            return zeroSetText(model.unifiedModel.zerosAsWritten(form, definedness: definedness))
        }
        // Q at NAME = V
        if let atRange = Self.atKeyword(text) {
            let qText = String(text[..<atRange.lowerBound])
            let rest = String(text[atRange.upperBound...])
            guard let eq = rest.firstIndex(of: "=") else {
                throw ReplFailure("expected-binding", "expected 'NAME = VALUE' after 'at'", in: line,
                                  columns: LineText.column(of: atRange.upperBound, in: line)..<(text.unicodeScalars.count + 1))
            }
            let name = rest[..<eq].trimmingCharacters(in: [" ", "\t"])
            let valueStart = text.index(atRange.upperBound, offsetBy: rest.distance(from: rest.startIndex, to: eq) + 1)
            let nameColumn = LineText.column(of: atRange.upperBound, in: line)
            guard let model = schedule.model else { throw ReplFailure("incomplete", "no schedule", in: line) }
            let symbolic = Set(model.params.filter { $0.value == nil }.map(\.name))
            let canonicalName = NameSpelling.canonical(name) ?? name
            guard canonicalName == model.time.name || symbolic.contains(canonicalName) else {
                throw ReplFailure("bad-at-name", "'\(name)' is not the time variable '\(model.time.name)' or a symbolic parameter", in: line,
                                  columns: nameColumn..<(nameColumn + max(1, rest[..<eq].count)))
            }
            let (form, _, definedness) = try definedForm(of: qText, in: line, start: text.startIndex)
            let (value, valueExpr) = try canonicalForm(of: String(text[valueStart...]), in: line, start: valueStart)
            if !value.symbols.isEmpty {
                throw ReplFailure("non-constant", "the value must be a constant", in: line,
                                  columns: Self.columns(valueExpr.range, start: valueStart, in: line))
            }
            // No value where the expression as written is undefined.
            let all = canonicalName == model.time.name ? definedness.union(model.unifiedModel.coefficientDefinedness) : definedness
            switch all.holds(at: [canonicalName: value], assuming: model.assumptions) {
            case false?:
                throw ReplFailure("undefined-value", "\(qText.trimmingCharacters(in: [" "])) is undefined at \(canonicalName) = \(show(value))", in: line)
            case nil:
                throw ReplFailure("undefined-value", "whether \(qText.trimmingCharacters(in: [" "])) is defined at \(canonicalName) = \(show(value)) was not decided", in: line)
            case true?: break
            }
            let result: CanonicalForm
            do { result = try form.substituting([canonicalName: value], assuming: model.assumptions) } catch {
                throw ReplFailure("undefined-value", "\(qText.trimmingCharacters(in: [" "])) is undefined at \(canonicalName) = \(show(value)): \(error)", in: line)
            }
            return valueText(result)
        }
        let (form, _) = try canonicalForm(of: text, in: line, start: text.startIndex)
        return show(form)
    }

    /// An exact value and, unless it is an integer, a decimal of 20 correct digits.
    func valueText(_ f: CanonicalForm) -> String {
        let exact = show(f)
        guard f.symbols.isEmpty else { return exact }
        if let r = f.rationalValue {
            if r.denominator == 1 { return exact }
            return "\(exact) ≈ \(decimal(r.decimalString(significantDigits: 20)))"
        }
        guard let v = f.value(at: [:], correctDigits: 20) else { return exact }
        return "\(exact) ≈ \(decimal(v.ball.decimalString(digits: 20)))"
    }

    func decimal(_ text: String) -> String {
        style == .unicode && text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `{1/2}`, `{π/4 ≈ 0.785…}`, `{}`; with the reason when incomplete.
    func zeroSetText(_ z: ZeroSet) -> String {
        let t = schedule.model?.time.name ?? "t"
        if z.identicallyZero { return "identically 0 on the domain" }
        let items = ZeroSetSummary.text(z.points, variable: t, separator: ", ") { p -> String in
            let m = (p.multiplicity ?? 1) > 1 ? " (multiplicity \(p.multiplicity!))" : ""
            switch p.location {
            case .exact(let f):
                return (f.rationalValue == nil ? "\(show(f)) ≈ \(p.approximation)" : show(f)) + m
            case .enclosure(let l, let u, let minimal):
                let poly = minimal.map { ", root of \($0.primitivePart.description(variable: t))" } ?? ""
                return "≈ \(p.approximation) (the only zero in (\(l), \(u))\(poly))\(m)"
            }
        }
        var out = "{" + items + "}"
        if !z.complete { out += "  (incomplete: \(z.note ?? "not every zero could be decided"))" }
        return out
    }

    /// The argument of `zeros(…)` and where it starts, when the line is one.
    static func zerosArgument(_ text: String) -> (String, String.Index)? {
        var i = text.startIndex
        while i < text.endIndex, text[i].isWhitespace { i = text.index(after: i) }
        guard text[i...].hasPrefix("zeros") else { return nil }
        var j = text.index(i, offsetBy: 5)
        while j < text.endIndex, text[j].isWhitespace { j = text.index(after: j) }
        guard j < text.endIndex, text[j] == "(" else { return nil }
        let start = text.index(after: j)
        var end = text.endIndex
        while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        guard end > start, text[text.index(before: end)] == ")" else { return nil }
        end = text.index(before: end)
        return (String(text[start..<end]), start)
    }

    /// The word `at` (spaces around it) outside parentheses.
    static func atKeyword(_ text: String) -> Range<String.Index>? {
        var depth = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth == 0, c.isWhitespace, text[i...].dropFirst().hasPrefix("at") {
                let after = text.index(i, offsetBy: 3, limitedBy: text.endIndex) ?? text.endIndex
                if after == text.endIndex || text[after].isWhitespace {
                    return text.index(after: i)..<after
                }
            }
            i = text.index(after: i)
        }
        return nil
    }

    static func columns(_ range: SourceRange?, start: String.Index, in line: String) -> Range<Int> {
        let base = LineText.column(of: start, in: line) - 1
        guard let range else { return (base + 1)..<(base + 1) }
        return (base + range.start.column)..<(base + range.end.column)
    }

    /// Parses and simplifies `text` (a part of `line` starting at `start`) with the
    /// quantities, numeric parameters and lets of the current schedule bound.
    func canonicalForm(of text: String, in line: String, start: String.Index) throws -> (CanonicalForm, Expr) {
        let (form, e, _) = try definedForm(of: text, in: line, start: start)
        return (form, e)
    }

    /// The same with the conditions under which the text as written is defined (the
    /// quantities it names bring theirs).
    func definedForm(of text: String, in line: String, start: String.Index) throws -> (CanonicalForm, Expr, Definedness) {
        let column = LineText.column(of: start, in: line) - 1
        let byte = LineText.byteOffset(of: start, in: line)
        let fallback = LineText.range(in: line, columns: (column + 1)..<(column + 1))
        // The quantities and the lets are functions of time: `alpha(1/2)`, `k(s)`.
        let applicable = Set(Self.quantityNames + (schedule.model?.lets.map(\.name) ?? []))
        let parsed = ExpressionParser.parse(text, applicable: .only(applicable))
        guard let e = parsed.expression, parsed.diagnostics.isEmpty else {
            throw ReplFailure(parsed.diagnostics.map {
                LineText.relocate($0, fromLine: 1, lineStart: 0, columns: column, bytes: byte, fallback: fallback)
            })
        }
        let s = schedule
        guard let model = s.model else { throw ReplFailure("incomplete", "no schedule", in: line) }
        // Names: every one known, and given.
        let symbolic = Set(model.params.filter { $0.value == nil }.map(\.name))
        let lets = Dictionary(model.lets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let known = Self.quantityNames + [model.time.name] + model.params.map(\.name) + model.lets.map(\.name)
        for (name, range) in Self.variables(in: e) {
            let cols = Self.columns(range, start: start, in: line)
            if Self.vectorNames.contains(name) {
                throw ReplFailure("vector-in-query", "'\(name)' is a vector; queries are about scalar quantities (alpha, sigma, c, d, det, rho, …)", in: line, columns: cols)
            }
            if let l = lets[name], l.isVector {
                throw ReplFailure("vector-in-query", "'\(name)' is a vector-valued let; queries are about scalar quantities", in: line, columns: cols)
            }
            if Self.quantityNames.contains(name) {
                let need = Self.needs(name)
                if need.forward && !s.hasForward || need.target && !s.hasTarget {
                    throw ReplFailure("incomplete", "'\(name)' needs \(s.missing.joined(separator: " and ")) first", in: line, columns: cols)
                }
                continue
            }
            if known.contains(name) { continue }
            if let field = FieldHint.unknownName(name, at: range ?? SourceRange(at: .start), in: nil, source: [], vectorContext: false) {
                throw ReplFailure(field.id, field.message, in: line, columns: cols, notes: field.notes)
            }
            let hint = Suggestions.nearest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw ReplFailure("unknown-name", "unknown name '\(name)'\(hint)", in: line, columns: cols)
        }
        _ = symbolic
        var bindings: [String: CanonicalForm] = [:]
        var bindingDefinedness: [String: Definedness] = [:]
        let unified = model.unifiedModel
        let q = unified.quantities()
        for (name, value) in q {
            if case .success(let f) = value {
                bindings[name] = f
                bindingDefinedness[name] = unified.definedness(ofQuantity: name, q)
            }
        }
        for p in model.params { if let v = p.value { bindings[p.name] = v } }
        for l in model.lets where !l.isVector {
            bindings[l.name] = (try? l.value.substituting(bindings.filter { l.quantities.contains($0.key) }, assuming: model.assumptions)) ?? l.value
        }
        let simplifier = Simplifier(assuming: model.assumptions, bindings: bindings, bindingDefinedness: bindingDefinedness,
                                    timeVariable: model.time.name)
        if let (name, argument, membership) = model.time.firstApplicationNotInside(e, simplifier: simplifier) {
            let bytes = Array(text.utf8)
            let written = argument.range.map {
                String(decoding: bytes[$0.start.offset..<$0.end.offset], as: UTF8.self).trimmingCharacters(in: ["(", ")", " "])
            } ?? printASCII(argument)
            let message = ScheduleDiagnostic.outsideTimeDomain(written, of: name, domain: model.time.text,
                                                               proven: membership == .outside).message
            throw ReplFailure("outside-time-domain", message, in: line, columns: Self.columns(argument.range, start: start, in: line))
        }
        do {
            let (f, definedness) = try simplifier.definedForm(of: e)
            return (f, e, definedness)
        } catch {
            let range = error.range.map { _ in Self.columns(error.range, start: start, in: line) }
            throw ReplFailure(DiagnosticID(rawValue: "simplification"), "\(error.error)", in: line, columns: range)
        }
    }

    /// Every name `e` uses, left to right: variables and applied names.
    static func variables(in e: Expr) -> [(String, SourceRange?)] {
        var out: [(String, SourceRange?)] = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .number, .pi: break
            case .variable(let name): out.append((name, e.range))
            case .application(let name, let x):
                out.append((name, e.range))
                walk(x)
            case .negation(let x), .function(_, let x): walk(x)
            case .derivative(let x, _): walk(x)
            case .binary(_, let l, let r): walk(l); walk(r)
            }
        }
        walk(e)
        return out
    }
}
