extension FunctionRegistry {
    /// The registered specs, in the order names are listed and suggested.
    static let specs: [FunctionSpec] = [
        .sqrt, .exp, .log, .sin, .cos, .tan, .atan, .sinh, .cosh, .tanh, .sigmoid,
    ]
}
