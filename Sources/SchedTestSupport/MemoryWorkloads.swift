import Exact
import Foundation

/// Workloads for the leak tests: each runs about a million operations of one kind of
/// exact object. `sched-bench leakcheck NAME` runs one in a process of its own and
/// reports how much its resident memory grew, so that other tests running in
/// parallel cannot disturb the measurement. A missed `mpq_clear`, `arb_clear` or
/// `fmpq_mpoly_clear` grows it by tens of megabytes; freed storage keeps it flat.
public enum MemoryWorkloads {
    public static let names = ["rational", "ball", "polynomial"]

    /// Runs `name` once to warm the allocator, then again, and returns the growth of
    /// the resident set in bytes over the second run.
    public static func residentGrowth(_ name: String) -> Int? {
        guard let workload = workload(name) else { return nil }
        workload(100_000)
        let before = residentBytes()
        workload(1_000_000)
        return residentBytes() - before
    }

    static func workload(_ name: String) -> ((Int) -> Void)? {
        switch name {
        case "rational":
            var g = SeededRandom(seed: 1)
            let values = (0..<64).map { _ in Rational(g.int(1...1_000_000_000), g.int(1...1_000_000_000)) * Rational(BigInt(1).shiftedLeft(70)) }
            return { n in
                var acc = Rational.one
                for i in 0..<n {
                    let a = values[i & 63], b = values[(i >> 6) & 63]
                    acc = (acc + (a + b) * (a - b) / b).timesPowerOfTwo(-1)
                    if acc.bitSize > 4000 { acc = Rational(acc.floor) }
                    _ = BigInt.gcd(a.numerator, b.denominator)
                }
            }
        case "ball":
            // 512-bit midpoints live on the heap, so a missed arb_clear would leak.
            let x = Ball(Rational(22, 7), precision: 512), y = Ball(Rational(-355, 113), precision: 512)
            return { n in
                var sum = 0.0
                for _ in 0..<(n / 5) {
                    let d = Ball.sqrt(((x + y) * x / y).power(2))
                    sum += d.doubleValue
                }
                precondition(sum.isFinite)
            }
        case "polynomial":
            let ring = PolynomialRing(variables: ["x", "y", "z"])
            let (x, y, z) = (ring.variable("x"), ring.variable("y"), ring.variable("z"))
            let a = (x + y.scaled(by: 2) - z) * (x - y), b = (x - y) * (x + y * z + Rational(1, 3))
            return { n in
                var checksum = 0
                for i in 0..<(n / 5) {
                    checksum &+= i % 2 == 0 ? (a * b).termCount : MultivariatePolynomial.gcd(a, b).termCount
                }
                precondition(checksum > 0)
            }
        default:
            return nil
        }
    }

    /// Resident memory of this process in bytes (Linux /proc/self/statm).
    public static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
