import Exact
import Symbolic

/// The semantic checks of a discrete-time schedule: every name is known where it
/// is used, a let is applied only at a constant step of the domain, the forward
/// process and the target are linear in the vectors.
///
/// Resolved expressions have the parameters substituted and every application
/// `abar(999)` replaced by the variable `abar@999` (the let's value at that step).
struct DiscreteScheduleChecker {
    var stepName: String
    var first: Int
    var last: Int
    var params: [String: Expr] = [:]
    /// The lets defined so far.
    var lets: Set<String> = []
    /// alpha and sigma, usable in the target once the forward process is known.
    var coefficients: [String: Expr] = [:]
    var diagnostics: [Diagnostic] = []

    static let vectorNames: Set<String> = ["x0", "eps", "epsilon", "x_t"]

    mutating func error(_ id: DiagnosticID, _ message: String, at range: SourceRange?) {
        diagnostics.append(Diagnostic(DiscreteDiagnostic(id, message), at: range ?? SourceRange(at: .start)))
    }

    /// `e` with parameters substituted and applications made variables; nil after an error.
    mutating func resolve(_ e: Expr, vectors: Bool) -> Expr? {
        let before = diagnostics.count
        let out = walk(e, vectors: vectors)
        return diagnostics.count == before ? out : nil
    }

    private mutating func walk(_ e: Expr, vectors: Bool) -> Expr {
        switch e.kind {
        case .number, .pi: return e
        case .variable(let name):
            if name == stepName || lets.contains(name) { return e }
            if let value = params[name] ?? coefficients[name] { return value }
            if vectors, Self.vectorNames.contains(name) { return name == "epsilon" ? Expr(.variable("eps"), range: e.range) : e }
            if Self.vectorNames.contains(name) {
                error("vector-in-coefficient", "'\(name)' is a vector: it may appear only in x_t = … and target = …", at: e.range)
            } else {
                error("unknown-name", "unknown name '\(name)'", at: e.range)
            }
            return e
        case .negation(let x): return Expr(.negation(walk(x, vectors: vectors)), range: e.range)
        case .binary(let op, let l, let r):
            return Expr(.binary(op, walk(l, vectors: vectors), walk(r, vectors: vectors)), range: e.range)
        case .function(let f, let x): return Expr(.function(f, walk(x, vectors: vectors)), range: e.range)
        case .derivative:
            error("derivative-in-discrete", "diff is not defined on a discrete domain: write the difference of two steps", at: e.range)
            return e
        case .application(let name, let argument):
            guard lets.contains(name) else {
                error("not-a-function", "'\(name)' is not a let: only a let can be applied at a step", at: e.range)
                return e
            }
            let resolved = walk(argument, vectors: false)
            guard let value = (try? Simplifier().canonicalForm(of: resolved))?.rationalValue, value.isInteger,
                  let k = Int(value.numerator.description) else {
                error("step-not-constant", "'\(name)' is applied at '\(argument)': a let is applied at a constant step", at: argument.range ?? e.range)
                return e
            }
            guard first <= k, k <= last else {
                error("outside-step-domain", "'\(name)' is applied at step \(k), outside the steps \(first)..\(last)", at: argument.range ?? e.range)
                return e
            }
            return Expr(.variable("\(name)@\(k)"), range: e.range)
        }
    }

    /// The coefficients of the vectors in `e` (resolved, with vectors), proven linear;
    /// nil with an error at `range` otherwise.
    mutating func linear(_ e: Expr, vectors: [String], what: String, at range: SourceRange) -> [String: Expr]? {
        do {
            let form = try Simplifier().canonicalForm(of: e)
            var remainder = form
            var out: [String: Expr] = [:]
            for v in vectors {
                let coefficient = try form.derivative(withRespectTo: v)
                if !coefficient.symbols.isDisjoint(with: Set(vectors)) {
                    error("non-linear", "\(what) is not linear in the vectors", at: range)
                    return nil
                }
                remainder = try remainder - coefficient * CanonicalForm.symbol(v)
                out[v] = coefficient.expression
            }
            guard remainder.isZero else {
                error("non-linear", "\(what) is not linear in the vectors \(vectors.joined(separator: ", ")): the part '\(remainder.expression)' is left", at: range)
                return nil
            }
            return out
        } catch {
            self.error("invalid-expression", "\(what) cannot be simplified: \(error)", at: range)
            return nil
        }
    }
}
