import Foundation
import Testing

/// `sched latex` on discrete-time schedules and diffusers configs: the lets as
/// sequences, the quantities over them, the zero sets on the steps, the end values;
/// --table and --plot refuse them with a message; the standalone document compiles.
@Suite struct DiscreteDerivationTests {
    @Test func stableDiffusionConfigDerivation() {
        let r = Sched.run(["latex", "examples/diffusers/sd15.json"])
        #expect(r.status == 0, "\(r.stderr)")
        let body = r.stdout.components(separatedBy: "% --- end of sched macros ---\n\n").last ?? ""
        #expect(body == #"""
            % sd15 (examples/diffusers/sd15.json (imported))
            \subsection*{PNDMScheduler, scaled\_linear betas, epsilon}
            Steps $n \in \{0, \dots, 999\}$ (1000 steps), data variance $\datavar = 1$.
            \begin{align*}
              {\beta}_{n} &= \left(\sqrt{0.00085} + \frac{\left(\sqrt{0.012} - \sqrt{0.00085}\right) n}{999}\right)^{2} \\
              {\bar{\alpha}}_{n} &= \prod_{k=0}^{n} \left(1 - {\beta}_{k}\right) \\
              \alpha_{n} &= \sqrt{{\bar{\alpha}}_{n}}, \qquad \sigma_{n} = \sqrt{1 - {\bar{\alpha}}_{n}} \\
              \Amat_{n} &= \begin{pmatrix} \alpha_{n} & \sigma_{n} \\ 0 & 1 \end{pmatrix} \\
              \detA_{n} &= \alpha_{n} d_{n} - \sigma_{n} c_{n} = \sqrt{{\bar{\alpha}}_{n}} \\
              \mathrm{SNR}_{n} &= \frac{\alpha_{n}^{2}}{\sigma_{n}^{2}} = \frac{{\bar{\alpha}}_{n}}{1 - {\bar{\alpha}}_{n}} \\
              \corr_{n} &= \frac{\Cov(\xat{n}, \target)}{\sqrt{\Var(\xat{n}) \Var(\target)}} = \sqrt{1 - {\bar{\alpha}}_{n}}
            \end{align*}
            Zeros on the steps and the values at the first and last step:
            \begin{align*}
              \{\, n : \detA_{n} = 0 \,\} &= \emptyset && \text{(every step decided)} \\
              \{\, n : \corr_{n} = 0 \,\} &= \emptyset && \text{(every step decided)} \\
              \{\, n : \alpha_{n} = 0 \,\} &= \emptyset && \text{(every step decided)} \\
              n = 0: &\quad \alpha_{0} \approx 0.9995749096,\ \sigma_{0} \approx 0.02915475947 \\
              &\quad \mathrm{SNR}_{0} \approx 1175.470588,\ \detA_{0} \approx 0.9995749096 \\
              n = 999: &\quad \alpha_{999} \approx 0.06826491422,\ \sigma_{999} \approx 0.9976672298 \\
              &\quad \mathrm{SNR}_{999} \approx 0.004681916706,\ \detA_{999} \approx 0.06826491422
            \end{align*}
            Sampling: 50 steps, leading spacing, offset 1, timesteps $981, 961, 941, \dots, 1$; the last step lands at the noise level of step $0$, not on the data.

            """#)
    }

    /// Zero terminal SNR: α and det A vanish exactly at the last step; lets at a
    /// constant step print with that step as the index.
    @Test func zeroTerminalSNRZerosAreExactSteps() {
        let r = Sched.run(["latex", "examples/diffusers/sd15-zero-snr.json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"\{\, n : \detA_{n} = 0 \,\} &= \{999\} && \text{(every step decided)}"#))
        #expect(r.stdout.contains(#"n = 999: &\quad \alpha_{999} = 0,\ \sigma_{999} = 1"#))
        #expect(r.stdout.contains(#"{\mathrm{root}}_{n} &= \frac{\left(\sqrt{{\bar{\alpha}}_{\mathrm{raw},\,n}} - \sqrt{{\bar{\alpha}}_{\mathrm{raw},\,999}}\right)"#))
    }

    @Test func tableAndPlotRefuseDiscreteSchedules() {
        let table = Sched.run(["latex", "--table", "examples/diffusers/sd15.json"])
        #expect(table.status == 1)
        #expect(table.stderr == "error: --table takes continuous-time schedules: 'sd15' is a discrete-time schedule (its derivation is `sched latex` without --table)\n")
        let plot = Sched.run(["latex", "--plot", "rho", "docs/discrete-examples/ddpm-linear.sched".replacingOccurrences(of: "docs/", with: packageRoot.path + "/docs/")])
        #expect(plot.status == 1)
        #expect(plot.stderr.hasPrefix("error: --plot takes continuous-time schedules"))
    }

    /// Commands without discrete support say so at the file's `_class_name` or `step`.
    @Test func continuousOnlyCommandsNameTheInput() {
        let codegen = Sched.run(["codegen", "--lang", "numpy", "examples/diffusers/sd15.json"])
        #expect(codegen.status == 1)
        #expect(codegen.stderr.hasPrefix("examples/diffusers/sd15.json:2:3: error: this is a diffusers scheduler config: this command takes continuous-time schedule files"), "\(codegen.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: PDFLaTeX.path), "pdflatex is not installed"))
    func standaloneDocumentCompiles() throws {
        let r = Sched.run(["latex", "--standalone", "examples/diffusers/sd15.json", "examples/diffusers/sd15-zero-snr.json",
                           "examples/diffusers/sd15-v-trailing.json", "examples/ddpm.sched"])
        #expect(r.status == 0, "\(r.stderr)")
        let outcome = try PDFLaTeX.compile(r.stdout, name: "discrete")
        #expect(outcome.status == 0 && outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.overfullWidths.allSatisfy { $0 <= 10 }, "overfull boxes: \(outcome.overfullWidths)")
    }
}
