import Schedules
import Symbolic

/// The report of `sched design`: the target both ways, the verdicts, the quantities.
extension DesignedTarget {
    func text() -> String {
        func ascii(_ f: CanonicalForm) -> String { printASCII(f.expression) }
        let s2 = ascii(schedule.dataVariance.value)
        var lines = ["\(base.name): designed target for " + requirements.map(\.claimText).joined(separator: ", ")]
        lines.append("  target = (\(ascii(design.c))) x0 + (\(ascii(design.d))) eps")
        lines.append("         = k x_t + m u,  u = -sigma x0 + alpha*(\(s2)) eps  (uncorrelated with x_t)")
        lines.append("    k = \(ascii(design.k))")
        lines.append("    m = \(ascii(design.m))")
        lines.append("  requirements, checked on the designed schedule:")
        for (claim, verdict) in verdicts {
            lines.append("    expect \(claim)   \(verdict.status.rawValue): \(verdict.evidence)")
        }
        lines.append("  the new target:")
        let width = Self.reportedQuantities.map(\.count).max() ?? 0
        for name in Self.reportedQuantities {
            lines.append("    \(name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(quantityText(name))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> JSONValue {
        func ascii(_ f: CanonicalForm) -> JSONValue { .string(printASCII(f.expression)) }
        return .object([
            ("schedule", .string(base.name)),
            ("requirements", .array(requirements.map { r in
                .object([("quantity", .string(r.quantity.rawValue)), ("value", .string(printASCII(r.written))), ("claim", .string(r.claimText))])
            })),
            ("forward", .object([
                ("alpha", ascii(schedule.alpha.value)), ("sigma", ascii(schedule.sigma.value)),
                ("data_variance", ascii(schedule.dataVariance.value)), ("time", ScheduleReports.time(schedule.time)),
                ("params", .object(schedule.params.map { p in (p.name, p.value.map(ascii) ?? .null) })),
            ])),
            ("target", .object([("c", ascii(design.c)), ("d", ascii(design.d))])),
            ("k", ascii(design.k)), ("m", ascii(design.m)),
            ("claims", .array(verdicts.map { claim, v in
                .object([("claim", .string(claim)), ("status", .string(v.status.rawValue)), ("evidence", .string(v.evidence))])
            })),
            ("quantities", .object(Self.reportedQuantities.map { ($0, .string(quantityText($0))) })),
            ("source", .string(source)),
        ])
    }
}
