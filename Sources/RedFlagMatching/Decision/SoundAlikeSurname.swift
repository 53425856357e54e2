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
    /// `a`: the match's alignment, `q` the query it aligned.
    func soundAlikeSurname(_ s: ScoredMatch, alignment a: AlignmentResult, query q: PreparedQuery, source: PhoneticComparison.Source?) -> LoneApproximateWord? {
        guard let source, Matcher.preciseScripts.contains(source), index.type(entry: s.entry) == .person else { return nil }
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
                let typed = q.text(of: a.query[pair.q])
                surname = (typed, listed, pair.similarity)
            }
        }
        guard given, let surname else { return nil }
        return LoneApproximateWord(query: surname.query, listed: surname.listed, similarity: surname.similarity, kind: .soundAlikeSurname)
    }
}

extension Matcher {
    /// Most letters of a listed word that a name written in another script may not meet on sound
    /// alone: a short word ("INTER", "SOMIA", "UNSAN") sounds like too many words of other
    /// languages once vowels and letters are guessed.
    static let shortSoundAlikeLetters = 5
    /// Least similarity at which one word of a name in another script meets such a short word on
    /// its own: a transcription of the word itself ("حماس" hmas ~ HAMAS 0.985, "חמאס" hms 0.97);
    /// another word that merely sounds like it scores less ("Интел" ~ INTER 0.92, "シャオミ" ~ SOMIA 0.88).
    static let shortSoundAlikeFloor = 0.965
    /// The same for an abjad (Arabic, Hebrew), which leaves vowels out and so scores the word
    /// itself lower ("داعش" daash ~ DAESH 0.89): only a word that sounds less alike than any
    /// transcription of it is held to the rule.
    static let shortSoundAlikeAbjadFloor = 0.88
    /// Most letters of a listed word held to `tinySoundAlikeFloor` whatever the script: a word of
    /// three letters is as often an acronym, which another script spells letter by letter ("이피엘"
    /// for EPL), as a word; one sound read otherwise in it, and the query is another word ("애플"
    /// aepeul, Apple, is not EPL).
    static let tinySoundAlikeLetters = 3
    static let tinySoundAlikeFloor = 0.99
    /// Least similarity at which one word of a name in another script meets a listed word of any
    /// length on its own (`loneSoundAlikeAbjadFloor` for an abjad): under it the two share a rhythm and
    /// a few sounds, not a spelling ("ルイ・ヴィトン" ruiviton ~ ROBSON 0.875, "シャオミ" ~ ABU-SHAYMA
    /// 0.84, "马士基" ~ MUSHKO 0.88), while a transcription of the listed word itself meets it at 0.9
    /// or more ("トランスネフチ" ~ TRANSNEFT 0.93, "ألروسا" ~ ALROSA 0.92).
    static let loneSoundAlikeFloor = 0.9
    /// The same for an abjad, whose transcription of the word itself scores lower ("داعش" ~ DAESH
    /// 0.893), while a word that only sounds alike still scores less ("بوينغ" Boeing ~ BANEH 0.88).
    static let loneSoundAlikeAbjadFloor = 0.89

    /// The lone sound-alike case (`LoneApproximateWord.Kind.loneSoundAlike`) of a match (its alignment `a`) of a query
    /// written in another script, or nil: one telling pair only (both words heavier than legal-form
    /// words) joins a query word to a listed word of at most `shortSoundAlikeLetters` letters with a
    /// similarity under `shortSoundAlikeFloor` (`shortSoundAlikeAbjadFloor`), or to any listed word
    /// under similarity 1 while another telling word of the listed name is absent
    /// (`otherTellingWord`: "フィリップス" / "RICHARD PHILLIPS", "ナイキ" / "NAIK, Khalid"), or, for a
    /// name in an abjad, to a listed word of another number of consonants (`consonantCounts`). Latin names
    /// have the lone-approximate-word rule for this; a name in another script is all approximate,
    /// so only a short listed word, which sounds like many, or one word of a longer name needs the
    /// second word or the corroboration.
    /// `a`: the match's alignment, `q` the query it aligned.
    func loneSoundAlike(alignment a: AlignmentResult, query q: PreparedQuery, source: PhoneticComparison.Source?) -> LoneApproximateWord? {
        let floor = source == .arabic || source == .hebrew ? Matcher.shortSoundAlikeAbjadFloor : Matcher.shortSoundAlikeFloor
        let telling = Matcher.tellingInScript(a, vocabulary: index.names.vocabulary)
        guard telling.count == 1, let pair = telling.first, pair.similarity < 1 else { return nil }
        let lu = a.list[pair.l], qu = a.query[pair.q]
        let listed = listedText(lu), typed = q.text(of: qu)
        let abjad = source == .arabic || source == .hebrew
        let shortFloor = listed.utf8.count <= Matcher.tinySoundAlikeLetters ? max(floor, Matcher.tinySoundAlikeFloor) : floor
        let anyFloor = abjad ? Matcher.loneSoundAlikeAbjadFloor : Matcher.loneSoundAlikeFloor
        // The listed name's one telling word, met by sound beside a word of the customer's own that
        // the listed name lacks ("تامر حسني" tmr hsn / the vessel TAMAR): as for a Latin name
        // (`oneWordBesideAnotherName`), the customer's other word names someone else.
        if let own = ownWordBeside(a, pair: pair, query: q) {
            return LoneApproximateWord(query: typed, listed: listed, similarity: pair.similarity, kind: .oneWordBesideAnotherName, missingPart: own)
        }
        guard (listed.utf8.count <= Matcher.shortSoundAlikeLetters && pair.similarity < shortFloor) || pair.similarity < anyFloor
            || otherTellingWord(a, besides: pair.l)
            || (abjad && Matcher.consonantCounts(typed, abjad: true).isDisjoint(with: Matcher.consonantCounts(listed))) else { return nil }
        return LoneApproximateWord(query: typed, listed: listed, similarity: pair.similarity, kind: .loneSoundAlike)
    }

