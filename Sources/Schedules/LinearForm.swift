import Exact
import Symbolic

/// The decomposition of a canonical form as a linear form in vector symbols:
/// F = Σ coefficient(v)·v with coefficients free of the vectors.
///
/// F = N/D (canonical) is linear in the vectors V exactly when no kernel other than a
/// symbol mentions a vector (no √x0, exp(eps)), D does not use a vector, every term
/// of N has total degree ≤ 1 in the vectors, and the part of N of degree 0 in the
/// vectors is zero. The coefficient of v is then N's coefficient of v¹, over D.
/// The ring variables of a symbol kernel are the symbol's name, so the vectors are
/// looked up by name.
enum LinearForm {
    enum Decomposition {
        /// The coefficient of each vector (zero forms included).
        case linear([String: CanonicalForm])
        case nonLinear(ScheduleDiagnostic.NonLinearity)
        /// The terms without a vector, nonzero.
        case constantTerm(CanonicalForm)
    }

    static func decompose(_ f: CanonicalForm, vectors: [String]) throws(SimplificationError) -> Decomposition {
        if let reason = nonLinearity(f, vectors: vectors) { return .nonLinear(reason) }
        var constant = f.numerator
        for v in vectors { constant = constant.coefficient(of: v, degree: 0) }
        if !constant.isZero { return .constantTerm(try CanonicalForm(numerator: constant, denominator: f.denominator)) }
        var coefficients: [String: CanonicalForm] = [:]
        for v in vectors {
            coefficients[v] = try CanonicalForm(numerator: f.numerator.coefficient(of: v, degree: 1), denominator: f.denominator)
        }
        return .linear(coefficients)
    }

    /// Why `f` is not linear (homogeneity aside), or nil when it is.
    static func nonLinearity(_ f: CanonicalForm, vectors: [String]) -> ScheduleDiagnostic.NonLinearity? {
        let set = Set(vectors)
        for kernel in f.kernels {
            if case .symbol = kernel { continue }
            if !kernel.symbols.isDisjoint(with: set) { return .function }
        }
        if f.denominator.usedVariables.contains(where: set.contains) { return .division }
        let ring = f.numerator.ring
        let indices = ring.variables.indices.filter { set.contains(ring.variables[$0]) }
        guard !indices.isEmpty else { return nil }
        for term in f.numerator.terms {
            let degrees = indices.map { term.exponents[$0] }
            if degrees.contains(where: { $0 >= 2 }) { return .power }
            if degrees.reduce(0, +) >= 2 { return .product }
        }
        return nil
    }

    /// True when `f` uses any of `vectors`.
    static func usesVectors(_ f: CanonicalForm, _ vectors: Set<String>) -> Bool { !f.symbols.isDisjoint(with: vectors) }
}
