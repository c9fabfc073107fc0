import Foundation
import Testing

/// `sched eval --at` in every spelling, and the schedule's domain.
@Suite struct AtOptionTests {
    static let flow = "schedule flow {\n    x_t = (1 - t) x0 + t eps\n    target = eps - x0\n}\n"
    static let atOneHalf = """
        flow at t = 1/2:
          alpha         1/2
          sigma         1/2
          c             -1
          d             1
          det           1
          cov           0
          var_x         1/2
          var_y         2
          rho           0
          snr           1
          logsnr        0
          amp_x0        1/2
          amp_eps       1/2
          weight_eps    4
          weight_x0     4
          data_variance 1

        """

    @Test(arguments: [["--at", "1/2"], ["--at", "t=1/2"], ["--at=1/2"], ["--at=t=0.5"], ["--at", "t = 0.5"]])
    func everySpellingOfTheTime(_ at: [String]) throws {
        let r = try SchedBinary.run(["eval", "-"] + at, stdin: Self.flow)
        #expect(r.status == 0 && r.stderr == "")
        #expect(r.stdout == Self.atOneHalf)
    }

    @Test func aNegativeValueIsAValueNotAnOption() throws {
        let r = try SchedBinary.run(["eval", "-", "--at", "-1/2", "--allow-outside"], stdin: Self.flow)
        #expect(r.status == 0)
        #expect(r.stderr == "warning: --at -1/2: t = -1/2 is outside the domain [0, 1] of schedule 'flow': the formulas are evaluated there as written\n")
        #expect(r.stdout.hasPrefix("flow at t = -1/2:\n  alpha         3/2\n  sigma         -1/2\n"))
    }

    @Test func outsideTheDomainIsAnError() throws {
        let r = try SchedBinary.run(["eval", "-", "--at", "2"], stdin: Self.flow)
        #expect(r.status == 2 && r.stdout == "")
        #expect(r.stderr == "error: --at 2: t = 2 is outside the domain [0, 1] of schedule 'flow'; pass --allow-outside to evaluate there anyway\n")
        let open = try SchedBinary.run(["eval", "-", "--at", "0"],
                                       stdin: "schedule ve {\n    time s in (0, 80]\n    x_t = x0 + s eps\n    target = eps\n}\n")
        #expect(open.status == 2)
        #expect(open.stderr == "error: --at 0: s = 0 is outside the domain (0, 80] of schedule 've'; pass --allow-outside to evaluate there anyway\n")
    }

    @Test func aTimeNamedMustBeTheSchedulesTime() throws {
        let r = try SchedBinary.run(["eval", "-", "--at", "s=1/2"], stdin: Self.flow)
        #expect(r.status == 2 && r.stdout == "")
        #expect(r.stderr == "error: --at s=1/2: the time variable of schedule 'flow' is 't'\n")
    }

    @Test func simplifyTakesTheSameSpellings() throws {
        for at in [["--at", "t=-1/2"], ["--at=t=-1/2"]] {
            let r = try SchedBinary.run(["simplify", "t^2 + t"] + at)
            #expect(r.status == 0 && r.stdout == "-1/4\n", "\(at): \(r.stderr)")
        }
    }
}

/// Errors about the command line are reported as such, not at a place in a file.
@Suite struct CommandLineErrorTests {
    @Test func anUnknownParameterIsACommandLineError() throws {
        let file = examplePath("edm.sched")
        for command in ["analyze", "eval", "latex"] {
            let extra = command == "eval" ? ["--at", "1"] : []
            let r = try SchedBinary.run([command, file, "--param", "sigma_dta=2"] + extra)
            #expect(r.status == 2 && r.stdout == "", "\(command)")
            #expect(r.stderr == "error: --param sigma_dta: no schedule in \(file) has a parameter 'sigma_dta'; did you mean 'sigma_data'?\n",
                    "\(command)")
        }
    }

    @Test func warningsAloneDoNotFailACommand() throws {
        let r = try SchedBinary.run(["analyze", "-"], stdin: "schedule s {\n    alpha = np.cos(pi/2 t)\n    sigma = sin(pi/2 t)\n    target = eps\n}\n")
        #expect(r.status == 0)
        #expect(r.stderr == """
            <stdin>:2:13: warning: 'np.cos' is read as 'cos': the prefix 'np.' is dropped
            2 |     alpha = np.cos(pi/2 t)
              |             ^~~
              = note: sched has its own functions: write exp, cos, sqrt, … without a module

            """)
        #expect(r.stdout.contains("x_t         cos(πt/2)·x₀ + sin(πt/2)·ε\n"))
    }

    /// `target = eps / t` is undefined at t = 0: the finding is on the target line.
    @Test func undefinedOnDomainPointsAtTheStatementThatIsUndefined() throws {
        let text = "schedule s {\n    alpha = 1 - t\n    sigma = t\n    target = eps / t\n}\n"
        let r = try SchedBinary.run(["lint", "--select", "S006", "--color", "never", "-"], stdin: text)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("""
            <stdin>:4:5: error[S006 undefined-on-domain]: a coefficient is undefined at t = 0 on the domain [0, 1]
              |
            4 |     target = eps / t
              |     ^~~~~~~~~~~~~~~~

            """))
        // Undefined alpha: the forward process, not the target that uses it.
        let alpha = "schedule s {\n    alpha = 1/t\n    sigma = 1\n    target = alpha eps\n}\n"
        let a = try SchedBinary.run(["lint", "--select", "S006", "--color", "never", "-"], stdin: alpha)
        #expect(a.stdout.hasPrefix("<stdin>:2:5: error[S006 undefined-on-domain]: a coefficient is undefined at t = 0 on the domain [0, 1]\n"))
    }
}

/// `-o FILE` writes the whole output or nothing.
@Suite struct OutputFileTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sched-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func anInputWithErrorsWritesNoFile() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("broken.sched")
        try Data("schedule a {\n    alpha = cos(pi/2 t)\n    sigma = sin(pi/2 t)\n    target = eps\n}\nschedule b {\n    alpha = e^t\n    sigma = t\n    target = eps\n}\n".utf8)
            .write(to: broken)
        let out = dir.appendingPathComponent("out.tex")
        let r = try SchedBinary.run(["latex", broken.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(broken.path):7:13: error: unknown name 'e': write exp(x) for e^x\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["broken.sched"])
        // An existing file is left as it was.
        try Data("previous\n".utf8).write(to: out)
        _ = try SchedBinary.run(["latex", broken.path, "-o", out.path])
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous\n")
    }

    @Test func aGoodInputReplacesTheFileWhole() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.tex")
        try Data("previous\n".utf8).write(to: out)
        let r = try SchedBinary.run(["latex", examplePath("flows.sched"), "--schedule", "rectified_flow", "-o", out.path])
        #expect(r.status == 0 && r.stdout == "")
        let printed = try SchedBinary.run(["latex", examplePath("flows.sched"), "--schedule", "rectified_flow"])
        #expect(try String(contentsOf: out, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.tex"])
    }
}
