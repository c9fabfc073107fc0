import Exact

/// Trial division of integers into primes, enough to normalise √n and log n for
/// the integers that appear in schedules. A cofactor with no prime below the bound
/// is returned whole (it is then kept as one kernel: correct, only less reduced).
enum IntegerFactorization {
    static let trialBound = 100_000

    /// The primes up to `trialBound` (9,592 of them), by a sieve, once per process:
    /// trial division by primes only, each a word-sized divisibility test, costs a
    /// few microseconds where dividing by every odd number as a BigInt took
    /// milliseconds — a third of `sched lint`'s time, in √ of rational values.
    static let primes: [Int] = {
        var composite = [Bool](repeating: false, count: trialBound + 1)
        var out: [Int] = []
        for p in 2...trialBound where !composite[p] {
            out.append(p)
            var multiple = p * p
            while multiple <= trialBound { composite[multiple] = true; multiple += p }
        }
        return out
    }()

    /// n = ∏ pᵉ · rest for positive n; primes in increasing order.
    static func factor(_ n: BigInt) -> (primes: [(BigInt, Int)], rest: BigInt) {
        precondition(n.signum > 0)
        var rest = n
        var primes: [(BigInt, Int)] = []
        var last = 1
        for p in Self.primes {
            last = p
            if let r = rest.exactInt, p * p > r { break }
            guard rest.isDivisible(by: UInt(p)) else { continue }
            let bp = BigInt(p)
            var e = 0
            while let q = rest.exactQuotient(dividingBy: bp) { rest = q; e += 1 }
            primes.append((bp, e))
        }
        // What is left is prime when it has no factor below its square root.
        if let r = rest.exactInt, r > 1, last * last > r {
            primes.append((rest, 1))
            rest = .one
        }
        return (primes, rest)
    }

    /// n = a²·∏ primes·rest for positive n, with the primes of odd exponent listed
    /// once and the unfactored cofactor apart.
    static func squarePart(_ n: BigInt) -> (square: BigInt, primes: [BigInt], rest: BigInt) {
        let (primes, rest) = factor(n)
        var a = BigInt.one
        var odd: [BigInt] = []
        for (p, e) in primes {
            a *= try! p.power(e / 2)
            if e % 2 == 1 { odd.append(p) }
        }
        return (a, odd, rest)
    }
}
