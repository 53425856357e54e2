extension Matcher {
    /// The other-given-syllables case (`LoneApproximateWord.Kind.otherGivenSyllables`) of alignment
    /// `a` with listed person `n` of entry `e`, or nil. The listed person is East Asian (`eastAsian`),
    /// named by two or three words of one syllable each: a family name and a given name of one or
    /// two syllables ("LU, Chin Shun", "RYU, Jin", "Kim Jong Un"). The query pairs either
    /// - all but one word of a three-word name, every telling query word paired, in a name written
    ///   in its own script (`inScript`: "لو شون" Lu Shun: 魯順 is another name than 魯振順; in Latin
    ///   letters a syllable left out is as often a clerk's shorthand, "Jiang ZHANG" for "ZHANG, Jiang
    ///   Ping", for a person to weigh), or
    /// - every word of a two-word name, with one more syllable of its own unpaired ("Ryu Hyun Jin" /
    ///   "RYU, Jin": 류현진 is another name than 류진).
    /// A Western name drops and adds middle names ("John Smith" / "SMITH, John Paul"); an East
    /// Asian given name has none to drop: its syllables are one name. So, in any script, is a
    /// two-syllable given name one syllable apart (`otherPinyinGivenName`).
    func otherGivenSyllables(_ a: AlignmentResult, query q: PreparedQuery, document n: Int, entry e: Int, inScript: Bool) -> LoneApproximateWord? {
        let parts = personParts(document: n)
        let words = parts.family + parts.given
        if let other = otherPinyinGivenName(a, query: q, words: words, entry: e) { return other }
        if let other = otherMyanmarName(a, query: q, document: n, entry: e) { return other }
        guard parts.family.count == 1, (1...2).contains(parts.given.count), Set(words).count == words.count,
              words.allSatisfy({ Self.isOneSyllable($0) && !Self.particleOrArticle($0) && !NameTitles.contains($0) }),
              eastAsian(entry: e, words: words) else { return nil }
        let vocabulary = index.names.vocabulary
        let paired = Set(a.pairs.flatMap { p in [a.list[p.l].key, a.list[p.l].key2].filter { $0 >= 0 } }.map { vocabulary[Int($0)] })
        let weak = Double(LegalForms.wordWeight)
        let pairedQuery = Set(a.pairs.map(\.q))
        let unpaired = a.query.indices.filter { k in
            guard !pairedQuery.contains(k), a.query[k].weight > weak, a.query[k].key >= 0, a.query[k].key2 < 0 else { return false }
            let word = q.texts[Int(a.query[k].key)]
            return word.utf8.count >= 2 && !Self.particleOrArticle(word) && !NameTitles.contains(word)
        }
        let typed = a.pairs.flatMap { p in [a.query[p.q].key, a.query[p.q].key2].filter { $0 >= 0 } }.map { q.texts[Int($0)] }
        let similarity = a.pairs.map(\.similarity).min() ?? 0
        let absent = words.filter { !paired.contains($0) }
        if inScript, words.count == 3, absent.count == 1, unpaired.isEmpty {
            return LoneApproximateWord(query: typed.joined(separator: " "), listed: words.joined(separator: " "),
                                       similarity: similarity, kind: .otherGivenSyllables, missingPart: "'\(absent[0])' absent")
        }
        if words.count == 2, absent.isEmpty, unpaired.count == 1, case let extra = q.texts[Int(a.query[unpaired[0]].key)], Self.isOneSyllable(extra) {
            return LoneApproximateWord(query: (typed + [extra]).joined(separator: " "), listed: words.joined(separator: " "),
                                       similarity: similarity, kind: .otherGivenSyllables, missingPart: "'\(extra)' added")
        }
        return nil
    }

    /// A pair of two-syllable Pinyin given names one syllable apart (`ApproximatePersonMatch.otherGivenSyllable`:
    /// "林志偉" lin zhiwei / "ZHIFU LIN"), of a listed name written wholly in Pinyin or of an East
    /// Asian party: read so in any script, as `ApproximatePersonMatch` reads it in Latin letters.
    private func otherPinyinGivenName(_ a: AlignmentResult, query q: PreparedQuery, words: [String], entry e: Int) -> LoneApproximateWord? {
        for p in a.pairs where a.query[p.q].key2 < 0 && a.list[p.l].key2 < 0 && p.similarity < 1 {
            let typed = q.texts[Int(a.query[p.q].key)], listed = index.names.vocabulary[Int(a.list[p.l].key)]
            guard ApproximatePersonMatch.otherGivenSyllable(Array(typed.utf8), Array(listed.utf8)),
                  !ApproximatePersonMatch.isVariant(typed, listed), eastAsian(entry: e, words: words) else { continue }
            return LoneApproximateWord(query: typed, listed: listed, similarity: p.similarity, kind: .otherGivenSyllables,
                                       missingPart: "'\(typed)' for '\(listed)'")
        }
        return nil
    }

    /// The Myanmar case of `otherGivenSyllables`, or nil: a listed person of two to five words, each a
    /// syllable of a Myanmar name (`BurmeseNames.isSyllable`, the honorifics U and Daw aside), of
    /// Myanmar (a party country MM, or with no country, a word no Pinyin syllable is: "aung", "myo"),
    /// met on two of its syllables at most, with one of its syllables absent or one more of the query's
    /// own. A Myanmar name has no family name and no middle name to drop: its syllables are the name,
    /// in any script, so "Aung Thu" is another person than "Aung Myo Thu", and "Kyaw Win" than "KYAW,
    /// Win Paing"; two syllables are a name thousands bear.
    private func otherMyanmarName(_ a: AlignmentResult, query q: PreparedQuery, document n: Int, entry e: Int) -> LoneApproximateWord? {
        let words = Matcher.normalizedListed(index.nameText[n]).tokens.filter { !BurmeseNames.honorifics.contains($0) }
        guard (2...5).contains(words.count), words.allSatisfy(BurmeseNames.isSyllable) else { return nil }
        let countries = partyCountries(entry: e).countries
        guard countries.contains("MM")
                || (countries.isEmpty && words.contains { !Han.shared.syllables.contains(Array($0.utf8)) }) else { return nil }
        let vocabulary = index.names.vocabulary
        let paired = Set(a.pairs.flatMap { p in [a.list[p.l].key, a.list[p.l].key2].filter { $0 >= 0 } }.map { vocabulary[Int($0)] })
        let pairedQuery = Set(a.pairs.map(\.q))
        let added = a.query.indices.filter { k in
            guard !pairedQuery.contains(k), a.query[k].key >= 0, a.query[k].key2 < 0 else { return false }
            let word = q.texts[Int(a.query[k].key)]
            return BurmeseNames.isSyllable(word) && !BurmeseNames.honorifics.contains(word)
        }.map { q.texts[Int(a.query[$0].key)] }
        let absent = words.filter { !paired.contains($0) }
        // Two syllables shared are a name thousands bear; three or more ("Htoo Htwe Za" for TAY ZA, Htoo Htwe) name the
        // listed person still, for a person to weigh.
        guard !absent.isEmpty || !added.isEmpty, words.filter(paired.contains).count <= 2 else { return nil }
        let typed = a.pairs.flatMap { p in [a.query[p.q].key, a.query[p.q].key2].filter { $0 >= 0 } }.map { q.texts[Int($0)] }
        let missing = absent.isEmpty ? "'\(added[0])' added" : "'\(absent[0])' absent"
        return LoneApproximateWord(query: (typed + added).joined(separator: " "), listed: words.joined(separator: " "),
                                   similarity: a.pairs.map(\.similarity).min() ?? 0, kind: .otherGivenSyllables, missingPart: missing)
    }

    /// Countries whose names are a one-syllable family name and a given name of one or two
    /// syllables, each a character: China (with Hong Kong, Macau and Taiwan) and Korea.
    static let syllabicNameCountries: Set<String> = ["CN", "HK", "MO", "TW", "KP", "KR"]

    /// Whether listed entry `e`, named by `words` of one syllable each, is East Asian: one of its
    /// party's countries is in `syllabicNameCountries`, or all its words but one at most are Pinyin
    /// syllables (the Chinese of Myanmar and Thailand: "LU, Chin Shun"; Wade-Giles "chin" is no Pinyin).
    func eastAsian(entry e: Int, words: [String]) -> Bool {
        if partyCountries(entry: e).countries.contains(where: Self.syllabicNameCountries.contains) { return true }
        return words.filter { !Han.shared.syllables.contains(Array($0.utf8)) }.count <= 1
    }
}
