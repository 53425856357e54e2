extension Matcher {
    /// The other-place case (`LoneApproximateWord.Kind.otherPlace`) of alignment `a` with a listed
    /// organisation (its `telling` pairs), or nil: the customer's name opens with a place of
    /// registration (`PlaceWords`: "Henan", "Zhejiang") left unpaired, the listed name opens with a
    /// telling word of its own left unpaired ("Northwest", "Nanjing"), and the words the two share
    /// are everyday words (`CommonWords`: "polytechnic", "university", "science and technology").
    /// The customer's place is weighed lightly because the lists drop it ("Zhejiang Dahua
    /// Technology" is the listed "Dahua Technology"); where the listed name puts a word of its own
    /// in that place, the two names are two institutions of one kind in two places: "Henan
    /// Polytechnic University" is not "Northwest Polytechnic University".
    func otherPlace(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery) -> LoneApproximateWord? {
        guard !telling.isEmpty, let place = q.texts.first, PlaceWords.opens(place, at: 0, of: q.texts.count) else { return nil }
        let pairedQuery = Set(a.pairs.flatMap { p in [a.query[p.q].key, a.query[p.q].key2] })
        guard !pairedQuery.contains(0) else { return nil }
        let weak = Double(LegalForms.wordWeight)
        guard let first = a.list.indices.first(where: { j in
            a.list[j].weight > weak && a.list[j].key2 < 0 && !LegalForms.words.contains(listedText(a.list[j]))
        }) else { return nil }
        let own = listedText(a.list[first])
        guard !a.pairs.contains(where: { $0.l == first }), own.utf8.count >= 3, !CommonWords.isGeneric(own), own != place else { return nil }
        let text = q.text(of:)
        guard telling.allSatisfy({ p in
            let u = a.query[p.q]
            return u.key2 < 0 && CommonWords.contains(text(u))
        }) else { return nil }
        return LoneApproximateWord(query: place, listed: own, similarity: telling.map(\.similarity).min() ?? 1, kind: .otherPlace,
                                   missingPart: telling.map { text(a.query[$0.q]) }.joined(separator: " "))
    }
}
