import Schedules
import Symbolic

/// What `sched latex` emits.
public enum LaTeXPart: Hashable, Sendable {
    /// The derivation of each schedule (the default).
    case derivation
    /// Table I of the paper: one row per schedule.
    case table
    /// A pgfplots figure of quantities over time.
    case plot
    /// The design of linear targets for each forward process (y = k·x_t + m·u).
    case design
}

/// A schedule with its analysis, as the builders take it.
public struct LaTeXSchedule: Sendable {
    public var schedule: Schedule
    public var analysis: ModelAnalysis
    /// The file it came from, for comments in the output.
    public var file: String

    public init(schedule: Schedule, file: String) {
        self.schedule = schedule
        analysis = ModelAnalysis(schedule.unifiedModel)
        self.file = file
    }

    /// The title (the name when there is none), escaped for LaTeX.
    var title: String { LaTeXText.escape(schedule.title ?? schedule.name) }

    /// The citation key derived from `cite`, when one can be derived.
    var citationKey: String? { schedule.cite.flatMap(LaTeXText.citationKey) }

    /// `~\cite{key}`, or the citation text in parentheses, or nothing.
    var citation: String {
        guard let cite = schedule.cite else { return "" }
        if let key = citationKey { return "~\\cite{\(key)}" }
        return " (\(LaTeXText.escape(cite)))"
    }
}

public enum LaTeXError: Error, Sendable, CustomStringConvertible {
    case unknownQuantity(String)
    case noQuantities
    /// A discrete-time schedule with --table or --plot (which take continuous time).
    case discreteSchedule(String, String)

    public var description: String {
        switch self {
        case .unknownQuantity(let q):
            return "unknown quantity '\(q)' for --plot (known: \(UnifiedModel.quantityNames.joined(separator: ", ")))"
        case .noQuantities:
            return "--plot needs at least one quantity, e.g. --plot rho or --plot det,rho"
        case .discreteSchedule(let name, let option):
            return "\(option) takes continuous-time schedules: '\(name)' is a discrete-time schedule (its derivation is `sched latex` without \(option))"
        }
    }
}

/// Assembles the parts into a fragment (with the packages it needs in a comment at
/// the top and the macro block) or a complete document.
public enum LaTeXDocument {
    /// - Parameters:
    ///   - table: emit the table.
    ///   - plot: the quantities to plot (nil: no plot).
    ///   - When neither a table nor a plot is asked for, the derivations are emitted.
    ///   - discrete: discrete-time schedules (derivations only).
    ///   - design: emit the design of targets (`--design`).
    public static func render(_ schedules: [LaTeXSchedule], discrete: [DiscreteLaTeXSchedule] = [], table: Bool, plot: [String]?,
                              design: Bool = false, standalone: Bool, files: [String]) throws -> String {
        var parts: Set<LaTeXPart> = []
        if table { parts.insert(.table) }
        if design { parts.insert(.design) }
        if let plot {
            guard !plot.isEmpty else { throw LaTeXError.noQuantities }
            for q in plot where !UnifiedModel.quantityNames.contains(q) { throw LaTeXError.unknownQuantity(q) }
            parts.insert(.plot)
        }
        if parts.isEmpty { parts.insert(.derivation) }
        if let first = discrete.first, !parts.isDisjoint(with: [.table, .plot, .design]) {
            throw LaTeXError.discreteSchedule(first.schedule.name, table ? "--table" : design ? "--design" : "--plot")
        }

        var pieces: [String] = []
        if parts.contains(.derivation) { pieces += schedules.map(Derivation.render) + discrete.map(DiscreteDerivation.render) }
        if parts.contains(.design) { pieces += schedules.map(DesignDerivation.render) }
        if parts.contains(.table) { pieces.append(Table.render(schedules)) }
        if let plot, parts.contains(.plot) { pieces.append(Plot.render(schedules, quantities: plot)) }
        let body = pieces.joined(separator: "\n")

        if standalone {
            var bibliography: [(key: String, text: String)] = []
            if !parts.isDisjoint(with: [.derivation, .table]) {
                for s in schedules {
                    if let key = s.citationKey, let cite = s.schedule.cite, !bibliography.contains(where: { $0.key == key }) {
                        bibliography.append((key, cite))
                    }
                }
            }
            return Preamble.document(body, parts: parts, files: files, bibliography: bibliography)
        }
        var text = Preamble.fragmentHeader(parts, files: files)
        let cited = schedules.compactMap { s in s.citationKey.map { (key: $0, text: s.schedule.cite!) } }
        if !cited.isEmpty && !parts.isDisjoint(with: [.derivation, .table]) {
            text += "% Citation keys (derived from the schedules' cite text):\n"
            var seen: Set<String> = []
            for c in cited where seen.insert(c.key).inserted { text += "%   \(c.key): \(c.text)\n" }
        }
        return text + "\n" + Preamble.macroBlock() + "\n" + body
    }
}
