import Exact
import Schedules
import Symbolic
import Testing

/// Discrete-time schedules (`step n in 0..999`): parsing, exact values at steps,
/// zero sets as sets of steps, and located errors.
@Suite struct DiscreteScheduleTests {
    func parse(_ text: String) -> DiscreteScheduleFile {
        DiscreteScheduleParser.parse(Array(text.utf8), path: "test.sched")
    }

    func schedule(_ body: String) throws -> DiscreteSchedule {
        let file = parse("schedule s {\n" + body + "\n}\n")
        #expect(file.diagnostics.isEmpty, "\(file.formattedDiagnostics())")
        return try #require(file.schedules.first)
    }

    static let linear = """
        step n in 0..999
        let beta = 0.0001 + (0.02 - 0.0001) n / 999
        let abar = cumprod(1 - beta, n)
        alpha = sqrt(abar)
        sigma = sqrt(1 - abar)
        target = eps
        """

    @Test func linearBetasGiveExactCumulativeProducts() throws {
        let e = DiscreteEvaluation(try schedule(Self.linear))
        // ᾱ₀ = 1 − 1/10000; ᾱ₁ = ᾱ₀·(1 − β₁), β₁ = 1/10000 + (199/10000)/999.
        let beta1 = Rational(1, 10000) + Rational(199, 10000) / Rational(999)
        #expect(e.letValues["abar"]?[0] == .success(.exact(Rational(9999, 10000))))
        #expect(e.letValues["abar"]?[1] == .success(.exact(Rational(9999, 10000) * (Rational(1) - beta1))))
        #expect(e.value(of: "snr", at: 0) == .success(.exact(Rational(9999))))
        #expect(e.value(of: "snr", at: 1) == .success(.exact(Rational(5548779511, 1220489))))
        // ε-prediction: Var(x_t) = ᾱ + 1 − ᾱ = 1 exactly at every step, weight_eps = 1.
        #expect(e.value(of: "var_x", at: 500) == .success(.exact(.one)))
        #expect(e.value(of: "weight_eps", at: 999) == .success(.exact(.one)))
    }

    @Test func terminalSNROfLinearBetasIsAnExactRationalWithCertifiedDigits() throws {
        let s = try schedule(Self.linear)
        let a = DiscreteAnalysis.withDigits(s, digits: 25, steps: [999], quantities: ["snr", "alpha"])
        guard case .success(.exact(let snr)) = a.evaluation.value(of: "snr", at: 999) else {
            Issue.record("the terminal SNR of linear betas is rational")
            return
        }
        #expect(snr.bitSize > 40_000)
        // mpmath on the exact product: 4.03599265116842754538777208585e-5.
        #expect(snr.decimalString(significantDigits: 12) == "0.0000403599265117")
        guard case .success(.ball(let alpha)) = a.evaluation.value(of: "alpha", at: 999) else {
            Issue.record("α = √ᾱ₉₉₉ is irrational: a ball")
            return
        }
        #expect(alpha.hasCorrectDigits(25))
    }

    @Test func zeroTerminalSNRRescalingIsExactlyZeroAtTheLastStep() throws {
        let s = try schedule("""
            step n in 0..999
            let beta = (sqrt(0.00085) + (sqrt(0.012) - sqrt(0.00085)) n / 999)^2
            let abar = cumprod(1 - beta, n)
            let r = (sqrt(abar) - sqrt(abar(999))) * sqrt(abar(0)) / (sqrt(abar(0)) - sqrt(abar(999)))
            alpha = r
            sigma = sqrt(1 - r^2)
            target = alpha eps - sigma x0
            """)
        let a = DiscreteAnalysis(s)
        #expect(a.zeroSet(of: "alpha").zeros == [999])
        #expect(a.zeroSet(of: "alpha").isComplete)
        #expect(a.evaluation.value(of: "snr", at: 999) == .success(.exact(.zero)))
        #expect(a.evaluation.value(of: "det", at: 400) == .success(.exact(.one)))
        #expect(a.evaluation.value(of: "logsnr", at: 999) == .failure(.undefined("alpha = 0 there, where logsnr is undefined")))
        #expect(a.zeroSet(of: "rho").zeros.count == 1000)
    }

