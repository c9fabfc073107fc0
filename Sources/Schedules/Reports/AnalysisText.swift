import Exact
import Symbolic

/// The readable report of `sched analyze` (Unicode mathematics).
import Foundation

public enum AnalysisText {
    static func u(_ f: CanonicalForm) -> String { printUnicode(f.expression) }

    static func u(_ r: Result<CanonicalForm, SimplificationError>?) -> String {
        switch r {
        case .success(let f)?: return u(f)
        // Only a division by zero or a domain error means undefined; a budget leaves it unknown.
        case .failure(let e)?:
            switch e {
            case .divisionByZero, .domain: return "undefined (\(e))"
            case .tooLarge, .timeBudgetExceeded: return "unknown (\(e))"
            }
        case nil: return "—"
        }
    }

    /// A coefficient in front of a vector: `x₀`, `−x₀`, `t·ε`, `(1 − t)·x₀`.
    static func term(_ f: CanonicalForm, _ vector: String) -> String {
        if f.isOne { return vector }
        if f == -CanonicalForm.one { return "−" + vector }
        let e = f.expression
        if case .binary(let op, _, _) = e.kind, op == .add || op == .subtract { return "(\(printUnicode(e)))·\(vector)" }
        return "\(printUnicode(e))·\(vector)"
    }

    /// a·x + b·y with zero terms dropped.
    static func combination(_ a: CanonicalForm, _ x: String, _ b: CanonicalForm, _ y: String) -> String {
        let parts = [(a, x), (b, y)].filter { !$0.0.isZero }.map { term($0.0, $0.1) }
        if parts.isEmpty { return "0" }
        return parts.joined(separator: " + ").replacingOccurrences(of: "+ −", with: "− ")
    }

    static func combination(_ a: Result<CanonicalForm, SimplificationError>?, _ x: String, _ b: Result<CanonicalForm, SimplificationError>?, _ y: String) -> String {
        guard case .success(let fa)? = a, case .success(let fb)? = b else {
            // Only a division by zero means det A = 0; a budget says nothing about det A.
            for case .failure(let error)? in [a, b] {
                if case .divisionByZero = error { continue }
                return "unknown (\(error))"
            }
            return "undefined (det A = 0)"
        }
        return combination(fa, x, fb, y)
    }

    public static func point(_ p: ZeroPoint, variable: String) -> String {
        let m = p.multiplicity.map { $0 > 1 ? ", multiplicity \($0)" : "" } ?? ""
        switch p.location {
        case .exact(let f):
            let approx = f.rationalValue == nil ? " ≈ \(p.approximation)" : ""
            return "\(variable) = \(u(f))\(approx) (exact\(m))"
        case .enclosure(let lower, let upper, let minimal):
            let poly = minimal.map { ", root of \($0.primitivePart.description(variable: variable))" } ?? ""
            return "\(variable) ≈ \(p.approximation) (the only zero in (\(lower), \(upper))\(poly)\(m))"
        }
    }

    public static func zeroSet(_ z: ZeroSet, variable: String) -> String {
        if z.identicallyZero { return "identically zero (proven)" }
        let listed = z.points.isEmpty ? "none" : ZeroSetSummary.text(z.points, variable: variable, separator: "; ") { point($0, variable: variable) }
        let status = z.complete ? "complete" : "incomplete: \(z.note ?? "not all zeros could be decided")"
        let excluded = z.excluded.isEmpty ? "" : " (" + z.excluded.joined(separator: "; ") + ")"
        return listed + " — " + status + excluded
    }

    public static func limit(_ l: Limit) -> String {
        switch l {
        case .finite(let v): return u(v)
        case .positiveInfinity: return "∞"
        case .negativeInfinity: return "−∞"
        }
    }

    /// An undefined set: "nowhere", or points and intervals such as
    /// `[0, 1/2)`, with "complete" or the reason it is not.
    public static func undefinedSet(_ set: UndefinedSet, variable: String) -> String {
        if set.isEmpty && set.complete { return "nowhere" }
        var parts = set.points.enumerated().map { i, p in
            var text = point(p, variable: variable)
            let labels = ["alpha": "α", "sigma": "σ", "det": "det A", "rho": "ρ"]
            let limits = i < set.limits.count ? set.limits[i] : [:]
            let shown = ["alpha", "sigma", "det", "rho"].compactMap { name -> String? in
                guard let l = limits[name] else { return nil }
                if let a = l.left, let b = l.right, a == b { return "\(labels[name]!) → \(limit(a))" }
                let sides = [l.left.map { "\(limit($0)) from the left" }, l.right.map { "\(limit($0)) from the right" }].compactMap { $0 }
                return "\(labels[name]!) → " + sides.joined(separator: ", ")
            }
            if !shown.isEmpty { text += " [" + shown.joined(separator: "; ") + "]" }
            return text
        }
        parts += set.intervals.map { "\(variable) ∈ " + interval($0) }
        if parts.isEmpty { parts = ["nowhere found"] }
        let status = set.complete ? "complete" : "incomplete: \(set.note ?? "not everything could be decided")"
        return parts.joined(separator: "; ") + " — " + status
    }

