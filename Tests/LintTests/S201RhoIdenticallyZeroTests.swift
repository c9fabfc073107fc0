import Lint
import Testing

@Suite struct S201RhoIdenticallyZeroTests {
    @Test func vPrediction() async {
        await expectFinding("S201", in: Models.cosine(target: "alpha eps - sigma x0"), line: 4, column: 5,
                            message: "the target is uncorrelated with x_t: ρ ≡ 0 on [0, 1]")
    }
    @Test func edm() async {
        let text = """
        schedule edm {
            param sigma_data = 1/2
            time s in [1/500, 80]
            x_t = x0 + s eps
            data variance = sigma_data^2
            let c_skip = sigma_data^2 / (s^2 + sigma_data^2)
            let c_out = s sigma_data / sqrt(s^2 + sigma_data^2)
            target = (x0 - c_skip x_t) / c_out
        }
        """
        await expectFinding("S201", in: text, line: 8, column: 5, message: "the target is uncorrelated with x_t: ρ ≡ 0 on [1/500, 80]")
    }
    @Test func trigflow() async {
        let text = """
        schedule trigflow {
            param sigma_d > 0
            time t in [0, pi/2]
            x_t = cos(t) x0 + sigma_d sin(t) eps
            data variance = sigma_d^2
            target = velocity / sigma_d
        }
        """
        await expectFinding("S201", in: text, line: 6, column: 5, message: "the target is uncorrelated with x_t: ρ ≡ 0 on [0, pi/2]")
    }
    @Test func quiet() async {
        await expectNoFinding("S201", in: Models.cosine(target: "eps"))
        await expectNoFinding("S201", in: Models.rectifiedFlow)
    }
}
