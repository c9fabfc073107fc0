extension MultivariatePolynomial: CustomStringConvertible {
    /// Text in sched's input syntax, which parses back to the same polynomial:
    ///
    ///     2*t^2*s - 3/4*t + 1/2
    ///
    /// - Terms are ordered by total degree, highest first, ties broken
    ///   lexicographically in ring-variable order (graded lex), whatever the ring's
    ///   monomial order — so the text depends only on the polynomial and the variable
    ///   order of the ring.
    /// - A term is `coefficient*monomial`; a coefficient ±1 is left out (`t`, `-t`),
    ///   a rational one is written as `3/4*t`, which reads as (3/4)·t since `/` and
    ///   `*` associate to the left.
    /// - Inside a monomial, variables appear in ring order joined by `*`, with `^k` for
    ///   exponents k ≥ 2: `t^2*s`.
    /// - Signs go between terms as " - " and " + "; a negative first term starts with
    ///   "-". Zero prints as "0".
    public var description: String {
        if isZero { return "0" }
        let names = ring.variables
        var out = ""
        for term in termsInGradedOrder {
            let c = term.coefficient
            if out.isEmpty { out += c.isNegative ? "-" : "" } else { out += c.isNegative ? " - " : " + " }
            let monomial = zip(names, term.exponents).compactMap { name, e -> String? in
                e == 0 ? nil : (e == 1 ? name : "\(name)^\(e)")
            }.joined(separator: "*")
            let magnitude = c.magnitude
            if monomial.isEmpty { out += magnitude.description }
            else if magnitude.isOne { out += monomial }
            else { out += "\(magnitude)*\(monomial)" }
        }
        return out
    }
}

extension MultivariatePolynomial {
    /// True when monomial a comes before b in graded lex order: higher total degree
    /// first, ties broken by the first differing exponent in ring-variable order.
    static func gradedLexGreater(_ a: [Int], _ b: [Int]) -> Bool {
        let da = a.reduce(0, +), db = b.reduce(0, +)
        if da != db { return da > db }
        return b.lexicographicallyPrecedes(a)
    }

    /// The terms sorted in graded lex order, largest first: the printing order, which
    /// depends only on the polynomial and the ring's variable order.
    var termsInGradedOrder: [Term] {
        terms.sorted { MultivariatePolynomial.gradedLexGreater($0.exponents, $1.exponents) }
    }
}
