import Exact
import Symbolic

extension SchedulePass {
    /// Why the data variance `form` is not proven positive on the domain, or nil when
    /// it is. A variance is a square: 0 or a negative value is no data distribution,
    /// and every quantity derived from it (ρ, Var(x_t), the covariance) would be
    /// meaningless. Three cases, each a proof or a refusal, never a floating-point
    /// guess:
    /// - a constant: its sign, exactly or by a rigorous enclosure;
    /// - over symbolic parameters only: positive coefficients in positive kernels
    ///   (the parameters are positive by declaration), as `sigma_d^2` or `a + b`;
    /// - a function of the time variable: its zero set on the domain is complete and
    ///   empty, it is defined everywhere there, and a ball at one interior point is
    ///   positive — continuity does the rest.
    func dataVarianceNotPositive(_ form: CanonicalForm) -> String? {
        if form.symbols.isEmpty {
            switch ConstantSign.sign(form) {
            case 1?: return nil
            case 0?: return "is 0"
            case (-1)?: return "is negative"
            default: return "could not be proven positive"
            }
        }
        if !form.symbols.contains(timeName) {
            if ConstantSign.isPositive(form, positiveSymbols: symbolicParams) { return nil }
            return "could not be proven positive for every positive value of \(parameterList(form.symbols))"
        }
        let others = form.symbols.subtracting([timeName])
        if !others.isEmpty {
            return "could not be proven positive: it depends on '\(timeName)' and on \(parameterList(others))"
        }
        guard !timeFailed else { return "could not be proven positive: the time domain is invalid" }
        switch ZeroFinder(assuming: assumptions).sign(of: form, on: time.analysisDomain) {
        case .positive(let zeros):
            guard let zero = zeros.first else { return nil }
            return "is 0 at \(zero.text(variable: timeName))"
        case .identicallyZero: return "is 0 on the whole domain"
        case .zeroInside(let zero): return "is 0 at \(zero.text(variable: timeName))"
        case .undefined(let point): return "is undefined at \(point.text(variable: timeName))"
        case .negative(let sample): return "is negative (at \(timeName) = \(sample))"
        case .unknown(let reason): return "could not be proven positive: \(reason)"
        }
    }

    /// `the parameter 'k'` or `the parameters 'a', 'b'`.
    private func parameterList(_ names: Set<String>) -> String {
        let quoted = names.sorted().map { "'\($0)'" }
        return (quoted.count == 1 ? "the parameter " : "the parameters ") + quoted.joined(separator: ", ")
    }
}
