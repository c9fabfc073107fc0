import Foundation
import SchedTestHarness
import Testing
@testable import Codegen
import Schedules
import Symbolic

/// The generated NumPy code of every bundled example against mpmath at 50 digits
/// (Tests/oracles/codegen_values.py), coefficient by coefficient, in float64 at 200
/// evenly spaced points and 50 points toward each end (10⁻¹ … 10⁻¹⁴ from it): within
/// 16 ulps of the exact value. Two measured exceptions, stated with their bounds:
/// log-SNR crosses zero inside the domain, where no float formula keeps a relative
/// error (it is held to 16 ulps of max(|log-SNR|, 1)); the update of the cubic flow,
/// whose expanded polynomial in t and s loses up to 37 ulps (held to 40).
@Suite(.tags(.oracle)) struct CodegenOracleTests {
    static let exceptions: [String: Double] = ["cubic_flow step 1": 40]

    static func points(_ domain: AnalysisDomain) -> [(Double, Double)] {
        let a = domain.lower!.ball(at: [:], precision: 128).doubleValue, b = domain.upper!.ball(at: [:], precision: 128).doubleValue
        var ts = (1...200).map { a + (b - a) * Double($0) / 201 }
        for j in 0..<50 {
            let offset = (b - a) * pow(10, -1 - 13 * Double(j) / 49)
            ts += [a + offset, b - offset]
        }
        return ts.filter { $0 > a && $0 < b }.map { ($0, a + ($0 - a) / 2) }
    }

    /// The coefficients measured per file: 14 per schedule whose parameters all have
    /// values (alpha, sigma, logsnr, snr and the two loss weights one each; target,
    /// x0_from, eps_from and step two each). edm_symbolic and trigflow have a free
    /// parameter and are not measured.
    static let expectedRows = ["examples/ddpm.sched": 5 * 14, "examples/edm.sched": 3 * 14, "examples/flows.sched": 2 * 14]

    @Test(arguments: exampleFiles) func withinSixteenUlps(file: String) throws {
        let r = codegen([file, "--lang", "numpy"])
        #expect(r.status == 0, "\(r.stderr)")
        let modulePath = try writeModule(r.stdout, name: "module")
        let loaded = ScheduleFile(parsing: try String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8), path: file)
        var schedules: [[String: Any]] = []
        var planned: Set<String> = []
        for s in loaded.schedules where !s.params.contains(where: { $0.value == nil }) {
            let writer = try ScheduleClassWriter(CodegenSchedule(schedule: s, file: file), options: CodegenOptions())
            let functions: [[String: Any]] = writer.functions.map { f in
                for index in f.components.indices { planned.insert("\(s.name) \(f.name) \(index)") }
                return ["name": f.name, "vectors": f.isScalar ? [] : f.components.map(\.vector), "times": f.times.count,
                        "components": f.components.map { printASCIIFormula($0.form) }]
            }
            let points = Self.points(writer.analysis.model.domain).map { [CodegenCheck.hex($0.0), CodegenCheck.hex($0.1)] }
            schedules.append(["name": s.name, "time": writer.analysis.model.time, "second": writer.analysis.secondTime,
                              "points": points, "functions": functions])
        }
        let plan = try JSONSerialization.data(withJSONObject: ["module": modulePath, "schedules": schedules] as [String: Any])
        let run = try Subprocess.python(packageRoot.appendingPathComponent("Tests/oracles/codegen_values.py").path,
                                        stdin: String(decoding: plan, as: UTF8.self))
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(planned.count == Self.expectedRows[file])
        #expect(lines.count == Self.expectedRows[file], "\(lines.count) coefficients measured")
        var measured: Set<String> = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let schedule = object["schedule"] as! String, function = object["function"] as! String
            let component = object["component"] as! Int
            measured.insert("\(schedule) \(function) \(component)")
            let worst = object["max_ulps"] as! Double, mixed = object["max_mixed_ulps"] as! Double
            #expect((object["points"] as! Int) > 0, "\(schedule).\(function) was measured nowhere")
            if function == "logsnr" {
                #expect(mixed <= 16, "\(schedule).logsnr: \(mixed) ulps of max(|logsnr|, 1)")
            } else {
                let bound = Self.exceptions["\(schedule) \(function) \(component)"] ?? 16
                #expect(worst <= bound, "\(schedule).\(function)[\(component)]: \(worst) ulps at t = \(object["at"] ?? "-")")
            }
        }
        #expect(measured == planned, "measured \(measured.symmetricDifference(planned).sorted()) differently from the plan")
    }
}

/// A canonical form in sched's ASCII syntax, for the oracle.
func printASCIIFormula(_ form: CanonicalForm) -> String { printASCII(form.expression) }
