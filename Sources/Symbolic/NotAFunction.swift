/// The error for a name followed by `(` that cannot be called: neither a function
/// nor an applicable name (`ApplicableNames`). One builder for the parser and for
/// the layers that check applications later (schedule files), so the diagnostic is
/// the same wherever the expression is written.
public enum NotAFunction {
    /// The diagnostic for `written` (the source spelling; `name` is its canonical
    /// form) at `range`, with the `(` at `parenthesis`.
    ///
    /// A name written *immediately* before `(` that looks like a function name from
    /// another tool (`sqr(2)`, `ln(t)`) is reported as `unknown-function` with a
    /// suggestion (see `FunctionSuggestions`); any other is `not-a-function`, with
    /// the fix-it `name*(…)`.
    public static func diagnostic(written: String, name: String, at range: SourceRange,
                                  parenthesis: SourceLocation) -> Diagnostic {
        let immediate = range.end.offset == parenthesis.offset
        let isGreek = written.unicodeScalars.first.map { Names.greek[$0] != nil } ?? false
        let quoted = abbreviated(written)
        if immediate, !isGreek, FunctionSuggestions.looksLikeFunction(name) {
            let suggestion = FunctionSuggestions.suggestion(for: name)
            var notes: [Note] = []
            if suggestion == nil {
                notes.append(Note("known functions: " + FunctionSuggestions.knownNames.joined(separator: ", ")))
            }
            notes.append(Note("to multiply by '\(quoted)', write '\(quoted)*(...)'"))
            return Diagnostic(SyntaxDiagnostic.unknownFunction(name: written, suggestion: suggestion), at: range,
                              notes: notes, fixIts: suggestion.map { [FixIt(replacing: range, with: $0)] } ?? [])
        }
        return Diagnostic(SyntaxDiagnostic.notAFunction(name: written), at: range,
                          fixIts: [FixIt(replacing: SourceRange(at: parenthesis), with: "*")])
    }
}
