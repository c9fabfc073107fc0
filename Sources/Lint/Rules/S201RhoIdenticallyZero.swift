import Schedules

/// S201 rho-identically-zero: ρ ≡ 0 on the domain.
public enum S201RhoIdenticallyZero: LintRule {
    public static let info = RuleInfo(
        code: "S201", name: "rho-identically-zero", severity: .note,
        summary: "ρ ≡ 0: the target is uncorrelated with the network input",
        explanation: """
        The Pearson correlation ρ = Cov(x_t, y)/√(Var(x_t)·Var(y)) between the network input and its \
        target is 0 for every time: the network gets no linear hint of the target from its input. This is \
        the equality case of Lagrange's identity 1 − ρ² = Var(x₀)·det²/(Var(x_t)·Var(y)): the targets that \
        maximise |det A| to keep amplification small (EDM, consistency models, v-prediction, TrigFlow) \
        have ρ ≡ 0. Example: `alpha = cos(pi/2 t)`, `sigma = sin(pi/2 t)`, `target = alpha eps - sigma x0` \
        (v-prediction) fires S201; `target = eps` does not.

        A note, not a defect: Li, Zheng and Wang ("Correlation Analysis of Generative Models", 2026) argue \
        that a target uncorrelated with the input is harder to learn, while ρ ≡ 0 is also what keeps the \
        amplification of the network's error smallest. The trade-off is a design choice: adding k·x_t to \
        the target (y + k·x_t) changes ρ to k/√(k² + m²·Var(x₀)) and leaves det A, the amplification and \
        Var(y | x_t) unchanged (docs/unified-model.md, "Designing a target").
        """)

    public static func check(_ c: ScheduleContext) -> [Finding] {
        guard let z = c.analysis.zeros["rho"], z.identicallyZero else { return [] }
        let cov = c.quantity("cov").map(ScheduleContext.text) ?? "0"
        return [Finding(info, "the target is uncorrelated with x_t: ρ ≡ 0 on \(c.domainText)", at: c.targetRange,
                        notes: ["Cov(x_t, y) = α·c·Var(x₀) + σ·d simplifies to \(cov == "0" ? "0" : cov) for every \(c.time) (proven identity)",
                                "by Lagrange's identity this is where |det A| is largest for the given variances",
                                "the paper argues a correlated target is easier to learn: adding k·x_t to the target gives ρ ≠ 0 with the same det A and amplification"],
                        evidence: [("rho", "0"), ("proof", "identity")], schedule: c.schedule.name)]
    }

    /// A target with the same det A and ρ = r.
    public static func fix(_ finding: Finding, in c: ScheduleContext) -> Fix? { ScheduleFixes.correlatedTarget(c) }
}
