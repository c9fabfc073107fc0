// Per-operation timings of sched's exact core, for bench/*.py.
//
// Reads one JSON array of coefficient strings (lowest degree first) per stdin line
// and prints, per line, the median wall time in seconds of `repeats` isolations of
// all real roots, with the root count:  {"median_seconds": 0.0012, "roots": 4}
import Exact
import Foundation

let repeats = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1]) ?? 5) : 5

while let line = readLine() {
    guard let data = line.data(using: .utf8),
          let strings = try? JSONDecoder().decode([String].self, from: data) else { continue }
    let p = Polynomial(coefficients: strings.map { try! Rational(parsing: $0) })
    var times: [Double] = []
    var count = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        count = (try? p.realRoots())?.count ?? -1
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    print("{\"median_seconds\": \(times[times.count / 2]), \"roots\": \(count)}")
}
