extension Matcher {
    /// The reversed-syllables case (`LoneApproximateWord.Kind.reversedSyllables`) of alignment `a`,
    /// or nil: two neighbouring words of a listed person's name of three words or more, met by two
    /// neighbouring words of the query in the reverse order, the two listed words unlike each
    /// other, when they are the parts of one compound given name: joined by a hyphen as listed
    /// ("ریز احمد" Riz Ahmad / "RADAN, Ahmad-Reza"), or each one syllable ("최민식" choe min sik /
    /// "CH'OE, So'k-min": min ~ min, sik ~ sok). A compound given name is its parts in order, as an
    /// East Asian given name is its syllables: "Min-sok" is another name than "Sok-min". Only
    /// neighbours on both sides: a name turned round as a whole ("Jong Un Kim" / "KIM Jong Un")
    /// moves the family name away from the part it stood beside, and keeps the given name's parts
    /// in their order; and never across the comma after a family name ("Pu Yu" / "YU, Pu Ung").
    /// Syllables not joined by a hyphen count only with one spelt otherwise too: the same syllables
    /// merely typed in another order ("Kil Hun Jong") are a slip as often as another name, for a
    /// person to weigh.
    func reversedSyllables(_ a: AlignmentResult, query q: PreparedQuery, document n: Int) -> LoneApproximateWord? {
        guard a.list.count >= 3, a.list.allSatisfy({ $0.key2 < 0 }) else { return nil }
        for p in a.pairs where a.query[p.q].key2 < 0 {
            for r in a.pairs where r.l == p.l + 1 && a.query[r.q].key2 < 0 && a.query[r.q].key + 1 == a.query[p.q].key {
                let first = index.names.vocabulary[Int(a.list[p.l].key)], second = index.names.vocabulary[Int(a.list[r.l].key)]
                // An article or particle ("al-Wahbi", "bin") is no part of a given name, and the aligner pairs
                // a repeated one with either of its places.
                guard !Self.particleOrArticle(first), !Self.particleOrArticle(second), !NameChains.isParticle(first), !NameChains.isParticle(second),
                      !Self.soundAlike(first, second), !commaBefore(token: r.l, document: n) else { continue }
                let syllables = Self.isOneSyllable(first) && Self.isOneSyllable(second) && min(p.similarity, r.similarity) < 1
                guard syllables || Self.hyphenated(first, second, in: index.nameText[n]) else { continue }
                let typed = q.texts[Int(a.query[r.q].key)] + " " + q.texts[Int(a.query[p.q].key)]
                return LoneApproximateWord(query: typed, listed: first + " " + second, similarity: min(p.similarity, r.similarity),
                                           kind: .reversedSyllables)
            }
        }
        return nil
    }

    /// Whether listed name `text` writes words `first` and `second` joined by a hyphen ("Ahmad-Reza",
    /// "So'k-min"), apostrophes aside.
    static func hyphenated(_ first: String, _ second: String, in text: String) -> Bool {
        guard text.contains("-") else { return false }
        let folded = NameNormalizer.fold(text).filter { $0 != "'" && $0 != "\u{2019}" && $0 != "`" }
        return folded.contains(first + "-" + second)
    }

    /// Whether two listed syllables sound alike ("Jong-chon": jong, chon): the aligner may then
    /// pair either with either query syllable ("Пак Чон Чхон" chon, chkhon), and a crossing says
    /// nothing of the order.
    static func soundAlike(_ x: String, _ y: String) -> Bool {
        guard let a = PhoneticComparison.segments(Array(x.utf8), source: .other),
              let b = PhoneticComparison.segments(Array(y.utf8), source: .other) else { return false }
        return PhoneticComparison.similarity(a, b, source: .other) >= 0.5
    }

    /// Whether `word` is one syllable as Korean and Chinese romanisations write one: one group of
    /// vowels (y counted among them, as in "kyong"), five letters at most ("sok", "min", "hyon",
    /// "kwang"), letters only.
    static func isOneSyllable(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard (1...5).contains(bytes.count), bytes.allSatisfy({ (97...122).contains($0) }) else { return false }
        var groups = 0, inVowels = false
        for b in bytes {
            let vowel = PhoneticComparison.isVowel(b)
            if vowel && !inVowels { groups += 1 }
            inVowels = vowel
        }
        return groups == 1
    }
}
