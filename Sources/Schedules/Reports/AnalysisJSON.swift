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
        return .object(fields)
    }

    static func ends(_ values: [String: ModelAnalysis.EndValue]) -> JSONValue {
        .object(UnifiedModel.quantityNames.map { name in
            switch values[name] {
            case .exact(let f)?: return (name, expression(f))
            default: return (name, .string("unknown"))
            }
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
        fields.append(("zeros", .object(ModelAnalysis.zeroSetQuantities.map { ($0, zeroSet(a.zeros[$0]!)) })))
        var undefined: [(String, JSONValue)] = [("complete", .bool(a.undefined.complete)), ("points", .array(a.undefined.points.map(point)))]
        if let note = a.undefined.note { undefined.append(("reason", .string(note))) }
        fields.append(("undefined", .object(undefined)))
        return fields
    }
}
