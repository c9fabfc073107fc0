import Exact
import Symbolic

/// Stable forms: the same function, rewritten so that floating point does not lose
/// what the formula as written loses. Each rule is an identity of real analysis
/// wherever the original is defined; each rewritten form is used only after sched
/// proves it equal to the original (`StableForm.proven`), otherwise the naive form is
/// printed.
///
/// - 1 − eᵘ → −expm1(u), eᵘ − 1 → expm1(u): no cancellation near u = 0 (the VP-SDE's
///   σ² = 1 − ᾱ near t = 0).
/// - log(1 + w) → log1p(w); log(1 − eᵘ) → log1mexp(u).
/// - cos(π·r) → cospi(r), sin(π·r) → sinpi(r): exact zeros (cos(π/2·t) at t = 1).
/// - a/(1 + eᵘ) → a·sigmoid(−u), the overflow-free sigmoid.
/// - a polynomial in the time of degree ≥ 2 in Horner form.
/// - log-SNR as 2·(log|α| − log|σ|), with log eᵘ = u and log √w = ½ log w taken apart
///   (`logAbsolute`), instead of log(α²/σ²), which overflows and underflows.
final class StableForm {
    /// The time variable (Horner form is in it).
    let time: String
    let assumptions: Assumptions
    /// The identities used so far, for the comment above the code.
    private(set) var identities: [String] = []

    init(time: String, assumptions: Assumptions) {
        self.time = time
        self.assumptions = assumptions
    }

    func resetIdentities() { identities = [] }

    private func used(_ identity: String) {
        if !identities.contains(identity) { identities.append(identity) }
    }

    /// The stable code of an expression, before the proof.
    func code(_ e: Expr) throws(CodegenError) -> PythonCode {
        switch e.kind {
        case .binary(.subtract, let l, let r):
            if l.isNumber(1), let u = r.exponentArgument { used("1 - exp(u) = -expm1(u)"); return .negation(.primitive(.expm1, try code(u))) }
            if r.isNumber(1), let u = l.exponentArgument { used("exp(u) - 1 = expm1(u)"); return .primitive(.expm1, try code(u)) }
            // The canonical form writes cos² as 1 − sin² (and the reverse never): near a
            // zero of cos that difference cancels, cos² itself does not.
            if l.isNumber(1), case .binary(.power, let base, let two) = r.kind, two.isNumber(2), case .function(let f, let x) = base.kind,
               f == .sin || f == .cos {
                used(f == .sin ? "1 - sin(x)^2 = cos(x)^2" : "1 - cos(x)^2 = sin(x)^2")
                return .binary(.power, try code(.function(f == .sin ? .cos : .sin, x)), .number(2))
            }
            if let horner = horner(e) { return horner }
            return .binary(.subtract, try code(l), try code(r))
        case .binary(.add, let l, let r):
            if let horner = horner(e) { return horner }
            return .binary(.add, try code(l), try code(r))
        case .binary(.divide, let a, let b):
            if let u = b.onePlusExponentArgument {
                used("a/(1 + exp(u)) = a*sigmoid(-u)")
                let sigmoid = PythonCode.function(.sigmoid, try code(.negation(u)).simplifiedNegation)
                return a.isNumber(1) ? sigmoid : .binary(.multiply, try code(a), sigmoid)
            }
            return .binary(.divide, try code(a), try code(b))
        case .binary(let op, let l, let r):
            return .binary(op, try code(l), try code(r))
        case .function(.log, let x):
            if case .binary(.subtract, let one, let r) = x.kind, one.isNumber(1), let u = r.exponentArgument {
                used("log(1 - exp(u)) = log1mexp(u)")
                return .primitive(.log1mexp, try code(u))
            }
            if case .binary(.add, let l, let r) = x.kind {
                if l.isNumber(1) { used("log(1 + w) = log1p(w)"); return .primitive(.log1p, try code(r)) }
                if r.isNumber(1) { used("log(1 + w) = log1p(w)"); return .primitive(.log1p, try code(l)) }
            }
            return .function(.log, try code(x))
        case .function(let f, let x) where f == .cos || f == .sin:
            if let r = piMultiple(x) { used(f == .cos ? "cos(pi*r) = cospi(r)" : "sin(pi*r) = sinpi(r)"); return .primitive(f == .cos ? .cospi : .sinpi, try code(r)) }
            return .function(f, try code(x))
        case .function(let f, let x):
            return .function(f, try code(x))
        case .negation(let x):
            return .negation(try code(x))
        case .number, .variable, .pi, .derivative, .application:
            return try PythonCode(naive: e)
        }
    }

