import Exact
import Symbolic

/// An expression of generated Python code: the operations of the expression language
/// plus the accurate primitives NumPy offers (expm1, log1p, …) and a few helpers of the
/// module (`_cospi`, `_log1mexp`), so that a stable form is a tree like any other.
///
/// Every node has a meaning as an expression of the language (`expressionForProof`):
/// expm1(u) is exp(u) − 1, log1p(u) is log(1 + u), |x| is √(x²). That is what sched
/// simplifies to prove a rewritten form equal to the original.
indirect enum PythonCode: Equatable {
    case number(Rational)
    /// A variable of the schedule (the time, the second time, a parameter), by its
    /// name in the schedule: renamed to the Python argument when printed.
    case variable(String)
    case pi
    case negation(PythonCode)
    case binary(BinaryOperator, PythonCode, PythonCode)
    /// A function of the language, printed through its `FunctionSpec`.
    case function(Function, PythonCode)
    /// An accurate primitive of NumPy or of the module.
    case primitive(PythonPrimitive, PythonCode)

    var isZero: Bool { if case .number(let r) = self { return r.isZero }; return false }
    var isOne: Bool { if case .number(let r) = self { return r.isOne }; return false }

    /// Whether the code mentions the variable.
    func mentions(_ name: String) -> Bool {
        switch self {
        case .number, .pi: return false
        case .variable(let n): return n == name
        case .negation(let x), .function(_, let x), .primitive(_, let x): return x.mentions(name)
        case .binary(_, let l, let r): return l.mentions(name) || r.mentions(name)
        }
    }
}

/// The primitives a stable form uses that are not functions of the language.
enum PythonPrimitive: String, CaseIterable {
    /// eˣ − 1 without the cancellation of exp(x) − 1 near x = 0.
    case expm1
    /// log(1 + x) without rounding 1 + x.
    case log1p
    /// |x|.
    case abs
    /// log(1 − eˣ) for x < 0: log1p(−eˣ) far from 0, log(−expm1 x) near it (Mächler 2012).
    case log1mexp
    /// cos(π·x) with the argument reduced exactly, so that it is exactly 0 at half-integers.
    case cospi
    /// sin(π·x), exactly 0 at integers.
    case sinpi

    /// The call, given the printed argument.
    func call(_ argument: String) -> String {
        switch self {
        case .expm1: return "np.expm1(\(argument))"
        case .log1p: return "np.log1p(\(argument))"
        case .abs: return "np.abs(\(argument))"
        case .log1mexp, .cospi, .sinpi: return "_\(rawValue)(\(argument))"
        }
    }

    /// The helper's name and Python definition, for those the module defines.
    var helper: (name: String, definition: String)? {
        switch self {
        case .expm1, .log1p, .abs: return nil
        case .log1mexp:
            return ("_log1mexp", """
                def _log1mexp(x):
                    \"\"\"log(1 - exp(x)) for x < 0: log(-expm1(x)) near 0, log1p(-exp(x)) below -log 2.\"\"\"
                    with np.errstate(divide="ignore", invalid="ignore"):
                        return np.where(x > -0.6931471805599453, np.log(-np.expm1(x)), np.log1p(-np.exp(x)))
                """)
        case .cospi:
            return ("_cospi", """
                def _cospi(x):
                    \"\"\"cos(pi*x): |x| reduced mod 2 and folded to [0, 1] exactly, then sin(pi*(1/2 - x)).\"\"\"
                    x = np.remainder(np.abs(x), 2)
                    x = np.where(x > 1, 2 - x, x)
                    return np.sin(np.pi * (0.5 - x))
                """)
        case .sinpi:
            return ("_sinpi", """
                def _sinpi(x):
                    \"\"\"sin(pi*x): the sign taken out, |x| reduced mod 2 and folded to [0, 1/2] exactly.\"\"\"
                    sign = np.where(x < 0, -1.0, 1.0)
                    x = np.remainder(np.abs(x), 2)
                    sign = np.where(x >= 1, -sign, sign)
                    x = np.where(x >= 1, x - 1, x)
                    x = np.where(x > 0.5, 1 - x, x)
                    return sign * np.sin(np.pi * x)
                """)
        }
    }
}

extension PythonCode {
    /// The code as an expression of the language, for the proof that a rewrite is an
    /// identity: expm1(u) = exp(u) − 1, log1p(u) = log(1 + u), |x| = √(x²),
    /// log1mexp(u) = log(1 − exp(u)), cospi(x) = cos(π·x), sinpi(x) = sin(π·x).
    var expressionForProof: Expr {
        switch self {
        case .number(let r): return .number(r)
        case .variable(let n): return .variable(n)
        case .pi: return .pi
        case .negation(let x): return .negation(x.expressionForProof)
        case .binary(let op, let l, let r): return .binary(op, l.expressionForProof, r.expressionForProof)
        case .function(let f, let x): return .function(f, x.expressionForProof)
        case .primitive(let p, let x):
            let u = x.expressionForProof
            switch p {
            case .expm1: return .binary(.subtract, .function(.exp, u), .number(1))
            case .log1p: return .function(.log, .binary(.add, .number(1), u))
            case .abs: return .function(.sqrt, .binary(.power, u, .number(2)))
            case .log1mexp: return .function(.log, .binary(.subtract, .number(1), .function(.exp, u)))
            case .cospi: return .function(.cos, .binary(.multiply, .pi, u))
            case .sinpi: return .function(.sin, .binary(.multiply, .pi, u))
            }
        }
    }
}
