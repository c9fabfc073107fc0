import Exact

/// Everything the engine knows about one function of the language, in one value: how
/// it is written, evaluated, differentiated, simplified, where it is defined, and —
/// when its canonical form keeps it as a kernel — its limits, sign and zeros.
///
/// One spec per function, registered once (`FunctionRegistry`), in the spirit of
/// GiNaC's one-registration-per-function: every printer, the parser, the simplifier,
/// the evaluators, the differentiators and the analysis ask the spec instead of
/// switching over a list of functions. A new function is one file in `Functions/`.
///
/// Every rule a spec states must be an identity wherever the function is defined (and
/// for the principal complex branch), because the zero test relies on it (`ZeroTest`).
public final class FunctionSpec: Sendable {
    /// The function, identified by its ASCII name: the name the parser reads, the ASCII
    /// printer writes and kernel keys use.
    public let function: Function
    /// The name in Unicode output (`sqrt` is printed as `√` there regardless).
    public let unicodeName: String
    /// The LaTeX command that names it, `\sin` or `\operatorname{atan}`.
    public let latexName: String
    /// Where a power of a call puts its exponent in LaTeX.
    public let latexExponent: LaTeXExponentPlacement
    /// Names other tools use for this function (`ln` for log): not accepted, but
    /// suggested as this function when they are written before `(`.
    public let suggestedFrom: [String]
    /// The number of arguments: 1 for every function of the language.
    public let arity: Int
    /// The call in NumPy code as the formula writes it (`sched codegen --naive`).
    public let numpy: NumPyPrinting
    /// The call in NumPy code in its overflow-free, accurate form, where it differs
    /// from the naive one (sigmoid, softplus, logit); otherwise `numpy`.
    public let numpyStable: NumPyPrinting

    /// The value at an exactly known point when it is exact (sin(π/6) = 1/2); nil
    /// otherwise. The caller has already excluded points outside the domain.
    let exactValue: @Sendable (EvaluationValue) -> EvaluationValue?
    /// A rigorous enclosure of f over the ball; the indeterminate ball where the ball
    /// reaches outside the domain.
    public let ball: @Sendable (Ball) -> Ball
    /// Where the function is undefined, for the evaluator; nil: defined everywhere.
    let evaluationDomain: EvaluationDomain?

    /// f′(u)·u′ as a tree, given u, u′ ≠ 0 and the call f(u) itself (`whole`, which
    /// many derivatives reuse: exp(u)′ = exp(u)·u′).
    let derivative: @Sendable (_ u: SizedExpression, _ du: SizedExpression, _ whole: SizedExpression, _ b: FoldingBuilder) throws(DifferentiationError) -> SizedExpression
    /// The canonical form of f(a): exact values, parity, simple inverses, rewriting
    /// into other functions (tan = sin/cos), or a kernel of its own.
    let canonical: @Sendable (_ a: CanonicalForm, _ assumptions: Assumptions) throws(SimplificationError) -> CanonicalForm
    /// The conditions f(a) adds for its argument to be defined (log: a > 0; tan:
    /// cos a ≠ 0); empty for functions defined everywhere.
    let argumentConditions: @Sendable (_ a: CanonicalForm) throws(SimplificationError) -> [DefinednessCondition]
    /// The facts about f(a) as a kernel of canonical forms; nil when the canonical
    /// form rewrites f into other functions (tan, sinh, sigmoid).
    public let kernel: KernelFacts?

    init(function: Function, unicodeName: String? = nil, latexName: String, latexExponent: LaTeXExponentPlacement = .onName,
         suggestedFrom: [String] = [],
         numpy: NumPyPrinting, numpyStable: NumPyPrinting? = nil,
         exactValue: @escaping @Sendable (EvaluationValue) -> EvaluationValue? = { _ in nil },
         ball: @escaping @Sendable (Ball) -> Ball,
         evaluationDomain: EvaluationDomain? = nil,
         derivative: @escaping @Sendable (SizedExpression, SizedExpression, SizedExpression, FoldingBuilder) throws(DifferentiationError) -> SizedExpression,
         canonical: @escaping @Sendable (CanonicalForm, Assumptions) throws(SimplificationError) -> CanonicalForm,
         argumentConditions: @escaping @Sendable (CanonicalForm) throws(SimplificationError) -> [DefinednessCondition] = { _ in [] },
         kernel: KernelFacts? = nil) {
        self.function = function
        self.unicodeName = unicodeName ?? function.name
        self.latexName = latexName
        self.latexExponent = latexExponent
        self.suggestedFrom = suggestedFrom
        self.arity = 1
        self.numpy = numpy
        self.numpyStable = numpyStable ?? numpy
        self.exactValue = exactValue
        self.ball = ball
        self.evaluationDomain = evaluationDomain
        self.derivative = derivative
        self.canonical = canonical
        self.argumentConditions = argumentConditions
        self.kernel = kernel
    }
}

extension FunctionSpec {
    /// The `exactValue` of a function whose only exact value known is f(0) = `value`.
    static func exactOnlyAtZero(_ value: Rational) -> @Sendable (EvaluationValue) -> EvaluationValue? {
        { x in
            if case .exact(let r) = x, r.isZero { return .exact(value) }
            return nil
        }
    }
}