    /// log|e| taken apart: log eᵘ = u, log √w = ½·log|w|, log|a·b| = log|a| + log|b|,
    /// log|a/b| = log|a| − log|b|, log|aⁿ| = n·log|a|, log √(1 − eᵘ) = ½·log1mexp(u)
    /// (the σ of a VP schedule), and log(|x|) for anything else. Every piece is real
    /// wherever e is defined and nonzero: log1mexp only under a square root, whose
    /// radicand 1 − eᵘ is then positive.
    func logAbsolute(_ e: Expr) throws(CodegenError) -> PythonCode {
        switch e.kind {
        case .function(.exp, let u): return try code(u)
        case .function(.sqrt, let w):
            if case .binary(.subtract, let one, let r) = w.kind, one.isNumber(1), let u = r.exponentArgument {
                used("log(1 - exp(u)) = log1mexp(u)")
                return .binary(.divide, .primitive(.log1mexp, try code(u)), .number(2))
            }
            return .binary(.divide, try logAbsolute(w), .number(2))
        case .binary(.multiply, let a, let b): return .binary(.add, try logAbsolute(a), try logAbsolute(b))
        case .binary(.divide, let a, let b): return .binary(.subtract, try logAbsolute(a), try logAbsolute(b))
        case .binary(.power, let a, let n):
            guard case .number = n.kind else { break }
            return .binary(.multiply, try PythonCode(naive: n), try logAbsolute(a))
        case .negation(let a): return try logAbsolute(a)
        case .number(let r) where r.isOne: return .number(0)
        default: break
        }
        return .function(.log, .primitive(.abs, try code(e)))
    }

    /// r when x = π·r with r free of π.
    func piMultiple(_ x: Expr) -> Expr? {
        guard let form = try? Simplifier(assuming: assumptions).canonicalForm(of: x),
              let r = try? form / CanonicalForm.pi, !r.kernels.contains(where: { $0 == .pi }), !r.isZero else { return nil }
        return r.expression
    }

    /// The Horner form c₀ + t·(c₁ + t·(c₂ + …)) of a sum that is a polynomial of degree
    /// ≥ 2 in the time alone, with rational coefficients.
    func horner(_ e: Expr) -> PythonCode? {
        guard let form = try? Simplifier(assuming: assumptions).canonicalForm(of: e), form.isPolynomial,
              form.symbols == [time], form.kernels.allSatisfy({ $0 == .symbol(time) }),
              let p = form.numerator.univariate(in: time), p.degree >= 2 else { return nil }
        used("polynomials in Horner form")
        let coefficients = p.coefficients
        var acc = PythonCode.number(coefficients[p.degree])
        for i in stride(from: p.degree - 1, through: 0, by: -1) {
            acc = acc.isOne ? .variable(time) : .binary(.multiply, acc, .variable(time))
            let c = coefficients[i]
            if c.isZero { continue }
            acc = c.isNegative ? .binary(.subtract, acc, .number(-c)) : .binary(.add, acc, .number(c))
        }
        return acc
    }
}

extension PythonCode {
    /// −(−x) as x, −c as the number −c.
    var simplifiedNegation: PythonCode {
        switch self {
        case .negation(.negation(let x)): return x
        case .negation(.number(let r)): return .number(-r)
        default: return self
        }
    }
}

extension Expr {
    func isNumber(_ value: Int) -> Bool {
        if case .number(let r) = kind { return r == Rational(value) }
        return false
    }

    /// u when the expression is exp(u).
    var exponentArgument: Expr? {
        if case .function(.exp, let u) = kind { return u }
        return nil
    }

    /// u when the expression is 1 + exp(u) or exp(u) + 1.
    var onePlusExponentArgument: Expr? {
        guard case .binary(.add, let l, let r) = kind else { return nil }
        if l.isNumber(1) { return r.exponentArgument }
        if r.isNumber(1) { return l.exponentArgument }
        return nil
    }
}
