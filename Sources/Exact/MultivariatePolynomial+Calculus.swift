import CFlintArb

extension MultivariatePolynomial {
    /// The partial derivative ∂/∂variable; zero when the variable is not in the ring
    /// (the polynomial does not depend on it).
    public func derivative(withRespectTo variable: String) -> MultivariatePolynomial {
        guard let i = ring.index(of: variable) else { return ring.zero }
        return unary { fmpq_mpoly_derivative($0, $1, i, $2) }
    }

    /// The antiderivative in `variable` with zero constant term in that variable:
    /// ∂/∂variable of the result is self. Precondition: the ring has the variable.
    public func integral(withRespectTo variable: String) -> MultivariatePolynomial {
        let i = ring.requireIndex(of: variable)
        return unary { fmpq_mpoly_integral($0, $1, i, $2) }
    }
}
