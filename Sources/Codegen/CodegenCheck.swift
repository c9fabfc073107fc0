import Exact
import Foundation
import Schedules
import Symbolic

/// `sched codegen --check`: runs the generated module, stable and naive, with python3
/// and NumPy (a developer check: NumPy is never part of sched) on `CheckGrid`, in
/// float64 and float32, and measures each function's error against sched's certified
/// values: Arb balls of the exact formula at the exact float inputs, 128 bits (512
/// where needed). The error at a point is |computed − exact| / ulp(exact), the ulp of
/// the format at the exact value; a NaN or ±inf where the value is finite, or a
/// nonzero result where it is exactly 0, is an infinite error.
public enum CodegenCheck {
    /// The largest error of one coefficient of one function, and where.
    public struct Measurement: Sendable {
        public var ulps: Double = 0
        public var at: (t: Double, s: Double)?
        public var points = 0
        /// Points where no enclosure was tight enough (not measured).
        public var uncertified = 0
        /// What happened at the ends: "raises at t = 1" and the like.
        public var endNotes: [String] = []
    }

    public struct Row: Sendable {
        public var schedule: String
        public var function: String
        /// "x0" for target's coefficient of x0; "" for a scalar function.
        public var component: String
        public var dtype: String
        public var stable: Measurement
        public var naive: Measurement
        public var label: String { component.isEmpty ? function : "\(function)[\(component)]" }
    }

    public struct Report: Sendable {
        public var rows: [Row]
        public var skipped: [String]
        public var pointCounts: [String: (interior: Int, ends: Int)]

        public var text: String {
            var out = ""
            for name in rows.map(\.schedule).uniqued() {
                let counts = pointCounts[name]!
                for dtype in ["float64", "float32"] {
                    out += "\(name) — \(dtype), max error in ulps (\(counts.interior) points inside the domain, \(counts.ends) ends):\n"
                    out += "  " + pad("function", 22) + pad("stable", 10) + pad("at t", 14) + pad("naive", 10) + "at t\n"
                    for r in rows where r.schedule == name && r.dtype == dtype {
                        out += "  " + pad(r.label, 22) + pad(Self.format(r.stable.ulps), 10) + pad(Self.place(r.stable), 14)
                            + pad(Self.format(r.naive.ulps), 10) + Self.place(r.naive) + "\n"
                    }
                    let notes = rows.filter { $0.schedule == name && $0.dtype == dtype }.flatMap { r in r.stable.endNotes.map { "\(r.label): \($0)" } + r.naive.endNotes.map { "\(r.label) (naive): \($0)" } }
                    for note in notes.uniqued() { out += "  \(note)\n" }
                    let uncertified = rows.filter { $0.schedule == name && $0.dtype == dtype }.reduce(0) { $0 + $1.stable.uncertified }
                    if uncertified > 0 { out += "  \(uncertified) values not certified tightly enough, not measured\n" }
                }
            }
            for s in skipped { out += "skipped: \(s)\n" }
            return out
        }

        func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }

        static func format(_ ulps: Double) -> String {
            if ulps.isInfinite { return "inf" }
            if ulps < 1000 { return String(format: "%.1f", ulps) }
            return String(format: "%.1e", ulps)
        }

