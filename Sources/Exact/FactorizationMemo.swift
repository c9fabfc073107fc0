import Synchronization

/// Remembers factorizations (complete or squarefree) of univariate polynomials, so that one
/// analysis factoring the same polynomial several times (det A and α are often
/// equal; the zero finder factors a numerator and the root isolator its factors)
/// pays FLINT once. Factoring is deterministic, so a remembered answer is the
/// answer. Thread-safe; forgets everything once `capacity` entries are held.
final class FactorizationMemo: Sendable {
    static let shared = FactorizationMemo(capacity: 64)

    private let capacity: Int
    private struct Key: Hashable { var polynomial: Polynomial; var complete: Bool }
    private let entries = Mutex<[Key: PolynomialFactorization]>([:])

    init(capacity: Int) { self.capacity = capacity }

    /// The remembered factorization of `p` (complete or squarefree), or `compute()`
    /// remembered.
    func factorization(of p: Polynomial, complete: Bool, _ compute: () -> PolynomialFactorization) -> PolynomialFactorization {
        let key = Key(polynomial: p, complete: complete)
        if let known = entries.withLock({ $0[key] }) { return known }
        let result = compute()
        entries.withLock { table in
            if table.count >= capacity { table.removeAll() }
            table[key] = result
        }
        return result
    }
}
