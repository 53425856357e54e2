import RedFlagCore

extension Matcher {
    /// Screens `query` with its name as romanised by default and, for a name in a non-Latin
    /// script that romanises several ways (Ukrainian read with Russian letter values, Hangul in
    /// Revised Romanization, Arabic script with its vowel letters), in each other reading too,
    /// keeping each entry's best match. Latin names are screened once: no cost for them.
    func screenReadings(_ query: ScreeningQuery) -> ScreeningResult {
        let first = screenOnce(query)
        let readings = Transliterator.alternativeReadings(query.name)
        guard !readings.isEmpty else { return first }
        var best: [String: ScreeningMatch] = [:]
        for m in first.matches { best[m.id] = m }
        for reading in readings {
            var alternative = query
            alternative.name = reading
            for m in screenOnce(alternative).matches where (best[m.id]?.score ?? -1) < m.score { best[m.id] = m }
        }
        var matches = Array(best.values)
        matches.sort { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
        if matches.count > configuration.limit { matches.removeLast(matches.count - configuration.limit) }
        return ScreeningResult(query: query, decision: matches.map(\.decision).max() ?? .clear, matches: matches)
    }
}
