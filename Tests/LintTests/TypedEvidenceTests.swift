import Lint
import Schedules
import Testing

/// The evidence of a finding in JSON and SARIF is typed (docs/schema/lint.schema.json):
/// flags are booleans, decimals numbers, zeros and intervals objects with exact
/// rational (or closed-form) ends and their decimals.
@Suite struct TypedEvidenceTests {
    /// The evidence object of the one finding of `code`, compact.
    func evidence(_ code: String, _ text: String) async -> String {
        let found = await findings(code, text)
        #expect(found.count == 1, "\(found.map(\.message))")
        return JSONValue.object(found.first?.evidence.map { ($0.key, $0.value) } ?? []).serialized(indent: nil)
    }

    @Test func exactZeroAndCompletenessFlag() async {
        #expect(await evidence("S202", Models.rectifiedFlow)
                == #"{"rho": "(2*t - 1)/sqrt(4*t^2 - 4*t + 2)", "zeros": [{"exact": "1/2", "decimal": 0.5}], "complete": true}"#)
    }

    /// A zero known by its isolating interval: its decimal, the interval with rational
    /// ends (open), and its minimal polynomial.
    @Test func enclosedZero() async {
        let cubic = "schedule c {\n    alpha = (1 - t)^3\n    sigma = 1 - (1 - t)^3\n    target = velocity\n}\n"
        #expect(await evidence("S202", cubic) == #"{"rho": "(2*t^3 - 6*t^2 + 6*t - 1)/sqrt(4*t^6 - 24*t^5 + 60*t^4 - 76*t^3 + 48*t^2 - 12*t + 2)", "#
                + #""zeros": [{"decimal": 0.20629947401590026, "interval": {"lower": {"exact": "29034069822023/140737488355328", "decimal": 0.20629947401589988}, "#
                + #""upper": {"exact": "232272558576185/1125899906842624", "decimal": 0.20629947401590076}, "closed": {"lower": false, "upper": false}}, "#
                + #""minimal_polynomial": "2*t^3 - 6*t^2 + 6*t - 1"}], "complete": true}"#)
    }

    /// S203: the weak interval from the domain's end 0 to an enclosed zero; the threshold a number.
    @Test func intervalsAndThreshold() async {
        #expect(await evidence("S203", Models.cosine(target: "eps"))
                == #"{"intervals": [{"lower": {"exact": "0", "decimal": 0.0}, "upper": {"decimal": 0.06376856085851967, "interval": "#
                + #"{"lower": {"exact": "71797016730095/1125899906842624", "decimal": 0.06376856085851923}, "#
                + #""upper": {"exact": "4487313545631/70368744177664", "decimal": 0.06376856085852012}, "closed": {"lower": false, "upper": false}}}, "#
                + #""closed": {"lower": false, "upper": false}}], "threshold": 0.1}"#)
    }

    /// S006: an undefined interval [0, 1/2), closed at 0 and open at 1/2.
    @Test func undefinedInterval() async {
        let half = "schedule half {\n    alpha = sqrt(t - 1/2)\n    sigma = 1 - t\n    target = eps\n}\n"
        #expect(await evidence("S006", half)
                == #"{"points": [], "intervals": [{"lower": {"exact": "0", "decimal": 0.0}, "upper": {"exact": "1/2", "decimal": 0.5}, "#
                + #""closed": {"lower": true, "upper": false}}], "complete": true}"#)
    }

    /// S303: the end as a value, the approximate SNR as a number.
    @Test func endAndApproximateNumber() async {
        #expect(await evidence("S303", Models.vpLinear)
                == #"{"end": {"exact": "1", "decimal": 1.0}, "alpha": "exp(-201/40)", "snr": "exp(-201/20)/(1 - exp(-201/20))", "snr_approx": 4.3e-05}"#)
    }

    /// SARIF carries the same typed values in its property bags.
    @Test func sarifPropertiesAreTyped() async {
        let results = await Linter.lint([LintInput(path: "rf.sched", text: Models.rectifiedFlow)])
        let sarif = SARIFReporter.render(results, toolVersion: "0.1.0")
        #expect(sarif.contains("\"complete\": true"))
        #expect(!sarif.contains("\"complete\": \"true\""))
    }
}
