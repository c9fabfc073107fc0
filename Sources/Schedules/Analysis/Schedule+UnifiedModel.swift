import Exact
import Symbolic

extension Schedule {
    /// The unified model of the schedule (simplified on its domain), for the analysis.
    public var unifiedModel: UnifiedModel {
        UnifiedModel(
            domain: AnalysisDomain(variable: time.name, lower: time.lower, upper: time.upper,
                                   lowerClosed: time.lowerClosed, upperClosed: time.upperClosed),
            alpha: alpha.value, sigma: sigma.value, c: c.value, d: d.value,
            dataVariance: dataVariance.value, assumptions: assumptions, definedness: definedness).simplifiedOnDomain()
    }
}