        static func place(_ m: Measurement) -> String {
            guard let at = m.at else { return "-" }
            return String(format: "%.6g", at.t)
        }
    }

    public static func run(_ schedules: [CodegenSchedule], atSingular: SingularEndPolicy) throws(CodegenError) -> Report {
        var checked: [(entry: CodegenSchedule, writer: ScheduleClassWriter, grid: CheckGrid)] = []
        var skipped: [String] = []
        // Decided before the long evaluation, within the analysis' time budget.
        var singularEnds: [String: [SingularEnd]] = [:]
        for entry in schedules {
            if let p = entry.schedule.params.first(where: { $0.value == nil }) {
                skipped.append("\(entry.schedule.name): the parameter '\(p.name)' has no value (bind it with --param)")
                continue
            }
            let writer = try ScheduleClassWriter(entry, options: CodegenOptions(atSingular: atSingular))
            checked.append((entry, writer, try CheckGrid(writer.analysis.model.domain)))
            for f in writer.functions { singularEnds["\(entry.schedule.name) \(f.name)"] = writer.singularEnds(f) }
        }
        guard !checked.isEmpty else { return Report(rows: [], skipped: skipped, pointCounts: [:]) }
        let entries = checked.map(\.entry)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sched-codegen-check-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: directory)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw CodegenError("cannot create \(directory.path)")
        }
        // SCHED_KEEP_CHECK=1 keeps the modules, the plan and the results for inspection.
        defer { if ProcessInfo.processInfo.environment["SCHED_KEEP_CHECK"] == nil { try? FileManager.default.removeItem(at: directory) } }
        var modules: [JSONValue] = []
        for (label, stable) in [("stable", true), ("naive", false)] {
            let text = try NumPyModule.render(entries, options: CodegenOptions(stable: stable, atSingular: atSingular))
            let path = directory.appendingPathComponent("\(label).py").path
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw CodegenError("cannot write \(path)") }
            modules.append(.array([.string(label), .string(path)]))
        }
        // The plan the driver reads: per schedule, each function with its vectors and
        // times, and the grid's points as hexadecimal floats (exact in both languages).
        func points(_ list: [(t: Double, s: Double)]) -> JSONValue {
            .array(list.map { .array([.string(hex($0.t)), .string(hex($0.s))]) })
        }
        let plan = JSONValue.object([
            ("modules", .array(modules)),
            ("schedules", .array(checked.map { c in
                .object([
                    ("name", .string(c.entry.schedule.name)),
                    ("functions", .array(c.writer.functions.map { f in
                        .object([
                            ("name", .string(f.name)),
                            ("vectors", .array(f.isScalar ? [] : f.components.map { .string($0.vector) })),
                            ("times", .array(f.times.map { _ in .string("t") })),
                        ])
                    })),
                    ("interior", points(c.grid.interior.map { ($0.t, $0.s) })),
                    ("ends", points(c.grid.ends.map { ($0.t, $0.s) })),
                ])
            })),
        ]).serialized()
        let planPath = directory.appendingPathComponent("plan.json").path
        let driverPath = directory.appendingPathComponent("driver.py").path
        let resultPath = directory.appendingPathComponent("results.txt").path
        guard FileManager.default.createFile(atPath: planPath, contents: Data(plan.utf8)),
              FileManager.default.createFile(atPath: driverPath, contents: Data(CheckDriver.source.utf8)) else {
            throw CodegenError("cannot write the check's files in \(directory.path)")
        }
        try runPython([driverPath, planPath, resultPath])
        guard let results = try? String(contentsOfFile: resultPath, encoding: .utf8) else { throw CodegenError("the check printed no results") }

        var rows: [String: Row] = [:]
        var order: [String] = []
        var certified: [String: [Ball?]] = [:]
        for line in results.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 6, let bar = words.firstIndex(of: "|"), let index = Int(words[4]) else { continue }
            let (label, dtype, name, functionName) = (words[0], words[1], words[2], words[3])
            guard let c = checked.first(where: { $0.entry.schedule.name == name }),
                  let f = c.writer.functions.first(where: { $0.name == functionName }) else { continue }
            let component = f.components[index]
            let key = "\(name) \(functionName) \(index) \(dtype)"
            if rows[key] == nil {
                order.append(key)
                rows[key] = Row(schedule: name, function: functionName, component: component.vector, dtype: dtype, stable: Measurement(), naive: Measurement())
            }
            let isFloat32 = dtype == "float32"
            func rounded(_ x: Double) -> Double { isFloat32 ? Double(Float(x)) : x }
            let model = c.writer.analysis.model
            let variables = [model.time, c.writer.analysis.secondTime]
            let exactValues = certified[key] ?? c.grid.interior.map { p in
                Self.certify(component.form, at: [variables[0]: rounded(p.t), variables[1]: rounded(p.s)])
            }
            certified[key] = exactValues
            var m = Measurement()
            for (i, text) in words[5..<bar].enumerated() {
                let p = c.grid.interior[i]
                if text == "R" {
                    // Right only where the point rounds to an end at which the function is undefined.
                    let endsHere = c.grid.ends.contains { $0.exact && rounded(p.t) == $0.t }
                    if !endsHere || (singularEnds["\(name) \(functionName)"] ?? []).isEmpty { m.ulps = .infinity; m.at = (rounded(p.t), rounded(p.s)) }
                    continue
                }
                guard let exact = exactValues[i] else { m.uncertified += 1; continue }
                m.points += 1
                let e = Self.ulps(computed: Double(text) ?? .nan, exact: exact, float32: isFloat32)
                if e > m.ulps || (e == m.ulps && m.at == nil && e > 0) { m.ulps = e; m.at = (rounded(p.t), rounded(p.s)) }
            }
            let singular = singularEnds["\(name) \(functionName)"] ?? []
            for (j, text) in words[(bar + 1)...].enumerated() where j < c.grid.ends.count {
                let end = c.grid.ends[j]
                let t = rounded(end.t), s = rounded(end.s)
                let representable = !isFloat32 || Double(Float(end.t)) == end.t
                let isSingular = end.exact && representable
                    && singular.contains { $0.isLower == end.isLower && ($0.variable == model.time || end.isLower) }
                let at = "\(model.time) = \(String(format: "%.17g", t))"
                if text == "R" {
                    m.endNotes.append(isSingular ? "raises ValueError at \(at) (undefined there)" : "raises ValueError at \(at), where it is defined: wrong")
                    if !isSingular { m.ulps = .infinity; m.at = (t, s) }
                    continue
                }
                let exact: Ball?
                if isSingular, case .clamp(let eps) = atSingular {
                    // The code evaluates at the float end moved inward by ε.
                    let epsilon = eps.doubleValue
                    let moved = rounded(end.isLower ? end.t + epsilon : end.t - epsilon)
                    exact = Self.certify(component.form, at: [variables[0]: moved, variables[1]: end.isLower ? moved : s])
                    m.endNotes.append("returns its value at \(model.time) = \(String(format: "%.17g", moved)) for \(at)")
                } else if isSingular {
                    let limit = OneSidedLimit(variable: model.time, point: end.isLower ? model.domain.lower! : model.domain.upper!,
                                              side: end.isLower ? 1 : -1, assumptions: model.assumptions).limit(of: component.form)
                    guard case .finite(let v)? = limit else {
                        let value = Double(text) ?? .nan
                        let ok = (limit == .positiveInfinity && value == .infinity) || (limit == .negativeInfinity && value == -.infinity)
                        m.endNotes.append("\(text == "inf" || text == "-inf" ? text : "returns \(value)") at \(at): \(ok ? "the limit" : "wrong")")
                        if !ok { m.ulps = .infinity; m.at = (t, s) }
                        continue
                    }
                    exact = Self.certify(v, at: [:])
                    m.endNotes.append("returns the limit at \(at)")
                } else {
                    exact = Self.certify(component.form, at: [variables[0]: t, variables[1]: s])
                }
                guard let exact else { m.uncertified += 1; continue }
                m.points += 1
                let e = Self.ulps(computed: Double(text) ?? .nan, exact: exact, float32: isFloat32)
                if e > m.ulps { m.ulps = e; m.at = (t, s) }
            }
            if label == "stable" { rows[key]!.stable = m } else { rows[key]!.naive = m }
        }
        var counts: [String: (interior: Int, ends: Int)] = [:]
        for c in checked { counts[c.entry.schedule.name] = (c.grid.interior.count, c.grid.ends.count) }
        return Report(rows: order.map { rows[$0]! }, skipped: skipped, pointCounts: counts)
    }

    /// The exact value's enclosure at float inputs, tight to 2⁻⁶⁰ relatively (or
    /// exactly 0); nil when 512 bits do not get there or the form is undefined there.
    static func certify(_ form: CanonicalForm, at point: [String: Double]) -> Ball? {
        var values: [String: Rational] = [:]
        for (k, v) in point { guard let r = Rational(exactly: v) else { return nil }; values[k] = r }
        for precision in [128, 512] {
            let b = form.ball(at: values, precision: precision)
            guard b.isFinite else { continue }
            if b.isExactlyZero || b.relativeAccuracyBits >= 60 { return b }
        }
        return nil
    }

    /// |computed − exact| in units of the format's ulp at the exact value.
    static func ulps(computed: Double, exact: Ball, float32: Bool) -> Double {
        guard computed.isFinite, let c = Rational(exactly: computed) else { return .infinity }
        if exact.isExactlyZero { return computed == 0 ? 0 : .infinity }
        let difference = (Ball(c, precision: exact.precision) - exact).doubleValue.magnitude
        let x = exact.doubleValue
        let ulp = float32 ? Double(Float(x).ulp) : x.ulp
        return difference / ulp
    }

    static func hex(_ x: Double) -> String {
        // float.fromhex reads C99 hexadecimal floats: ±0x1.<13 hex digits>p<exponent>.
        if x == 0 { return x.sign == .minus ? "-0x0p+0" : "0x0p+0" }
        let significand = x.significandBitPattern
        let exponent = Int(x.exponentBitPattern)
        let sign = x.sign == .minus ? "-" : ""
        if exponent == 0 { return sign + "0x0." + String(significand, radix: 16).leftPadded(13) + "p-1022" }
        return sign + "0x1." + String(significand, radix: 16).leftPadded(13) + "p" + String(exponent - 1023)
    }

    static func runPython(_ arguments: [String]) throws(CodegenError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw CodegenError("cannot run python3: \(error)") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CodegenError("python3 with NumPy could not run the generated code (status \(process.terminationStatus)): \(text.split(separator: "\n").suffix(3).joined(separator: " / "))")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
