import Exact
import Symbolic

/// Signs of constants (time bounds, parameter values), proven or not at all.
enum ConstantSign {
    /// −1, 0 or 1 when proven: exactly for rationals, by a rigorous enclosure for other
    /// constants (π/2, √2 − 1); nil for forms with symbols or enclosures containing 0.
    static func sign(_ form: CanonicalForm) -> Int? {
        if let r = form.rationalValue { return r.signum }
        guard form.symbols.isEmpty else { return nil }
        for precision in [128, 512] {
            let ball = form.ball(at: [:], precision: precision)
            if ball.isCertainlyPositive { return 1 }
            if ball.isCertainlyNegative { return -1 }
        }
        return nil
    }

    /// Proven > 0: a constant of sign 1, or numerator and denominator with only
    /// positive coefficients in kernels that are positive (π, positive symbols, and
    /// kernels whose function is positive: exp).
    static func isPositive(_ form: CanonicalForm, positiveSymbols: Set<String>) -> Bool {
        if let s = sign(form) { return s > 0 }
        guard !form.isZero else { return false }
        let kernelsPositive = form.kernels.allSatisfy { kernel in
            switch kernel {
            case .pi: return true
            case .symbol(let name): return positiveSymbols.contains(name)
            default: return kernel.facts?.range == .positive
            }
        }
        return kernelsPositive
            && form.numerator.terms.allSatisfy { $0.coefficient.isPositive }
            && form.denominator.terms.allSatisfy { $0.coefficient.isPositive }
    }

    /// Proven ≥ 0.
    static func isNonnegative(_ form: CanonicalForm, positiveSymbols: Set<String>) -> Bool {
        form.isZero || isPositive(form, positiveSymbols: positiveSymbols)
    }
}
