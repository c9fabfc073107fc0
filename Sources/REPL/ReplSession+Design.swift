import Schedules
import Symbolic

/// `:design rho=1/2 det=1`: the target designed from two requirements (as
/// `sched design --rho 1/2 --det 1`) becomes the session's current target.
extension ReplSession {
    /// The requirement names `:design` takes (`var-y` and `amp-x0` are accepted too).
    static let designQuantities: [String: DesignRequirement.Quantity] = Dictionary(
        DesignRequirement.Quantity.allCases.flatMap { q in [(q.rawValue, q), (q.rawValue.replacingOccurrences(of: "_", with: "-"), q)] },
        uniquingKeysWith: { first, _ in first })

    /// Splits `rho=1 - t det=1` into requirements: a word `NAME=…` starts one, the
    /// following words (up to the next `NAME=`) continue its value.
    func designRequests(_ argumentText: String, in line: String) throws -> [(DesignRequirement.Quantity, String)] {
        var requests: [(DesignRequirement.Quantity, String)] = []
        for word in argumentText.split(whereSeparator: { $0.isWhitespace }).map(String.init) {
            if let equals = word.firstIndex(of: "="), !word.hasPrefix("=") {
                let name = String(word[..<equals])
                guard let quantity = Self.designQuantities[name] else {
                    if !requests.isEmpty, name.contains(where: { !$0.isLetter && $0 != "_" && $0 != "-" }) {
                        requests[requests.count - 1].1 += " " + word
                        continue
                    }
                    let names = DesignRequirement.Quantity.allCases.map(\.rawValue)
                    let hint = Suggestions.nearest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    throw ReplFailure("usage", "unknown requirement '\(name)'\(hint); :design takes two of \(names.joined(separator: ", ")) as NAME=EXPR", in: line)
                }
                requests.append((quantity, String(word[word.index(after: equals)...])))
            } else if !requests.isEmpty {
                requests[requests.count - 1].1 += (requests[requests.count - 1].1.isEmpty ? "" : " ") + word
            } else {
                throw ReplFailure("usage", "usage: :design NAME=EXPR NAME=EXPR (two of det, rho, var_y, amp_x0, amp_eps)", in: line)
            }
        }
        guard requests.count == 2 else {
            throw ReplFailure("usage", "usage: :design NAME=EXPR NAME=EXPR (two of det, rho, var_y, amp_x0, amp_eps; got \(requests.count))", in: line)
        }
        return requests
    }

    /// Designs the target for the current forward process, checks every requirement
    /// on the designed schedule, and makes it the current target.
    mutating func design(_ argumentText: String, in line: String) throws -> String {
        let requests = try designRequests(argumentText, in: line)
        guard schedule.hasForward, let base = schedule.model else {
            throw ReplFailure("incomplete", "the schedule '\(schedule.name)' has no forward process yet: give x_t = … (or alpha = … and sigma = …) first", in: line)
        }
        let designed: DesignedTarget
        do {
            let requirements = try requests.map { try DesignRequirement.parse($0.0, $0.1, for: base) }
            let model = base.unifiedModel
            let target = try TargetDesign(model, requirements[0], requirements[1])
            let source = target.source(for: base, model: model, requirements: requirements, name: base.name, header: [])
            designed = try DesignedTarget(base: base, design: target, requirements: requirements, source: source)
        } catch let error as TargetDesignError {
            // The requirement by its REPL name (rho, var_y), not by the command-line option.
            let name = error.option.map { String($0.dropFirst(2)).replacingOccurrences(of: "-", with: "_") + ": " } ?? ""
            throw ReplFailure("design", name + error.message, in: line)
        }
        if let failed = designed.verdicts.first(where: { $0.verdict.status != .proven }) {
            throw ReplFailure("design", "the designed target's claim '\(failed.claim)' is \(failed.verdict.status.rawValue): \(failed.verdict.evidence)", in: line)
        }
        let c = printASCII(designed.design.c.expression), d = printASCII(designed.design.d.expression)
        let answer = try statement("target = (\(c)) x0 + (\(d)) eps")
        return answer + "\n" + designed.verdicts.map { "\($0.claim): proven" }.joined(separator: "\n")
    }
}
