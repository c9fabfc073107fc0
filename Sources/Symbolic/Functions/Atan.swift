import Exact

extension Function {
    /// The arctangent, in (−π/2, π/2).
    public static let atan = Function("atan")
}

extension FunctionSpec {
    /// atan x: exact at 0, ±1, ±√3, ±√3/3, odd (see `CanonicalForm.atan`);
    /// atan(a)′ = a′/(1 + a²); zero where a is; → ±π/2 as a → ±∞.
    static let atan = FunctionSpec(
        function: .atan, latexName: "\\operatorname{atan}", suggestedFrom: ["arctan", "atn"],
        numpy: .ufunc("arctan"),
        exactValue: { x in
            guard case .exact(let r) = x else { return nil }
            if r.isZero { return .exact(0) }
            if r.magnitude.isOne { return .piMultiple(Rational(r.signum, 4)) }
            return nil
        },
        ball: { Ball.atan($0) },
        derivative: { u, du, _, b throws(DifferentiationError) in
            try b.divide(du, b.add(b.number(1), b.power(u, b.number(2))))
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.atan(a) },
        kernel: KernelFacts(
            rank: 7,
            derivative: { a, da, _ throws(SimplificationError) in try da / (CanonicalForm.one + a.power(2)) },
            zeros: .whereArgumentEquals(.zero, keepsMultiplicity: true),
            limit: { l in
                switch l {
                case .finite(let v): return Limit.continuous(v) { v throws(SimplificationError) in try CanonicalForm.atan(v) }
                case .positiveInfinity: return .finite(CanonicalForm.pi.scaled(by: Rational(1, 2)))
                case .negativeInfinity: return .finite(CanonicalForm.pi.scaled(by: Rational(-1, 2)))
                }
            }))
}
