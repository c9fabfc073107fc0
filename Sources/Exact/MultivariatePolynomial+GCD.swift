import CFlintArb

// Greatest common divisors over Q[x₁, …, xₙ].
//
// Over a field the gcd is defined only up to a non-zero constant factor. sched
// returns the *monic* representative: leading coefficient 1 in the ring's monomial
// order (FLINT's convention), and 0 exactly when both inputs are 0. The content /
// primitive-part split gives the other common normalisation (integer coefficients
// with gcd 1 and a positive leading coefficient) when that is wanted instead.
//
// FLINT reports failure from its gcd only when exponents need more than one machine
// word, which the degree budgets keep sched away from; such a failure traps.

extension MultivariatePolynomial {
    /// The monic greatest common divisor: every common divisor of a and b divides it,
    /// its leading coefficient (in the ring's monomial order) is 1, and gcd(0, 0) = 0.
    /// Precondition: equal rings.
    public static func gcd(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> MultivariatePolynomial {
        let ring = commonRing(a, b)
        var ok: Int32 = 0
        let g = make(in: ring) { ok = fmpq_mpoly_gcd($0, a.pointer, b.pointer, ring.context) }
        precondition(ok != 0, "FLINT could not compute a polynomial gcd (exponents too large)")
        return g
    }

    /// The monic gcd g of a and b (as in `gcd(_:_:)`) with the cofactors a/g and b/g,
    /// so that a = g · aCofactor and b = g · bCofactor exactly. For a = b = 0 all
    /// three are 0.
    public static func gcdWithCofactors(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial)
        -> (gcd: MultivariatePolynomial, aCofactor: MultivariatePolynomial, bCofactor: MultivariatePolynomial)
    {
        let ring = commonRing(a, b)
        let g = FMPQMPolyStorage(ring: ring)
        let abar = FMPQMPolyStorage(ring: ring), bbar = FMPQMPolyStorage(ring: ring)
        let ok = fmpq_mpoly_gcd_cofactors(g.pointer, abar.pointer, bbar.pointer, a.pointer, b.pointer, ring.context)
        precondition(ok != 0, "FLINT could not compute a polynomial gcd (exponents too large)")
        return (MultivariatePolynomial(storage: g), MultivariatePolynomial(storage: abar), MultivariatePolynomial(storage: bbar))
    }

    /// The monic least common multiple a·b / gcd(a, b); 0 when either is 0.
    public static func lcm(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> MultivariatePolynomial {
        let ring = commonRing(a, b)
        if a.isZero || b.isZero { return ring.zero }
        let (_, aCofactor, _) = gcdWithCofactors(a, b)
        return (aCofactor * b).monic
    }

    /// self divided by its leading coefficient in the ring's monomial order; zero
    /// stays zero.
    public var monic: MultivariatePolynomial {
        if isZero { return self }
        return unary { fmpq_mpoly_make_monic($0, $1, $2) }
    }

    /// The rational content with the sign of the leading coefficient: the rational c
    /// such that self / c has integer coefficients with gcd 1 and a positive leading
    /// coefficient (in the ring's monomial order). Zero for the zero polynomial. For
    /// −4/3·x + 2/3·y it is −2/3 (primitive part 2·x − y).
    public var content: Rational {
        if isZero { return .zero }
        // FLINT stores self as content · zpoly with zpoly primitive and its leading
        // coefficient positive: exactly this normalisation.
        return Rational(fmpq: fmpq_mpoly_content_ref(pointer, context))
    }

    /// self / content: integer coefficients with gcd 1 and positive leading
    /// coefficient. Zero stays zero.
    public var primitivePart: MultivariatePolynomial {
        if isZero { return self }
        return try! divided(by: content)
    }
}
