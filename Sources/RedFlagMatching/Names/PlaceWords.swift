import RedFlagCore

/// Places that open a Chinese company's registered name (`Lists/names/place-words.txt`):
/// "Zhejiang Dahua Technology Co., Ltd." is the listed "Dahua Technology". The place says where
/// the company is registered, not which company it is.
enum PlaceWords {
    static let words: Set<String> = NameWordList.required("names/place-words.txt")

    /// Least tokens of a name whose first word is read as its place of registration: the place
    /// and two words of the name's own ("Shanghai Electric" stays a two-word name).
    static let leastTokens = 3

    /// Whether token `i` of a name of `count` tokens is a place opening the name.
    static func opens(_ token: String, at i: Int, of count: Int) -> Bool {
        i == 0 && count >= leastTokens && words.contains(token)
    }
}

extension PlaceWords {
    /// Least letters of a country name read as a place in a company's name: shorter variants are
    /// codes ("AND", "ARM", "UAE") that are everyday words or acronyms too.
    static let leastCountryLetters = 4
    /// Most words of a country name read in a company's name ("Hong Kong", "United Arab Emirates").
    static let longestCountryName = 4

    /// Positions of `tokens` that name a place: runs of words that are a country or territory
    /// (`Lists/countries.tsv`, with its nationality adjectives: "Hong Kong", "Russian") and
    /// the Chinese places of `words`. A company named for where it is ("Hong Kong Electric",
    /// "Korea Development Bank") is told apart by its other words, not by the place.
    static func places(in tokens: [String]) -> Set<Int> {
        var out = Set<Int>()
        var i = 0
        while i < tokens.count {
            var found = 0
            // A plain lower-case word folds to itself: when no country's name opens with it, no run
            // of words from it is a country, and only a Chinese place word can be one.
            if isFolded(tokens[i]), tokens[i] != "the", !countryFirstWords.contains(tokens[i]) {
                if words.contains(tokens[i]), tokens[i].unicodeScalars.count >= leastCountryLetters { out.insert(i) }
                i += 1
                continue
            }
            for length in stride(from: min(longestCountryName, tokens.count - i), through: 1, by: -1) {
                let phrase = tokens[i..<(i + length)].joined(separator: " ")
                if phrase.unicodeScalars.filter({ $0 != " " }).count >= leastCountryLetters,
                   CountryTable.shared.code(for: phrase) != nil || (length == 1 && words.contains(phrase)) {
                    found = length
                    break
                }
            }
            for k in i..<(i + max(found, 1)) where found > 0 { out.insert(k) }
            i += max(found, 1)
        }
        return out
    }

    /// The first words of the country table's names (`CountryTable.firstWordsOfNames`).
    private static let countryFirstWords = CountryTable.shared.firstWordsOfNames()

    /// Whether `token` is lower-case ASCII letters and digits only, which folding leaves alone.
    private static func isFolded(_ token: String) -> Bool {
        !token.isEmpty && token.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) }
    }

    /// Whether one word is a place (`places`): a country or territory of one word, or a Chinese place.
    static func isPlace(_ word: String) -> Bool { !places(in: [word]).isEmpty }
}