    /// What decides a match of a name written in another script, short of its score: the
    /// sound-alike rules (`soundAlikeSurname`, `loneSoundAlike`) and, for an organisation, the
    /// rule of generic words only (`genericWordsOnly`: "深圳能源集团" Shenzhen Energy Group is no
    /// RUSSIAN ENERGY GROUP), which reads words, not spellings, and so holds in any script.
    func loneWordInScript(_ s: ScoredMatch, query: ScoredQuery, source: PhoneticComparison.Source?) -> LoneApproximateWord? {
        guard let n = s.name, let q = query.name else { return nil }
        // One alignment serves every rule.
        let a = align(q, document: n, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: configuration.fullScan,
                      initials: nameInitials(n), rules: nameRules(n, query: q))
        if let rule = soundAlikeSurname(s, alignment: a, query: q, source: source) ?? loneSoundAlike(alignment: a, query: q, source: source) { return rule }
        let telling = Matcher.tellingInScript(a, vocabulary: index.names.vocabulary)
        if namesPerson(n), let one = oneWordForPerson(a, telling: telling, query: q, document: n) { return one }
        // An organisation's name in its script ("بنك الرياض", Riyad Bank) on one part of a person's name, as in Latin letters.
        if namesPerson(n) || (index.type(entry: s.entry) == .unknown && !listedName(n, holds: { CommonWords.isGeneric($0) })),
           let part = organisationOnOneNamePart(a, telling: telling, query: q) { return part }
        if namesPerson(n), let reversed = reversedSyllables(a, query: q, document: n) { return reversed }
        if q.legalForms.isEmpty, namesPerson(n), let family = familyNameAbsent(a, query: q, document: n) { return family }
        if q.legalForms.isEmpty, namesPerson(n), let syllables = otherGivenSyllables(a, query: q, document: n, entry: s.entry, inScript: true) { return syllables }
        guard index.type(entry: s.entry) != .person else { return nil }
        return genericWordsOnly(a, telling: telling, query: q, entry: s.entry)
    }

    /// The one-word case (`LoneApproximateWord.Kind.oneWordForPerson`) of alignment `a` of a name
    /// written in another script with listed person name `n`, or nil: the query holds one word
    /// heavier than legal-form words, and its one telling pair joins it to one listed word (neither
    /// side two words read as one: "骆惠宁" read "luohuining" is LUO, Huining whole) that is no
    /// family name of the listed name, while the listed name holds another word of its own
    /// ("AL-HASHIMI, Faiza" for "ファイザー", Pfizer). So is any such word of a weak alias, or of a
    /// kunya's name ("ABU AL-KHAYR" is named for his child: "海尔", Haier, is not he). The family
    /// name alone ("Наик" for NAIK, Khalid), or the one name a person is listed by ("Мулла
    /// Фазлулла", MAULANA FAZLULLAH; "Αλέξανδρος" for a listed "Alexander"), is how the press
    /// writes him, as a Latin name so typed would be.
    func oneWordForPerson(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                          document n: Int) -> LoneApproximateWord? {
        let weak = Double(LegalForms.wordWeight)
        guard telling.count == 1, let pair = telling.first, a.query[pair.q].key2 < 0, a.list[pair.l].key2 < 0,
              a.query.indices.allSatisfy({ $0 == pair.q || a.query[$0].weight <= weak }) else { return nil }
        let listed = listedText(a.list[pair.l])
        let paired = Set(a.pairs.map(\.l))
        let kunya = a.list.indices.contains { j in
            !paired.contains(j) && a.list[j].key2 < 0 && Kunya.contains(index.names.vocabulary[Int(a.list[j].key)])
        }
        let given = !personParts(document: n).family.contains(listed)
        guard index.strength(name: n) == .weak || kunya
            || (given && otherTellingWord(a, besides: pair.l)) else { return nil }
        return LoneApproximateWord(query: q.text(of: a.query[pair.q]), listed: listed, similarity: pair.similarity, kind: .oneWordForPerson)
    }

