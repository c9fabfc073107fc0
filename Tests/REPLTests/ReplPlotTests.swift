import Testing
@testable import REPL

/// `:plot` with several quantities: stacked panels, each with its own y range and name;
/// `--log`; 0 as the floor of a quantity that is nowhere negative.
@Suite struct ReplPlotTests {
    func session() -> ReplSession {
        var s = ReplSession()
        for (i, line) in ["x_t = (1 - t) x0 + t eps", "target = velocity"].enumerated() {
            _ = s.execute(line, lineNumber: i + 1)
        }
        return s
    }

    /// The output lines of a `:plot` command on rectified flow (and the session's plot height).
    func plot(_ command: String) -> (lines: [String], output: String, height: Int) {
        var s = session()
        let r = s.execute(command, lineNumber: 3)
        #expect(!r.failed, "\(r.errors)")
        return (r.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), r.output, s.plotHeight)
    }

    @Test func oneLabelledPanelPerQuantity() throws {
        let (lines, output, _) = plot(":plot rho det snr")
        #expect(lines[0] == "rho, det, snr over t ∈ [0, 1] (y range clipped near a pole)")
        // The names, without colour (the legend must not depend on a terminal).
        #expect(lines.filter { $0.hasSuffix("▸ rho") || $0.hasSuffix("▸ det") || $0.hasSuffix("▸ snr") }.count == 3)
        // Each panel has its own zero line; 18 rows for 3 panels of 6, one time axis.
        #expect(lines.filter { $0.contains("┼") }.count == 3)
        #expect(lines.filter { $0.contains("└") }.count == 1)
        // ρ keeps its own range (±0.70), not flattened by snr's 2513.
        #expect(lines.contains { $0.hasPrefix(" 0.7042 ┤") })
        #expect(lines.contains { $0.hasPrefix("-0.7042 ┤") })
        // snr is nowhere negative: its panel's lowest label is its zero line, not −228.
        let snrPanel = try #require(lines.firstIndex { $0.hasSuffix("▸ snr") })
        let snrRows = lines[(snrPanel + 1)...(snrPanel + 6)]
        #expect(snrRows.last?.hasPrefix("      0 ┼") == true, "\(output)")
        #expect(!snrRows.contains { $0.contains("-") })
    }

    @Test func logScale() throws {
        let (lines, output, height) = plot(":plot snr --log")
        #expect(lines[0] == "snr over t ∈ [0, 1] (log scale)")
        #expect(!lines.contains { $0.contains("┼") })   // no zero line on a log axis
        #expect(lines[1].hasPrefix(" 5.9e+04 ┤"), "\(output)")
        #expect(lines[height].hasPrefix("1.69e-05 ┤"), "\(output)")
    }

    @Test func logScaleSaysWhatItLeavesOut() throws {
        #expect(plot(":plot rho --log").output.contains("rho: values ≤ 0 are not shown on the log scale"))
    }

    /// A quantity with no positive value gets no log-scale panel (no made-up range),
    /// only the note; with nothing left to draw the plot is refused.
    @Test func logScaleLeavesOutAQuantityWithNoPositiveValue() {
        var s = ReplSession()
        for (i, line) in ["alpha = cos(pi/2 t)", "sigma = sin(pi/2 t)", "target = alpha eps - sigma x0"].enumerated() {
            _ = s.execute(line, lineNumber: i + 1)
        }
        let both = s.execute(":plot rho snr --log", lineNumber: 4)
        #expect(!both.failed, "\(both.errors)")
        let lines = both.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "rho, snr over t ∈ [0, 1] (log scale)")
        #expect(lines[1].hasSuffix("▸ snr") && !lines.contains { $0.hasSuffix("▸ rho") })
        #expect(lines.suffix(3) == ["rho: no positive value at the samples, nothing to show on the log scale", "rho is identically 0", "● snr = 0 at t = 1"])
        let alone = s.execute(":plot rho --log", lineNumber: 5)
        #expect(alone.failed)
        #expect(alone.errors.hasPrefix("<stdin>:5:1: error: nothing to plot on the log scale: rho: no positive value at the samples, nothing to show on the log scale; rho is identically 0"), "\(alone.errors)")
    }
}
