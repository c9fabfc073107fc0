import Exact
import Symbolic

extension Schedule {
    /// The first statement (in file order) that is itself undefined somewhere on the
    /// domain: `target = eps / t` on [0, 1], not the forward process before it. A
    /// statement that uses an undefined alpha inherits its conditions, so the first
    /// one is where the problem is written. Nil when no single statement is found
    /// undefined (the conditions come from elsewhere, or were not decided).
    public func statementUndefinedOnDomain(_ model: UnifiedModel) -> SourceRange? {
        for (range, definedness) in definednessByStatement where !definedness.isEmpty {
            if !Deadline.forQuantity({ model.chart(definedness).undefinedSet }).isEmpty { return range }
        }
        return nil
    }
}
