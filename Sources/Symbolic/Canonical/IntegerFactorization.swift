import Exact

/// Trial division of integers into primes, enough to normalise √n and log n for
/// the integers that appear in schedules. A cofactor with no prime below the bound
/// is returned whole (it is then kept as one kernel: correct, only less reduced).
enum IntegerFactorization {
    static let trialBound = 100_000

    /// n = ∏ pᵉ · rest for positive n; primes in increasing order.
    static func factor(_ n: BigInt) -> (primes: [(BigInt, Int)], rest: BigInt) {
        precondition(n.signum > 0)
        var rest = n
        var primes: [(BigInt, Int)] = []
        var p = 2
        while p <= trialBound {
            let bp = BigInt(p)
            if let r = rest.exactInt, p * p > r { break }
            var e = 0
            while let q = rest.exactQuotient(dividingBy: bp) { rest = q; e += 1 }
            if e > 0 { primes.append((bp, e)) }
            p += p == 2 ? 1 : 2
        }
        // What is left is prime when it has no factor below its square root.
        if let r = rest.exactInt, r > 1, p * p > r {
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
