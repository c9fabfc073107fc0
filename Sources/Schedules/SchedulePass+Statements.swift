import Exact
import Symbolic

extension SchedulePass {
    // MARK: Lets

    mutating func letBinding(_ name: Identifier, _ value: Expr, _ statement: StatementSyntax) {
        let n = name.name
        if let role = Self.reservedRole(n) {
            report(.reservedName(n, role: role), at: name.range)
            poisoned.insert(n)
            return
        }
        if n == timeName || paramIndex[n] != nil || letIndex[n] != nil || functions[n] != nil || firstSites["param \(n)"] != nil {
            let first = n == timeName
                ? firstSites["time"] : (firstSites["param \(n)"] ?? firstSites["function \(n)"] ?? firstSites["let \(n)"])
            if let first {
                report(.redefinition(n, firstAt: first.start), at: name.range, notes: [Note("first defined here", at: first)])
            } else {
                report(.reservedName(n, role: "the time variable"), at: name.range)
            }
            return
        }
        firstSites["let \(n)"] = name.range
        statementRanges["let \(n)"] = statement.range
        guard checkNames(value, .letValue(n), statement), let form = canonicalForm(value, statement) else {
            poisoned.insert(n)
            return
        }
        let isVector = LinearForm.usesVectors(form, Set(Self.vectors))
        if isVector {
            guard linearCoefficients(form, of: value, subject: "let '\(n)'", statement) != nil else {
                poisoned.insert(n)
                return
            }
        }
        let quantities = form.symbols.intersection(Self.derivedQuantities)
        letIndex[n] = lets.count
        lets.append(LetBinding(name: n, value: form, range: statement.range, isVector: isVector, quantities: quantities))
        bindings[n] = form
    }

    // MARK: The forward process

    mutating func forwardProcess(_ e: Expr, _ statement: StatementSyntax) {
        if forwardFromXt {
            _ = defineOnce("x_t", at: statement.range, statement)
            return
        }
        if alphaFromStatement || sigmaFromStatement {
            reportConflict(statement)
            return
        }
        firstSites["x_t"] = statement.range
        statementRanges["x_t"] = statement.range
        forwardFromXt = true
        guard checkNames(e, .forwardProcess, statement), let form = canonicalForm(e, statement),
              let coefficients = linearCoefficients(form, of: e, subject: "the forward process", statement)
        else {
            poisoned.formUnion(["alpha", "sigma", "x_t", "velocity"])
            return
        }
        alpha = Quantity(value: coefficients["x0"] ?? .zero, range: statement.range)
        sigma = Quantity(value: coefficients["eps"] ?? .zero, range: statement.range)
        completeForwardProcess(statement)
    }

    /// `alpha = …` or `sigma = …`.
    mutating func forwardQuantity(_ name: String, _ e: Expr, _ statement: StatementSyntax) {
        if forwardFromXt {
            reportConflict(statement)
            return
        }
        guard defineOnce(name, at: statement.range, statement) else { return }
        if name == "alpha" { alphaFromStatement = true } else { sigmaFromStatement = true }
        let context: NameContext = name == "alpha" ? .alpha : .sigma
        guard checkNames(e, context, statement), let form = canonicalForm(e, statement) else {
            poisoned.formUnion([name, "x_t", "velocity"])
            return
        }
        let quantity = Quantity(value: form, range: statement.range)
        if name == "alpha" {
            alpha = quantity
            bindings["alpha"] = form
        } else {
            sigma = quantity
            bindings["sigma"] = form
        }
        if alpha != nil, sigma != nil { completeForwardProcess(statement) }
    }

    /// Binds alpha, sigma and x_t = α·x0 + σ·eps once both coefficients are known.
    private mutating func completeForwardProcess(_ statement: StatementSyntax) {
        guard let a = alpha?.value, let s = sigma?.value,
              forwardMatchesDeclaredFunctions(alpha: a, sigma: s, statement) else { return }
        bindings["alpha"] = a
        bindings["sigma"] = s
        guard let xt = attempt(at: statement.range, { () throws(SimplificationError) -> CanonicalForm in
            try a * .symbol("x0") + s * .symbol("eps")
        }) else {
            poisoned.formUnion(["x_t", "velocity"])
            return
        }
        bindings["x_t"] = xt
        forwardComplete = true
    }

    private mutating func reportConflict(_ statement: StatementSyntax) {
        if !conflictReported {
            report(.conflictingForwardProcess, at: statement.range)
            conflictReported = true
        }
    }

    // MARK: The target and the data variance

