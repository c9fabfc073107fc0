import Symbolic

/// Where an expression stands, which decides the names it may use.
enum NameContext {
    case timeBound
    case paramValue(String)
    case letValue(String)
    case forwardProcess
    case alpha
    case sigma
    case target
    case dataVariance
    case claim
    /// The point of `Q == 0 at t = E` and the members of a zero set.
    case claimPoint

    /// How the context is named in messages.
    var subject: String {
        switch self {
        case .timeBound: return "the time interval"
        case .paramValue(let name): return "the value of parameter '\(name)'"
        case .letValue(let name): return "let '\(name)'"
        case .forwardProcess: return "the forward process"
        case .alpha: return "alpha"
        case .sigma: return "sigma"
        case .target: return "the target"
        case .dataVariance: return "the data variance"
        case .claim: return "a claim"
        case .claimPoint: return "the point of a claim"
        }
    }

    /// Contexts that may use lets over derived quantities and the derived
    /// quantities themselves.
    var allowsDerivedQuantities: Bool {
        switch self {
        case .letValue, .claim, .claimPoint: return true
        default: return false
        }
    }
}

/// What a name refers to at the current statement.
enum NameRole {
    case time
    case parameter(symbolic: Bool)
    case letBinding(LetBinding)
    /// `function NAME`: an abstract function of time.
    case abstractFunction
    /// x0, eps, epsilon.
    case vector
    /// x_t, velocity.
    case noisyInput
    /// alpha, sigma.
    case forwardQuantity
    /// c, d, det, rho, …
    case derivedQuantity
    /// Defined by a statement that failed: silently unusable.
    case poisoned
    /// A param or let not defined yet (further down, or a let seen from a
    /// declaration, which is checked before all lets).
    case later(SourceLocation, isLet: Bool)
    case unknown

    var isLet: Bool {
        if case .letBinding = self { return true }
        return false
    }
}

extension SchedulePass {
    func role(of name: String) -> NameRole {
        if poisoned.contains(name) { return .poisoned }
        if name == timeName { return .time }
        if let i = paramIndex[name] { return .parameter(symbolic: params[i].value == nil) }
        if let i = letIndex[name] { return .letBinding(lets[i]) }
        if functions[name] != nil { return .abstractFunction }
        if Self.vectorNames.contains(name) { return .vector }
        if Self.noisyInputs.contains(name) { return .noisyInput }
        if Self.forwardQuantities.contains(name) { return .forwardQuantity }
        if Self.derivedQuantities.contains(name) { return .derivedQuantity }
        if let (site, isLet) = definitionSites[name] { return .later(site, isLet: isLet) }
        return .unknown
    }

    /// Every name the schedule knows, for "did you mean".
    var knownNames: [String] {
        [timeName] + params.map(\.name) + lets.map(\.name) + definitionSites.keys.sorted()
            + functions.keys.sorted() + ["x0", "eps", "epsilon", "x_t", "velocity", "alpha", "sigma"] + Self.derivedQuantities.sorted()
    }

    /// The statement after the current one that defines `name` (`alpha`, `sigma`,
    /// or the forward process for x_t and velocity), if any.
    func laterForwardSite(for name: String) -> SourceLocation? {
        for statement in syntax.statements.dropFirst(current + 1) {
            switch (statement.kind, name) {
            case (.forwardProcess, _), (.alpha, "alpha"), (.sigma, "sigma"), (.alpha, "x_t"), (.alpha, "velocity"),
                 (.sigma, "x_t"), (.sigma, "velocity"):
                return statement.range.start
            default: continue
            }
        }
        return nil
    }

    /// Checks every name of `e` against `context`, reporting each problem once (per
    /// name); returns false when the statement cannot be evaluated (a problem was
    /// reported, or a poisoned name was met).
    mutating func checkNames(_ e: Expr, _ context: NameContext, _ statement: StatementSyntax) -> Bool {
        var ok = true
        var seen: Set<String> = []
        for (name, range) in ExprWalk.variables(in: e) where seen.insert(name).inserted {
            if !check(name, at: range ?? statement.range, context, in: e) { ok = false }
        }
        for (name, argument, range) in ExprWalk.applications(in: e) {
            if !checkApplication(name, argument, at: range ?? statement.range, context, seen: &seen) { ok = false }
        }
        var seenDerivatives: Set<String> = []
        for (name, range) in ExprWalk.derivativeVariables(in: e) where seenDerivatives.insert(name).inserted {
            switch role(of: name) {
            case .time, .parameter(symbolic: true): break
            case .poisoned: ok = false
            default:
                report(.invalidDerivativeVariable(name), at: range ?? statement.range)
                ok = false
            }
        }
        return ok
    }

