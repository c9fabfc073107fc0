import Testing
@testable import Exact

/// The task-local time budget: nesting, per-quantity budgets, and the loops that
/// give up with it.
@Suite struct DeadlineTests {
    @Test func noDeadlineNeverPasses() throws {
        #expect(!Deadline.none.hasPassed)
        #expect(Deadline.current == .none)
        #expect(Deadline.exceeded == nil)
        try Deadline.check()
    }

    /// A budget of 0 s has passed as soon as it is set.
    @Test func anExhaustedBudgetThrows() {
        Deadline.within(.after(seconds: 0)) {
            #expect(throws: DeadlineExceeded(seconds: 0)) { try Deadline.check() }
            #expect(Deadline.exceeded?.description == "time budget exceeded (0 s)")
        }
        #expect(Deadline.exceeded == nil)
    }

    /// An inner budget never extends the enclosing one.
    @Test func theEarlierDeadlineWins() {
        Deadline.within(.after(seconds: 0)) {
            Deadline.within(.after(seconds: 3600)) {
                #expect(Deadline.exceeded == DeadlineExceeded(seconds: 0))
            }
        }
        Deadline.within(.after(seconds: 3600)) {
            Deadline.within(.after(seconds: 0.25)) { #expect(Deadline.current.seconds == 0.25) }
        }
    }

    @Test func eachQuantityGetsItsOwnBudget() {
        Deadline.forQuantity { #expect(Deadline.current == .none) }
        Deadline.withBudget(seconds: nil, quantitySeconds: 0) {
            #expect(Deadline.exceeded == nil)
            Deadline.forQuantity { #expect(Deadline.exceeded == DeadlineExceeded(seconds: 0)) }
            #expect(Deadline.exceeded == nil)
        }
    }

    /// A cancellation ends the deadline it is in and every budget nested inside it
    /// (Ctrl-C in the REPL stops the computation at its next check).
    @Test func aCancellationPassesEveryNestedBudget() {
        let cancellation = Cancellation()
        Deadline.$current.withValue(.until(cancellation)) {
            #expect(Deadline.exceeded == nil)
            Deadline.withBudget(seconds: 3600, quantitySeconds: 3600) {
                Deadline.forQuantity {
                    #expect(Deadline.exceeded == nil)
                    cancellation.cancel()
                    #expect(Deadline.exceeded != nil)
                    #expect(throws: DeadlineExceeded.self) { try Deadline.check() }
                }
                #expect(Deadline.exceeded != nil)
            }
        }
        #expect(Deadline.exceeded == nil)
    }

    /// A power whose size (terms × coefficient bits, bounded before computing) passes
    /// 2²⁸ bits is refused in no time: FLINT's power cannot be interrupted.
    @Test func aHugePowerIsRefusedBeforeComputing() throws {
        let ring = PolynomialRing(variables: ["t", "s"])
        let t = ring.variable("t"), s = ring.variable("s")
        let base = try (ring.one + t).power(300) + s
        #expect(throws: ArithmeticError.tooLarge("a polynomial power of about 279031 terms with coefficients of about 9210 bits")) {
            _ = try base.power(30)
        }
        #expect(try base.power(3).termCount == 1 + 301 + 601 + 901)
    }

    @Test func inputBudgetIsThreeQuantitiesPerTenKilobytes() {
        #expect(Deadline.inputBudget(quantitySeconds: 2, bytes: 0) == 6)
        #expect(Deadline.inputBudget(quantitySeconds: 2, bytes: 10_240) == 6)
        #expect(Deadline.inputBudget(quantitySeconds: 2, bytes: 102_400) == 60)
        #expect(DeadlineExceeded(seconds: 0.5).description == "time budget exceeded (0.5 s)")
    }

    /// The bisection of x² − 2 stops at the deadline; rational roots need none.
    @Test func rootIsolationStopsAtTheDeadline() throws {
        let p = Polynomial(coefficients: [Rational(-2), .zero, .one])
        Deadline.within(.after(seconds: 0)) {
            #expect(throws: RootIsolationError.budgetExceeded("time budget exceeded (0 s)")) { try p.realRoots(in: .realLine) }
            let linear = Polynomial(coefficients: [Rational(-1), Rational(2)])
            #expect(try! linear.realRoots(in: .realLine).count == 1)
        }
        #expect(try p.realRoots(in: .realLine).count == 2)
    }

    /// The remembered factorization is the computed one.
    @Test func rememberedFactorizationsAreTheFactorizations() {
        let p = Polynomial(coefficients: [Rational(-1)] + [Rational](repeating: .zero, count: 11) + [.one])   // x¹² − 1
        let first = p.factored(), second = p.factored()
        #expect(first == second)
        #expect(first.factors.map(\.polynomial.degree) == [1, 1, 2, 2, 2, 4])
        #expect(first.expanded == p)
        let ring = PolynomialRing(variables: ["t"])
        let m = MultivariatePolynomial(p, variable: "t", in: ring)
        #expect(m.factored().factors.map(\.polynomial.totalDegree) == [1, 1, 2, 2, 2, 4])
        #expect(m.factored().expanded == m)
    }
}
