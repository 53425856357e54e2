import RedFlagCore

/// A match between an organisation's name and a listed organisation that rests on common words
/// of English alone: "Puma SE" against the listed "PUMA SECURITY COMPANY", "Orange S.A." against
/// "ORANGE VOLUNTEERS", "Venture Corporation" against "RUSSIAN VENTURE COMPANY", "Apex Security"
/// against "APEX". The lists hold "puma" or "orange" in one name, so their weights call the word
/// distinctive; among companies in general it is an everyday word many are named for
/// (`CommonWords`), and when the names differ in other words as heavy as a share of the shared
/// ones, that word is a coincidence, not the listed party.
///
/// Decided by the policy's `loneApproximateWord` rule (case `commonWord`, its `commonWordShare`):
/// no match without a corroborating date of birth, country or address, HOLD at most with one.
/// A name that differs only in generic or legal-form words ("Orange Trading" for "ORANGE TRADING
/// COMPANY LLC") keeps its match: those weigh too little against the shared word.
extension Matcher {
    /// The common-word case of `alignment` (its `telling` pairs: both words weigh more than a
    /// legal-form word), or nil: every distinctive pair (the listed word weighs at least
    /// `TokenAligner.distinctiveWeight`) joins a query word that is a common word, and the words
    /// left unpaired on both sides (generic words, legal-form words, titles and one- or two-letter
    /// words aside) weigh at least `share` of those pairs' listed words.
    func commonWordMatch(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                         share: Double) -> LoneApproximateWord? {
        let distinctive = telling.filter { a.list[$0.l].weight >= TokenAligner.distinctiveWeight }
        guard !distinctive.isEmpty else { return nil }
        let text = q.text(of:)
        let shared = distinctive.map { text(a.query[$0.q]) }
        guard shared.allSatisfy(CommonWords.isEveryday) else { return nil }
        let weak = Double(LegalForms.wordWeight)
        let pairedQuery = Set(a.pairs.map(\.q)), pairedList = Set(a.pairs.map(\.l))
        var apart: [String] = []
        var apartWeight = 0.0
        // Words that tell two names apart: not generic ("bank", "institute", "science" may be
        // dropped from or added to a name), not a stray letter or two ("S.A.R.L." read "r l").
        let telling = { (word: String) in word.utf8.count >= 3 && !CommonWords.isGeneric(word) }
        for (i, u) in a.query.enumerated() where !pairedQuery.contains(i) && u.weight > weak && telling(text(u)) {
            apart.append(text(u))
            apartWeight += u.weight
        }
        for (j, u) in a.list.enumerated() where !pairedList.contains(j) && u.weight > weak {
            let word = listedText(u)
            guard telling(word) else { continue }
            apart.append(word)
            apartWeight += u.weight
        }
        let sharedWeight = distinctive.reduce(0) { $0 + a.list[$1.l].weight }
        guard !apart.isEmpty, apartWeight >= share * sharedWeight else { return nil }
        return LoneApproximateWord(query: shared.joined(separator: " "), listed: apart.joined(separator: " "),
                                   similarity: distinctive.map(\.similarity).min() ?? 1, kind: .commonWord)
    }

