import Exact

extension CanonicalForm {
    /// d/dx of the form, by the quotient rule on N/D and the chain rule through each
    /// kernel, whose rule is its function's (`KernelFacts.derivative`): (√R)′ =
    /// R′/(2√R), exp(a)′ = a′·exp(a), log(a)′ = a′/a, sin(a)′ = a′·cos(a), …
    public func derivative(withRespectTo x: String, assuming assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        guard symbols.contains(x) else { return .zero }
        let n = try Self.derivative(of: numerator, x, assumptions)
        if denominator.isOne { return n }
        let d = try Self.derivative(of: denominator, x, assumptions)
        let num = CanonicalForm(normalizedNumerator: numerator, denominator: numerator.ring.one)
        let den = try CanonicalForm.fraction(denominator, denominator.ring.one)
        // (N/D)′ = (N′·D − N·D′)/D²
        return try (n * den - num * d) / den.power(2)
    }

    /// dp/dx = Σₖ ∂p/∂k · dk/dx over the kernels k of p.
    static func derivative(of p: MultivariatePolynomial, _ x: String, _ assumptions: Assumptions) throws(SimplificationError) -> CanonicalForm {
        var total = CanonicalForm.zero
        for key in p.usedVariables {
            let kernel = KernelTable.shared.kernel(forKey: key)
            guard kernel.symbols.contains(x) else { continue }
            let partial = try fraction(p.derivative(withRespectTo: key), p.ring.one)
            let inner = try kernelDerivative(kernel, x, assumptions)
            total = try total + partial * inner
        }
        return total
    }

    static func kernelDerivative(_ k: Kernel, _ x: String, _ assumptions: Assumptions) throws(SimplificationError) -> CanonicalForm {
        switch k {
        case .symbol(let name): return name == x ? .one : .zero
        case .pi: return .zero
        default:
            let a = k.argument!
            return try k.facts!.derivative(a, a.derivative(withRespectTo: x, assuming: assumptions), CanonicalForm(kernel: k))
        }
    }
}

extension CanonicalForm {
    /// The form with symbols replaced by forms, simultaneously: rebuilt from its
    /// presentation with the bindings in place, so that kernels whose arguments
    /// mention a replaced symbol are re-simplified (sin(t) at t = π/6 is 1/2).
    public func substituting(_ bindings: [String: CanonicalForm], assuming assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        guard !symbols.isDisjoint(with: bindings.keys) else { return self }
        do {
            return try Simplifier(assuming: assumptions, bindings: bindings).canonicalForm(of: expression)
        } catch {
            throw error.error
        }
    }
}

extension CanonicalForm {
    /// The form with kernels (by `Kernel.key`) replaced by forms — for rewrites that
    /// are justified outside the simplifier (√(g²) = g where g ≥ 0 is proven on a
    /// domain).
    public func replacingKernels(_ replacements: [String: CanonicalForm]) throws(SimplificationError) -> CanonicalForm {
        guard !kernelKeys.isDisjoint(with: replacements.keys) else { return self }
        return try TrigonometricExpansion.substitute(self, replacements)
    }
}
