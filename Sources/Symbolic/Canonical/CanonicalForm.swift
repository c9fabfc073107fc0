import Exact

/// The canonical form of an expression: a quotient N/D of polynomials over Q whose
/// variables are kernels (symbols, π, √R, exp, log, sin, cos, atan of canonical
/// arguments).
///
/// Invariants, established by `fraction(_:_:)`:
/// - N and D are reduced by the relations between kernels (`reduced`): no √R or
///   cos(a) to a power ≥ 2, at most one exp kernel per term, no exp-only monomial
///   factor in D;
/// - gcd(N, D) = 1 (FLINT's multivariate gcd) and D is monic in the ring's order;
/// - the ring holds exactly the kernels used, in kernel order.
/// Two forms are equal when their canonical texts (`key`) are.
///
/// Every rewrite used is an identity wherever the original expression is defined in
/// the reals (it also holds for the principal complex branch, which is what makes
/// the zero test sound: see `ZeroTest`).
public struct CanonicalForm: Sendable {
    public let numerator: MultivariatePolynomial
    public let denominator: MultivariatePolynomial
    /// The canonical text: the numerator, or "(N)/(D)"; unique per form.
    public let key: String

    /// Assumes the invariants hold; use `fraction` otherwise.
    init(normalizedNumerator n: MultivariatePolynomial, denominator d: MultivariatePolynomial) {
        numerator = n
        denominator = d
        key = d.isOne ? n.description : "(\(n.description))/(\(d.description))"
    }

    public var ring: PolynomialRing { numerator.ring }

    public static let zero = CanonicalForm(Rational.zero)
    public static let one = CanonicalForm(Rational.one)

    public init(_ value: Rational) {
        let ring = KernelTable.shared.ring(for: [])
        self.init(normalizedNumerator: ring.constant(value), denominator: ring.one)
    }

    public init(_ value: Int) { self.init(Rational(value)) }

    /// The form of one kernel (no simplification of the kernel itself).
    init(kernel: Kernel) {
        let key = KernelTable.shared.register(kernel)
        let ring = KernelTable.shared.ring(for: [key])
        self.init(normalizedNumerator: ring.variable(key), denominator: ring.one)
    }

    public static func symbol(_ name: String) -> CanonicalForm { CanonicalForm(kernel: .symbol(name)) }
    public static let pi = CanonicalForm(kernel: .pi)

    public var isZero: Bool { numerator.isZero }
    public var isOne: Bool { numerator.isOne && denominator.isOne }
    public var isPolynomial: Bool { denominator.isOne }

    /// The value when the form is a rational constant.
    public var rationalValue: Rational? {
        guard denominator.isOne else { return nil }
        return numerator.constantValue
    }

    /// The kernels used, by key.
    public var kernelKeys: Set<String> { Set(numerator.usedVariables).union(denominator.usedVariables) }

    public var kernels: [Kernel] { kernelKeys.sorted().map(KernelTable.shared.kernel(forKey:)) }

    /// All symbols occurring, inside kernels too.
    public var symbols: Set<String> {
        kernels.reduce(into: Set<String>()) { $0.formUnion($1.symbols) }
    }
}

extension CanonicalForm: Hashable, CustomStringConvertible {
    public static func == (a: CanonicalForm, b: CanonicalForm) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public var description: String { key }
}

// MARK: Rings

extension MultivariatePolynomial {
    /// The same polynomial in the kernel ring of exactly its used variables plus `extra`.
    func inKernelRing(with extra: Set<String> = []) -> MultivariatePolynomial {
        converted(to: KernelTable.shared.ring(for: Set(usedVariables).union(extra)))
    }
}

/// Converts polynomials to one kernel ring holding all their variables.
func unified(_ polynomials: [MultivariatePolynomial]) -> [MultivariatePolynomial] {
    if let first = polynomials.first, polynomials.allSatisfy({ $0.ring == first.ring }) { return polynomials }
    let keys = polynomials.reduce(into: Set<String>()) { $0.formUnion($1.usedVariables) }
    let ring = KernelTable.shared.ring(for: keys)
    return polynomials.map { $0.converted(to: ring) }
}
