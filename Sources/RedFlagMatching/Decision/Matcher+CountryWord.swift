import RedFlagCore

/// An organisation's name that carries its country as a word the listed name lacks: the press
/// writes where a company is from into its name ("俄罗斯联合造船集团", Russia's United Shipbuilding
/// Corporation, for the listed UNITED SHIPBUILDING CORPORATION of Russia), and the word then counts
/// against the match as a word of the customer's own. Such a name is also screened without that
/// word, and a match of that reading counts only when the listed party is of that country: the word
/// is then the party's country, no other name.
extension Matcher {
    /// The reading of `name` without its one country word, and that country's code, or nil: when
    /// the name is an organisation's (a legal form or a business word), holds exactly one word
    /// naming a country (`CountryWords.codes`) and two words besides it, and the query states no
    /// other country.
    static func countryWordDropped(_ name: String, query: ScreeningQuery) -> (name: String, country: String, word: String)? {
        guard query.type == nil || query.type == .unknown || query.type == .entity, namesCountry(name) else { return nil }
        let normal = NameNormalizer.normalize(name)
        guard normal.tokens.count >= 3 else { return nil }
        let countries = normal.tokens.indices.filter { CountryWords.codes[normal.tokens[$0]] != nil }
        guard countries.count == 1 else { return nil }
        let word = normal.tokens[countries[0]]
        let code = CountryWords.codes[word]!
        if let stated = query.country, !stated.isEmpty, stated.uppercased() != code { return nil }
        // An organisation's name: a legal form or a business word ("Shipbuilding", "Bank").
        guard normal.namesCompany || normal.tokens.contains(where: { BusinessWords.englishWords.contains($0) && CommonWords.isGeneric($0) }) else {
            return nil
        }
        // The word as written, dropped once ("Russia" of "Russia United Shipbuilding Group").
        var words = name.split(whereSeparator: \.isWhitespace)
        guard let k = words.firstIndex(where: { NameNormalizer.normalize(String($0)).tokens == [word] }) else { return nil }
        words.remove(at: k)
        return (words.joined(separator: " "), code, word)
    }

    /// Whether a word of `name` in ASCII letters is a country's (`CountryWords.codes`): most names
    /// hold none, and this spares normalising them a second time.
    static func namesCountry(_ name: String) -> Bool {
        var word: [UInt8] = []
        func isCountry() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            return word.count >= CountryWords.leastLetters && CountryWords.codes[String(decoding: word, as: UTF8.self)] != nil
        }
        for b in name.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b + 32)
            default: if isCountry() { return true }
            }
        }
        return isCountry()
    }

    /// The matches of `readings` (each a Latin reading of the query's name) screened without their
    /// country word (`countryWordDropped`) whose listed party is of that country: its first country
    /// (a bank's branch countries do not make "National Bank of Oman" BANK MELLI), its matched name
    /// naming no country of its own ("NATIONAL BANK OF IRAN"). The country is not the query's stated
    /// one, so it corroborates nothing (a generic "Development Bank" stays held by its rules); a
    /// qualifier of no effect says the word was read as the party's country.
    func countryWordMatches(_ query: ScreeningQuery, readings: [String]) -> [[ScreeningMatch]] {
        var seen = Set<String>()
        var out: [[ScreeningMatch]] = []
        for reading in readings {
            guard let (name, code, word) = Self.countryWordDropped(reading, query: query), seen.insert(name).inserted else { continue }
            var alternative = query
            alternative.name = name
            let matches = screenOnce(alternative, phonetic: false).matches.compactMap { m -> ScreeningMatch? in
                guard m.countries.first == code,
                      !NameNormalizer.normalize(m.matchedName).tokens.contains(where: { CountryWords.codes[$0] != nil }) else { return nil }
                var m = m
                let detail = "the word '\(word)' names the party's country \(code) and is read as that, not as a word of the name"
                m.explanation.qualifiers.append(Qualifier(name: "country_word", effect: 0, detail: detail))
                m.explanation.summary += "; \(detail) (+0.00)"
                return m
            }
            out.append(matches)
        }
        return out
    }
}
