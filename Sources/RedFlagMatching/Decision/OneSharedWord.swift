import RedFlagCore

/// A match between an organisation's name and a listed organisation that rests on one shared
/// distinctive word while the customer's name holds a word the listed name lacks: "DSK Bank EAD"
/// against the listed "OOO DSK", "Tata Motors Limited" against "TATA", "Yildiz Holding" against
/// "YILDIZ COMPANY" (issue 11 item 4: one shared token is not a match). A listed name written
/// with fewer words is the usual way a customer shortens it ("NEC" for "NEC ENGINEERS PRIVATE
/// LTD": generic words dropped, the listed party kept); a customer's name with a word of its own
/// beside the shared one names its own business ("Bank", "Motors", "Holding"), which the lists
/// would have written had it been the listed party.
///
/// Decided by the policy's `loneApproximateWord` rule (cases `oneSharedWord` and `listedWordAbsent`,
/// switched on by its `oneSharedWord`): no match without a corroborating date of birth, country or
/// address, HOLD at most with one.
extension Matcher {
    /// The one-shared-word case of alignment `a` (its `telling` pairs: both words weigh more than
    /// a legal-form word), or nil: exactly one pair joins a distinctive listed word (weight at
    /// least `TokenAligner.distinctiveWeight`), and the query holds a word no listed word paired:
    /// of three letters or more, weighing more than a legal-form word, and a word the lists hold
    /// or a common word of English.
    func oneSharedWord(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery) -> LoneApproximateWord? {
        let distinctive = telling.filter { a.list[$0.l].weight >= TokenAligner.distinctiveWeight }
        guard distinctive.count == 1, let shared = distinctive.first else { return nil }
        // A place is no name of its own ("Iranian" of NATIONAL IRANIAN OIL COMPANY): a name that shares
        // only places and generic words is judged by `genericWordsOnly`, and one that shares the
        // listed name whole beside a generic word ("National Iranian Oil Company Trading") is the
        // listed party's business, not another's.
        if PlaceWords.isPlace(listedText(a.list[shared.l])) { return nil }
        let weak = Double(LegalForms.wordWeight)
        let text = q.text(of:)
        let paired = Set(a.pairs.map(\.q))
        // A word of its own is a word: one the lists hold or a common word of English, not a
        // mistyped legal form or a stray fragment ("Jint stock company": "jint" is "joint").
        let word = { (t: String) in t.utf8.count >= 3 && (self.index.names.id(of: Array(t.utf8)) != nil || CommonWords.contains(t)) }
        let own = a.query.enumerated().filter { !paired.contains($0.offset) && $0.element.weight > weak && word(text($0.element)) }
        guard let first = own.first else { return nil }
        let lu = a.list[shared.l]
        let listed = listedText(lu)
        return LoneApproximateWord(query: listed, listed: own.count > 1 ? own.map { text($0.element) }.joined(separator: " ") : text(first.element),
                                   similarity: shared.similarity, kind: .oneSharedWord)
    }

    /// The listed-word-absent case of alignment `a` with listed organisation name `n` (its `telling`
    /// pairs), or nil: the customer's name is one telling word, found in the listed name, while the
    /// listed name holds a distinctive word of its own no query word paired ("Linde GmbH" / "GAZPROM
    /// LINDE ENGINEERING", "IndiGo" / "INDIGO 3D"): issue 11 item 4 from the other side, the listed
    /// name's other distinctive word absent. A word counts when it weighs more than
    /// `absentWordWeight`, is no everyday word of English, no generic or business word (in English
    /// or, as `BusinessWords` reads them, another language: "kombinat"), place, particle or title,
    /// nor the initials of the party's own words (`spellsInitials`), and has three letters or more
    /// or a digit: a name's own word, not one that says what the company does ("Korvatel" for
    /// KORVATEL SECURITY). Generic words dropped are how a customer shortens a listed name ("NEC"
    /// for "NEC ENGINEERS PRIVATE LTD"), and a bracketed part is optional (item 1): a listed name
    /// with brackets is left to the other rules.
    func listedWordAbsent(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                          document n: Int) -> LoneApproximateWord? {
        let weak = Double(LegalForms.wordWeight)
        guard telling.count == 1, let shared = telling.first, a.list[shared.l].weight >= TokenAligner.distinctiveWeight,
              a.query.indices.allSatisfy({ $0 == shared.q || a.query[$0].weight <= weak }),
              !index.nameText[n].contains("(") else { return nil }
        let paired = Set(a.pairs.map(\.l))
        let digit = { (c: UInt8) in (48...57).contains(c) }
        for (j, u) in a.list.enumerated() where !paired.contains(j) && u.key2 < 0 && u.weight > Self.absentWordWeight {
            let word = index.names.vocabulary[Int(u.key)]
            guard word.utf8.count >= 3 || word.utf8.contains(where: digit) else { continue }
            guard !CommonWords.contains(word), !CommonWords.isGeneric(word), !Self.businessWords.contains(word),
                  BusinessWords.latinEntry(word) == nil, !PlaceWords.isPlace(word), !Self.particleOrArticle(word),
                  !Kunya.contains(word), !spellsInitials(word, document: n) else { continue }
            return LoneApproximateWord(query: listedText(a.list[shared.l]), listed: word, similarity: shared.similarity, kind: .listedWordAbsent)
        }
        return nil
    }

    /// Whether `word` spells the initials of words in a row of a name of the entry of listed name
    /// `n`: an acronym of the party's own name or legal form ("FSUE" of "FEDERAL STATE UNITARY
    /// ENTERPRISE ATOMFLOT"), which a customer writing the name drops as he drops the form.
    func spellsInitials(_ word: String, document n: Int) -> Bool {
        guard word.utf8.count >= 2 else { return false }
        return index.names(ofEntryAround: n).contains { name in
            let initials = String(name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap(\.first)).lowercased()
            return initials.utf8.count > word.utf8.count && initials.contains(word)
        }
    }

    /// Least weight of a listed word whose absence `listedWordAbsent` reads as another party's name:
    /// more than the words thousands of listed names hold ("international", "trading").
    static let absentWordWeight = 0.15

    /// The business words of `Abbreviations` ("enterprise", "industry", "technology"), each as the
    /// lists' words are read: generic, as `CommonWords.isGeneric`'s words are.
    static let businessWords = Set(Abbreviations.canonical.values)
}