    public static func interval(_ i: UndefinedSet.Interval) -> String {
        func end(_ b: UndefinedSet.Boundary, lower: Bool) -> String {
            switch b {
            case .infinity: return lower ? "−∞" : "∞"
            case .point(let p):
                switch p.location {
                case .exact(let f): return u(f)
                case .enclosure: return "≈\(p.approximation)"
                }
            }
        }
        return (i.lowerClosed ? "[" : "(") + end(i.lower, lower: true) + ", " + end(i.upper, lower: false) + (i.upperClosed ? "]" : ")")
    }

    /// The domain as written: [0, 1], (0, π/2], [1/500, ∞).
    public static func domain(_ d: AnalysisDomain) -> String {
        let l = d.lower.map(u) ?? "−∞", r = d.upper.map(u) ?? "∞"
        return (d.lowerClosed && d.lower != nil ? "[" : "(") + l + ", " + r + (d.upperClosed && d.upper != nil ? "]" : ")")
    }

    /// The analysis under `heading`, after the one-line `verdict` when there is one.
    public static func report(_ a: ModelAnalysis, heading: String, verdict: String? = nil) -> String {
        let t = a.model.time
        var lines = [heading]
        func add(_ label: String, _ value: String) { lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
        if let verdict { add("verdict", verdict) }
        add("time", "\(t) ∈ \(domain(a.model.domain)), data variance Var(x₀) = \(u(a.model.dataVariance))")
        add("x_t", combination(a.model.alpha, "x₀", a.model.sigma, "ε"))
        add("target", combination(a.model.c, "x₀", a.model.d, "ε"))
        add("det A", u(a.quantities["det"]))
        add("x̂₀", combination(a.inverse["x0_from_xt"], "x_t", a.inverse["x0_from_target"], "ŷ"))
        add("ε̂", combination(a.inverse["eps_from_xt"], "x_t", a.inverse["eps_from_target"], "ŷ"))
        add("step", "x_\(a.secondTime) = " + combination(a.step["from_xt"], "x_t", a.step["from_target"], "ŷ"))
        add("amp_x0", u(a.quantities["amp_x0"]))
        add("amp_eps", u(a.quantities["amp_eps"]))
        add("Cov", u(a.quantities["cov"]))
        add("Var(x_t)", u(a.quantities["var_x"]))
        add("Var(y)", u(a.quantities["var_y"]))
        add("ρ", u(a.quantities["rho"]))
        add("snr", u(a.quantities["snr"]))
        add("log-SNR", u(a.quantities["logsnr"]))
        add("weight_eps", u(a.quantities["weight_eps"]))
        add("weight_x0", u(a.quantities["weight_x0"]))
        add("identity", "1 − ρ² = Var(x₀)·det²/(Var(x_t)·Var(y)): \(a.lagrangeIdentity.isProvenZero ? "proven" : "\(a.lagrangeIdentity)")")
        lines.append("  zeros on \(domain(a.model.domain)):")
        for (name, label) in [("det", "det A"), ("rho", "ρ"), ("alpha", "α"), ("sigma", "σ")] {
            add("  " + label, zeroSet(a.zeros[name]!, variable: t))
        }
        add("undefined", undefinedSet(a.undefined, variable: t))
        for (label, values, end) in [("lower end", a.ends.lower, a.model.domain.lower), ("upper end", a.ends.upper, a.model.domain.upper)] {
            let at = end.map { "\(t) = \(u($0))" } ?? "\(t) → ∞"
            let shown = ["alpha", "sigma", "det", "rho"].map { name -> String in
                let label = ["alpha": "α", "sigma": "σ", "det": "det A", "rho": "ρ"][name]!
                switch values[name] {
                case .exact(let f)?: return "\(label) = \(u(f))"
                case .undefined(let limit?)?: return "\(label) undefined (→ \(Self.limit(limit)))"
                case .undefined(nil)?: return "\(label) undefined"
                default: return "\(label) unknown"
                }
            }
            add(label, "\(at): " + shown.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
