// Per-operation timings of sched, for the scripts in bench/.
//
//   sched-bench roots [repeats]
//       reads one JSON array of coefficient strings (lowest degree first) per stdin
//       line; prints {"median_seconds": …, "roots": n} per line.
//   sched-bench simplify [count] [seed] [repeats]
//       generates `count` schedule-like expressions (the generator of the test
//       suite) and prints per expression
//       {"input": ascii, "result": ascii, "zero": bool, "median_seconds": …}
//       where the time is canonicalisation plus the zero test.
//   sched-bench leakcheck NAME
//       runs a memory workload (rational, ball, polynomial) and prints the growth of
//       the resident set in bytes over a million operations (the leak tests).
import Exact
import Foundation
import SchedTestSupport
import Symbolic

func median(_ repeats: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return times[times.count / 2]
}

func quoted(_ s: String) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
}

let arguments = Array(CommandLine.arguments.dropFirst())
func argument(_ i: Int, default value: Int) -> Int { i < arguments.count ? Int(arguments[i]) ?? value : value }

switch arguments.first {
case "roots":
    let repeats = max(1, argument(1, default: 5))
    while let line = readLine() {
        guard let strings = try? JSONDecoder().decode([String].self, from: Data(line.utf8)) else { continue }
        let p = Polynomial(coefficients: strings.map { try! Rational(parsing: $0) })
        var count = 0
        let t = median(repeats) { count = (try? p.realRoots())?.count ?? -1 }
        print("{\"median_seconds\": \(t), \"roots\": \(count)}")
    }
case "simplify":
    let count = argument(1, default: 1000), seed = UInt64(argument(2, default: 2026)), repeats = max(1, argument(3, default: 3))
    var generator = ScheduleLikeExpressions(seed: seed)
    var produced = 0
    while produced < count {
        let e = generator.expression(depth: 4)
        guard let form = try? Simplifier().canonicalForm(of: e) else { continue }
        produced += 1
        var zero = false
        let t = median(repeats) {
            if let f = try? Simplifier().canonicalForm(of: e) { zero = ZeroTest().test(f).isProvenZero }
        }
        print("{\"input\": \(quoted(printASCII(e))), \"result\": \(quoted(printASCII(form.expression))), \"zero\": \(zero), \"median_seconds\": \(t)}")
    }
case "leakcheck":
    guard arguments.count > 1, let growth = MemoryWorkloads.residentGrowth(arguments[1]) else {
        FileHandle.standardError.write(Data("usage: sched-bench leakcheck \(MemoryWorkloads.names.joined(separator: "|"))\n".utf8))
        exit(2)
    }
    print(growth)
default:
    FileHandle.standardError.write(Data("usage: sched-bench roots [repeats] | simplify [count] [seed] [repeats] | leakcheck NAME\n".utf8))
    exit(2)
}