    /// The pairs of alignment `a` a match of a name in another script rests on: both words heavier
    /// than legal-form words, the listed one neither a single letter nor an article or particle
    /// ("al" of "اليونيسف" is no evidence that UNICEF is AL-AHMED, Muhammad Yunis).
    static func tellingInScript(_ a: AlignmentResult, vocabulary: StringTable) -> [(q: Int, l: Int, similarity: Double)] {
        let weak = Double(LegalForms.wordWeight)
        return a.pairs.filter { p in
            guard a.query[p.q].weight > weak && a.list[p.l].weight > weak else { return false }
            let lu = a.list[p.l]
            guard lu.key2 < 0 else { return true }
            let word = vocabulary[Int(lu.key)]
            return word.utf8.count >= 2 && !Matcher.particleOrArticle(word)
        }
    }

    /// For a name in another script whose one telling pair is `pair`: a word of the customer's own
    /// (three letters or more, not a business word read in English, a particle, article, title or
    /// generic word) that no listed word paired, when the listed name has no other telling word;
    /// nil otherwise.
    func ownWordBeside(_ a: AlignmentResult, pair: (q: Int, l: Int, similarity: Double), query q: PreparedQuery) -> String? {
        let weak = Double(LegalForms.wordWeight)
        guard a.query[pair.q].key2 < 0, a.list[pair.l].key2 < 0, !otherTellingWord(a, besides: pair.l) else { return nil }
        let paired = Set(a.pairs.map(\.q))
        for (n, u) in a.query.enumerated() where !paired.contains(n) && u.key2 < 0 && u.weight > weak {
            let word = q.texts[Int(u.key)]
            guard word.utf8.count >= 3, !BusinessWords.englishWords.contains(word), !CommonWords.isGeneric(word), !Matcher.particleOrArticle(word),
                  !NameTitles.contains(word), !Kunya.contains(word), !PlaceWords.isPlace(word) else { continue }
            return word
        }
        return nil
    }

    /// The consonants of a romanised word, as an abjad writes them: letters other than the vowels
    /// (a, e, i, o, u and the glides w, y, which an abjad's vowel letters stand for), a digraph of
    /// one sound (sh, kh, th, gh, ch, zh, dh, ph, ck) one, a letter doubled one, x two. An abjad
    /// writes every consonant of a name and leaves out only short vowels, so a word read from it
    /// has the consonants of the listed word it transcribes: "تسلا" tsl is not "SOL", "كارفور" krfr not
    /// "AGROPERLA", "شل" shl not "SALEH". Used for the lone sound-alike case.
    /// `consonantCount(word)`, and one fewer when the word ends in a vowel and h: an h closing a
    /// word is as often a vowel's mark ("HIZBALLAH", Hebrew ה, Arabic ة) as a consonant ("SALEH", ح).
    /// A word read from an abjad (`abjad`) writes no vowel before it: any closing h may be the mark
    /// ("להב״ה" lhbh, Lehava).
    static func consonantCounts(_ word: String, abjad: Bool = false) -> Set<Int> {
        let count = consonantCount(word)
        let b = Array(word.utf8)
        guard b.count >= 2, b.last == UInt8(ascii: "h"), abjad || "aeiouy".utf8.contains(b[b.count - 2]),
              !"skgtczdp".utf8.contains(b[b.count - 2]) else { return [count] }
        return [count, count - 1]
    }

    static func consonantCount(_ word: String) -> Int {
        let vowels: Set<UInt8> = Set("aeiouwy".utf8)
        let b = Array(word.utf8)
        var count = 0
        var i = 0
        while i < b.count {
            defer { i += 1 }
            guard (97...122).contains(b[i]), !vowels.contains(b[i]) else { continue }
            if i > 0 && b[i] == b[i - 1] { continue }
            if i > 0, (b[i] == UInt8(ascii: "h") && "skgtczdp".utf8.contains(b[i - 1])) || (b[i] == UInt8(ascii: "k") && b[i - 1] == UInt8(ascii: "c")) { continue }
            count += b[i] == UInt8(ascii: "x") ? 2 : 1
        }
        return count
    }

    /// Whether the listed name of alignment `a` holds a telling word besides its `l`-th unit that no
    /// pair holds: three letters or more, heavier than legal-form words, neither generic, nor a
    /// particle, article, kunya word or title ("RICHARD" of "RICHARD PHILLIPS", "KHALID" of "NAIK,
    /// Khalid"; not "ABU" of "ABU-HAJIR", nor "TECHNOLOGY"). A name in another script that sounds
    /// like one word of such a name, the rest absent, names someone or something else as often.
    func otherTellingWord(_ a: AlignmentResult, besides l: Int) -> Bool {
        let weak = Double(LegalForms.wordWeight)
        let paired = Set(a.pairs.map(\.l))
        return a.list.indices.contains { j in
            guard j != l, !paired.contains(j), a.list[j].weight > weak, a.list[j].key2 < 0 else { return false }
            let word = index.names.vocabulary[Int(a.list[j].key)]
            return word.utf8.count >= 3 && !CommonWords.isGeneric(word) && !Matcher.particleOrArticle(word) && !Kunya.contains(word)
                && !NameTitles.contains(word) && !PlaceWords.isPlace(word)
        }
    }
}
