import Exact
import Foundation

/// An atom of the canonical form: a variable of the polynomial ring in which
/// simplified expressions live.
///
/// Kernels are symbols, π, and functions of canonical arguments. Everything else
/// (tan, sinh, cosh, tanh, sigmoid, powers) is rewritten into these before it reaches
/// the ring, and the algebraic relations between kernels (√R·√R = R,
/// sin² + cos² = 1, exp(a)·exp(b) = exp(a + b)) are applied by
/// `CanonicalForm.reduced`, so that two equal expressions meet in one form as often
/// as the theory allows. The functions with such relations have cases of their own;
/// every other function whose spec has `KernelFacts` is an `applied` kernel, about
/// which the engine knows only what its spec says.
public indirect enum Kernel: Hashable, Sendable {
    case symbol(String)
    case pi
    /// √R for a polynomial R (denominator 1) that is not a constant perfect square;
    /// for constant R, a prime.
    case sqrt(CanonicalForm)
    case exp(CanonicalForm)
    case log(CanonicalForm)
    case sin(CanonicalForm)
    case cos(CanonicalForm)
    case atan(CanonicalForm)
    /// f(a) for a registered function without relations to other kernels (erf).
    case applied(Function, CanonicalForm)
    /// A derivative of a declared, unknown smooth function at an argument: α(t),
    /// α′(t), α(1 − t). Different orders are different kernels, algebraically
    /// independent of each other and of every other kernel, which is sound: an
    /// identity that holds for independent symbols holds for every function.
    case abstract(AbstractFunction, CanonicalForm)

    /// The registered function, or nil for symbols, π and abstract functions.
    public var function: Function? {
        switch self {
        case .symbol, .pi, .abstract: return nil
        case .sqrt: return .sqrt
        case .exp: return .exp
        case .log: return .log
        case .sin: return .sin
        case .cos: return .cos
        case .atan: return .atan
        case .applied(let f, _): return f
        }
    }

    /// The function's name, or nil for symbols and π.
    var functionName: String? { function?.name }

    /// What the function's spec says about this kernel; nil for symbols and π.
    public var facts: KernelFacts? { function?.spec.kernel }

    public var argument: CanonicalForm? {
        switch self {
        case .symbol, .pi: return nil
        case .sqrt(let a), .exp(let a), .log(let a), .sin(let a), .cos(let a), .atan(let a), .applied(_, let a),
             .abstract(_, let a): return a
        }
    }

    /// Rank in the variable order: π first (so products print `pi*t`), then symbols,
    /// then functions by their spec's rank.
    var rank: Int {
        switch self {
        case .pi: return 0
        case .symbol: return 1
        case .abstract: return AbstractFunction.rank
        default: return facts!.rank
        }
    }

    /// A unique text for the kernel, built from the canonical text of its argument;
    /// it is the kernel's variable name in polynomial rings.
    public var key: String {
        switch self {
        case .symbol(let name): return name
        case .pi: return "pi"
        case .abstract(let f, let a): return "\(f.key)(\(a.key))"
        default: return "\(functionName!)(\(argument!.key))"
        }
    }

    /// Key with the rank in front: sorting by it gives the ring's variable order.
    var sortKey: String { "\(rank):\(key)" }

    /// The symbols this kernel depends on.
    public var symbols: Set<String> {
        switch self {
        case .symbol(let name): return [name]
        case .pi: return []
        default: return argument!.symbols
        }
    }
}

/// Interns kernels by key, so that a ring variable name leads back to its kernel.
///
/// Shared by every simplification in the process; kernels are immutable values and
/// the table only grows, guarded by a lock.
final class KernelTable: @unchecked Sendable {
    static let shared = KernelTable()

    private let lock = NSLock()
    private var kernels: [String: Kernel] = [:]
    private var rings: [[String]: PolynomialRing] = [:]

    func register(_ kernel: Kernel) -> String {
        let key = kernel.key
        lock.lock(); defer { lock.unlock() }
        if kernels[key] == nil { kernels[key] = kernel }
        return key
    }

    func kernel(forKey key: String) -> Kernel {
        lock.lock(); defer { lock.unlock() }
        guard let k = kernels[key] else { preconditionFailure("unregistered kernel \(key)") }
        return k
    }

    /// The ring whose variables are exactly `keys`, in kernel order; rings are cached
    /// so that forms over the same kernels share one FLINT context.
    func ring(for keys: Set<String>) -> PolynomialRing {
        lock.lock()
        let sorted = keys.map { ($0, kernels[$0]!.sortKey) }.sorted { $0.1 < $1.1 }.map(\.0)
        if let ring = rings[sorted] { lock.unlock(); return ring }
        lock.unlock()
        let ring = PolynomialRing(variables: sorted)
        lock.lock(); defer { lock.unlock() }
        if let existing = rings[sorted] { return existing }
        rings[sorted] = ring
        return ring
    }
}
