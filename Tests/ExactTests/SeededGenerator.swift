import SchedTestSupport
import Exact

/// The shared fixed-seed generator (SplitMix64), with exact-number helpers.
typealias SeededGenerator = SeededRandom

extension SeededRandom {
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
