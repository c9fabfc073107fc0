import CFlintArb

/// The ring Q[x₁, …, xₙ] of polynomials with rational coefficients in named variables,
/// together with the monomial order that decides which term of a polynomial leads.
///
/// A ring owns FLINT's `fmpq_mpoly_ctx_t` (the number of variables, the order and the
/// exponent-packing tables derived from them). It is immutable after creation, so it
/// can be shared between threads; every `MultivariatePolynomial` keeps a strong
/// reference to its ring, so the context outlives every polynomial built on it.
///
/// Two rings are equal when they have the same variables in the same order and the
/// same monomial order: FLINT's context depends on nothing else, so polynomials of
/// equal rings combine freely even when the rings are distinct objects. Polynomials of
/// different rings do not combine; map them into a common ring first with
/// `MultivariatePolynomial.converted(to:)`, for instance into `a.ring.union(b.ring)`.
///
/// The variable order is significant: variable 0 is the most significant one for the
/// lexicographic orders, and printing writes variables in ring order (`t^2*s` in
/// Q[t, s], `s*t^2` in Q[s, t]).
public final class PolynomialRing: @unchecked Sendable {
    /// How the terms of a polynomial are ordered, largest first. The leading term and
    /// coefficient depend on it, and with them `monic`, the normalisation of `gcd`, the
    /// sign of `content` and of factors, and the remainder of
    /// `quotientAndRemainder(dividingBy:)`; equality, arithmetic and printing do not.
    public enum MonomialOrder: Sendable, Hashable {
        /// Compare exponents of x₁, then x₂, …: x₁ > x₂^100.
        case lexicographic
        /// Total degree first, ties broken lexicographically.
        case degreeLexicographic
        /// Total degree first, ties broken by the smaller exponent of the last variable
        /// (the usual default of computer algebra systems).
        case degreeReverseLexicographic

        var flintOrdering: ordering_t {
            switch self {
            case .lexicographic: return ORD_LEX
            case .degreeLexicographic: return ORD_DEGLEX
            case .degreeReverseLexicographic: return ORD_DEGREVLEX
            }
        }
    }

    /// The variable names, most significant first.
    public let variables: [String]
    public let monomialOrder: MonomialOrder
    private let indexByName: [String: Int]
    let context: UnsafeMutablePointer<fmpq_mpoly_ctx_struct>

    /// The ring over `variables`. Preconditions: the names are distinct and non-empty.
    /// A ring with no variables is allowed: its polynomials are the rational constants.
    public init(variables: [String], order: MonomialOrder = .degreeReverseLexicographic) {
        var index: [String: Int] = [:]
        for (i, name) in variables.enumerated() {
            precondition(!name.isEmpty, "PolynomialRing: empty variable name")
            precondition(index[name] == nil, "PolynomialRing: variable '\(name)' listed twice")
            index[name] = i
        }
        self.variables = variables
        self.monomialOrder = order
        self.indexByName = index
        context = .allocate(capacity: 1)
        fmpq_mpoly_ctx_init(context, variables.count, order.flintOrdering)
    }

    deinit {
        fmpq_mpoly_ctx_clear(context)
        context.deallocate()
    }

    public var variableCount: Int { variables.count }

    /// The position of `variable` in `variables`, or nil when the ring lacks it.
    public func index(of variable: String) -> Int? { indexByName[variable] }

    public func contains(_ variable: String) -> Bool { indexByName[variable] != nil }

    /// The index of a variable that must belong to the ring.
    func requireIndex(of variable: String) -> Int {
        guard let i = indexByName[variable] else {
            preconditionFailure("variable '\(variable)' is not in the ring \(self)")
        }
        return i
    }

    // MARK: Building polynomials

    /// The polynomial consisting of one variable. Precondition: the ring has it.
    public func variable(_ name: String) -> MultivariatePolynomial {
        generator(requireIndex(of: name))
    }

