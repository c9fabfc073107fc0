import Exact
import Schedules
import Symbolic

/// The typed values of a finding's evidence in JSON and SARIF (docs/schema/lint.schema.json):
///
/// - a value: `{"exact": "29034069822023/140737488355328", "decimal": 0.2062994740159}`,
///   the exact form in sched's syntax and its nearest double;
/// - a zero: a value when it is known exactly, otherwise
///   `{"decimal": 0.20629947401590026, "interval": …}` with the open interval of
///   rational ends that holds it alone (and its minimal polynomial when algebraic);
/// - an interval: `{"lower": …, "upper": …, "closed": {"lower": false, "upper": false}}`,
///   each end a value, a zero, or the string "-inf"/"inf".
public enum Evidence {
    /// An exact value and its decimal (null when it has no finite value).
    public static func value(_ f: CanonicalForm) -> JSONValue {
        .object([("exact", .string(printASCII(f.expression))), ("decimal", decimal(f))])
    }

    public static func value(_ r: Rational) -> JSONValue {
        .object([("exact", .string(r.description)), ("decimal", .number(r.doubleValue))])
    }

    /// The nearest double of a constant, from a ball with 17 correct digits.
    static func decimal(_ f: CanonicalForm) -> JSONValue {
        if let r = f.rationalValue { return .number(r.doubleValue) }
        guard f.symbols.isEmpty, let v = f.value(at: [:], correctDigits: 17), v.hasRequestedDigits,
              let x = Double(v.ball.decimalString(digits: 17)) else { return .null }
        return .number(x)
    }

    /// A decimal printed by sched (`4.3e-5`, `0.0048`) as a number; null if it is none.
    public static func number(_ text: String) -> JSONValue {
        Double(text).map { .number($0) } ?? .null
    }

    /// A zero: exact, or its decimal and isolating interval.
    public static func zero(_ p: ZeroPoint) -> JSONValue {
        switch p.location {
        case .exact(let f):
            return value(f)
        case .enclosure(let lower, let upper, let minimal):
            var fields: [(String, JSONValue)] = [
                ("decimal", number(p.approximation)),
                ("interval", interval(lower: value(lower), upper: value(upper), lowerClosed: false, upperClosed: false)),
            ]
            if let minimal { fields.append(("minimal_polynomial", .string(minimal.primitivePart.description(variable: "t")))) }
            return .object(fields)
        }
    }

    public static func interval(lower: JSONValue, upper: JSONValue, lowerClosed: Bool, upperClosed: Bool) -> JSONValue {
        .object([("lower", lower), ("upper", upper), ("closed", .object([("lower", .bool(lowerClosed)), ("upper", .bool(upperClosed))]))])
    }

    /// An interval of an undefined set: its ends are zeros (points of the set's
    /// boundary) or infinite.
    public static func interval(_ i: UndefinedSet.Interval) -> JSONValue {
        func end(_ b: UndefinedSet.Boundary, lower: Bool) -> JSONValue {
            switch b {
            case .infinity: return .string(lower ? "-inf" : "inf")
            case .point(let p): return zero(p)
            }
        }
        return interval(lower: end(i.lower, lower: true), upper: end(i.upper, lower: false), lowerClosed: i.lowerClosed, upperClosed: i.upperClosed)
    }

    /// An end of the domain: its value, or "-inf"/"inf".
    public static func end(_ form: CanonicalForm?, lower: Bool) -> JSONValue {
        form.map(value) ?? .string(lower ? "-inf" : "inf")
    }
}

extension ScheduleContext {
    /// The evidence of an end of the domain: its value, or "-inf"/"inf".
    public func endEvidence(_ end: End) -> JSONValue { Evidence.end(endForm(end), lower: end == .lower) }
}
