import Testing
@testable import REPL

/// `:plot Q --x logsnr`: λ = log-SNR as the x axis.
@Suite struct ReplLogSNRAxisTests {
    func run(_ lines: [String]) -> ReplReply {
        var s = ReplSession()
        var last: ReplReply?
        for (i, line) in lines.enumerated() { last = s.execute(line, lineNumber: i + 1) }
        return last!
    }

    static let rectifiedFlow = ["x_t = (1 - t) x0 + t eps", "target = velocity"]

    /// Rectified flow: λ = 2·log((1 − t)/t) is ±∞ at the ends, so the axis spans λ at the
    /// first and last time samples, t = 1/244 and 243/244: ±2·log 243 = ±10.9861. ρ is
    /// √2/2 at the noise end (λ → −∞, the left) and vanishes at t = 1/2, that is at λ = 0,
    /// the middle column.
    @Test func rectifiedFlowAgainstLambda() throws {
        let r = run(Self.rectifiedFlow + [":plot rho --x logsnr"])
        #expect(!r.failed, "\(r.errors)")
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "rho over λ = log-SNR ∈ [-10.9861, 10.9861] (t ∈ [0, 1])")
        #expect(lines[1].hasPrefix(" 0.7041 ┤⠉⠉⠉"), "\(r.output)")
        let zeroLine = try #require(lines.first { $0.contains("┼") })
        let plotted = Array(zeroLine.split(separator: "┼", maxSplits: 1)[1])
        #expect(plotted.firstIndex(of: "●") == 30, "\(zeroLine)")
        #expect(lines[lines.count - 2] == "         -10.9861                      λ                       10.9861")
        #expect(lines.last == "● rho = 0 at t = 1/2")
    }

    /// EDM: λ = −2·log s is finite at both closed ends, which bound the axis:
    /// [−2·log 80, −2·log(1/500)] = [−8.76405, 12.4292].
    @Test func finiteEndsBoundTheAxis() {
        let r = run(["time s in [1/500, 80]", "x_t = x0 + s eps", "target = eps", ":plot snr --x=lambda --log"])
        #expect(!r.failed, "\(r.errors)")
        #expect(r.output.hasPrefix("snr over λ = log-SNR ∈ [-8.76405, 12.4292] (s ∈ [1/500, 80]) (log scale)\n"), "\(r.output)")
    }

    /// cos(πt), sin(πt) on [0, 1]: λ = 2·log|cot(πt)| falls and rises again, so it is no axis.
    @Test func nonMonotoneLambdaIsRefused() {
        let r = run(["alpha = cos(pi t)", "sigma = sin(pi t)", "target = eps", ":plot rho --x logsnr"])
        #expect(r.failed)
        #expect(r.errors.contains("log-SNR is not certified strictly monotone over the time samples: it cannot be the x axis"), "\(r.errors)")
    }

    @Test func unknownAxisAndTheTimeAxis() {
        let bad = run(Self.rectifiedFlow + [":plot rho --x foo"])
        #expect(bad.failed)
        #expect(bad.errors.contains("unknown x axis 'foo': write --x logsnr (or lambda), or --x t"), "\(bad.errors)")
        let time = run(Self.rectifiedFlow + [":plot rho --x t"])
        #expect(time.output.hasPrefix("rho over t ∈ [0, 1]\n"), "\(time.output)")
    }
}
