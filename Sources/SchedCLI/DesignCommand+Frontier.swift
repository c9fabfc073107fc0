import Schedules
import Symbolic

/// `sched design --frontier --at T`: the exact frontier of unit-variance targets at T
/// for each schedule's forward process, and its own target placed on it.
extension DesignCommand {
    func printFrontier(_ loaded: ScheduleFile, at: String, io: CommandIO) throws {
        let chosen = try ScheduleFileLoading.selected(loaded, names: schedules)
        let (timeName, valueText) = TimeValueArgument.split(at)
        let tree = try ExpressionCommandSupport.parse(valueText, name: "--at")
        let time = try ExpressionCommandSupport.canonicalForm(of: tree, source: valueText, simplifier: Simplifier(), name: "--at")
        func ascii(_ f: CanonicalForm) -> String { printASCII(f.expression) }
        var lines = ["frontier of unit-variance targets at \(ascii(time)): |amp_x0|·√(1 − ρ²) = σ·s/√Var(x_t)"]
        for s in chosen {
            if let timeName, timeName != s.time.name {
                throw SchedUsageError(message: "--at \(timeName)=\(valueText): the time variable of schedule '\(s.name)' is '\(s.time.name)'")
            }
            let membership = s.time.contains(time, assuming: s.assumptions)
            guard membership == .inside else {
                let relation = membership == .outside ? "is outside" : "could not be proven to lie in"
                throw SchedUsageError(message: "--at \(ascii(time)): \(s.time.name) = \(ascii(time)) \(relation) the domain \(s.time.text) of schedule '\(s.name)'")
            }
            let frontier: TargetFrontier
            do { frontier = try TargetFrontier(s, at: time) } catch {
                throw SchedInputError(formatted: "\(loaded.path):\(s.range.start.line):\(s.range.start.column): error: the frontier at \(s.time.name) = \(ascii(time)): \(error)")
            }
            lines.append("  \(s.name): σ·s/√Var(x_t) = \(ascii(frontier.value)) at \(s.time.name) = \(ascii(time))")
            switch frontier.placement {
            case .success(let p):
                let scaled = p.varY.isOne ? "its target (Var(y) = 1)" : "its target has Var(y) = \(ascii(p.varY)), not 1; normalized, y/√Var(y)"
                let on = p.onFrontier.map { $0 ? "on the frontier (proven)" : "off the frontier (proven)" } ?? "on the frontier: not decided"
                lines.append("    \(scaled): ρ = \(ascii(p.rho)), |amp_x0| = \(ascii(p.normalizedAmpX0)), \(on)")
            case .failure(let error):
                lines.append("    its target: \(error.message)")
            }
        }
        io.output.write(lines.joined(separator: "\n") + "\n")
    }
}
