import Schedules
import Symbolic

/// The fix-its of the schedule rules, each written by the rule that knows it.
enum ScheduleFixes {
    static func text(_ f: CanonicalForm) -> String { printASCII(f.expression) }

    /// S201/S203: a target with the same det A and ρ = r (`FixOptions.rho`). With
    /// u = −σ·x0 + α·s²·ε uncorrelated with x_t, the target y = k·x_t + m·u has
    /// det A = m·Var(x_t) and ρ = k/√(k² + m²s²): keeping m keeps det A and the
    /// amplification, and k = r·|m|·s/√(1 − r²) sets ρ (`TargetDesign`).
    ///
    /// Only where det A ≠ 0 on the whole domain (its zero set complete and empty): where
    /// det A = 0 the designed target is 0 and has no ρ, so the fix could not say ρ = r.
    static func correlatedTarget(_ c: ScheduleContext) -> Fix? {
        guard let zeros = c.analysis.zeros["det"], zeros.complete, !zeros.identicallyZero, zeros.points.isEmpty,
              let options = c.fixOptions, let det = c.quantity("det"),
              let rho = try? Simplifier(assuming: c.schedule.assumptions).canonicalForm(of: options.rho),
              let design = try? TargetDesign(c.model, DesignRequirement(.det, written: det.expression, value: det),
                                             DesignRequirement(.rho, written: options.rho, value: rho))
        else { return nil }
        let target = "target = (\(text(design.c))) x0 + (\(text(design.d))) eps"
        let message = "a target with the same det A = \(text(det)) and ρ = \(printASCII(options.rho)): \(target)"
        return ScheduleFixVerification.verified(message, [TextEdit(range: c.targetRange, replacement: target)], in: c) { findings in
            !findings.contains { $0.rule.code == S201RhoIdenticallyZero.info.code || $0.rule.code == S203RhoWeak.info.code }
        }
    }
}