    @Test func listsAreIndexedByTheStepAndSignChangesAreReported() throws {
        let s = try schedule("""
            step k in 1..4
            let b = [1/2, -1/4, 0, 3]
            alpha = 1
            sigma = 1
            target = b x0 + eps
            """)
        let a = DiscreteAnalysis(s)
        // c = b, d = 1: det = 1·1 − 1·b = 1 − b: 1/2, 5/4, 1, −2.
        #expect(a.evaluation.value(of: "det", at: 2) == .success(.exact(Rational(5, 4))))
        let cov = a.zeroSet(of: "rho")
        // cov = α c + σ d = b + 1: 3/2, 3/4, 1, 4 — never 0.
        #expect(cov.zeros.isEmpty && cov.isComplete)
        let det = a.zeroSet(of: "det")
        #expect(det.zeros.isEmpty)
        #expect(det.signChanges.map { [$0.0, $0.1] } == [[3, 4]])
    }

    @Test func minClipsAndReportsTheClippedSteps() throws {
        let s = try schedule("""
            step n in 0..3
            let beta = min(n / 2, 0.999)
            let abar = cumprod(1 - beta, n)
            alpha = sqrt(abar)
            sigma = sqrt(1 - abar)
            target = eps
            """)
        let e = DiscreteEvaluation(s)
        #expect(e.clippedSteps["beta"] == [2, 3])
        #expect(e.letValues["abar"]?[3] == .success(.exact(Rational(1, 2) * Rational(1, 1000) * Rational(1, 1000))))
    }

    @Test func undefinedStepsAreNeverZeros() throws {
        let s = try schedule("""
            step n in 0..2
            alpha = sqrt(1 - n)
            sigma = 1
            target = eps
            """)
        let a = DiscreteAnalysis(s)
        #expect(a.zeroSet(of: "alpha").zeros == [1])
        #expect(a.zeroSet(of: "alpha").undefined == [2])
        #expect(a.evaluation.value(of: "snr", at: 2) == .failure(.undefined("the square root of a negative number")))
    }

    @Test func errorsAreLocated() {
        let cases: [(String, String)] = [
            ("step n in 0..9\nlet a = cumprod(1 - n, m)\nalpha = a\nsigma = 1\ntarget = eps",
             "3:24: cumulative-not-over-step: 'm' is not the step variable: write cumprod(EXPR, n)"),
            ("step n in 5..1\nalpha = 1\nsigma = 1\ntarget = eps", "2:1: empty-step-range: the step range 5..1 is empty"),
            ("step n in 0..2\nlet b = [1, 2]\nalpha = b\nsigma = 1\ntarget = eps",
             "3:1: list-length: the list has 2 values for the 3 steps 0..2"),
            ("step n in 0..2\nlet a = n\nalpha = a(7)\nsigma = 1\ntarget = eps",
             "4:9: outside-step-domain: 'a' is applied at step 7, outside the steps 0..2"),
            ("step n in 0..2\nalpha = 1\nsigma = n\ntarget = eps^2", "5:1: non-linear: the target is not linear in the vectors"),
            ("step n in 0..2\nalpha = 1 +\nsigma = n\ntarget = eps", "3:11: expected-expression: expected an expression after '+'"),
        ]
        for (body, expected) in cases {
            let file = parse("schedule s {\n" + body + "\n}\n")
            let first = file.diagnostics.first.map { "\($0.range.start): \($0.id): \($0.message)" }
            #expect(first == expected, "\(body)")
        }
    }

    @Test func samplingTimestepsFollowDiffusersSpacing() {
        #expect(SamplingPlan(steps: 50, spacing: .leading, offset: 1).timesteps(trainSteps: 1000).prefix(2) == [981, 961])
        #expect(SamplingPlan(steps: 50, spacing: .leading, offset: 1).timesteps(trainSteps: 1000).last == 1)
        #expect(SamplingPlan(steps: 50, spacing: .trailing, offset: 0).timesteps(trainSteps: 1000).prefix(2) == [999, 979])
        #expect(SamplingPlan(steps: 50, spacing: .trailing, offset: 0).timesteps(trainSteps: 1000).last == 19)
        #expect(SamplingPlan(steps: 4, spacing: .linspace, offset: 0).timesteps(trainSteps: 1000) == [999, 666, 333, 0])
    }
}

extension StepValue: Equatable {
    public static func == (a: StepValue, b: StepValue) -> Bool {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): return x == y
        default: return false
        }
    }
}
