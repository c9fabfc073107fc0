/// "Did you mean …?" for misspelt keywords and names.
enum NameSuggestions {
    /// The candidate nearest to `word` by edit distance (insertions, deletions,
    /// substitutions and adjacent transpositions, each 1), if it is close enough:
    /// within 1 for words of up to four characters, within 2 for longer ones.
    /// Case differences count like substitutions. Ties go to the earlier candidate.
    static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
        let w = Array(word.unicodeScalars)
        let limit = w.count <= 4 ? 1 : 2
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = distance(w, Array(candidate.unicodeScalars), limit: limit)
            if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// Optimal string alignment distance, or `limit + 1` when it exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, previous2[j - 2] + 1) }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