    mutating func targetStatement(_ e: Expr, _ statement: StatementSyntax) {
        guard defineOnce("target", at: statement.range, statement) else { return }
        targetSeen = true
        guard checkNames(e, .target, statement), let form = canonicalForm(e, statement),
              let coefficients = linearCoefficients(form, of: e, subject: "the target", statement)
        else {
            targetFailed = true
            return
        }
        target = (e, statement.range, coefficients["x0"] ?? .zero, coefficients["eps"] ?? .zero)
    }

    mutating func dataVarianceStatement(_ e: Expr, _ statement: StatementSyntax) {
        guard defineOnce("data variance", at: statement.range, statement) else { return }
        guard checkNames(e, .dataVariance, statement), let form = canonicalForm(e, statement) else { return }
        if let reason = dataVarianceNotPositive(form) {
            report(.dataVarianceNotPositive(text(e.range), reason: reason), at: e.range ?? statement.range)
            return
        }
        dataVariance = Quantity(value: form, range: statement.range)
    }

    // MARK: Linearity

    /// The coefficients of x0 and eps in `form` (the canonical form of `e`), or nil
    /// after reporting why `e` is not linear: the smallest subtree that is not, or
    /// the term without a vector.
    mutating func linearCoefficients(_ form: CanonicalForm, of e: Expr, subject: String,
                                     _ statement: StatementSyntax) -> [String: CanonicalForm]? {
        let decomposition: LinearForm.Decomposition
        do {
            decomposition = try LinearForm.decompose(form, vectors: Self.vectors)
        } catch {
            report(Diagnostic(SimplificationDiagnostic(error), at: e.range ?? statement.range))
            return nil
        }
        switch decomposition {
        case .linear(let coefficients):
            return coefficients
        case .constantTerm(let constant):
            report(.constantTerm(subject: subject, term: printASCII(constant.expression)), at: e.range ?? statement.range)
            return nil
        case .nonLinear(let reason):
            let (node, nodeReason) = smallestNonLinear(e) ?? (e, reason)
            report(.nonLinear(subject: subject, term: text(node.range), reason: nodeReason), at: node.range ?? statement.range)
            return nil
        }
    }

    /// The smallest subtree of `e` whose canonical form is not linear in the vectors,
    /// with the reason read from its operator: a product multiplies two vectors, a
    /// quotient divides by one, a power raises one to a power (or, with a vector in
    /// the exponent, is a function of it), a function applies to one.
    private func smallestNonLinear(_ e: Expr) -> (Expr, ScheduleDiagnostic.NonLinearity)? {
        let simplifier = Simplifier(assuming: assumptions, bindings: bindings, timeVariable: timeName)
        func nonLinear(_ e: Expr) -> Bool {
            guard let form = try? simplifier.canonicalForm(of: e) else { return false }
            return LinearForm.nonLinearity(form, vectors: Self.vectors) != nil
        }
        func usesVector(_ e: Expr) -> Bool {
            guard let form = try? simplifier.canonicalForm(of: e) else { return false }
            return LinearForm.usesVectors(form, Set(Self.vectors))
        }
        func search(_ e: Expr) -> (Expr, ScheduleDiagnostic.NonLinearity)? {
            guard nonLinear(e) else { return nil }
            for child in ExprWalk.children(e) {
                if let found = search(child) { return found }
            }
            switch e.kind {
            case .binary(.multiply, _, _): return (e, .product)
            case .binary(.divide, _, _): return (e, .division)
            case .binary(.power, _, let exponent): return (e, usesVector(exponent) ? .function : .power)
            default: return (e, .function)
            }
        }
        return search(e)
    }

    // MARK: Claims

