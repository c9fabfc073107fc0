import Schedules
import Symbolic

extension ScheduleFixes {
    /// S303 on a variance-preserving process (α² + σ² = 1 proven): the zero-terminal-SNR
    /// rescaling of Lin et al. (2024), α′ = (α − α_T)/(α_0 − α_T)·α_0 with α_T, α_0 the
    /// exact values at the noise and data ends, so α′ = α_0 at the data end and 0 at
    /// the noise end, and σ′ = √(1 − α′²) keeps the process variance-preserving.
    static func zeroTerminalSNR(_ c: ScheduleContext) -> Fix? {
        guard c.fixOptions != nil, c.dataEndFound, isVariancePreserving(c),
              let noise = c.endValue("alpha", c.noiseEnd), let data = c.endValue("alpha", c.dataEnd),
              let span = try? data - noise, c.isNonzero(span) else { return nil }
        let source = c.file.source
        let ranges = c.schedule.statementRanges
        // α as written (its lets and parameters by name), else its canonical form.
        var alpha = c.schedule.alpha.value.expression
        if let statement = ranges["alpha"], case let written = source.text(statement), let equals = written.firstIndex(of: "="),
           let parsed = ExpressionParser.parse(String(written[written.index(after: equals)...])).expression {
            alpha = parsed
        }
        var shifted = Expr.binary(.divide, .binary(.subtract, alpha, noise.expression), span.expression)
        if !data.isOne { shifted = .binary(.multiply, shifted, data.expression) }
        let rescaled = "alpha = " + printASCII(shifted)
        let sigma = "sigma = sqrt(1 - alpha^2)"
        var edits: [TextEdit]
        if let a = ranges["alpha"], let s = ranges["sigma"], a.start.offset < s.start.offset {
            edits = [TextEdit(range: a, replacement: rescaled), TextEdit(range: s, replacement: sigma)]
        } else if let x = ranges["x_t"] {
            edits = [TextEdit(range: x, replacement: rescaled + "\n" + source.indentation(of: x) + sigma)]
        } else {
            return nil
        }
        let message = "rescale to zero terminal SNR (Lin et al. 2024): α′ = (α − α_T)/(α_0 − α_T)·α_0 with α_T = \(text(noise)), α_0 = \(text(data)), and σ′ = √(1 − α′²)"
        return ScheduleFixVerification.verified(message, edits, in: c) { findings in
            !findings.contains { $0.rule.code == S303TerminalSNRNonzero.info.code }
        }
    }
}
