import Exact
import Schedules
import Symbolic

/// Writes one schedule as a Python class: its domain constants and its functions,
/// each with its exact formula in the docstring, stable or naive code, and the
/// handling of the domain ends where it is undefined.
struct ScheduleClassWriter {
    let entry: CodegenSchedule
    let options: CodegenOptions
    let analysis: ModelAnalysis
    let functions: [GeneratedFunction]
    let stableForm: StableForm
    var printer: PythonPrinter
    var helpers: [String: String] { printer.helpers }
    let className: String
    /// The Python name of each schedule variable.
    let names: [String: String]

    static let reservedNames: Set<String> = [
        "t", "s", "x0", "eps", "x_t", "y", "np", "value", "cls",
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    static func className(_ name: String) -> String { reservedNames.contains(name) ? name + "_" : name }

    init(_ entry: CodegenSchedule, options: CodegenOptions) throws(CodegenError) {
        self.entry = entry
        self.options = options
        let schedule = entry.schedule
        let analysis = ModelAnalysis(schedule.unifiedModel)
        self.analysis = analysis
        functions = try GeneratedFunction.all(analysis)
        var names = [analysis.model.time: "t", analysis.secondTime: "s"]
        for p in schedule.params where p.value == nil {
            names[p.name] = Self.reservedNames.contains(p.name) ? p.name + "_" : p.name
        }
        self.names = names
        printer = PythonPrinter(names: names, stable: options.stable)
        stableForm = StableForm(time: analysis.model.time, assumptions: analysis.model.assumptions)
        className = Self.className(schedule.name)
    }

    /// The symbolic parameters, as keyword-only arguments.
    var keywordParameters: [String] {
        entry.schedule.params.filter { $0.value == nil }.map { names[$0.name]! }
    }

    mutating func write() throws(CodegenError) -> String {
        let s = entry.schedule
        let domain = analysis.model.domain
        var lines: [String] = []
        lines.append("class \(className):")
        var doc = [(s.title ?? s.name) + " (\(entry.file):\(s.range.start.line):\(s.range.start.column))."]
        if let cite = s.cite { doc += ["", cite] }
        doc += ["", "time \(domain.variable) in \(domainText(domain))"]
        doc += ["alpha = \(formula(analysis.model.alpha))", "sigma = \(formula(analysis.model.sigma))"]
        doc += ["target y = c*x0 + d*eps with c = \(formula(analysis.model.c)), d = \(formula(analysis.model.d))"]
        if !analysis.model.dataVariance.isOne { doc += ["data variance Var(x0) = \(formula(analysis.model.dataVariance))"] }
        if s.params.contains(where: { $0.value == nil }) {
            doc += ["parameters (keyword arguments, positive): " + keywordParameters.joined(separator: ", ")]
        }
        lines += docstring(doc, indent: "    ")
        lines.append("")
        lines.append("    T_MIN = \(try endConstant(domain.lower))  # exactly \(domain.lower.map { printASCII($0.expression) } ?? "-inf")")
        lines.append("    T_MAX = \(try endConstant(domain.upper))  # exactly \(domain.upper.map { printASCII($0.expression) } ?? "inf")")
        lines.append("    T_MIN_CLOSED = \(domain.lowerClosed ? "True" : "False")")
        lines.append("    T_MAX_CLOSED = \(domain.upperClosed ? "True" : "False")")
        for f in functions {
            lines.append("")
            lines += try function(f)
        }
        return lines.joined(separator: "\n")
    }

    func domainText(_ d: AnalysisDomain) -> String {
        (d.lowerClosed ? "[" : "(") + (d.lower.map { printASCII($0.expression) } ?? "-inf") + ", "
            + (d.upper.map { printASCII($0.expression) } ?? "inf") + (d.upperClosed ? "]" : ")")
    }

    func formula(_ f: CanonicalForm) -> String { printASCII(f.expression) }

    /// A domain end as a float64 constant (the end rounded by NumPy's own arithmetic).
    mutating func endConstant(_ end: CanonicalForm?) throws(CodegenError) -> String {
        guard let end else { return "np.inf" }
        guard end.symbols.isEmpty else {
            throw CodegenError("the domain of '\(entry.schedule.name)' ends at \(formula(end)), which depends on a parameter without a value (bind it with --param)")
        }
        if let r = end.rationalValue, r.denominator.isOne { return "\(r.numerator).0" }
        return printer.print(try PythonCode(naive: end.expression))
    }

    func docstring(_ text: [String], indent: String) -> [String] {
        let escaped = text.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"") }
        if escaped.count == 1 { return [indent + "\"\"\"" + escaped[0] + "\"\"\""] }
        return [indent + "\"\"\"" + escaped[0]] + escaped.dropFirst().map { $0.isEmpty ? "" : indent + $0 } + [indent + "\"\"\""]
    }

    /// The code of one coefficient: the stable form when it is proven equal to the
    /// formula, else the formula as written; with the comment naming the identities.
    mutating func code(_ form: CanonicalForm, logSNR: Bool) throws(CodegenError) -> (code: PythonCode, comment: String?) {
        let naive = try PythonCode(naive: form.expression)
        guard options.stable else { return (naive, nil) }
        stableForm.resetIdentities()
        let simplifier = Simplifier(assuming: analysis.model.assumptions)
        let zeroTest = ZeroTest(assuming: analysis.model.assumptions)
        if logSNR {
            // log(α²/σ²) = 2·(log|α| − log|σ|): proven through exp of both sides (exp is
            // injective on the reals, and both sides are real where log-SNR is defined).
            let model = analysis.model
            let stable = PythonCode.binary(.multiply, .number(2), .binary(.subtract,
                try stableForm.logAbsolute(model.alpha.expression), try stableForm.logAbsolute(model.sigma.expression)))
            if case .success(let snr)? = analysis.quantities["snr"],
               let back = try? simplifier.canonicalForm(of: .function(.exp, stable.expressionForProof)),
               let difference = try? back - snr, zeroTest.test(difference).isProvenZero {
                let rules = ["log(alpha^2/sigma^2) = 2*(log|alpha| - log|sigma|)"] + stableForm.identities
                return (stable, "stable form, proven: exp of it is alpha^2/sigma^2; " + rules.joined(separator: "; "))
            }
            stableForm.resetIdentities()
        }
        let stable = try stableForm.code(form.expression)
        if stable == naive || stableForm.identities.isEmpty { return (naive, nil) }
        if let back = try? simplifier.canonicalForm(of: stable.expressionForProof), let difference = try? back - form,
           zeroTest.test(difference).isProvenZero {
            return (stable, "stable form, proven equal to the formula: " + stableForm.identities.joined(separator: "; "))
        }
        return (naive, "as written: the stable form was not proven equal to the formula")
    }
}
