// The schedule-file language (issue #4, part 1): `.sched` files as specified by
// `grammar/schedule.ebnf`, up to a validated model.
//
// - `ScheduleParser.parse` turns a whole file (text or UTF-8 bytes) into a
//   `ScheduleFileSyntax`: schedule blocks of statements, every expression an `Expr`
//   with source ranges in file coordinates, and every syntax error of the file as a
//   `Diagnostic` (the parser recovers at the next line).
// - `ScheduleValidator` checks names, scopes, intervals and linearity, canonicalises
//   every quantity with the `Simplifier`, and produces a `ScheduleFile`: the
//   `Schedule` models (α, σ, c, d, the time domain, parameters, claims …) of the
//   schedules without errors, and all diagnostics.
// - `ScheduleDiagnostic` is the catalogue of everything this layer reports; syntax
//   errors inside expressions keep the IDs of `SyntaxDiagnostic`, simplification
//   errors those of `SimplificationDiagnostic`.
//
// The analysis (det A, ρ, zero sets) is built on `Schedule` by another module.
//
// There is deliberately no `enum Schedules` namespace: a type named like the module
// would make `Schedules.Expectation` unresolvable, and test files need that spelling
// because Swift Testing also declares an `Expectation`.