    /// The generic-words-only case of `alignment` (`LoneApproximateWord.Kind.genericWordsOnly`), or
    /// nil: every telling pair joins a generic word on either side (`CommonWords.isGeneric`), a place
    /// (`PlaceWords.places`: "Hong Kong Electric" for the listed "TAIHE ELECTRIC (HONG KONG)") or a
    /// listed word the lists hold in many names (lighter than `TokenAligner.distinctiveWeight`), and
    /// a listed word of its own (weighing `PreparedQuery.minimumWeight` or more, two letters or
    /// more, neither generic, nor an everyday word of `CommonWords`, nor a place) is left unpaired:
    /// a word many listed names share ("VTB" of its subsidiaries' names) is still the listed one's own. Names built of "oil", "gas", "development",
    /// "shipping" are many; the listed one is told apart by its own word ("PARSIAN", "WEIHAI"),
    /// which the customer's name lacks, or, holding none, by all its words together.
    func genericWordsOnly(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery, entry: Int? = nil) -> LoneApproximateWord? {
        guard !telling.isEmpty else { return nil }
        let text = q.text(of:)
        // A place the company is named for ("Hong Kong", "Korea") tells no company apart either.
        let places = PlaceWords.places(in: q.texts)
        let isPlace = { (u: AlignUnit) in u.key2 < 0 ? places.contains(Int(u.key)) : places.contains(Int(u.key)) && places.contains(Int(u.key2)) }
        // A pair is generic when either word is: the customer's word may be the generic one in its own
        // language ("Postes" for POSTS).
        let generic = { (p: (q: Int, l: Int, similarity: Double)) in
            CommonWords.isGeneric(text(a.query[p.q])) || CommonWords.isGeneric(self.listedText(a.list[p.l]))
        }
        guard telling.allSatisfy({ generic($0) || isPlace(a.query[$0.q]) || a.list[$0.l].weight < TokenAligner.distinctiveWeight })
        else { return nil }
        let pairedList = Set(a.pairs.map(\.l))
        var absent: [String] = []
        for (j, u) in a.list.enumerated() where !pairedList.contains(j) && u.weight >= PreparedQuery.minimumWeight {
            let word = listedText(u)
            // A proper name ("PARSIAN", "RAZAVI", "WEIHAI"), not an everyday word a customer may drop as
            // they drop a generic one ("REGIONAL" of RUSSIAN REGIONAL DEVELOPMENT BANK, "ATOMIC", "CENTRAL"):
            // "Russian Development Bank" is still held for review.
            if word.utf8.count >= 2 && !CommonWords.isGeneric(word) && !CommonWords.contains(word) && !PlaceWords.isPlace(word) { absent.append(word) }
        }
        // A place is what tells the listed company apart when the customer's name holds nothing but generic
        // words ("National Insurance Company", India's, is not KOREA NATIONAL INSURANCE CORPORATION), or
        // generic words and another place ("Shipping Corporation of India" is not IRAN AND INDIA SHIPPING COMPANY).
        // A place opening the listed name is one customers drop ("Sinonet Science & Technology" for BEIJING
        // SINONET…), unless the rest of the name is generic: then the place is all that tells it apart
        // ("Institute of Posts and Telecommunications" is no WUHAN INSTITUTE OF POSTS AND TELECOMMUNICATIONS).
        if absent.isEmpty, !telling.isEmpty, telling.allSatisfy({ generic($0) || isPlace(a.query[$0.q]) }) {
            let placeOnly = a.list.allSatisfy { u in
                let word = listedText(u)
                return u.weight < PreparedQuery.minimumWeight || word.utf8.count < 2 || CommonWords.isGeneric(word) || PlaceWords.isPlace(word)
            }
            for (j, u) in a.list.enumerated() where !pairedList.contains(j) && u.weight >= PreparedQuery.minimumWeight {
                let word = listedText(u)
                if PlaceWords.isPlace(word) && (placeOnly || !PlaceWords.opens(word, at: j, of: a.list.count)) { absent.append(word) }
            }
        }
        // A listed name of generic and everyday words only ("INTERNATIONAL INVESTMENTS HOLDING", "SOFTWARE RESEARCH
        // INSTITUTE") is told apart by its words together: two of them absent, or one beside a word of the
        // customer's own (a place, a name: "Shenzhen Investment Holdings"), leave a name thousands of companies
        // bear, and so does one of its subject absent when the customer's name shares nothing but words of a body's
        // standing or kind with it ("Central Research Institute" is no CENTRAL RESEARCH INSTITUTE OF MATERIALS). One
        // word of it dropped beside a place or a subject word the two share is how customers shorten it ("Iran
        // Industries" for IRAN ELECTRONICS INDUSTRIES), for a person to weigh.
        // Generic words weigh little (0.1 to 0.25), legal forms, places and stopwords less.
        let genericWeight = 0.1, weak = Double(LegalForms.wordWeight)
        if absent.isEmpty, a.list.allSatisfy({ u in
            let word = listedText(u)
            return u.weight < genericWeight || word.utf8.count < 2 || CommonWords.isGeneric(word) || CommonWords.contains(word) || PlaceWords.isPlace(word)
        }) {
            let dropped = a.list.indices.filter { j in
                let word = listedText(a.list[j])
                return !pairedList.contains(j) && a.list[j].weight >= genericWeight && word.utf8.count >= 2 && !PlaceWords.isPlace(word)
            }.map { listedText(a.list[$0]) }
            let pairedQuery = Set(a.pairs.map(\.q))
            let ownWord = a.query.indices.contains { k in
                !pairedQuery.contains(k) && a.query[k].key >= 0 && text(a.query[k]).utf8.count >= 2 && (a.query[k].weight > weak || isPlace(a.query[k]))
            }
            let genericOnly = telling.allSatisfy(generic)
            // Of a name of generic words only, a word of its standing or kind ("national", "institute") is dropped as
            // freely as a legal form; a word of its subject ("materials") tells it apart from a customer's name that
            // shares nothing but such words with it. One that shares a subject word ("Central Institute of Motors" for
            // CENTRAL INSTITUTE OF AVIATION MOTORS) is shortened, for a person to weigh.
            let subject = dropped.filter { !CommonWords.standing.contains($0) }
            let standingOnly = genericOnly && telling.allSatisfy { p in
                CommonWords.standing.contains(text(a.query[p.q])) || CommonWords.standing.contains(self.listedText(a.list[p.l]))
            }
            if dropped.count >= 2 || (!dropped.isEmpty && ownWord) || (!subject.isEmpty && standingOnly) { absent = dropped }
        }
        guard !absent.isEmpty else { return genericNameBesideOwnWord(a, telling: telling, query: q, entry: entry) }
        return LoneApproximateWord(query: telling.map { text(a.query[$0.q]) }.joined(separator: " "), listed: absent.joined(separator: " "),
                                   similarity: telling.map(\.similarity).min() ?? 1, kind: .genericWordsOnly)
    }