    /// Checks one name of `expression` (where field hints look for `e^x`).
    private mutating func check(_ name: String, at range: SourceRange, _ context: NameContext, in expression: Expr? = nil) -> Bool {
        let subject = context.subject
        switch role(of: name) {
        case .poisoned:
            return false
        case .unknown:
            if quietUnknownNames { return false }
            if let hint = FieldHint.unknownName(name, at: range, in: expression, source: bytes,
                                                vectorContext: allowsVectors(context)) {
                report(hint)
            } else {
                report(.unknownName(name, suggestion: NameSuggestions.nearest(to: name, among: knownNames)), at: range)
            }
            return false
        case .later(let site, let isLet):
            if isLet, isDeclaration(context) {
                // Declarations are checked before every let: a let is never allowed there.
                report(.nameNotAllowed(name, role: "let", context: subject), at: range)
            } else {
                report(.usedBeforeDefinition(name, definedAt: site, what: "its definition"), at: range)
            }
            return false
        case .time, .parameter:
            // Constancy (bounds, values, points) is checked on the canonical form.
            return true
        case .abstractFunction:
            // A function of time: constancy is checked on the canonical form, as for t.
            return true
        case .letBinding(let binding):
            switch context {
            case .timeBound, .paramValue:
                report(.nameNotAllowed(name, role: "let", context: subject), at: range)
                return false
            case .letValue:
                return true
            default:
                if binding.isVector, !allowsVectors(context) {
                    report(.vectorNotAllowed(name, context: subject), at: range)
                    return false
                }
                if let quantity = binding.quantities.sorted().first, !context.allowsDerivedQuantities {
                    report(.nameNotAllowed(name, role: "let",
                                           context: "\(subject): it uses the derived quantity '\(quantity)'"), at: range)
                    return false
                }
                return true
            }
        case .vector:
            if allowsVectors(context) { return true }
            report(.vectorNotAllowed(name, context: subject), at: range)
            return false
        case .noisyInput:
            switch context {
            case .letValue, .target:
                return forwardAvailable(name, at: range)
            case .forwardProcess:
                report(.nameNotAllowed(name, role: "vector", context: subject), at: range)
                return false
            default:
                report(.vectorNotAllowed(name, context: subject), at: range)
                return false
            }
        case .forwardQuantity:
            switch context {
            case .claim:
                return true
            case .timeBound, .paramValue, .claimPoint, .forwardProcess:
                report(.nameNotAllowed(name, role: "quantity", context: subject), at: range)
                return false
            case .alpha where name == "alpha", .sigma where name == "sigma":
                report(.nameNotAllowed(name, role: "quantity", context: "its own definition"), at: range)
                return false
            default:
                return forwardAvailable(name, at: range)
            }
        case .derivedQuantity:
            if context.allowsDerivedQuantities, !isClaimPoint(context) { return true }
            report(.nameNotAllowed(name, role: "derived quantity", context: subject), at: range)
            return false
        }
    }

    /// `name(argument)`: a let or quantity, used where the name alone may be (and a
    /// derived quantity, or a let over one, in a let only at the time variable: its
    /// value elsewhere is known to claims only); the argument must be proven to stay
    /// in the time domain. Any other name before `(` is `not-a-function`.
    private mutating func checkApplication(_ name: String, _ argument: Expr, at range: SourceRange, _ context: NameContext,
                                           seen: inout Set<String>) -> Bool {
        let role = role(of: name)
        switch role {
        case .letBinding, .abstractFunction, .forwardQuantity, .derivedQuantity, .later, .poisoned:
            break
        case .unknown where quietUnknownNames:
            return false
        default:
            let nameRange = appliedNameRange(range, argument)
            report(NotAFunction.diagnostic(written: text(nameRange), name: name, at: nameRange,
                                           parenthesis: argument.range?.start ?? nameRange.end))
            return false
        }
        if seen.insert(name).inserted, !check(name, at: range, context) { return false }
        var timeDependent = false
        switch role {
        case .derivedQuantity: timeDependent = true
        case .letBinding(let binding): timeDependent = !binding.quantities.isEmpty
        default: break
        }
        if case .letValue = context, timeDependent, argument.kind != .variable(timeName) {
            report(.nameNotAllowed(name, role: role.isLet ? "let" : "derived quantity",
                                   context: "\(context.subject) at another time than '\(timeName)' (only claims can)"),
                   at: range)
            return false
        }
        return argumentInDomain(name, argument, at: range)
    }

