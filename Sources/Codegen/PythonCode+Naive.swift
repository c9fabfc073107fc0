import Symbolic

extension PythonCode {
    /// The expression as written, node for node (`sched codegen --naive`). Canonical
    /// forms print neither derivatives nor applications; a tree with one is refused.
    init(naive e: Expr) throws(CodegenError) {
        switch e.kind {
        case .number(let r): self = .number(r)
        case .variable(let n): self = .variable(n)
        case .pi: self = .pi
        case .negation(let x): self = .negation(try PythonCode(naive: x))
        case .binary(let op, let l, let r): self = .binary(op, try PythonCode(naive: l), try PythonCode(naive: r))
        case .function(let f, let x): self = .function(f, try PythonCode(naive: x))
        case .derivative, .application: throw CodegenError("'\(printASCII(e))' has no code: derivatives and applications are expanded before code is generated")
        }
    }
}

/// Why no code could be generated.
public struct CodegenError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
