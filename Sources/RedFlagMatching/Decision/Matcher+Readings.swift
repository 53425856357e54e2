import RedFlagCore

extension Matcher {
    /// Screens `query` with its name as romanised by default and, for a name in a non-Latin
    /// script that romanises several ways (Ukrainian read with Russian letter values, Hangul in
    /// Revised Romanization, Arabic script with its vowel letters), in each other reading too,
    /// keeping each entry's best match. Every reading of a non-Latin name is also compared
    /// phonetically with the listed tokens (`PhoneticComparison`), as romanised from the name's
    /// script. Latin names are screened once: no cost for them.
    ///
    /// A Hangul or Han name is compared so only in its foreign-name reading (whole words): its
    /// other readings set a Korean or Chinese name's syllables apart, and a syllable ("ji", "men")
    /// sounds like too many listed words.
    func screenReadings(_ query: ScreeningQuery) -> ScreeningResult {
        guard Transliterator.needsTransliteration(query.name) else { return screenOnce(query) }
        let source = PhoneticComparison.Source(name: query.name)
        let foreign = Transliterator.romanise(query.name, .foreignName)
        let phonetic = { (reading: String) in source != .hangul && source != .han || reading == foreign }
        let first = screenOnce(query, phonetic: phonetic(Transliterator.toLatin(query.name)))
        let readings = Transliterator.alternativeReadings(query.name)
        guard !readings.isEmpty else { return first }
        var best: [String: ScreeningMatch] = [:]
        for m in first.matches { best[m.id] = m }
        for reading in readings {
            var alternative = query
            alternative.name = reading
            for m in screenOnce(alternative, origin: query.name, phonetic: phonetic(reading)).matches where (best[m.id]?.score ?? -1) < m.score { best[m.id] = m }
        }
        // The policy takes the verdict over every match and trims only the display, as for one reading.
        return configuration.policy.result(query, matches: Array(best.values), limit: configuration.limit)
    }
}
