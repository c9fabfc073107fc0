import CFlintArb

// Elementary functions of balls, as static functions in the style of swift-numerics
// (`Ball.exp(x)`), each at the precision of its argument.
//
// Each result encloses f(t) for every t in the argument ball. Arb bounds the image of
// the ball with the derivative: rad(f(x)) ≈ |f′(m)|·rad(x) + rounding. This makes the
// condition number visible. exp(x) turns an absolute error in x into a relative error
// of the same size, so exp(1000 ± 10⁻³⁰) has only about 30 correct digits whatever the
// precision; log does the converse, and near 0 it is unbounded.
//
// Domains. Outside its domain a function returns the indeterminate ball [NaN ± ∞]
// (checked against Arb 2.23 for every case listed below); a ball that only partly
// leaves the domain counts as outside — the result is never computed from the valid
// part alone. Arb's `arb_sqrtpos`, which silently discards negative numbers, is
// deliberately not used.

extension Ball {
    static func unary(_ x: Ball, _ op: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void) -> Ball {
        make(precision: x.precision) { op($0, x.pointer, x.precision) }
    }

    /// √x. Domain: balls with no negative number. A ball with a negative part —
    /// `sqrt(-1)`, `sqrt([0 ± 0.5])`, `sqrt([0.25 ± 0.5])` — gives the indeterminate
    /// ball, not the root of its non-negative part; the exact ball 0 gives 0.
    ///
    /// Near 0 the square root is ill-conditioned (its derivative 1/(2√x) is unbounded):
    /// `sqrt([10⁻²⁰ ± 10⁻⁴⁰])` has about 20 correct digits, not 38.
    public static func sqrt(_ x: Ball) -> Ball { unary(x) { arb_sqrt($0, $1, $2) } }

    /// |x|: exact (no rounding), so the radius is kept; a ball across 0 gives a ball
    /// around |midpoint| that still contains every |y| for y in x.
    public static func abs(_ x: Ball) -> Ball { unary(x) { result, value, _ in arb_abs(result, value) } }

    /// eˣ. Defined everywhere; Arb's exponents are unbounded integers, so exp(10⁶) is a
    /// finite ball (≈ 3.03 · 10^434294) rather than an overflow. The relative radius of
    /// the result is about the absolute radius of x.
    public static func exp(_ x: Ball) -> Ball { unary(x) { arb_exp($0, $1, $2) } }

    /// The natural logarithm. Domain: certainly positive balls. A ball containing 0 or
    /// any negative number (`log(0)`, `log(-1)`, `log([0.25 ± 0.5])`) gives the
    /// indeterminate ball.
    public static func log(_ x: Ball) -> Ball { unary(x) { arb_log($0, $1, $2) } }

    /// log(1 + x). Domain: balls of numbers > −1 (others give the indeterminate ball).
    /// Unlike `log(1 + x)` it keeps its relative accuracy for tiny x: log1p(10⁻³⁰⁰) is
    /// 10⁻³⁰⁰ to full precision, where 1 + 10⁻³⁰⁰ would already be rounded.
    public static func log1p(_ x: Ball) -> Ball { unary(x) { arb_log1p($0, $1, $2) } }

    /// The error function erf x = (2/√π)∫₀ˣ e^(−s²) ds, in (−1, 1). Defined everywhere
    /// (Arb's `arb_hypgeom_erf`).
    public static func erf(_ x: Ball) -> Ball { unary(x) { arb_hypgeom_erf($0, $1, $2) } }

    /// sin x (x in radians). Defined everywhere; for a ball wider than a period the
    /// result is about `[0 ± 1]`. Large arguments are reduced modulo π with enough
    /// extra precision by Arb itself.
    public static func sin(_ x: Ball) -> Ball { unary(x) { arb_sin($0, $1, $2) } }

    /// cos x (x in radians). Defined everywhere.
    public static func cos(_ x: Ball) -> Ball { unary(x) { arb_cos($0, $1, $2) } }

    /// tan x (x in radians). Domain: balls containing no pole π/2 + kπ; a ball
    /// containing one (an enclosure of π/2, or `[0 ± 10]`) gives the indeterminate ball.
    public static func tan(_ x: Ball) -> Ball { unary(x) { arb_tan($0, $1, $2) } }

    /// The arctangent, in (−π/2, π/2). Defined everywhere.
    public static func atan(_ x: Ball) -> Ball { unary(x) { arb_atan($0, $1, $2) } }

    /// sinh x = (eˣ − e⁻ˣ)/2. Defined everywhere. Near 0 Arb avoids the cancellation
    /// of the textbook formula, so sinh(10⁻³⁰) has full relative accuracy.
    public static func sinh(_ x: Ball) -> Ball { unary(x) { arb_sinh($0, $1, $2) } }

    /// cosh x = (eˣ + e⁻ˣ)/2 ≥ 1. Defined everywhere.
    public static func cosh(_ x: Ball) -> Ball { unary(x) { arb_cosh($0, $1, $2) } }

    /// tanh x = (e²ˣ − 1)/(e²ˣ + 1), in (−1, 1). Defined everywhere. Arb does not form
    /// that quotient of two huge balls for large |x|, so tanh(10⁵) at 128 bits is
    /// `[1 ± 3·10⁻²⁵]` rather than a wide ball.
    public static func tanh(_ x: Ball) -> Ball { unary(x) { arb_tanh($0, $1, $2) } }

    /// The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ), in (0, 1). Defined everywhere.
    ///
    /// In floating point this formula overflows e⁻ˣ for very negative x, and the
    /// alternative (1 + tanh(x/2))/2 cancels catastrophically there. In ball arithmetic
    /// neither happens: e⁻ˣ cannot overflow, and 1 + e⁻ˣ adds two positive numbers, so
    /// every step keeps its relative accuracy and σ(−10⁶) ≈ 10^−434294 comes out with
    /// nearly full precision.
    public static func sigmoid(_ x: Ball) -> Ball {
        (1 + exp(-x)).reciprocal
    }

    /// self^exponent for a rational exponent p/q (in lowest terms).
    ///
    /// Domain and definition:
    /// - an integer exponent (q = 1) is `power(_: Int)`: any ball, with 0 excluded
    ///   for negative exponents;
    /// - otherwise the principal real power x^(p/q) = exp((p/q)·log x), defined for
    ///   certainly positive balls. Arb computes it by a q-th root for small q and by
    ///   exp/log otherwise.
    ///
    /// A ball containing a negative number gives the indeterminate ball, even for an
    /// odd q: (−8)^(1/3) is indeterminate here, not −2 — the real cube root of a
    /// negative number is a different function from exp(log(x)/3). A ball containing
    /// 0 is indeterminate as well, except the exact ball 0 with a positive exponent
    /// and small q (0^(1/2) = 0); do not rely on 0 being accepted.
    public func power(_ exponent: Rational) -> Ball {
        exponent.withFMPQ { e in
            Ball.make(precision: precision) { arb_pow_fmpq($0, pointer, e, precision) }
        }
    }
}
