import Schedules
import Symbolic
import Testing

/// What researchers type first, from Python and papers, and the message each gets
/// (`FieldHint`): the whole formatted diagnostic, notes and fix-its included.
@Suite struct FieldHintTests {
    /// A schedule whose alpha is `alpha`, its diagnostics as the CLI prints them.
    func messages(alpha: String, target: String = "eps") throws -> String {
        let file = try validate("""
            schedule s {
                alpha = \(alpha)
                sigma = t
                target = \(target)
            }
            """)
        return file.formattedDiagnostics()
    }

    @Test func eulerNumberAsAPowerGetsExp() throws {
        #expect(try messages(alpha: "e^(-t)") == """
            test.sched:2:13: error: unknown name 'e': write exp(x) for e^x
            2 |     alpha = e^(-t)
              |             ^
              |             exp(-t)
              = note: sched has no constant e; exp(1) is e
            """)
        // `e^(a)^(b)` keeps its parentheses: only a group around the whole exponent is dropped.
        let nested = try validate("schedule s {\n    alpha = 2 e^(t)^(2)\n    sigma = t\n    target = eps\n}\n")
        #expect(nested.diagnostics.flatMap(\.fixIts).map(\.replacement) == ["exp((t)^(2))"])
        let bare = try validate("schedule s {\n    alpha = e t\n    sigma = t\n    target = eps\n}\n")
        #expect(bare.diagnostics.map(render) == ["2:13: unknown-name: unknown name 'e': write exp(x) for e^x"])
        #expect(bare.diagnostics[0].fixIts.isEmpty)
    }

    @Test func targetNamesFromPapers() throws {
        #expect(try messages(alpha: "1 - t", target: "v") == """
            test.sched:4:14: error: unknown name 'v': write v-prediction as 'alpha eps - sigma x0', or the flow velocity dx_t/dt as 'velocity'
            4 |     target = v
              |              ^
              = note: a target is linear in the vectors x0, eps (or epsilon), x_t and velocity, with coefficients in time
            """)
        #expect(try messages(alpha: "1 - t", target: "velocity_pred") == """
            test.sched:4:14: error: unknown name 'velocity_pred': the velocity dx_t/dt is written 'velocity'
            4 |     target = velocity_pred
              |              ^~~~~~~~~~~~~
              |              velocity
              = note: a target is linear in the vectors x0, eps (or epsilon), x_t and velocity, with coefficients in time
            """)
        let others = try ["noise", "x_start", "score"].map { name in
            try validate("schedule s {\n    alpha = 1 - t\n    sigma = t\n    target = \(name)\n}\n").diagnostics.map(render)
        }
        #expect(others == [
            ["4:14: unknown-name: unknown name 'noise': the noise is written 'eps' (or 'epsilon')"],
            ["4:14: unknown-name: unknown name 'x_start': the data is written 'x0'"],
            ["4:14: unknown-name: unknown name 'score': the score ∇ log p(x_t | x0) is written '-eps/sigma'"],
        ])
        // Where no vector may stand, `v` is an ordinary unknown name.
        #expect(try messages(alpha: "1 - v").contains("unknown name 'v'; did you mean 't'?"))
    }

    @Test func modulePrefixesAreDroppedWithAWarning() throws {
        let file = try validate("""
            schedule s {
                alpha = np.exp(-t) math.cos(math.pi t)
                sigma = torch.sqrt(t) + jax.numpy.sin(t) - jnp.sin(t)
                target = eps
            }
            """)
        #expect(file.diagnostics.map { "\($0.severity) " + render($0) } == [
            "warning 2:13: module-prefix: 'np.exp' is read as 'exp': the prefix 'np.' is dropped",
            "warning 2:24: module-prefix: 'math.cos' is read as 'cos': the prefix 'math.' is dropped",
            "warning 2:33: module-prefix: 'math.pi' is read as 'pi': the prefix 'math.' is dropped",
            "warning 3:13: module-prefix: 'torch.sqrt' is read as 'sqrt': the prefix 'torch.' is dropped",
            "warning 3:29: module-prefix: 'jax.numpy.sin' is read as 'sin': the prefix 'jax.numpy.' is dropped",
            "warning 3:48: module-prefix: 'jnp.sin' is read as 'sin': the prefix 'jnp.' is dropped",
        ])
        #expect(!file.hasErrors)
        let s = try #require(file.schedule(named: "s"))
        #expect(ascii(s.alpha.value) == "exp(-t)*cos(pi*t)")
        #expect(ascii(s.sigma.value) == "sqrt(t)")
    }

    @Test func pythonPowerIsThePower() throws {
        // `**` is a spelling of `^` in grammar/expression.ebnf: read without a message.
        let file = try validate("schedule s {\n    alpha = (1 - t)**2\n    sigma = t\n    target = eps\n}\n")
        #expect(file.diagnostics.isEmpty)
        #expect(ascii(file.schedules[0].alpha.value) == "(t - 1)^2")
    }

    @Test func listsAndCumulativeProductsAreDiscreteTime() throws {
        #expect(try messages(alpha: "[0.1, 0.2]") == """
            test.sched:2:13: error: a list of values describes a discrete-time schedule: declare the steps with 'step n in 0..999' and give it as a let
            2 |     alpha = [0.1, 0.2]
              |             ^
              = note: in a schedule with 'step n in 0..999' (instead of 'time'), write 'let abar = cumprod(1 - beta, n)', 'let beta = [0.1, 0.2, …]' (one value a step), and alpha = sqrt(abar)
            """)
        let others = try ["cumprod(1 - t)", "np.cumsum(t)", "alphas_cumprod"].map { try validate(
            "schedule s {\n    alpha = \($0)\n    sigma = t\n    target = eps\n}\n").diagnostics.map(render) }
        #expect(others == [
            ["2:13: discrete-time: 'cumprod' describes a discrete-time schedule: declare the steps with 'step n in 0..999' and give it as a let"],
            ["2:13: module-prefix: 'np.cumsum' is read as 'cumsum': the prefix 'np.' is dropped",
             "2:16: discrete-time: 'cumsum' describes a discrete-time schedule: declare the steps with 'step n in 0..999' and give it as a let"],
            ["2:13: discrete-time: 'alphas_cumprod' describes a discrete-time schedule: declare the steps with 'step n in 0..999' and give it as a let"],
        ])
    }

    @Test func piecewiseFunctionsSayWhyNot() throws {
        #expect(try messages(alpha: "max(1 - t, 0)") == """
            test.sched:2:13: error: 'max' is not supported: piecewise functions (min, max, clip, where) break the certified analysis
            2 |     alpha = max(1 - t, 0)
              |             ^~~
              = note: zeros, signs and limits are proven for expressions that are analytic on the domain; a kink or jump would need a case split sched does not make
              = note: write each piece as its own schedule on its own time interval, or a smooth expression (sigmoid, tanh)
            """)
        let others = try ["min(t)", "clip(1 - t, 0, 1)", "where(t, 1, 0)"].map { try validate(
            "schedule s {\n    alpha = \($0)\n    sigma = t\n    target = eps\n}\n").diagnostics.map(render) }
        #expect(others == [
            ["2:13: unsupported-function: 'min' is not supported: piecewise functions (min, max, clip, where) break the certified analysis"],
            ["2:13: unsupported-function: 'clip' is not supported: piecewise functions (min, max, clip, where) break the certified analysis"],
            ["2:13: unsupported-function: 'where' is not supported: piecewise functions (min, max, clip, where) break the certified analysis"],
        ])
    }

    @Test func pastedPythonIsOneError() throws {
        let file = try validate("""
            import numpy as np

            def alpha(t):
                return np.cos(t * np.pi / 2)

            def sigma(t):
                return np.sin(t * np.pi / 2)
            """)
        #expect(file.formattedDiagnostics() == """
            test.sched:1:1: error: 'import' is Python: a schedule file declares a schedule, it is not a program
            1 | import numpy as np
              | ^~~~~~
              = note: write one statement per line inside 'schedule NAME { … }': alpha = cos(pi/2 t), sigma = sin(pi/2 t), target = eps
            """)
        // Inside a block: the statement `def alpha` would have defined fails as alpha,
        // so sigma is not reported as given without alpha.
        let inBlock = try validate("""
            schedule s {
                def alpha(t): return cos(t)
                return sin(t)
                sigma = t
                target = eps
            }
            """)
        #expect(inBlock.diagnostics.map(render) == [
            "2:5: python-code: 'def' is Python: a schedule file declares a schedule, it is not a program",
        ])
        // After the block, Python is reported again.
        let twice = try validate("def f(t):\n    return t\nschedule s {\n    alpha = 1 - t\n    sigma = t\n    target = eps\n}\nreturn 1\n")
        #expect(twice.diagnostics.map(render) == [
            "1:1: python-code: 'def' is Python: a schedule file declares a schedule, it is not a program",
            "8:1: python-code: 'return' is Python: a schedule file declares a schedule, it is not a program",
        ])
        #expect(twice.schedules.map(\.name) == ["s"])
    }
}