    /// The other case of a match on generic words only: the listed name holds nothing but generic
    /// words and places (an alias "BANK FOR DEVELOPMENT"), and the customer's name a word of its
    /// own beside them ("Islamic Development Bank"). Such a listed name tells no one apart; the
    /// customer's own word names its own business. Read as `oneSharedWord` (the shared words, the
    /// customer's own); nil when the customer's name holds no word of its own, generic words and
    /// places aside ("Bank for Development", "National Iranian Oil Company Singapore" for a listed
    /// NATIONAL IRANIAN OIL COMPANY: a branch names its place).
    private func genericNameBesideOwnWord(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                                          entry: Int?) -> LoneApproximateWord? {
        let weak = Double(LegalForms.wordWeight)
        guard a.list.allSatisfy({ $0.weight <= weak || CommonWords.isGeneric(listedText($0)) || PlaceWords.isPlace(listedText($0))
            || Matcher.particleOrArticle(listedText($0)) }) else { return nil }
        let text = q.text(of:)
        let paired = Set(a.pairs.map(\.q))
        // A country the customer's name holds and the listed party is not in is a word of its own too
        // ("中国农业银行", Agricultural Bank of China, is no listed AGRICULTURAL BANK of another country).
        let listedCountries = entry.map { Set(partyCountries(entry: $0).countries) } ?? []
        let otherCountry = { (word: String) -> Bool in
            guard !listedCountries.isEmpty, let code = CountryTable.shared.code(for: word) else { return false }
            return !listedCountries.contains(code)
        }
        let own = a.query.enumerated().filter { n, u in
            guard !paired.contains(n), u.weight >= PreparedQuery.minimumWeight, text(u).utf8.count >= 3, !Matcher.particleOrArticle(text(u)) else { return false }
            return (!CommonWords.isGeneric(text(u)) && !PlaceWords.isPlace(text(u))) || (u.key2 < 0 && otherCountry(text(u)))
        }
        guard !own.isEmpty else { return nil }
        return LoneApproximateWord(query: telling.map { text(a.query[$0.q]) }.joined(separator: " "), listed: own.map { text($0.element) }.joined(separator: " "),
                                   similarity: telling.map(\.similarity).min() ?? 1, kind: .oneSharedWord)
    }
}
