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
/// Decided by the policy's `loneApproximateWord` rule (case `oneSharedWord`, switched on by its
/// `oneSharedWord`): no match without a corroborating date of birth, country or address, HOLD at
/// most with one.
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
}
