import Exact
import Symbolic

extension Schedule {
    /// The unified model of the schedule (simplified on its domain), for the analysis.
    public var unifiedModel: UnifiedModel {
        var model = UnifiedModel(
            domain: time.analysisDomain,
            alpha: alpha.value, sigma: sigma.value, c: c.value, d: d.value,
            dataVariance: dataVariance.value, assumptions: assumptions, definedness: definedness).simplifiedOnDomain()
        model.functions = functions
        return model
    }
}
