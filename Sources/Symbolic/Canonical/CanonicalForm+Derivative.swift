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
        case .abstract(let f, let a):
            // Chain rule: f(a)′ = f′(a)·a′.
            return try CanonicalForm.abstract(f.derivative, at: a) * a.derivative(withRespectTo: x, assuming: assumptions)
        default:
            let a = k.argument!
            return try k.facts!.derivative(a, a.derivative(withRespectTo: x, assuming: assumptions), CanonicalForm(kernel: k))
        }
    }
}

extension CanonicalForm {
    /// The form with symbols replaced by forms, simultaneously: each kernel that
    /// mentions a replaced symbol is rebuilt by its function's canonical constructor
    /// from its substituted argument (sin(t) at t = π/6 is 1/2; √(1 − t) at t = 1 is
    /// 0), and the numerator and denominator are evaluated at those kernel values in
    /// canonical arithmetic. The same form as simplifying the printed expression with
    /// the bindings in place — canonical forms are unique — without printing and
    /// parsing it again, which was a tenth of `sched lint`'s time.
    public func substituting(_ bindings: [String: CanonicalForm], assuming assumptions: Assumptions = .none) throws(SimplificationError) -> CanonicalForm {
        guard !symbols.isDisjoint(with: bindings.keys) else { return self }
        var values: [String: CanonicalForm] = [:]
        for key in kernelKeys {
            let kernel = KernelTable.shared.kernel(forKey: key)
            switch kernel {
            case .symbol(let name):
                if let value = bindings[name] { values[key] = value }
            case .pi:
                continue
            case .abstract(let f, let argument):
                guard !argument.symbols.isDisjoint(with: bindings.keys) else { continue }
                values[key] = CanonicalForm.abstract(f, at: try argument.substituting(bindings, assuming: assumptions))
            default:
                let argument = kernel.argument!
                guard !argument.symbols.isDisjoint(with: bindings.keys) else { continue }
                try SimplificationError.checkDeadline()
                let substituted = try argument.substituting(bindings, assuming: assumptions)
                values[key] = try kernel.function!.spec.canonical(substituted, assumptions)
            }
        }
        return try replacingKernels(values)
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
