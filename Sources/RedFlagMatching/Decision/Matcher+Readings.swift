import RedFlagCore

extension Matcher {
    /// Screens `query` with its name as romanised by default and, for a name in a non-Latin
    /// script that romanises several ways (Ukrainian read with Russian letter values, Hangul in
    /// Revised Romanization, Arabic script with its vowel letters), in each other reading too,
    /// keeping each entry's best match. Every reading of a non-Latin name is also compared
    /// phonetically with the listed tokens (`PhoneticComparison`), as romanised from the name's
    /// script. Latin names are screened once: no cost for them.
    func screenReadings(_ query: ScreeningQuery) -> ScreeningResult {
        let first = screenOnce(query)
        let readings = Transliterator.alternativeReadings(query.name)
        guard !readings.isEmpty else { return first }
        var best: [String: ScreeningMatch] = [:]
        for m in first.matches { best[m.id] = m }
        for reading in readings {
            var alternative = query
            alternative.name = reading
            for m in screenOnce(alternative, origin: query.name).matches where (best[m.id]?.score ?? -1) < m.score { best[m.id] = m }
        }
        // The policy takes the verdict over every match and trims only the display, as for one reading.
        return configuration.policy.result(query, matches: Array(best.values), limit: configuration.limit)
    }
}
