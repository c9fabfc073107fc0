import Symbolic

/// One requirement on a target to design: a quantity of the unified model prescribed
/// as a function of time (`--det 1`, `--rho 1 - t`).
///
/// With u = −σ·x0 + α·s²·ε (uncorrelated with x_t) every linear target is
/// y = k·x_t + m·u, and det A = m·V, ρ = k/√(k² + m²s²), Var(y) = V·(k² + m²s²),
/// amp_x0 = σ/det A, amp_eps = α/det A (V = Var(x_t) = α²s² + σ²). So det A and the
/// amplification factors fix m alone ("scale" requirements), ρ fixes k/m, and Var(y)
/// fixes k² + m²s²: any two requirements that are not both scale requirements
/// determine (k, m).
public struct DesignRequirement: Sendable {
    public enum Quantity: String, Sendable, CaseIterable {
        case det, rho
        case varY = "var_y"
        case ampX0 = "amp_x0"
        case ampEps = "amp_eps"

        /// The command-line option that sets it.
        public var option: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }

        /// det A and the amplification factors σ/det A, α/det A each fix m = det A / V.
        public var fixesScale: Bool { self == .det || self == .ampX0 || self == .ampEps }
    }

    public var quantity: Quantity
    /// The prescribed value as written (parameters by name), for the `expect` line.
    public var written: Expr
    /// Its canonical form (numeric parameters substituted).
    public var value: CanonicalForm

    public init(_ quantity: Quantity, written: Expr, value: CanonicalForm) {
        self.quantity = quantity
        self.written = written
        self.value = value
    }

    /// The claim that the designed schedule must satisfy: `det == 1`.
    public var claimText: String { "\(quantity.rawValue) == \(printASCII(written))" }
}
