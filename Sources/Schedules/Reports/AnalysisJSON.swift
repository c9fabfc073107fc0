import Exact
import Symbolic

/// The JSON form of an analysis, in the shape documented for `sched analyze`.
/// Expressions are strings in the ASCII input syntax.
public enum AnalysisJSON {
    public static func expression(_ f: CanonicalForm) -> JSONValue { .string(printASCII(f.expression)) }

    static func quantity(_ r: Result<CanonicalForm, SimplificationError>?) -> JSONValue {
        if case .success(let f)? = r { return expression(f) }
        return .null
    }

    public static func point(_ p: ZeroPoint) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        switch p.location {
        case .exact(let f):
            fields.append(("exact", expression(f)))
        case .enclosure(let lower, let upper, let minimal):
            fields.append(("lower", .string(lower.description)))
            fields.append(("upper", .string(upper.description)))
            if let minimal { fields.append(("minimal_polynomial", .string(minimal.primitivePart.description(variable: "t")))) }
        }
        if let m = p.multiplicity { fields.append(("multiplicity", .int(m))) }
        fields.append(("approx", .string(p.approximation)))
        return .object(fields)
    }

    public static func zeroSet(_ z: ZeroSet) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("identically_zero", .bool(z.identicallyZero)),
            ("complete", .bool(z.complete)),
            ("points", .array(z.points.map(point))),
        ]
        if let note = z.note { fields.append(("reason", .string(note))) }
        if !z.excluded.isEmpty { fields.append(("left_out", .array(z.excluded.map { .string($0) }))) }
        return .object(fields)
    }

    /// `{complete, points, intervals, reason}`; an interval's ends are points
    /// (`{"exact": …}` or an enclosure) or "-inf"/"inf".
    public static func undefinedSet(_ u: UndefinedSet) -> JSONValue {
        func boundary(_ b: UndefinedSet.Boundary, lower: Bool) -> JSONValue {
            switch b {
            case .infinity: return .string(lower ? "-inf" : "inf")
            case .point(let p): return point(p)
            }
        }
        var fields: [(String, JSONValue)] = [
            ("complete", .bool(u.complete)),
            ("points", .array(u.points.enumerated().map { i, p in
                guard case .object(var fields) = point(p) else { return point(p) }
                let limits = i < u.limits.count ? u.limits[i] : [:]
                if !limits.isEmpty {
                    fields.append(("limits", .object(limits.keys.sorted().map { name in
                        (name, .object([("left", limits[name]!.left.map(limit) ?? .null), ("right", limits[name]!.right.map(limit) ?? .null)]))
                    })))
                }
                return .object(fields)
            })),
            ("intervals", .array(u.intervals.map { i in
                .object([("lower", boundary(i.lower, lower: true)), ("upper", boundary(i.upper, lower: false)),
                         ("lower_closed", .bool(i.lowerClosed)), ("upper_closed", .bool(i.upperClosed))])
            })),
        ]
        if let note = u.note { fields.append(("reason", .string(note))) }
        return .object(fields)
    }

    static func limit(_ l: Limit) -> JSONValue {
        switch l {
        case .finite(let v): return expression(v)
        case .positiveInfinity: return .string("inf")
        case .negativeInfinity: return .string("-inf")
        }
    }

    /// Each quantity's value at the end: an expression, "unknown", or "undefined".
    static func ends(_ values: [String: ModelAnalysis.EndValue]) -> JSONValue {
        .object(UnifiedModel.quantityNames.map { name in
            switch values[name] {
            case .exact(let f)?: return (name, expression(f))
            case .undefined?: return (name, .string("undefined"))
            default: return (name, .string("unknown"))
            }
        })
    }

    /// The one-sided limits from inside the domain where a quantity is undefined at
    /// a closed end ("inf", "-inf" or an expression).
    static func endLimits(_ values: [String: ModelAnalysis.EndValue]) -> JSONValue {
        .object(UnifiedModel.quantityNames.compactMap { name in
            if case .undefined(let l?)? = values[name] { return (name, limit(l)) }
            return nil
        })
    }

    /// The fields derived by the analysis (everything but name, title, location,
    /// time and params, which come from the schedule file).
    public static func analysisFields(_ a: ModelAnalysis) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("data_variance", expression(a.model.dataVariance))]
        for name in ["alpha", "sigma", "c", "d", "det", "cov", "var_x", "var_y", "rho", "amp_x0", "amp_eps", "snr", "logsnr", "weight_eps", "weight_x0"] {
            fields.append((name, quantity(a.quantities[name])))
        }
        fields.append(("inverse", .object(["x0_from_xt", "x0_from_target", "eps_from_xt", "eps_from_target"].map { ($0, quantity(a.inverse[$0])) })))
        fields.append(("step", .object([("second_time", .string(a.secondTime)), ("from_xt", quantity(a.step["from_xt"])), ("from_target", quantity(a.step["from_target"]))])))
        fields.append(("lagrange_identity", .string(a.lagrangeIdentity.isProvenZero ? "proven" : "\(a.lagrangeIdentity)")))
        fields.append(("ends", .object([("lower", ends(a.ends.lower)), ("upper", ends(a.ends.upper))])))
        fields.append(("end_limits", .object([("lower", endLimits(a.ends.lower)), ("upper", endLimits(a.ends.upper))])))
        fields.append(("zeros", .object(ModelAnalysis.zeroSetQuantities.map { ($0, zeroSet(a.zeros[$0]!)) })))
        fields.append(("undefined", undefinedSet(a.undefined)))
        return fields
    }
}
