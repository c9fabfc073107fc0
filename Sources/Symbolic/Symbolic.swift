// Module Symbolic: the expression language and the canonical simplifier.
//
// - `ExpressionParser.parse` / `Expr(parsing:)`: text or UTF-8 bytes to an `Expr`
//   syntax tree (grammar/expression.ebnf), or a `Diagnostic` from the
//   `SyntaxDiagnostic` catalogue; `DiagnosticFormatter` draws them.
// - Printers: `printASCII` (reparses to the same tree; SymPy reads it after ^ → **),
//   `printUnicode`, `printLaTeX` (SymPy's conventions).
// - Canonical/: `Simplifier` → `CanonicalForm` (a quotient of FLINT polynomials in
//   kernels), `ZeroTest` (proven zero / proven nonzero with a witness / unknown),
//   derivatives, substitution, exact values and Arb balls.
// - `BallEvaluator`: rigorous evaluation of trees, with located domain errors.
//
// Builds on `Exact`; never imports the C module. (No `enum Symbolic` here: a type
// named like its module makes `Symbolic.X` unusable.)