    /// The polynomial xᵢ for the variable at position `index`.
    public func generator(_ index: Int) -> MultivariatePolynomial {
        precondition(index >= 0 && index < variableCount, "generator index \(index) out of range")
        return MultivariatePolynomial.make(in: self) { fmpq_mpoly_gen($0, index, context) }
    }

    /// All variables as polynomials, in ring order.
    public var generators: [MultivariatePolynomial] { (0..<variableCount).map(generator) }

    /// The constant polynomial `value`.
    public func constant(_ value: Rational) -> MultivariatePolynomial {
        value.withFMPQ { q in MultivariatePolynomial.make(in: self) { fmpq_mpoly_set_fmpq($0, q, context) } }
    }

    public var zero: MultivariatePolynomial { MultivariatePolynomial.make(in: self) { _ in } }
    public var one: MultivariatePolynomial { constant(.one) }

    /// coefficient · ∏ name^exponent, e.g. `ring.monomial(["t": 2, "s": 1], coefficient: 3)`
    /// is 3·t²·s. Preconditions: every name is a variable of the ring, exponents ≥ 0.
    public func monomial(_ exponents: [String: Int], coefficient: Rational = .one) -> MultivariatePolynomial {
        var vector = [Int](repeating: 0, count: variableCount)
        for (name, e) in exponents { vector[requireIndex(of: name)] += e }
        return polynomial(terms: [MultivariatePolynomial.Term(coefficient: coefficient, exponents: vector)])
    }

    /// Σ terms, like terms added together. Preconditions: every exponent vector has
    /// `variableCount` entries, all ≥ 0.
    public func polynomial(terms: some Sequence<MultivariatePolynomial.Term>) -> MultivariatePolynomial {
        MultivariatePolynomial(terms: terms, in: self)
    }

    /// The univariate `p` read as a polynomial in `variable` of this ring.
    /// Precondition: the ring has `variable`.
    public func polynomial(_ p: Polynomial, in variable: String) -> MultivariatePolynomial {
        let i = requireIndex(of: variable)
        return MultivariatePolynomial.make(in: self) { fmpq_mpoly_set_fmpq_poly($0, p.pointer, i, context) }
    }

    // MARK: Growing rings

    /// This ring with the names of `newVariables` that it lacks appended (in the order
    /// given, duplicates dropped), same monomial order; `self` when nothing is new.
    /// The existing variables keep their positions, so polynomials of `self` convert
    /// into the result without reordering their variables.
    public func adding(_ newVariables: some Sequence<String>) -> PolynomialRing {
        var names = variables
        var seen = Set(variables)
        for name in newVariables where seen.insert(name).inserted { names.append(name) }
        return names.count == variables.count ? self : PolynomialRing(variables: names, order: monomialOrder)
    }

    /// The smallest ring holding the variables of both: this ring's variables followed
    /// by those of `other` that it lacks, with this ring's monomial order.
    public func union(_ other: PolynomialRing) -> PolynomialRing { adding(other.variables) }

    /// `p` mapped into this ring by variable name; see
    /// `MultivariatePolynomial.converted(to:)`.
    public func embedding(_ p: MultivariatePolynomial) -> MultivariatePolynomial { p.converted(to: self) }
}

extension PolynomialRing: Equatable, Hashable {
    public static func == (a: PolynomialRing, b: PolynomialRing) -> Bool {
        a === b || (a.monomialOrder == b.monomialOrder && a.variables == b.variables)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(variables)
        hasher.combine(monomialOrder)
    }
}

extension PolynomialRing: CustomStringConvertible {
    /// "Q[t, s]" (degree-reverse-lexicographic order, the default) or "Q[t, s; lex]"
    /// / "Q[t, s; deglex]".
    public var description: String {
        let suffix: String
        switch monomialOrder {
        case .degreeReverseLexicographic: suffix = ""
        case .degreeLexicographic: suffix = "; deglex"
        case .lexicographic: suffix = "; lex"
        }
        return "Q[" + variables.joined(separator: ", ") + suffix + "]"
    }
}
