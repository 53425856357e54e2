import RedFlagCore

/// Three shapes of a match that rests on less than it seems, each decided by the policy's
/// `loneApproximateWord` rule (no match without a corroborating date of birth, country or
/// address, HOLD at most with one):
///
/// - words apart (`wordsApart`): every word the names share is spelt otherwise, none as listed,
///   each either a word of at most `shortWordLength` letters or more edits from the listed word
///   than a typo makes: "Per Lund" / "PUR LEND", "Tang Jing" / "JIN TENG", "Old Mutual" /
///   "MATALY, Mohamed Ould". A vowel changed in a word of three or four letters makes another
///   word as often as a typo ("tang" and "teng", "lund" and "lend" are each a name of its own);
///   two such words at once are two other words, not two typos.
/// - the whole name joined (`joinedWholeName`): the customer's two words read as one to meet
///   one listed word, while the listed name holds another name the customer lacks: "Han Na" /
///   "HANNA, Bassam", "Shah Ali" / "SHAHLAI, Abdul Reza". Reading two words as one is how a
///   customer who splits a listed word is found ("Hua Wei" for HUAWEI); against a listed person
///   named by more than that word, the join spends the customer's whole name on one listed
///   part, and what remains (the listed "Bassam") is unaccounted for: one shared token is not a
///   match (issue 11 item 4).
/// - one listed word and another name (`oneWordBesideAnotherName`): a listed person named by one
///   word (after articles and titles: "AL-FATIH", "YOUSEF") met by a word spelt otherwise, beside
///   a name of the customer's own: "Faith Ibrahim" / "AL-FATIH". Each discrepancy alone is a typo
///   or a name part the list leaves out (items 2 and 6); both at once, on a name of one word,
///   leave nothing that is the listed person's as listed.
extension Matcher {
    /// Longest word, on either side, that the words-apart case treats as short.
    static let shortWordLength = 4

    /// The words-apart case of alignment `a` (its `telling` pairs), or nil: two pairs or more,
    /// every one of them between single words spelt otherwise (under `TokenAligner.exactEnough`),
    /// each of at most `shortWordLength` letters on both sides or beyond a typo
    /// (`LoneApproximateWord.beyondTypo`), and one of them at least not the listed word read another
    /// way (a given-name variant, another romanisation, a typo of a kind the lists' words show:
    /// `LoneApproximateWord.readAnotherWay`): "Jong Un" for "JUNG EUN" is the name romanised otherwise.
    func wordsApart(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                    typoLength: Int, person: Bool) -> LoneApproximateWord? {
        guard telling.count >= 2 else { return nil }
        var typed: [String] = [], listed: [String] = [], another = false
        for p in telling {
            let qu = a.query[p.q], lu = a.list[p.l]
            guard qu.key2 < 0, lu.key2 < 0, p.similarity < TokenAligner.exactEnough else { return nil }
            let t = q.texts[Int(qu.key)], l = index.names.vocabulary[Int(lu.key)]
            let short = t.utf8.count <= Matcher.shortWordLength && l.utf8.count <= Matcher.shortWordLength
            guard t != l, short || LoneApproximateWord.beyondTypo(t, l) else { return nil }
            // The listed word read another way is neither for nor against ("tan" for "than").
            if !LoneApproximateWord.readAnotherWay(t, l, typoLength: typoLength, person: person) { another = true }
            typed.append(t)
            listed.append(l)
        }
        guard another else { return nil }
        return LoneApproximateWord(query: typed.joined(separator: " "), listed: listed.joined(separator: " "),
                                   similarity: telling.map(\.similarity).min()!, kind: .wordsApart)
    }

    /// The whole-name-joined case of alignment `a`, or nil: the query's telling words are two,
    /// read as one (a join) to meet one listed word, and the listed name holds a telling word left
    /// unpaired that is not generic (`CommonWords.isGeneric`: "Feng Hui" for "FENGHUI SHIP
    /// MANAGEMENT" drops generic words only, as customers do).
    func joinedWholeName(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery) -> LoneApproximateWord? {
        guard telling.count == 1, let pair = telling.first else { return nil }
        let qu = a.query[pair.q]
        let weak = Double(LegalForms.wordWeight)
        guard qu.key2 >= 0, a.query.filter({ $0.weight > weak }).count == 1 else { return nil }
        let paired = Set(a.pairs.map(\.l))
        let text = listedText
        let rest = a.list.enumerated().filter { n, u in
            !paired.contains(n) && u.weight >= PreparedQuery.minimumWeight && text(u).utf8.count >= 3 && !CommonWords.isGeneric(text(u))
                && !NameChains.isParticle(text(u))
        }
        guard let other = rest.first else { return nil }
        return LoneApproximateWord(query: q.texts[Int(qu.key)] + " " + q.texts[Int(qu.key2)], listed: text(a.list[pair.l]),
                                   similarity: pair.similarity, kind: .joinedWholeName, missingPart: text(other.element))
    }

    /// The one-listed-word case of alignment `a` with a listed person, or nil: the listed name has
    /// one telling word, met by a single query word spelt otherwise (similarity under 1) or as listed
    /// when it is a given name or a common name (a compound given name written apart too), and the
    /// query holds a telling word of three letters or more (not an initial, title or legal form)
    /// that no listed word paired.
    func oneWordBesideAnotherName(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery) -> LoneApproximateWord? {
        guard telling.count == 1, let pair = telling.first else { return nil }
        let weak = Double(LegalForms.wordWeight)
        let qu = a.query[pair.q], lu = a.list[pair.l]
        let vocabulary = index.names.vocabulary
        // Met as listed, the one word still names no one when it is a given name or a surname thousands
        // bear ("Leo Kim" for an alias "LEO", "Muhammad Santoso" for SANTOSO, "Omar Abdulaziz" for "AZIZ,
        // Abdul", a compound given name written apart): only a rarer word, a nickname or a nom de guerre,
        // names the person.
        let listed = listedText(lu)
        let namesakes = GivenNames.isKnown(listed) || CommonNames.contains(listed)
        guard pair.similarity < 1 || namesakes else { return nil }
        let listedWords = a.list.filter { u in
            let w = vocabulary[Int(u.key)]
            return u.weight > weak && !NameChains.isParticle(w) && !ArticleCompounds.articles.contains(w) && !NameTitles.contains(w)
        }
        guard qu.key2 < 0, lu.key2 < 0 || (pair.similarity >= 1 && namesakes), listedWords.count == 1 else { return nil }
        let paired = Set(a.pairs.map(\.q))
        let own = a.query.enumerated().filter { n, u in
            !paired.contains(n) && u.key2 < 0 && u.weight >= PreparedQuery.minimumWeight && q.texts[Int(u.key)].utf8.count >= 3
        }
        guard let other = own.first else { return nil }
        return LoneApproximateWord(query: q.texts[Int(qu.key)], listed: listed, similarity: pair.similarity,
                                   kind: .oneWordBesideAnotherName, missingPart: q.texts[Int(other.element.key)])
    }
}
