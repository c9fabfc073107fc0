import Exact

extension Function {
    /// tan x = sin x / cos x, undefined where cos x = 0.
    public static let tan = Function("tan")
}

extension FunctionSpec {
    /// tan x: rewritten as sin/cos (see `CanonicalForm.tan`); needs cos x ≠ 0;
    /// tan′ = 1 + tan².
    static let tan = FunctionSpec(
        function: .tan, latexName: "\\tan", suggestedFrom: ["tg"],
        numpy: .ufunc("tan"),
        exactValue: { x in
            switch x {
            case .exact(let r) where r.isZero: return .exact(0)
            case .piMultiple(let q):
                guard let k = EvaluationValue.residue(4 * q, modulo: 4), k != 2 else { return nil }
                return .exact(Rational([0, 1, 0, -1][k]))
            default: return nil
            }
        },
        ball: { Ball.tan($0) },
        evaluationDomain: EvaluationDomain(isCertainlyOutside: { $0.isPoleOfTan }, violation: "tan at a pole (an odd multiple of pi/2)"),
        derivative: { _, du, whole, b throws(DifferentiationError) in
            try b.multiply(b.add(b.number(1), b.power(whole, b.number(2))), du)
        },
        canonical: { a, _ throws(SimplificationError) in try CanonicalForm.tan(a) },
        argumentConditions: { a throws(SimplificationError) in [.nonzero(try CanonicalForm.cos(a))] })
}
