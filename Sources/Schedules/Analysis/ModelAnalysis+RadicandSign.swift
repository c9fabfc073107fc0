import Exact
import Symbolic

extension ModelAnalysis {
    /// Whether the square-root argument r is negative somewhere on the domain, from
    /// its sign chart (`zeros` is r's zero set there): proven with a witness inside
    /// the domain (beyond the last zero of a half-infinite domain too), refuted when
    /// r ≥ 0 wherever it is defined, else unknown. `stretchEnds` are the marks that
    /// bound the stretches where r < 0 — the ends of where √r is undefined.
    static func radicandSign(_ r: CanonicalForm, zeros: ZeroSet, _ model: UnifiedModel, _ finder: ZeroFinder)
        -> (negativeSomewhere: SignChart.Answer, stretchEnds: [ZeroPoint]) {
        let chart = SignChart.of(r, on: model.domain, finder: finder, zeros: zeros)
        let ends = chart.negativePieces.flatMap { [$0.below, $0.above].compactMap { $0 } }
        return (chart.somewhereNegative, Array(Set(ends)).sorted().map { chart.points[$0].point })
    }
}
