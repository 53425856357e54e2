import RedFlagCore

extension Matcher {
    /// Least similarity of a listed person's surname (any matched word that is no given name) for
    /// a name written in Cyrillic or Greek to match it on sound: a transcription of the surname
    /// itself scores at least this ("Патрушев" 1.00, "Хаккани" khakkani ~ haqqani), another
    /// surname that merely sounds alike less ("Брин" brin ~ braun 0.89).
    static let soundAlikeSurnameFloor = 0.9

    /// The scripts whose transcription of a surname is as precise as a Latin spelling: alphabets
    /// that write every vowel and one letter per sound (Cyrillic, Greek). Abjads (Arabic, Hebrew:
    /// "لاوروف" lwrf ~ lavrov 0.88), syllabaries and Han (katakana "ナスルッラーフ" ~ nasrallah 0.88)
    /// guess vowels and break clusters, so the surname of the very person scores as low as another.
    static let preciseScripts: Set<PhoneticComparison.Source> = [.cyrillic, .greek]

    /// The sound-alike surname case (`LoneApproximateWord.Kind.soundAlikeSurname`) of match `s` of
    /// a query written in a script of `preciseScripts` (`source`), or nil: the listed party is a person, some matched
    /// word of the query is a given name of the listed one, and every other matched word (the
    /// surname) scores under `soundAlikeSurnameFloor`. A transcription is looser evidence than a
    /// Latin spelling (its vowels and several consonants are guessed), and a common given name
    /// (Sergei, Vladimir, Ali) is shared by thousands: a shared given name with a surname that only
    /// sounds alike ("Сергей Брин" against "BRAUN, Sergey") is another person unless a date of
    /// birth, country or address corroborates it. A match without any given name in common is
    /// left to the usual score.
    func soundAlikeSurname(_ s: ScoredMatch, query: ScoredQuery, source: PhoneticComparison.Source?) -> LoneApproximateWord? {
        guard let source, Matcher.preciseScripts.contains(source), let n = s.name, let q = query.name, index.type(entry: s.entry) == .person else { return nil }
        let a = align(q, document: n, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: configuration.fullScan,
                      initials: nameInitials(n), rules: nameRules(n, query: q))
        let weak = Double(LegalForms.wordWeight)
        let telling = a.pairs.filter { a.query[$0.q].weight > weak && a.list[$0.l].weight > weak && a.list[$0.l].key2 < 0 }
        var given = false
        var surname: (query: String, listed: String, similarity: Double)?
        for pair in telling {
            let listed = index.names.vocabulary[Int(a.list[pair.l].key)]
            if !GivenNames.variants(of: listed).isEmpty {
                given = true
                continue
            }
            if pair.similarity >= Matcher.soundAlikeSurnameFloor { return nil }
            if surname == nil || pair.similarity > surname!.similarity {
                let typed = a.query[pair.q].key2 >= 0 ? q.texts[Int(a.query[pair.q].key)] + q.texts[Int(a.query[pair.q].key2)] : q.texts[Int(a.query[pair.q].key)]
                surname = (typed, listed, pair.similarity)
            }
        }
        guard given, let surname else { return nil }
        return LoneApproximateWord(query: surname.query, listed: surname.listed, similarity: surname.similarity, kind: .soundAlikeSurname)
    }
}
