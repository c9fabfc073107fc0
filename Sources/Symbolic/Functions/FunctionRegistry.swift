/// The functions of the language, one `FunctionSpec` each, looked up by name.
///
/// The list of specs, `FunctionRegistry.specs`, is generated at build time from the
/// files of this folder (FunctionListPlugin): a file declaring
/// `extension FunctionSpec { static let erf = FunctionSpec(…) }` registers erf, and
/// nothing else in the engine names a function by its text.
public enum FunctionRegistry {
    /// Every function, by the name of its file (the order `knownNames` and
    /// suggestions use).
    public static let all: [FunctionSpec] = specs

    private static let byName: [String: FunctionSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.function.name, $0) })

    /// The spec of the function with this ASCII name, if there is one.
    public static func spec(named name: String) -> FunctionSpec? { byName[name] }

    /// The spec of a function of the language.
    public static func spec(of function: Function) -> FunctionSpec {
        guard let spec = byName[function.name] else { preconditionFailure("unregistered function \(function.name)") }
        return spec
    }

    /// The ASCII names of all functions, in registry order.
    public static var names: [String] { all.map(\.function.name) }
}

/// A function of the language, identified by its ASCII name; everything else about it
/// is its `spec`. `diff` has two arguments and its own node, `Expr.Kind.derivative`.
public struct Function: Hashable, Sendable, CustomStringConvertible {
    /// The ASCII name, as the parser reads it: `sqrt`, `log`, `sigmoid`.
    public let name: String

    /// A function by a name known to be registered (the static members in `Functions/`).
    init(_ name: String) { self.name = name }

    /// The registered function with this ASCII name, if any.
    public init?(named name: String) {
        guard FunctionRegistry.spec(named: name) != nil else { return nil }
        self.name = name
    }

    public var spec: FunctionSpec { FunctionRegistry.spec(of: self) }

    /// Every registered function.
    public static var allCases: [Function] { FunctionRegistry.all.map(\.function) }

    public var description: String { name }
}