    /// The argument must be proven to lie in the time domain, where the quantities
    /// are defined (and simplified): a constant, or a function of time such as
    /// `1 - t`. An argument that does not simplify is reported with the whole
    /// expression.
    private mutating func argumentInDomain(_ name: String, _ argument: Expr, at range: SourceRange) -> Bool {
        guard !timeFailed,
              let point = try? Simplifier(assuming: assumptions, bindings: bindings, timeVariable: timeName).canonicalForm(of: argument)
        else { return true }
        let membership = time.contains(point, assuming: assumptions)
        if membership == .inside { return true }
        let written = text(argument.range).trimmingCharacters(in: ["(", ")", " "])
        report(.outsideTimeDomain(written, of: name, domain: time.text, proven: membership == .outside),
               at: argument.range ?? range)
        return false
    }

    /// The name of an application: from its start to the `(`, less spaces.
    private func appliedNameRange(_ range: SourceRange, _ argument: Expr) -> SourceRange {
        guard let open = argument.range?.start else { return range }
        let written = text(SourceRange(start: range.start, end: open))
        let name = String(written.unicodeScalars.prefix { $0 != " " && $0 != "\t" && $0 != "\u{A0}" })
        return SourceRange(start: range.start,
                           end: SourceLocation(line: range.start.line, column: range.start.column + name.unicodeScalars.count,
                                               offset: range.start.offset + name.utf8.count))
    }

    private func allowsVectors(_ context: NameContext) -> Bool {
        switch context {
        case .letValue, .forwardProcess, .target: return true
        default: return false
        }
    }

    private func isDeclaration(_ context: NameContext) -> Bool {
        switch context {
        case .timeBound, .paramValue: return true
        default: return false
        }
    }

    private func isClaimPoint(_ context: NameContext) -> Bool {
        if case .claimPoint = context { return true }
        return false
    }

    /// alpha, sigma, x_t or velocity where they are allowed: usable when defined by
    /// now; otherwise "used before" if a later statement defines them, silently
    /// unusable if none does (the missing forward process is reported once).
    private mutating func forwardAvailable(_ name: String, at range: SourceRange) -> Bool {
        let defined: Bool
        switch name {
        case "alpha": defined = alpha != nil
        case "sigma": defined = sigma != nil
        default: defined = forwardComplete
        }
        if defined {
            if name == "velocity" { return bindVelocity(at: range) }
            return true
        }
        if let site = laterForwardSite(for: name) {
            let what = Self.noisyInputs.contains(name) ? "the forward process" : "its definition"
            report(.usedBeforeDefinition(name, definedAt: site, what: what), at: range)
        }
        return false
    }

    /// Binds `velocity` to α′·x0 + σ′·eps, once.
    private mutating func bindVelocity(at range: SourceRange) -> Bool {
        if velocityBound { return true }
        guard let a = alpha?.value, let s = sigma?.value else { return false }
        let (t, assumptions) = (timeName, assumptions)
        let value = attempt(at: range) { () throws(SimplificationError) -> CanonicalForm in
            let da = try a.derivative(withRespectTo: t, assuming: assumptions)
            let ds = try s.derivative(withRespectTo: t, assuming: assumptions)
            return try da * .symbol("x0") + ds * .symbol("eps")
        }
        guard let value else { return false }
        // velocity needs α′ and σ′ to exist: (√(t − 3))′ = 1/(2√(t − 3)) has no value at 3,
        // so a target using velocity is undefined there even when the canonical form cancels.
        var definedness = (bindingDefinedness["alpha"] ?? Definedness()).union(bindingDefinedness["sigma"] ?? Definedness())
        definedness.formUnion(Definedness.structural(of: value))
        bindingDefinedness["velocity"] = definedness
        bindings["velocity"] = value
        velocityBound = true
        return true
    }
}