/// How a call is written in generated NumPy code (`sched codegen --lang numpy`).
public struct NumPyPrinting: Sendable {
    /// The call, given its argument already printed as a complete Python expression.
    public let call: @Sendable (_ argument: String) -> String
    /// The name and the Python definition of a helper function the call uses, written
    /// once at the top of a module that needs it; nil when the call is NumPy's own.
    public let helper: (name: String, definition: String)?

    public init(call: @escaping @Sendable (String) -> String, helper: (name: String, definition: String)? = nil) {
        self.call = call
        self.helper = helper
    }

    /// A NumPy ufunc applied to the argument: `np.exp(x)`.
    public static func ufunc(_ name: String) -> NumPyPrinting {
        NumPyPrinting(call: { "np.\(name)(\($0))" })
    }
}

/// Where `^{n}` goes on a call in LaTeX.
public enum LaTeXExponentPlacement: Sendable {
    /// On the name, `\sin^{2}\left(x\right)` (a negative exponent still goes outside).
    case onName
    /// After the call, `\log\left(x\right)^{2}`.
    case afterCall
}

/// The part of the real line outside a function's domain, as the ball evaluator
/// checks it.
struct EvaluationDomain: Sendable {
    /// True when the exactly known or enclosed argument is proven outside the domain.
    let isCertainlyOutside: @Sendable (EvaluationValue) -> Bool
    /// What breaking the domain means, for messages: "log of a number that is not positive".
    let violation: String
}

/// What the analysis knows about a kernel f(a) of canonical forms.
public struct KernelFacts: Sendable {
    /// The place of f's kernels in the order of ring variables (after π at 0 and
    /// symbols at 1); ties are broken by the kernel's key.
    let rank: Int
    /// The canonical f(a)′ = f′(a)·a′, given a, a′ and the kernel f(a) itself.
    let derivative: @Sendable (_ a: CanonicalForm, _ da: CanonicalForm, _ kernel: CanonicalForm) throws(SimplificationError) -> CanonicalForm
    /// The sign of f(a) wherever it is defined.
    public let range: KernelRange
    /// Where f(a) = 0, in terms of a.
    public let zeros: KernelZeros
    /// The limit of f(a) when a tends to the given limit from inside f's domain; nil
    /// when it is not known (sin at ∞) or the limit leaves the domain.
    public let limit: @Sendable (Limit) -> Limit?
    /// exp(f(a)) in closed form, for functions that are logarithms of something
    /// (log: exp(log u) = u); it must be positive wherever f(a) is defined, so that
    /// exp(n·f(a)) = exp(f(a))ⁿ also for half-integers n (see `CanonicalForm.exp`).
    let exponential: (@Sendable (_ a: CanonicalForm) throws(SimplificationError) -> CanonicalForm)?

    init(rank: Int = 8,
         derivative: @escaping @Sendable (CanonicalForm, CanonicalForm, CanonicalForm) throws(SimplificationError) -> CanonicalForm,
         range: KernelRange = .unrestricted, zeros: KernelZeros,
         limit: @escaping @Sendable (Limit) -> Limit?,
         exponential: (@Sendable (CanonicalForm) throws(SimplificationError) -> CanonicalForm)? = nil) {
        self.rank = rank
        self.exponential = exponential
        self.derivative = derivative
        self.range = range
        self.zeros = zeros
        self.limit = limit
    }
}

/// The sign of a kernel's values.
public enum KernelRange: Sendable, Equatable {
    /// Positive everywhere (exp, softplus).
    case positive
    /// Nonnegative everywhere and positive where its argument is (√).
    case nonnegativePositiveWhereArgumentIs
    /// No sign known.
    case unrestricted
}

/// The zeros of a kernel f(a), in terms of its argument.
public enum KernelZeros: Sendable, Equatable {
    /// f(a) ≠ 0 everywhere.
    case none
    /// f(a) = 0 exactly where a = c, with the multiplicity of that zero of a
    /// (`keepsMultiplicity`) or an unknown one (√ halves it).
    case whereArgumentEquals(Rational, keepsMultiplicity: Bool)
    /// sin(a + phase·π): zero where a + phase·π is a multiple of π.
    case periodic(phase: Rational)
}

/// A limit: a finite value or an infinity.
public enum Limit: Equatable, Sendable {
    case finite(CanonicalForm)
    case positiveInfinity
    case negativeInfinity

    public var finiteValue: CanonicalForm? { if case .finite(let v) = self { return v }; return nil }
}

extension Limit {
    /// f(v) for a finite limit v where f is continuous: the canonical value when it can
    /// be built, nil otherwise (v outside the domain throws).
    static func continuous(_ v: CanonicalForm, _ f: (CanonicalForm) throws(SimplificationError) -> CanonicalForm) -> Limit? {
        (try? f(v)).map { .finite($0) }
    }

    /// True when the finite value is proven positive by a ball.
    static func isCertainlyPositive(_ v: CanonicalForm) -> Bool {
        v.ball(at: [:], precision: 256).isCertainlyPositive
    }
}
