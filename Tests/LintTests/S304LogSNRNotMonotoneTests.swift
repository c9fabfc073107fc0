import Lint
import Testing

@Suite struct S304LogSNRNotMonotoneTests {
    @Test func fires() async {
        await expectFinding("S304", in: "schedule a {\n    alpha = 1\n    sigma = t*(1 - t)\n    target = eps\n}\n",
                            line: 2, column: 5, message: "log-SNR is not strictly monotone: dλ/dt = 0 at t = 1/2")
    }
    @Test func increasing() async {
        await expectFinding("S304", in: "schedule inc {\n    alpha = 1\n    sigma = 1/(1 + t)\n    target = eps\n}\n",
                            line: 2, column: 5, message: "log-SNR increases from the data end t = 0 towards the noise end")
    }
    @Test func reversedScheduleIsFine() async {
        await expectNoFinding("S304", in: "schedule rev {\n    alpha = t\n    sigma = 1 - t\n    target = eps\n}\n")
    }
    /// dλ/dt = −6(t − 1/2)²/σ: a zero of even order, λ still strictly decreasing.
    @Test func evenOrderZeroIsNoFinding() async {
        await expectNoFinding("S304", in: "schedule even {\n    alpha = 1\n    sigma = 1 + (t - 1/2)^3\n    target = eps\n}\n")
    }
    /// dλ/dt = −8(t − 1/2)³/σ: a zero of odd order 3, where λ turns back.
    @Test func oddOrderZeroFires() async {
        await expectFinding("S304", in: "schedule odd {\n    alpha = 1\n    sigma = 1 + (t - 1/2)^4\n    target = eps\n}\n",
                            line: 2, column: 5, message: "log-SNR is not strictly monotone: dλ/dt = 0 at t = 1/2")
    }
    /// α = √(5/4 − t) on [5/4, ∞) has a value only at 5/4: the zero 7/4 of the
    /// canonical dλ/dt lies where λ has no value, so no finding. (Differential g3039.)
    @Test func noTurnWhereTheScheduleIsUndefined() async {
        await expectNoFinding("S304", in: "schedule u {\n    time t in [5/4, inf)\n    alpha = sqrt(-(t - 5/4))\n    sigma = exp(t)\n    target = -x0 - eps\n}\n")
    }
    @Test func quiet() async {
        await expectNoFinding("S304", in: Models.rectifiedFlow)
        await expectNoFinding("S304", in: Models.vpLinear)
    }
}
