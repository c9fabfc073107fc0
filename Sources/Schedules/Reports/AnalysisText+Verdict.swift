import Exact
import Symbolic

/// The one-line verdict at the top of `sched analyze` and the REPL's `:analyze`:
/// "det A ≠ 0 on [0, 1]; ρ vanishes at t = 1/2; terminal SNR = 0 at t = 1; 2 claims proven".
/// It states only what the analysis proved — a zero set proven complete, an exact end
/// value — and says "unknown" for what it did not decide.
extension AnalysisText {
    public static func verdict(_ a: ModelAnalysis, claims: [ClaimVerdict.Status]) -> String {
        let t = a.model.time, domainText = domain(a.model.domain)
        // Where the schedule is undefined a quantity has no value, so "≠ 0" holds where it is defined.
        let nonzeroOn = domainText + (a.undefined.isEmpty && a.undefined.complete ? "" : " where defined")
        var parts = [
            zeroVerdict(a.zeros["det"], name: "det A", vanishes: "det A = 0", variable: t, nonzeroOn: nonzeroOn),
            zeroVerdict(a.zeros["rho"], name: "ρ", vanishes: "ρ vanishes", variable: t, nonzeroOn: nonzeroOn),
        ]
        if let undefined = undefinedVerdict(a.undefined, variable: t) { parts.append(undefined) }
        parts.append(terminalSNRVerdict(a))
        if let tally = claimTally(claims) { parts.append(tally) }
        return parts.joined(separator: "; ")
    }

    /// `det A ≠ 0 on [0, 1]`, `ρ ≡ 0`, `ρ vanishes at t = 1/2`, `ρ vanishes at 32 points`,
    /// or, when the search was not complete, the zeros found and "others unknown".
    static func zeroVerdict(_ z: ZeroSet?, name: String, vanishes: String, variable: String, nonzeroOn: String) -> String {
        guard let z else { return "zeros of \(name) unknown" }
        if z.identicallyZero { return "\(name) ≡ 0" }
        let found = z.points.count <= 3 ? "at " + z.points.map { shortPoint($0, variable: variable) }.joined(separator: ", ")
                                        : "at \(z.points.count) points"
        switch (z.complete, z.points.isEmpty) {
        case (true, true): return "\(name) ≠ 0 on \(nonzeroOn)"
        case (true, false): return "\(vanishes) \(found)"
        case (false, true): return "zeros of \(name) unknown"
        case (false, false): return "\(vanishes) \(found), other zeros unknown"
        }
    }

    /// `t = 1/2`, `t = π/4`, `t ≈ 0.206299…` (the decimal's first correct digits).
    static func shortPoint(_ p: ZeroPoint, variable: String) -> String {
        switch p.location {
        case .exact(let f): return "\(variable) = \(u(f))"
        case .enclosure: return "\(variable) ≈ \(p.approximation.prefix(8))…"
        }
    }

    /// Where the schedule is undefined, when it is somewhere (or not known to be nowhere).
    static func undefinedVerdict(_ u: UndefinedSet, variable: String) -> String? {
        if u.isEmpty { return u.complete ? nil : "definedness unknown" }
        let places = u.intervals.map { "\(variable) ∈ " + interval($0) } + u.points.map { shortPoint($0, variable: variable) }
        let shown = places.count <= 3 ? places.joined(separator: ", ") : "\(places.count) places"
        return "undefined at \(shown)" + (u.complete ? "" : ", elsewhere unknown")
    }

    /// The SNR at the noise end — the end other than the one where σ = 0 (the upper
    /// end when σ vanishes at neither, as `sched lint` takes it): exact (with a
    /// two-digit decimal), a limit (`→`) at an open end, or unknown.
    static func terminalSNRVerdict(_ a: ModelAnalysis) -> String {
        let domainModel = a.model.domain, t = a.model.time
        func sigmaVanishes(_ values: [String: ModelAnalysis.EndValue]) -> Bool {
            if case .exact(let f)? = values["sigma"] { return f.isZero }
            return false
        }
        let noiseAtLower = !sigmaVanishes(a.ends.lower) && sigmaVanishes(a.ends.upper)
        let values = noiseAtLower ? a.ends.lower : a.ends.upper
        let endForm = noiseAtLower ? domainModel.lower : domainModel.upper
        let closed = noiseAtLower ? domainModel.lowerClosed : domainModel.upperClosed
        let at = endForm.map { "at \(t) = \(u($0))" } ?? "as \(t) → ∞"
        switch values["snr"] {
        case .exact(let f)?:
            let value = shortValue(f)
            let relation = !(closed && endForm != nil) ? "→ " : value.hasPrefix("≈") ? "" : "= "
            return "terminal SNR \(relation)\(value) \(at)"
        case .undefined(let limit?)?:
            return "terminal SNR undefined \(at) (→ \(Self.limit(limit)))"
        default:
            return "terminal SNR unknown \(at)"
        }
    }

    /// An exact value as printed when short (`0`, `1/6400`), else its decimal of two
    /// correct digits (`≈ 0.0048`); the exact form is in the report below.
    static func shortValue(_ f: CanonicalForm) -> String {
        let exact = u(f)
        if exact.count <= 12 || !f.symbols.isEmpty { return exact }
        guard let v = f.value(at: [:], correctDigits: 2), v.hasRequestedDigits else { return exact }
        return "≈ " + v.ball.decimalString(digits: 2)
    }

    /// `2 claims proven`, `claims: 1 proven, 1 refuted, 1 unknown`; nil without claims.
    static func claimTally(_ claims: [ClaimVerdict.Status]) -> String? {
        guard !claims.isEmpty else { return nil }
        let counts = [ClaimVerdict.Status.proven, .refuted, .unknown].compactMap { status -> String? in
            let n = claims.filter { $0 == status }.count
            return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
        if counts.count == 1 { return "\(claims.count) claim\(claims.count == 1 ? "" : "s") \(claims.first!.rawValue)" }
        return "claims: " + counts.joined(separator: ", ")
    }

    /// The whole report of one schedule: the heading, the verdict, the analysis and
    /// each `expect` claim with its verdict and evidence.
    public static func report(_ a: ModelAnalysis, schedule s: Schedule, heading: String) -> String {
        let checker = ClaimChecker(a)
        let verdicts = s.expectations.map { (text: $0.text, verdict: checker.check($0.claim)) }
        var report = Self.report(a, heading: heading, verdict: verdict(a, claims: verdicts.map(\.verdict.status)))
        for (text, v) in verdicts { report += "  expect      \(text): \(v.status.rawValue) — \(v.evidence)\n" }
        return report
    }
}
