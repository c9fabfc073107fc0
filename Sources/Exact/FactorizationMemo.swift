import Synchronization

/// Remembers complete factorizations of univariate polynomials, so that one
/// analysis factoring the same polynomial several times (det A and α are often
/// equal; the zero finder factors a numerator and the root isolator its factors)
/// pays FLINT once. Factoring is deterministic, so a remembered answer is the
/// answer. Thread-safe; forgets everything once `capacity` entries are held.
final class FactorizationMemo: Sendable {
    static let shared = FactorizationMemo(capacity: 512)

    private let capacity: Int
    private let entries = Mutex<[Polynomial: PolynomialFactorization]>([:])

    init(capacity: Int) { self.capacity = capacity }

    /// The remembered factorization of `p`, or `compute()` remembered.
    func factorization(of p: Polynomial, _ compute: () -> PolynomialFactorization) -> PolynomialFactorization {
        if let known = entries.withLock({ $0[p] }) { return known }
        let result = compute()
        entries.withLock { table in
            if table.count >= capacity { table.removeAll() }
            table[p] = result
        }
        return result
    }
}
