import Exact
import Foundation
import Schedules
import Symbolic

/// `--continuous` on a diffusers config: the continuous-time schedule of the same
/// betas (or flow shift), and how far the steps are from it.
struct ContinuousCounterpart {
    var file: ScheduleFile
    var imported: DiffusersImport
    /// The steps, for the gap.
    var discrete: DiscreteScheduleFile

    static func load(_ bytes: [UInt8], name: String, parameters: [Binding]) throws -> ContinuousCounterpart {
        guard DiffusersImport.isConfig(bytes) else {
            throw SchedUsageError(message: "--continuous takes a diffusers scheduler config (a JSON object with \"_class_name\"): \(name) is not one")
        }
        let imported = try DiscreteFileLoading.importConfig(bytes, name: name, parameters: parameters, continuous: true)
        let file = ScheduleFile(parsing: Array(imported.text.utf8), path: name + " (continuous)")
        if file.hasErrors { throw SchedInputError(formatted: file.formattedDiagnostics()) }
        guard let discrete = try DiscreteFileLoading.parse(bytes, name: name, parameters: parameters) else {
            throw SchedInputError("\(name): the config's steps could not be read")
        }
        return ContinuousCounterpart(file: file, imported: imported, discrete: discrete)
    }

    /// The gap of each schedule (one per config), nil where no step could be compared.
    func gaps() -> [DiscreteContinuousGap?] {
        zip(discrete.schedules, file.schedules).map { steps, schedule in
            guard let times = imported.stepTimes else { return nil }
            return DiscreteContinuousGap.compute(DiscreteAnalysis(steps), continuous: schedule.unifiedModel, stepTimes: times)
        }
    }

    /// `  steps vs t    max |ᾱ_n − ᾱ(t_n)| ≈ 1.2e-5 at n = 17 (t = 9/500), t_n = (n + 1)/1000`.
    static func text(_ gap: DiscreteContinuousGap?, stepName: String, times: (offset: Int, denominator: Int)?) -> String {
        guard let gap, let times else { return "  steps vs t  not compared: no step's ᾱ could be enclosed\n" }
        let map = times.offset == 0 ? "t_\(stepName) = \(stepName)/\(times.denominator)" : "t_\(stepName) = (\(stepName) + \(times.offset))/\(times.denominator)"
        var line = "  steps vs t  max |ᾱ_\(stepName) − ᾱ(t_\(stepName))| "
        if gap.gap.containsZero, let bound = gap.gap.upperBound {
            // The largest upper bound contains 0: every step agrees to within it.
            line += gap.gap.isExactlyZero ? "= 0 at every step" : "≤ \(bound.decimalString(significantDigits: 2)) at every step (equal up to rounding)"
            line += ", \(map)"
        } else {
            line += "≈ \(gap.gap.decimalString(digits: 6)) at \(stepName) = \(gap.step) (t = \(gap.time)), \(map)"
        }
        if !gap.undecided.isEmpty { line += "; not compared at \(gap.undecided.count) steps" }
        return line + "\n"
    }

    static func json(_ gap: DiscreteContinuousGap?) -> JSONValue {
        guard let gap else { return .null }
        return .object([
            ("step", .int(gap.step)), ("time", .string(gap.time.description)),
            ("discrete_abar", .string(gap.discrete.decimalString(digits: 20))),
            ("continuous_abar", .string(gap.continuous.decimalString(digits: 20))),
            ("max_gap", .string(gap.gap.decimalString(digits: 20))),
            ("undecided_steps", .int(gap.undecided.count)),
        ])
    }
}
