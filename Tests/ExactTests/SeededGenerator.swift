import Exact

/// SplitMix64: a tiny deterministic generator, so every property test sees the same
/// inputs on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random integer of up to `bits` bits, either sign.
    mutating func bigInt(bits: Int) -> BigInt {
        var v = BigInt.zero
        var remaining = Int.random(in: 1...max(1, bits), using: &self)
        while remaining > 0 {
            let chunk = min(remaining, 62)
            v = v.shiftedLeft(chunk) + BigInt(Int.random(in: 0..<(1 << chunk), using: &self))
            remaining -= chunk
        }
        return Bool.random(using: &self) ? -v : v
    }

    /// A random rational with numerator and denominator of up to `bits` bits.
    mutating func rational(bits: Int = 80) -> Rational {
        var d = bigInt(bits: bits).magnitude
        if d.isZero { d = .one }
        return try! Rational(bigInt(bits: bits), d)
    }

    /// A random nonzero rational.
    mutating func nonzeroRational(bits: Int = 80) -> Rational {
        while true {
            let r = rational(bits: bits)
            if !r.isZero { return r }
        }
    }
}

/// Resident memory of this process in bytes (Linux /proc/self/statm).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * 4096
}