    mutating func expectation(_ claim: Claim, text: String, _ statement: StatementSyntax) {
        var ok = true
        let parts: [(Expr, NameContext)]
        switch claim {
        case .identity(let q, let e): parts = [(q, .claim), (e, .claim)]
        case .nonzero(let q), .positive(let q), .negative(let q): parts = [(q, .claim)]
        case .zeroAt(let q, _, let point): parts = [(q, .claim), (point, .claimPoint)]
        case .zeroSet(let q, let points): parts = [(q, .claim)] + points.map { ($0, .claimPoint) }
        }
        for (e, context) in parts where !checkNames(e, context, statement) { ok = false }
        if case .zeroAt(_, let variable, _) = claim {
            switch role(of: variable) {
            case .time, .parameter(symbolic: true): break
            case .poisoned: ok = false
            case .unknown where !quietUnknownNames:
                report(.unknownName(variable, suggestion: NameSuggestions.nearest(to: variable, among: knownNames)),
                       at: statement.range)
                ok = false
            default:
                report(.nameNotAllowed(variable, role: "name",
                                       context: "'at' of a claim, which takes the time variable or a symbolic parameter"),
                       at: statement.range)
                ok = false
            }
        }
        guard ok else { return }

        // Substitute lets and numeric parameters by their values.
        var replacements: [String: Expr] = [:]
        for p in params { if let v = p.value { replacements[p.name] = v.expression } }
        for l in lets { replacements[l.name] = l.value.expression }
        let quantities = Self.forwardQuantities.union(Self.derivedQuantities)
        func substituted(_ e: Expr) -> Expr {
            ExprWalk.substituting(replacements, in: e, time: timeName, quantities: quantities)
        }
        let resolved: Claim
        switch claim {
        case .identity(let q, let e): resolved = .identity(substituted(q), substituted(e))
        case .nonzero(let q): resolved = .nonzero(substituted(q))
        case .positive(let q): resolved = .positive(substituted(q))
        case .negative(let q): resolved = .negative(substituted(q))
        case .zeroAt(let q, let v, let p): resolved = .zeroAt(substituted(q), variable: v, at: substituted(p))
        case .zeroSet(let q, let ps): resolved = .zeroSet(substituted(q), ps.map(substituted))
        }

        // Everything must simplify; points must be constant. Quantities stand for
        // themselves here (their values come with the analysis), at any time.
        // Declared functions are their kernels (as in `ModelAnalysis.quantitySimplifier`).
        var standIns = Dictionary(usedFunctions.map { ($0.primedName, CanonicalForm.abstract($0)) }) { first, _ in first }
        for q in quantities { standIns[q] = .symbol(q) }
        let plain = Simplifier(assuming: assumptions, bindings: standIns, timeVariable: timeName)
        func simplifies(_ e: Expr, point: Bool) -> Bool {
            let form: CanonicalForm
            do {
                form = try plain.canonicalForm(of: e)
            } catch {
                report(Diagnostic(SimplificationDiagnostic(error.error), at: error.range ?? statement.range))
                return false
            }
            if point {
                let nonConstant = form.symbols.contains(timeName) ? timeName
                    : form.symbols.intersection(Self.derivedQuantities.union(Self.forwardQuantities)).sorted().first
                if let nonConstant {
                    report(.nonConstantValue(what: "the point of a claim", variable: nonConstant), at: e.range ?? statement.range)
                    return false
                }
            }
            return true
        }
        var valid = true
        switch resolved {
        case .identity(let q, let e): valid = simplifies(q, point: false) && simplifies(e, point: false)
        case .nonzero(let q), .positive(let q), .negative(let q): valid = simplifies(q, point: false)
        case .zeroAt(let q, let v, let p): valid = simplifies(q, point: false) && (v != timeName || simplifies(p, point: true))
        case .zeroSet(let q, let ps): valid = simplifies(q, point: false) && ps.allSatisfy { simplifies($0, point: true) }
        }
        if valid { expectations.append(Expectation(claim: resolved, range: statement.range, text: text)) }
    }

    // MARK: Completeness and the model

    mutating func checkCompleteness() {
        if !forwardComplete, !poisoned.contains("x_t"), !forwardFromXt {
            if alphaFromStatement, !sigmaFromStatement, !poisoned.contains("sigma"), let range = statementRanges["alpha"] {
                report(.incompleteForwardProcess(given: "alpha", missing: "sigma"), at: range)
            } else if sigmaFromStatement, !alphaFromStatement, !poisoned.contains("alpha"), let range = statementRanges["sigma"] {
                report(.incompleteForwardProcess(given: "sigma", missing: "alpha"), at: range)
            } else if !alphaFromStatement, !sigmaFromStatement {
                report(.missingForwardProcess(schedule: syntax.name), at: syntax.range)
            }
        }
        if !targetSeen, !targetFailed {
            report(.missingTarget(schedule: syntax.name), at: syntax.range)
        }
    }

    func model() -> Schedule? {
        guard diagnostics.isEmpty, syntax.syntaxErrorCount == 0, !timeFailed, forwardComplete,
              let alpha, let sigma, let target else { return nil }
        var schedule = Schedule(
            name: syntax.name, title: syntax.title, cite: cite, range: syntax.range, time: time, params: params,
            lets: lets, alpha: alpha, sigma: sigma,
            c: Quantity(value: target.c, range: target.range), d: Quantity(value: target.d, range: target.range),
            target: target.expression, targetRange: target.range, dataVariance: dataVariance,
            expectations: expectations, allows: allows, assumptions: assumptions, statementRanges: statementRanges,
            definedness: coefficientDefinedness, definednessByStatement: statementDefinedness)
        schedule.functions = usedFunctions
        return schedule
    }
}
