import CFlintArb

// Conversions between sched's GMP value types and FLINT's fmpz/fmpq, which are
// tagged machine words that may point to heap integers: always set/clear them
// through FLINT, never copy them bitwise.

extension BigInt {
    /// Builds a BigInt from a FLINT integer.
    init(fmpz pointer: UnsafePointer<fmpz>) {
        storage = MPZStorage()
        fmpz_get_mpz(storage.pointer, pointer)
    }

    /// Runs `body` with a temporary fmpz holding this value.
    func withFMPZ<T>(_ body: (UnsafeMutablePointer<fmpz>) throws -> T) rethrows -> T {
        let z = UnsafeMutablePointer<fmpz>.allocate(capacity: 1)
        fmpz_init(z)
        defer { fmpz_clear(z); z.deallocate() }
        fmpz_set_mpz(z, pointer)
        return try body(z)
    }
}

extension Rational {
    /// Builds a Rational from a canonical FLINT rational.
    init(fmpq pointer: UnsafeMutablePointer<fmpq>) {
        storage = MPQStorage()
        fmpq_get_mpq(storage.pointer, pointer)
    }

    /// Runs `body` with a temporary fmpq holding this value.
    func withFMPQ<T>(_ body: (UnsafeMutablePointer<fmpq>) throws -> T) rethrows -> T {
        let q = UnsafeMutablePointer<fmpq>.allocate(capacity: 1)
        fmpq_init(q)
        defer { fmpq_clear(q); q.deallocate() }
        fmpq_set_mpq(q, pointer)
        return try body(q)
    }

    /// Runs `body` on a fresh zero fmpq and returns its final value.
    static func fromFMPQ(_ body: (UnsafeMutablePointer<fmpq>) -> Void) -> Rational {
        let q = UnsafeMutablePointer<fmpq>.allocate(capacity: 1)
        fmpq_init(q)
        defer { fmpq_clear(q); q.deallocate() }
        body(q)
        return Rational(fmpq: q)
    }
}

/// Owns one FLINT `fmpz_poly_t`.
final class FMPZPolyStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpz_poly_struct>

    init() {
        pointer = .allocate(capacity: 1)
        fmpz_poly_init(pointer)
    }

    deinit {
        fmpz_poly_clear(pointer)
        pointer.deallocate()
    }
}

/// Owns one FLINT `fmpq_poly_t`.
final class FMPQPolyStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpq_poly_struct>

    init() {
        pointer = .allocate(capacity: 1)
        fmpq_poly_init(pointer)
    }

    convenience init(copying other: FMPQPolyStorage) {
        self.init()
        fmpq_poly_set(pointer, other.pointer)
    }

    deinit {
        fmpq_poly_clear(pointer)
        pointer.deallocate()
    }
}
