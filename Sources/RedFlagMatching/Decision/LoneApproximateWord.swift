import RedFlagCore

/// A name match that rests on one word only, and that word matched approximately: "Intel
/// Corporation" against the listed "INTER", "Shell plc" against "Sahel", "SKF AB" against
/// "Zaicev", "Alcoa Corporation" against "ALCO". A word of five letters one edit from another is
/// as often another word as a typo, and an acronym's consonants are found in many words; with
/// nothing else in common (no second word, no date of birth, country or address) such a match is
/// evidence of a different party, however high the similarity of the one word.
///
/// The policy's `loneApproximateWord` rule (`Lists/decision-policy.json`) says what such a match
/// may decide: nothing without corroboration, at most `cap` with it. How much an edit weighs
/// depends on the word's length: from `typoLength` letters a word within the edits its length
/// allows is the listed word mistyped ("Ibbrahim" for "IBRAHIM"), not another name; a word
/// read another way (digits for letters, a glued legal form, a given-name variant, another
/// romanisation) is exempt too (`readAnotherWay`).
public struct LoneApproximateWord: Hashable, Sendable {
    /// What the match rests on.
    public enum Kind: String, Hashable, Sendable {
        /// One word spelt otherwise than the listed word, nothing else in common (the rule's first case).
        case approximate
        /// Common words of English only (`CommonWords`), while the names differ in words as heavy
        /// as a share of them (`CommonWordMatch`): "Puma SE" / "PUMA SECURITY COMPANY".
        case commonWord
        /// A word without vowels (an acronym: "SFR", "MTN") that meets only a word of a name the
        /// list writes in a script without short vowels, romanised as its consonants: the
        /// acronym's letters stand for words, the listed word's for one word's sounds.
        case acronym
        /// A person's name with a part that is another name, beside no part as listed but a
        /// common name (`ApproximatePersonMatch`): "Johannes Smit" / "Smith, John", "KOZLOV, Mikhail" /
        /// "Mikhail KISELYOV".
        case approximateParts
        /// A person's name matched on common names only, too few of them as listed: a common name
        /// written with other vowels ("Eman" / "AMAN, Mohammed") or the child's name of a listed
        /// kunya typed without "Abu" ("Fatma Ali" / "Abu Fatma") proves little
        /// (`ApproximatePersonMatch`, evidence under one name as listed).
        case commonNamesOnly
        /// A person's name of two common names, one of them spelt otherwise than listed, against a
        /// listed name with a part the query lacks (`ApproximatePersonMatch`): "Dmitriy Popov" /
        /// "POPOV, Dimitri Igorevich", "Saeed Hashemi" / "HASHEMI, Seyed Mohammad". Two
        /// discrepancies on names thousands share: a namesake as often as the listed person.
        case commonNamesPartsMissing
        /// The same beside a part of the customer's own that the listed name lacks
        /// (`ApproximatePersonMatch`): "Ahmed Mostafa Ibrahim" / "MUSTAFA, Ibrahim".
        case commonNamesExtraPart
        /// One shared distinctive word, beside which the customer's name holds a word of its own
        /// (`OneSharedWord`): "DSK Bank" / "OOO DSK".
        case oneSharedWord
        /// A name written in another script whose only words in common with a listed person are a
        /// given name and a surname that merely sounds alike (`Matcher.soundAlikeSurname`).
        case soundAlikeSurname
        /// A person's middle initial that stands for no listed word, where the listed person has a
        /// middle name of another letter (`Matcher.contradictingInitial`): "Pavel Y. Yakovlev" /
        /// "YAKOVLEV, Pavel Alexandrovich".
        case contradictingInitial
        /// A person's given name that is another given name than the listed one, the two unpaired,
        /// while no listed given name is found (`Matcher.contradictingGivenName`): "Saleh Al-Otaibi" /
        /// "AL-OTAIBI, Mohammad". A surname shared with another first name is a relative or a namesake.
        case contradictingGivenName
        /// A person's given name paired with another given name the tables know, neither a variant
        /// nor a spelling of it (`Matcher.otherGivenName`): "Ramesh Kumar Gupta" / "GUPTA, Rajesh
        /// Kumar". The letters are alike; the names are two, each borne by millions.
        case otherGivenName
        /// A person's name matched on the listed given part only, the listed family name absent
        /// (`Matcher.familyNameAbsent`): "Sergei Pavlovich" / "Sergei Pavlovich OBUKHOV", "Khalid
        /// Ali" / "AL-ARADAH, Khalid Ali Mabkhut". A given name and a patronymic or a father's name
        /// are shared by thousands; the family name tells the person.
        case familyNameAbsent
        /// A person's name against an organisation named after a person, one of the query's given
        /// names paired with another given name of the listed name (`Matcher.personNamedOrganisation`):
        /// "Saeed Karimi" / "SHAHID KARIMI GROUP", "Salman Shah" / "SULEIMAN SHAH BRIGADE".
        case otherNamesake
        /// An organisation's name matched on the words of a bracketed qualifier of the listed name
        /// only (`Matcher.bracketQualifierOnly`): "Bank of New Zealand" / "HUAWEI TECHNOLOGIES (NEW
        /// ZEALAND) COMPANY LIMITED". The bracket says where or what the listed party is, not who.
        case bracketQualifierOnly
        /// A listed person named by a common surname and initials only ("AHMED, A."), met by a
        /// name whose given name only begins with the initial (`Matcher.commonSurnameInitials`):
        /// "Abiy Ahmed". Thousands share the surname and the letter.
        case commonSurnameInitials
        /// An organisation's name that shares only generic words with the listed name ("oil",
        /// "gas", "bank", or words the lists hold in many names), while the listed name's
        /// distinctive word is absent (`Matcher.genericWordsOnly`): "Oil and Gas Development
        /// Company Limited" / "PARSIAN OIL AND GAS DEVELOPMENT".
        case genericWordsOnly
        /// An organisation's name opening with a place of registration, against a listed name that
        /// opens with a word of its own in that place, the rest everyday words (`Matcher.otherPlace`):
        /// "Henan Polytechnic University" / "Northwest Polytechnic University".
        case otherPlace
        /// One word of a name written in another script that only sounds like a short listed word,
        /// or like one word of a longer listed name whose other telling words are absent
        /// (`Matcher.loneSoundAlike`): "Интел" / "INTER", "シャオミ" / "SOMIA", "ナイキ" / "NAIK, Khalid".
        case loneSoundAlike
        /// Two or more words, each spelt otherwise than the listed word (short words, or beyond a
        /// typo), none as listed (`Matcher.wordsApart`): "Per Lund" / "PUR LEND".
        case wordsApart
        /// The customer's two words read as one listed word, the listed name holding another name
        /// the customer lacks (`Matcher.joinedWholeName`): "Han Na" / "HANNA, Bassam".
        case joinedWholeName
        /// A listed person named by one word, met by a word spelt otherwise beside a name of the
        /// customer's own (`Matcher.oneWordBesideAnotherName`): "Faith Ibrahim" / "AL-FATIH"; for a
        /// name in another script, any party named by one telling word, met by sound (`Matcher.ownWordBeside`):
        /// "تامر حسني" / the vessel TAMAR.
        case oneWordBesideAnotherName
        /// The two parts of a listed person's compound given name met in the reverse order
        /// (`Matcher.reversedSyllables`): "Riz Ahmad" / "RADAN, Ahmad-Reza", "최민식" Choe Min-sik /
        /// "CH'OE, So'k-min". A compound or East Asian given name is its parts in order: the same parts
        /// the other way round are another name.
        case reversedSyllables
        /// A Chinese or Korean listed person's given name met with one syllable fewer or one more
        /// (`Matcher.otherGivenSyllables`): "Lu Shun" / "LU, Chin Shun", "Ryu Hyun Jin" / "RYU, Jin";
        /// or a Myanmar name with a syllable absent or added ("Aung Thu" / "Aung Myo Thu").
        /// An East Asian given name is its syllables, each a character: a syllable absent or added
        /// is another given name, not a middle name dropped or added.
        case otherGivenSyllables
        /// A name written in another script of one word only, meeting a listed person's given name or
        /// a weak alias (`Matcher.oneWordForPerson`): "ファイザー" (Pfizer) / "AL-HASHIMI, Faiza", "海尔"
        /// (Haier) / "ABU AL-KHAYR", "بوينغ" (Boeing) / the weak alias "APUNG". A given name alone names
        /// no one; one word in another script is a brand's name, or a given name thousands bear.
        case oneWordForPerson
        /// An organisation's name of one telling word found in a listed name that holds a
        /// distinctive word of its own the customer's lacks (`Matcher.listedWordAbsent`): "Linde GmbH"
        /// / "GAZPROM LINDE ENGINEERING", "IndiGo" / "INDIGO 3D" (issue 11 item 4).
        case listedWordAbsent
        /// A person's name whose given name is met only as a father's or grandfather's name of a listed
        /// Arabic name chain, the listed person's own first name absent (`Matcher.ancestorName`): "Ahmad
        /// Alali" / "AL-'ALI, Hamid 'Abdallah Ahmad" (Hamid, son of Abdallah, son of Ahmad). A chain
        /// names the person first; its later names are his forebears', whom the customer may be.
        case ancestorName
        /// The reverse: the customer's own first name is absent from the listed chain, whose person's
        /// name the customer's chain holds as a father's name (`Matcher.ancestorName`): "Samer Mahmoud
        /// Alkhateeb" / "Mahmoud AL-KHATTIB" (Samer, son of Mahmoud).
        case descendantName
    }

    /// The query word (two typed words joined read as one) and the listed word it matched; for
    /// `commonWord`, the shared common words and the words only one side holds.
    public var query: String
    public var listed: String
    public var similarity: Double
    public var kind: Kind
    /// For `commonNamesPartsMissing`: the listed part the query lacks (for `commonNamesExtraPart`, the
    /// query's part the listed name lacks).
    public var missingPart: String

    public init(query: String, listed: String, similarity: Double, kind: Kind = .approximate, missingPart: String = "") {
        self.query = query
        self.listed = listed
        self.similarity = similarity
        self.kind = kind
        self.missingPart = missingPart
    }

    /// "'intel'~'inter' 0.92"; "common word 'puma' alone, not 'security'".
    public var description: String {
        switch kind {
        case .approximate: return "'\(query)'~'\(listed)' \(fmt(similarity))"
        case .commonWord: return "common word\(query.contains(" ") ? "s" : "") '\(query)' alone, not '\(listed)'"
        case .acronym: return "acronym '\(query)' alone, against '\(listed)' of a name written in another script, romanised without its vowels"
        case .approximateParts: return "another name '\(query)' for '\(listed)' \(fmt(similarity)), beside no part as listed but a common name"
        case .commonNamesOnly: return "common names only, '\(query)' for '\(listed)' \(fmt(similarity)) other vowels or a kunya's child, too few parts as listed"
        case .commonNamesPartsMissing: return "common names only, '\(query)' for '\(listed)' \(fmt(similarity)) spelt otherwise, and the listed part '\(missingPart)' absent"
        case .commonNamesExtraPart: return "common names only, '\(query)' for '\(listed)' \(fmt(similarity)) spelt otherwise, beside the customer's own '\(missingPart)' the listed name lacks"
        case .oneSharedWord: return "one shared word '\(query)', beside the customer's own '\(listed)'"
        case .soundAlikeSurname: return "a given name and a surname that only sounds alike, '\(query)'~'\(listed)' \(fmt(similarity)), of a name written in another script"
        case .contradictingInitial: return "middle initial '\(query)' against the listed middle name '\(listed)'"
        case .contradictingGivenName: return "given name '\(query)' against the listed given name '\(listed)', no listed given name found"
        case .otherGivenName: return "given name '\(query)' paired with another given name '\(listed)' \(fmt(similarity)), neither a variant nor a spelling of it"
        case .familyNameAbsent: return "given names only, '\(query)', the listed family name '\(listed)' absent"
        case .bracketQualifierOnly: return "only the bracketed '\(listed)' of the listed name, which says where or what, not who"
        case .otherNamesake: return "a person's given name '\(query)' against the given name '\(listed)' \(fmt(similarity)) of an organisation named after a person"
        case .commonSurnameInitials: return "common surname '\(listed)' beside initials only, the given name '\(query)' not listed"
        case .genericWordsOnly: return "generic words '\(query)' only, the listed '\(listed)' absent"
        case .loneSoundAlike: return "one word that only sounds like the listed word, '\(query)'~'\(listed)' \(fmt(similarity)), of a name written in another script"
        case .wordsApart: return "words '\(query)' each another word than the listed '\(listed)' (\(fmt(similarity)) at least), none as listed"
        case .joinedWholeName: return "the whole name '\(query)' read as the one listed word '\(listed)' \(fmt(similarity)), the listed '\(missingPart)' absent"
        case .oneWordBesideAnotherName: return "the one listed word '\(listed)' met as '\(query)' \(fmt(similarity)), beside the customer's own name '\(missingPart)'"
        case .reversedSyllables: return "the parts of the listed given name '\(listed)' met in the reverse order, '\(query)'"
        case .otherPlace: return "place '\(query)' where the listed name has its own word '\(listed)', the rest everyday words '\(missingPart)'"
        case .otherGivenSyllables: return "name '\(query)' against the listed name of syllables '\(listed)' (East Asian or Myanmar), a syllable \(missingPart)"
        case .listedWordAbsent: return "one shared word '\(query)', the listed name's own '\(listed)' absent"
        case .ancestorName: return "given name '\(query)' met only as a forebear's name of the listed chain, the listed person's own name '\(listed)' absent"
        case .descendantName: return "the customer's own name '\(query)' absent from the listed chain, whose person's name '\(listed)' the customer's holds as a forebear's"
        case .oneWordForPerson: return "one word '\(query)' of a name written in another script, met as the listed person's given name or weak alias '\(listed)' \(fmt(similarity))"
        }
    }

    /// What the match rests on, for the explanation: "one approximate word 'intel'~'inter' 0.92".
    public var restsOn: String { kind == .approximate ? "one approximate word \(description)" : description }

    /// The qualifier name the explanation gives the rule's case.
    public var qualifierName: String {
        switch kind {
        case .approximate: return "lone_approximate_word"
        case .commonWord: return "common_word"
        case .acronym: return "acronym_against_script"
        case .approximateParts: return "approximate_person"
        case .commonNamesOnly: return "common_names_person"
        case .commonNamesPartsMissing: return "common_names_parts_missing"
        case .commonNamesExtraPart: return "common_names_extra_part"
        case .oneSharedWord: return "one_shared_word"
        case .soundAlikeSurname: return "sound_alike_surname"
        case .contradictingInitial: return "contradicting_initial"
        case .contradictingGivenName: return "contradicting_given_name"
        case .otherGivenName: return "other_given_name"
        case .familyNameAbsent: return "family_name_absent"
        case .otherNamesake: return "other_namesake"
        case .bracketQualifierOnly: return "bracket_qualifier_only"
        case .commonSurnameInitials: return "common_surname_initials"
        case .genericWordsOnly: return "generic_words_only"
        case .loneSoundAlike: return "lone_sound_alike"
        case .wordsApart: return "words_apart"
        case .joinedWholeName: return "joined_whole_name"
        case .reversedSyllables: return "reversed_syllables"
        case .otherGivenSyllables: return "other_given_syllables"
        case .otherPlace: return "other_place"
        case .oneWordBesideAnotherName: return "one_word_beside_another_name"
        case .oneWordForPerson: return "one_word_for_person"
        case .listedWordAbsent: return "listed_word_absent"
        case .ancestorName: return "ancestor_name"
        case .descendantName: return "descendant_name"
        }
    }
}

extension DecisionPolicy {
    /// The `loneApproximateWord` rule of the policy: see `LoneApproximateWord`.
    public struct LoneWordRule: Codable, Hashable, Sendable {
        /// What a corroborated lone approximate word decides at most.
        public var cap: Decision
        /// Qualifier names (`date_of_birth`, `country`, `address`) whose positive effect corroborates it.
        public var corroborating: [String]
        /// From this length (the longer of the two words) a word within the edits its length
        /// allows (`TokenSimilarity.allowedEdits`: one up to 9 letters, two up to 13) is a typo,
        /// exempt from the rule.
        public var typoLength: Int
        /// Least weight (`TokenSpace` weights: 1 for a word held by one listed name, about 0.2 for
        /// "bank", "trading") of a second matched query word for it to count as a second word in
        /// common; legal-form words and titles weigh 0.03 and never count.
        public var secondWordWeight: Double
        /// For an organisation: least weight of a second matched query word when the one
        /// approximate word is a common word of English (`CommonWords`): "Zenith Bank" is not
        /// "BANK ZENIT", a generic "bank" (about 0.2) beside another everyday word is no second
        /// word in common. Nil (a file written before it): `secondWordWeight`.
        public var commonWordSecondWeight: Double?
        /// For an organisation: when every distinctive word the names share is a common word of
        /// English, the match rests on them alone once the words only one side holds weigh at
        /// least this share of them ("Orange S.A." / "ORANGE VOLUNTEERS"). Nil: not applied.
        public var commonWordShare: Double?
        /// For an organisation: whether a match on one shared distinctive word, beside a word of
        /// the customer's own, is treated alike (`OneSharedWord`). Nil: not applied.
        public var oneSharedWord: Bool?
        public var reason: String
        public var source: String

        public init(cap: Decision, corroborating: [String], typoLength: Int, secondWordWeight: Double, commonWordSecondWeight: Double? = nil,
                    commonWordShare: Double? = nil, oneSharedWord: Bool? = nil, reason: String, source: String) {
            self.cap = cap
            self.corroborating = corroborating
            self.typoLength = typoLength
            self.secondWordWeight = secondWordWeight
            self.commonWordSecondWeight = commonWordSecondWeight
            self.commonWordShare = commonWordShare
            self.oneSharedWord = oneSharedWord
            self.reason = reason
            self.source = source
        }
    }

    /// The rule of a policy file written before it existed (and of the fail-safe).
    public static let defaultLoneApproximateWord = LoneWordRule(
        cap: .hold, corroborating: ["date_of_birth", "country", "address"], typoLength: 9, secondWordWeight: 0.1,
        reason: "one short word spelt otherwise than the listed word is as often another word as a typo", source: "")

    /// Whether `qualifiers` corroborate a lone approximate word.
    func corroboratesLoneWord(_ qualifiers: [Qualifier]) -> Bool {
        let lifting = Set(loneApproximateWord.corroborating)
        return qualifiers.contains { lifting.contains($0.name) && $0.effect > 0 }
    }

    /// One line of `render()`.
    var loneWordLine: String {
        let r = loneApproximateWord
        var common = ""
        if let w = r.commonWordSecondWeight { common += "; for an organisation, beside a common word of English spelt otherwise only a second word of weight \(fmt(w))+ lifts it" }
        if let share = r.commonWordShare {
            common += "; an organisation's name sharing only common words with the listed one, the words apart weighing \(fmt(share))+ of them, is treated alike (common_word)"
        }
        if r.oneSharedWord == true {
            common += "; an organisation's name sharing one distinctive word with the listed one beside a word of its own is treated alike (one_shared_word)"
        }
        return "  one approximate word: a name matched on one word alone, spelt otherwise (words of \(r.typoLength)+ letters within their typos "
            + "excepted, a second matched word of weight \(fmt(r.secondWordWeight))+ lifting it\(common)) is no match unless corroborated by "
            + "\(r.corroborating.joined(separator: ", ")), then \(r.cap.rawValue) at most — \(r.reason) [\(r.source)]\n"
    }
}

extension Matcher {
    /// The lone approximate word match `s` rests on, or nil: only for a name written in Latin
    /// letters (a name in another script is compared by sound, where a one-word name must sound
    /// almost exactly like the listed word: `PhoneticComparison.singleWordFloor`).
    ///
    /// The match rests on one word when one pair only of its alignment joins a query word
    /// weighing more than legal-form words and titles to a listed word; a second pair lifts the
    /// rule when its query word weighs at least the rule's `secondWordWeight`.
    func loneApproximateWord(_ s: ScoredMatch, query: ScoredQuery) -> LoneApproximateWord? {
        guard let n = s.name, let q = query.name else { return nil }
        let rule = configuration.policy.loneApproximateWord
        let a = align(q, document: n, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: configuration.fullScan,
                      initials: nameInitials(n), rules: nameRules(n, query: q))
        let weak = Double(LegalForms.wordWeight)
        var telling = a.pairs.filter { a.query[$0.q].weight > weak && a.list[$0.l].weight > weak }
        // A listed name of legal-form words alone ("SAA", an airline's acronym that is also a form) has
        // no heavier word: its pairs with the query's telling words are what the match rests on.
        if telling.isEmpty && !a.list.contains(where: { $0.weight > weak }) { telling = a.pairs.filter { a.query[$0.q].weight > weak } }
        let organisation = index.type(entry: s.entry) != .person
        if organisation, let share = rule.commonWordShare, let common = commonWordMatch(a, telling: telling, query: q, share: share) { return common }
        if organisation, let generic = genericWordsOnly(a, telling: telling, query: q, entry: s.entry) { return generic }
        if organisation, let place = otherPlace(a, telling: telling, query: q) { return place }
        if organisation, let bracket = bracketQualifierOnly(a, telling: telling, document: n) { return bracket }
        if let acronym = acronymAgainstScript(a, telling: telling, query: q, document: n) { return acronym }
        if organisation, q.legalForms.isEmpty, s.qualifiers.contains(where: { $0.name == "type" && $0.effect < 0 }),
           let other = personNamedOrganisation(a, telling: telling, query: q) { return other }
        if q.legalForms.isEmpty, namesPerson(n), let other = approximatePerson(a, telling: telling, query: q, document: n) { return other }
        if q.legalForms.isEmpty, namesPerson(n), let initial = contradictingInitial(a, query: q, document: n) { return initial }
        if q.legalForms.isEmpty, namesPerson(n), let reversed = reversedSyllables(a, query: q, document: n) { return reversed }
        if q.legalForms.isEmpty, namesPerson(n), let given = contradictingGivenName(a, query: q, document: n) { return given }
        if q.legalForms.isEmpty, namesPerson(n), let other = otherGivenName(a, query: q, document: n) { return other }
        if q.legalForms.isEmpty, namesPerson(n), let family = familyNameAbsent(a, query: q, document: n) { return family }
        if q.legalForms.isEmpty, namesPerson(n), let forebear = ancestorName(a, query: q, document: n, entry: s.entry) { return forebear }
        if q.legalForms.isEmpty, namesPerson(n), let syllables = otherGivenSyllables(a, query: q, document: n, entry: s.entry, inScript: false) { return syllables }
        if namesPerson(n) || (index.type(entry: s.entry) == .unknown && !listedName(n, holds: { CommonWords.isGeneric($0) })),
           let part = organisationOnOneNamePart(a, telling: telling, query: q) { return part }
        if q.legalForms.isEmpty, namesPerson(n), let initials = commonSurnameInitials(a, query: q, document: n) { return initials }
        if organisation, rule.oneSharedWord == true, let one = oneSharedWord(a, telling: telling, query: q) { return one }
        if organisation, rule.oneSharedWord == true, let absent = listedWordAbsent(a, telling: telling, query: q, document: n) { return absent }
        let person = !organisation && q.legalForms.isEmpty
        if let apart = wordsApart(a, telling: telling, query: q, typoLength: rule.typoLength, person: person) { return apart }
        if q.legalForms.isEmpty, let joined = joinedWholeName(a, telling: telling, query: q) { return joined }
        if person, namesPerson(n), let one = oneWordBesideAnotherName(a, telling: telling, query: q) { return one }
        guard let lone = telling.max(by: { a.query[$0.q].weight < a.query[$1.q].weight }), lone.similarity < 1 else { return nil }
        let qu = a.query[lone.q], lu = a.list[lone.l]
        let typed = q.text(of: qu), listed = listedText(lu)
        // A country's adjective for its name is that word, not a typo of it: "Syrian Commercial Bank" is COMMERCIAL
        // BANK OF SYRIA, as the press and the translated readings write it; but only where the listed name has no
        // other word of weight left unmet ("Bank of Georgia" is not UNITED GEORGIAN BANK).
        if let country = CountryWords.codes[typed], CountryWords.codes[listed] == country,
           a.list.indices.allSatisfy({ l in a.list[l].weight <= weak || a.pairs.contains { $0.l == l } }) { return nil }
        // An everyday word spelt otherwise than the listed word is that word, not a typo: beside
        // it only a distinctive second word counts, not a generic one ("Zenith Bank", "BANK ZENIT").
        // So is a word the lists themselves hold as another word ("Bank Melli" is not "BANK MELLAT":
        // both are listed words; a generic word, which abbreviations are read as, aside), and a short word found in a longer one's consonants (an acronym is
        // not a word's skeleton, issue 11 item 3: "ICL Group" is not "AQUILA CAPITAL GROUP").
        // So, last, is a word more edits from the listed one than a typo makes ("Roche Holding" is not
        // "REACH HOLDING GROUP": the two share their consonants, not their spelling).
        let everyday = organisation && (CommonWords.isEveryday(typed)
            || (!CommonWords.isGeneric(typed)
                && (LoneApproximateWord.anotherWord(typed, listed, listedElsewhere: qu.key2 < 0 && index.names.id(of: Array(typed.utf8)) != nil)
                    || LoneApproximateWord.beyondTypo(typed, listed))))
        let second = everyday ? max(rule.secondWordWeight, rule.commonWordSecondWeight ?? rule.secondWordWeight) : rule.secondWordWeight
        // Beside such a word, a generic word however rare on the lists ("automotive", "defence") is no second word either.
        if telling.contains(where: { p in
            guard (p.q, p.l) != (lone.q, lone.l), a.query[p.q].weight >= second else { return false }
            return !everyday || a.query[p.q].key2 >= 0 || !CommonWords.isGeneric(q.texts[Int(a.query[p.q].key)])
        }) { return nil }
        // A person's name is respelt many ways; a name with a legal form ("Claas KGaA") names a
        // company, whose word is not a given-name variant of a listed person's ("NICOLAS").
        if LoneApproximateWord.readAnotherWay(typed, listed, typoLength: rule.typoLength, person: person) { return nil }
        return LoneApproximateWord(query: typed, listed: listed, similarity: lone.similarity)
    }
}

extension Matcher {
    /// Longest word read as an acronym when it has no vowel.
    static let acronymLength = 5

    /// The acronym case (`LoneApproximateWord.Kind.acronym`) of alignment `a` with listed name
    /// `d`, or nil: the one telling pair joins a query word of two to `acronymLength` letters
    /// without a vowel (a, e, i, o, u, y) to a word of a listed name written in a non-Latin script
    /// ("SFR" against "صفری", read "sfr"). A Latin name is never written without its vowels, so the
    /// query word is an acronym, and the listed word the consonants of another word.
    func acronymAgainstScript(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                              document d: Int) -> LoneApproximateWord? {
        guard telling.count == 1, let pair = telling.first, a.query[pair.q].key2 < 0, a.list[pair.l].key2 < 0 else { return nil }
        let word = q.bytes[Int(a.query[pair.q].key)]
        let vowels: Set<UInt8> = Set("aeiouy".utf8)
        guard (2...Matcher.acronymLength).contains(word.count), word.allSatisfy({ (97...122).contains($0) && !vowels.contains($0) }),
              Transliterator.needsTransliteration(index.nameText[d]) else { return nil }
        return LoneApproximateWord(query: q.texts[Int(a.query[pair.q].key)], listed: index.names.vocabulary[Int(a.list[pair.l].key)],
                                   similarity: pair.similarity, kind: .acronym)
    }
}

extension LoneApproximateWord {
    /// Whether `typed` is the listed word written another way rather than another word: no
    /// lookalike, so the rule does not apply. A long word within the typos its length allows
    /// (`TokenSimilarity.allowedEdits`: one up to 9 letters, two up to 13) once it has
    /// `typoLength` letters ("aynajaturahman"); a doubled letter in a word of six or more
    /// ("ibbrahim"); digits typed for letters ("dest1ny": no word mixes them); the listed word
    /// with a legal form or stopword glued to it ("raydayincompany"); for a listed `person`, a
    /// variant of a given name or a respelling in another romanisation (`GivenNames`,
    /// `RomanisationSwaps`: "iuliia" for "julia").
    /// Whether given name `typed` is `listed` spelt another way: a variant (`GivenNames`,
    /// `PatronymicVariants`), another romanisation or press spelling, a letter doubled.
    /// With `nicknames` false, a nickname and its full name are no spellings of each other (`GivenNames.areSpellings`).
    static func spellingOf(_ typed: String, _ listed: String, nicknames: Bool = true) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        let variants = nicknames ? GivenNames.areVariants : GivenNames.areSpellings
        if variants(typed, listed) || PatronymicVariants.areVariants(typed, listed) { return true }
        if doubled(a, b) || doubled(b, a) || PressOrthographies.readsAs(a, b) || PressOrthographies.readsAs(b, a) { return true }
        if PressOrthographies.readings(a).contains(where: { variants(String(decoding: $0, as: UTF8.self), listed) }) { return true }
        return RomanisationSwaps.respellings(a).contains(b) || RomanisationSwaps.respellings(b).contains(a)
    }

    static func readAnotherWay(_ typed: String, _ listed: String, typoLength: Int, person: Bool) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        let longer = max(a.count, b.count)
        if longer >= typoLength {
            let allowed = TokenSimilarity.allowedEdits(longer)
            if TokenSimilarity.editDistance(a, b, limit: allowed) <= allowed { return true }
        }
        // A letter doubled or undoubled in a word of six letters or more: a key pressed twice
        // ("ibbrahim"), where a shorter word doubled is as often another name ("elisa", "elissa").
        if min(a.count, b.count) >= 6 && (LoneApproximateWord.doubled(a, b) || LoneApproximateWord.doubled(b, a)) { return true }
        // Two neighbouring letters swapped inside a word of five letters or more: a key struck out of
        // turn ("ikrut" for IRKUT, "saprta" for SPARTA, "belhsina" for BELSHINA); no two names of
        // the lists differ so, while edits of other kinds make other words (Intel / INTER).
        if LoneApproximateWord.swappedNeighbours(a, b) { return true }
        // One letter inside a word of six letters or more struck on a neighbouring key ("krafteay"
        // for KRAFTWAY, "guamatjr" for GUAMATUR): a finger's slip. Names that differ by one letter
        // differ by a sound (Intel / INTER: l and r are far apart on the keys), and at a word's
        // edges one neighbouring key as often makes another name ("marian" / "mariam").
        if LoneApproximateWord.neighbouringKey(a, b) { return true }
        // A typo in a word the lists hold under its canonical form ("inddustrial", "industriaal" for
        // industrial, held as industry): a letter too many or two swapped, the word is then one of
        // the listed word's spellings (`Abbreviations`).
        if a.count >= 6 && LoneApproximateWord.mistypedSpelling(a, of: listed) { return true }
        let digit = { (c: UInt8) in (48...57).contains(c) }
        if a.contains(where: digit) && a.contains(where: { !digit($0) }) && !b.contains(where: digit) { return true }
        if a.count > b.count && b.count >= 4 {
            let glue = a.starts(with: b) ? String(decoding: a[b.count...], as: UTF8.self)
                : a.reversed().starts(with: b.reversed()) ? String(decoding: a[..<(a.count - b.count)], as: UTF8.self) : nil
            if let glue, LegalForms.words.contains(glue) || Abbreviations.stopwords.contains(glue) { return true }
        }
        // A Russian or Arabic company name as another language's press transcribes its sounds ("Iljuschin",
        // the German press's ILYUSHIN; `PressOrthographies.transcriptions`), not a brand spelt otherwise.
        if PressOrthographies.transcriptions(a).contains(b) { return true }
        // A person's name is written in many romanisations and variants; a company's is a brand
        // spelt one way ("Sysco" is not "SJSCO", "Zenith" not "ZENIT").
        guard person else { return false }
        // Two forms of the Arabic article ("es-Seyyid" for "EL SAYED": the article assimilated to the s).
        if ArticleCompounds.articles.contains(typed) && ArticleCompounds.articles.contains(listed) { return true }
        if GivenNames.areVariants(typed, listed) || PatronymicVariants.areVariants(typed, listed) { return true }
        // The name as another language's press writes it ("putyin", "poetin" for PUTIN), or a variant of
        // the listed name so written ("seyyid", Turkish for sayyid, for SAYED).
        if PressOrthographies.readsAs(a, b) { return true }
        if PressOrthographies.readings(a).contains(where: { GivenNames.areVariants(String(decoding: $0, as: UTF8.self), listed) }) { return true }
        return RomanisationSwaps.respellings(a).contains(b)
    }

    /// Whether `typed` is more edits from `listed` than a typo makes: the edits the longer word's
    /// length allows (`TokenSimilarity.allowedEdits`), at least one.
    static func beyondTypo(_ typed: String, _ listed: String) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        let allowed = max(1, TokenSimilarity.allowedEdits(max(a.count, b.count)))
        return TokenSimilarity.editDistance(a, b, limit: allowed) > allowed
    }

    /// Whether the query word `typed`, matched approximately to the listed word `listed`, is a
    /// word in its own right rather than the listed word mistyped: a token the lists hold
    /// elsewhere (`listedElsewhere`: "melli" beside "mellat", "otokar" beside "atacar"), or a word
    /// of four letters or fewer against one at least two letters longer, which no typo makes
    /// (one edit changes a length by one): only a consonant skeleton joins them ("icl",
    /// "aquila"). Neither when the shorter word is the longer one cut short or contracted (two
    /// letters or more shorter, its letters in order from the same first letter: "comm" for
    /// "commercial", "mgmt" for "management"), as people abbreviate.
    /// Beside such a word only a distinctive second word (the policy's `commonWordSecondWeight`)
    /// makes the match, not a generic one ("bank", "group").
    static func anotherWord(_ typed: String, _ listed: String, listedElsewhere: Bool) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        if long.count - short.count >= 2 && contracted(short, long) { return false }
        return listedElsewhere || (short.count <= 4 && long.count - short.count >= 2)
    }

    /// Whether `short` is `long` cut short or contracted: the same first letter, then its letters
    /// in order within `long`.
    static func contracted(_ short: [UInt8], _ long: [UInt8]) -> Bool {
        guard let first = short.first, first == long.first else { return false }
        var i = long.startIndex
        for c in short {
            guard let j = long[i...].firstIndex(of: c) else { return false }
            i = j + 1
        }
        return true
    }

    /// Whether `typed` with one letter dropped, or two neighbouring letters swapped, is a spelling
    /// that `Abbreviations` makes the canonical word `listed` (other than `listed` itself: that is
    /// the listed word mistyped, which the other rules judge).
    static func mistypedSpelling(_ typed: [UInt8], of listed: String) -> Bool {
        let canonical = Array(listed.utf8)
        func spells(_ w: [UInt8]) -> Bool { w != canonical && Abbreviations.canonical[String(decoding: w, as: UTF8.self)] == listed }
        for k in typed.indices {
            var dropped = typed
            dropped.remove(at: k)
            if spells(dropped) { return true }
            if k + 1 < typed.count, typed[k] != typed[k + 1] {
                var swapped = typed
                swapped.swapAt(k, k + 1)
                if spells(swapped) { return true }
            }
        }
        return false
    }

    /// Whether `a` is `b` (of `swapLength` letters or more) with two neighbouring letters inside
    /// it swapped (neither the first letter nor the last).
    static func swappedNeighbours(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count, a.count >= swapLength else { return false }
        var i = 0
        while i < a.count && a[i] == b[i] { i += 1 }
        // Inside the word: at its edges a swap as often makes another name ("elisa" / "elias").
        guard i >= 1, i + 2 < a.count, a[i] == b[i + 1], a[i + 1] == b[i], a[i] != a[i + 1] else { return false }
        return a[(i + 2)...].elementsEqual(b[(i + 2)...])
    }

    /// Whether `a` is `b` (of `neighbouringKeyLength` letters or more) with one letter inside it,
    /// neither the first nor the last, replaced by a letter whose key touches it (`KeyboardNeighbours`).
    static func neighbouringKey(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count, a.count >= neighbouringKeyLength else { return false }
        var differing: Int?
        for i in a.indices where a[i] != b[i] {
            guard differing == nil else { return false }
            differing = i
        }
        guard let i = differing, i >= 1, i + 1 < a.count else { return false }
        return KeyboardNeighbours.adjacent(a[i], b[i])
    }

    /// Shortest word whose letter struck on a neighbouring key is read as a typo (`neighbouringKey`):
    /// in shorter words one letter changed is as often another name ("karim" / "karin", "dana" / "dena").
    static let neighbouringKeyLength = 6

    /// Shortest word whose neighbouring letters swapped are read as a typo (`swappedNeighbours`):
    /// in a word of four letters a swap is as often another name ("amir" / "amri").
    static let swapLength = 5

    /// Whether `long` is `short` with one of its letters written twice.
    static func doubled(_ long: [UInt8], _ short: [UInt8]) -> Bool {
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && long[i] == short[i] { i += 1 }
        // long[i] is the extra letter: a double when it repeats its neighbour.
        let isDouble = (i > 0 && long[i] == long[i - 1]) || (i + 1 < long.count && long[i] == long[i + 1])
        return isDouble && long[(i + 1)...].elementsEqual(short[i...])
    }
}

extension Matcher {
    /// The contradicting-initial case (`LoneApproximateWord.Kind.contradictingInitial`) of
    /// alignment `a` with listed person name `n`, or nil. A middle initial abbreviates one of the
    /// person's names: when the query's initial stands for no word of the listed name and the
    /// listed name's middle name (a given name after the first, or a patronymic) is left unmatched
    /// and begins with another letter, however it is romanised, the query names a person with
    /// another middle name: "Pavel Y. Yakovlev" is not "YAKOVLEV, Pavel Alexandrovich". Only when
    /// every word shared is a common name or a given name (a rare surname shared in full deserves a
    /// review whatever the initial), and only the listed middle names count: a second surname
    /// ("MADURO MOROS, Nicolas") is no middle name, and an initial may stand for one the list does
    /// not give.
    func contradictingInitial(_ a: AlignmentResult, query q: PreparedQuery, document n: Int) -> LoneApproximateWord? {
        let pairedQuery: Set<Int32> = Set(a.pairs.flatMap { p -> [Int32] in [a.query[p.q].key, a.query[p.q].key2].filter { $0 >= 0 } })
        let initials = q.texts.indices.filter { i in
            q.texts[i].utf8.count == 1 && (97...122).contains(q.texts[i].utf8.first!) && !pairedQuery.contains(Int32(i))
        }
        guard !initials.isEmpty else { return nil }
        let middles = Matcher.middleNames(index.nameText[n])
        guard !middles.isEmpty else { return nil }
        let pairedListed: Set<String> = Set(a.pairs.flatMap { p -> [Int32] in [a.list[p.l].key, a.list[p.l].key2].filter { $0 >= 0 } }
            .map { index.names.vocabulary[Int($0)] })
        // A rare name shared in full is telling whatever the initial ("Yevgeniy K. KHOLMOGORTSEV" is worth a
        // review): the rule is for names thousands bear ("Pavel Yakovlev").
        guard pairedListed.allSatisfy({ $0.utf8.count < NameInitials.fullWordLength || CommonNames.contains($0) || !GivenNames.variants(of: $0).isEmpty })
        else { return nil }
        for middle in middles where middle.utf8.count >= NameInitials.fullWordLength && !pairedListed.contains(middle) && !NameTitles.contains(middle) {
            let letters = Matcher.initialLetters(of: middle)
            if let i = initials.first(where: { !letters.contains(q.texts[$0].utf8.first!) }) {
                return LoneApproximateWord(query: q.texts[i], listed: middle, similarity: 0, kind: .contradictingInitial)
            }
        }
        return nil
    }

    /// The other-given-name case (`LoneApproximateWord.Kind.otherGivenName`) of alignment `a` with
    /// listed person `n`, or nil: a pair joins a query word and a word of the listed name's given
    /// part or family name, of four letters or more (three-letter names are too often one name's spellings: Ali,
    /// Aly; a nickname against a family name of any length), each a given name of the tables (`GivenNames.isKnown`), not the same name: no variant
    /// of it (`GivenNames`, `PatronymicVariants`), no other romanisation or press spelling of it
    /// (`RomanisationSwaps`, `PressOrthographies`), no letter doubled (against a family name, a
    /// nickname is no spelling: `GivenNames.areSpellings`); and the query word is no name
    /// the party bears in any of its names (the aligner may pair it with a neighbour of its own).
    /// Keyboard slips are not excused: a slip that makes another real given name ("Ramesh" for
    /// "Rajesh") cannot be told from that name, which is the likelier.
    func otherGivenName(_ a: AlignmentResult, query q: PreparedQuery, document n: Int) -> LoneApproximateWord? {
        // A family name that is a given name ("MAHMOOD, Shahid", a father's name become the family's)
        // is that name still: "Shahid Mohammed" is another man's.
        let givenPart = Set(Matcher.givenPart(index.nameText[n])), family = Set(personParts(document: n).family)
        var partyWords: Set<String>?
        for p in a.pairs where p.similarity < 1 && a.query[p.q].key2 < 0 && a.list[p.l].key2 < 0 {
            let t = q.texts[Int(a.query[p.q].key)], l = index.names.vocabulary[Int(a.list[p.l].key)]
            // A nickname stands for a given name only: of a family name ("David Levi" / "David LEE", Lee a
            // nickname of Levi) it is another name, however short.
            let nicknameOfFamily = !givenPart.contains(l) && family.contains(l) && GivenNames.areVariants(t, l) && !GivenNames.areSpellings(t, l)
            guard t != l, nicknameOfFamily || t.utf8.count >= 4 && l.utf8.count >= 4, givenPart.contains(l) || family.contains(l),
                  GivenNames.isKnown(t), GivenNames.isKnown(l), !LoneApproximateWord.spellingOf(t, l, nicknames: givenPart.contains(l)) else { continue }
            // A name the party bears in this name or another ("BAHAZIQ, Mahmoud Mohammad Ahmed" met as "Mohammad
            // Ahmed Bahaziq", the aligner pairing mohammad with mahmoud) is no other name.
            if partyWords == nil {
                partyWords = Set(index.names(ofEntryAround: n).flatMap { NameNormalizer.normalize($0).tokens })
            }
            if partyWords!.contains(where: { $0 == t || LoneApproximateWord.spellingOf(t, $0, nicknames: givenPart.contains(l)) }) { continue }
            return LoneApproximateWord(query: t, listed: l, similarity: p.similarity, kind: .otherGivenName)
        }
        return nil
    }

    /// The contradicting-given-name case (`LoneApproximateWord.Kind.contradictingGivenName`) of
    /// alignment `a` with listed person `n`, or nil: a query word left unpaired is a known name
    /// (`knownName`), so is a word of the listed name's given part left unpaired, the two are not
    /// variants of each other, and no word of the listed given part is paired (or the unpaired one
    /// is the listed first given name). Only names the tables
    /// know count: a word the aligner paired with nothing and the tables do not know may be a
    /// misspelling too far gone or a name of the listed person's other spellings.
    func contradictingGivenName(_ a: AlignmentResult, query q: PreparedQuery, document n: Int) -> LoneApproximateWord? {
        let pairedQuery: Set<Int32> = Set(a.pairs.flatMap { p -> [Int32] in [a.query[p.q].key, a.query[p.q].key2].filter { $0 >= 0 } })
        let typed = q.texts.indices.filter { !pairedQuery.contains(Int32($0)) }.map { q.texts[$0] }
            .filter { $0.utf8.count >= NameInitials.fullWordLength && Self.knownName($0) }
        guard !typed.isEmpty else { return nil }
        // The article and chain particles of a given part ("'Abd al-Muhsin") are no given name.
        let givenInOrder = Matcher.givenPart(index.nameText[n]).filter { $0.utf8.count >= NameInitials.fullWordLength && !NameChains.isParticle($0) }
        let given = Set(givenInOrder)
        guard let first = givenInOrder.first else { return nil }
        let pairedListed: Set<String> = Set(a.pairs.flatMap { p -> [Int32] in [a.list[p.l].key, a.list[p.l].key2].filter { $0 >= 0 } }.map { index.names.vocabulary[Int($0)] })
        guard !pairedListed.isEmpty else { return nil }
        // With a listed given name paired, the listed first name must be the one left unpaired:
        // "Ali Reza Mohammadi" / "Mohammad Reza MOHAMMADI" (another compound name sharing its second
        // half), "Yousef Ibrahim Al-Hammadi" / "AL-HAMMADI, Hamid Yusif" (the listed person's father's
        // name typed as the query's own). A listed middle name the query lacks is no contradiction.
        let anyGivenPaired = !pairedListed.isDisjoint(with: given)
        // A chain read backwards is capped and named as such already (`NameChains`).
        // A compound's head ("Abd" of "Abd Al Aziz", typed "Abdel Aziz") is half a name, not one.
        guard !anyGivenPaired || (!a.chainBackwards && !pairedListed.contains(first) && Self.knownName(first) && !ArticleCompounds.heads.contains(first)) else { return nil }
        let listed = anyGivenPaired ? [first] : given.sorted().filter(Self.knownName)
        for t in typed {
            if let l = listed.first(where: { !GivenNames.areVariants(t, $0) && t != $0 }), !listed.contains(where: { GivenNames.areVariants(t, $0) }) {
                return LoneApproximateWord(query: t, listed: l, similarity: 0, kind: .contradictingGivenName)
            }
        }
        return nil
    }

    /// The family-name-absent case (`LoneApproximateWord.Kind.familyNameAbsent`) of alignment `a`
    /// with listed person `n`, or nil: the listed name has a family name (the part before the comma
    /// of "SURNAME, Given…", otherwise the last word; particles, kunya words and titles aside), no
    /// pair of the alignment holds a word of it (or, of two surnames or more, the first one, while
    /// the first given name is absent too), the words it holds are two at most, each a known name, a
    /// patronymic (`Patronymics`) or, beside a Chinese or Korean surname (or a surname of one pinyin
    /// syllable), pinyin syllables, every telling query word is paired, and the query is no patronymic
    /// chain ("X bin Y", which names a person in full). The name's given part
    /// alone (a given name and a patronymic, a father's or grandfather's name) is the name of thousands.
    func familyNameAbsent(_ a: AlignmentResult, query q: PreparedQuery, document n: Int) -> LoneApproximateWord? {
        // A patronymic chain typed ("Salman bin Abdulaziz" for "SALMAN BIN ABDULAZIZ AL SAUD") is how
        // the press names such a person in full: a name and a father's, not given names alone.
        // A particle closing the name is a chain cut off ("Mohamad Rafi Bin" for "Mohamad Rafi Bin Udin", an order
        // export's field too short), unless the name is East Asian ("Gao Bin": a Chinese given name's syllable).
        guard !q.texts.dropLast().contains(where: NameChains.isParticle),
              !(q.texts.last.map(NameChains.isParticle) ?? false) || PersonNameShape.eastAsianWords(q.texts) else { return nil }
        let paired = a.pairs.flatMap { p -> [Int32] in [a.list[p.l].key, a.list[p.l].key2].filter { $0 >= 0 } }.map { index.names.vocabulary[Int($0)] }
        // Names thousands share: at most two, each a given name or common name of the tables or a
        // patronymic. Three given names in a row ("Assim Mohammed Rafiq Abdul" for "MALIK, Assim Mohammed
        // Rafiq Abdul"), or a rare one, name the listed person still.
        let shared = paired.filter { $0.utf8.count >= 2 && !Self.particleOrArticle($0) }
        let parts = personParts(document: n)
        let given = parts.given.filter { !Self.particleOrArticle($0) && !Kunya.contains($0) && !NameTitles.contains($0) && !LeadingTitles.words.contains($0) }
        // A father's and grandfather's names without the person's own ("Ali Mabkhut" for "AL-ARADAH,
        // Khalid Ali Mabkhut") name the father, however rare they are: the first given name absent,
        // the words shared need not be known names. A leading honorific ("Seyed") is no name either.
        let ownNameAbsent = given.first.map { !paired.contains($0) } ?? false
        // A Chinese given name of pinyin syllables beside a listed Chinese surname ("Gao Bin" / "NI,
        // Gaobin"): the tables hold few such names, but without the surname it is anyone's as well.
        // Asked last, and only then reading the Han tables.
        let chineseSurname = {
            !parts.family.isEmpty && parts.family.allSatisfy { PersonNameShape.eastAsianSurnames.contains($0) || Han.shared.syllables.contains(Array($0.utf8)) }
        }
        guard !shared.isEmpty, shared.count <= 2,
              ownNameAbsent || shared.allSatisfy({ Self.knownName($0) || Patronymics.contains($0) || LeadingTitles.words.contains($0)
                                                   || ApproximatePersonMatch.shortSyllable($0)
                                                   || (chineseSurname() && Han.shared.spellsPinyin(Array($0.utf8))) }) else { return nil }
        // A telling query word left unpaired may be the family name spelt beyond recognition
        // ("Saleh EL-ABD AL-LAH" for "Saleh AL-ABDULLAH"): then the name is not given names only.
        // Checked first: the listed name is read only when every telling query word is paired.
        guard unpairedTellingWords(a, query: q).isEmpty else { return nil }
        let telling = Set(parts.family)
        guard !telling.isEmpty, !given.isEmpty else { return nil }
        // A family name that is one compound name about its article ("NUR-AL-DIN": Nuruddin) is
        // found only whole: its first word alone ("Mustafe Nur") is another name.
        if let compound = Self.articleCompound(familyOf: index.nameText[n]), !compound.allSatisfy(paired.contains),
           compound.contains(where: paired.contains), Set(compound) == telling {
            let typed = a.pairs.flatMap { p -> [Int32] in [a.query[p.q].key, a.query[p.q].key2].filter { $0 >= 0 } }.map { q.texts[Int($0)] }
            return LoneApproximateWord(query: typed.joined(separator: " "), listed: compound.joined(separator: "-"),
                                       similarity: a.pairs.map(\.similarity).min() ?? 0, kind: .familyNameAbsent)
        }
        // Of a family name of two surnames or more ("DURAN NUNEZ, Juan Carlos"), the first one and the
        // first given name both absent leave a middle name and a second surname: "Carlos Nunez".
        let primaryAbsent = parts.family.count >= 2 && !paired.contains(parts.family[0]) && !paired.contains(given[0])
        guard telling.isDisjoint(with: paired) || primaryAbsent else { return nil }
        let typed = a.pairs.flatMap { p -> [Int32] in [a.query[p.q].key, a.query[p.q].key2].filter { $0 >= 0 } }.map { q.texts[Int($0)] }
        return LoneApproximateWord(query: typed.joined(separator: " "), listed: parts.family.joined(separator: " "),
                                   similarity: a.pairs.map(\.similarity).min() ?? 0, kind: .familyNameAbsent)
    }

    /// The ancestor-name case (`LoneApproximateWord.Kind.ancestorName`) of alignment `a` with listed
    /// person `n` of entry `e`, or nil: the listed name is an Arabic name chain (a family name opening
    /// with the article, a chain particle, or a party of an Arabic-naming country) whose given part
    /// holds two names or more (the person's own, his father's, his grandfather's); the query pairs
    /// the family name and one or more of the later names, never the first, and every telling query
    /// word is paired. "Ahmad Alali" against "AL-'ALI, Hamid 'Abdallah Ahmad" is Hamid's grandfather's
    /// name and the family's, "Abdallah Alali" his father's: a forebear or a cousin, not Hamid.
    ///
    /// The listed first name is a name the tables know, and no name a person is known without: not
    /// Muhammad (or a variant), which many bear before the name they are called by ("Mohammad Javad
    /// Zarif", called Javad Zarif), nor a compound's head, a kunya word or a title.
    func ancestorName(_ a: AlignmentResult, query q: PreparedQuery, document n: Int, entry e: Int) -> LoneApproximateWord? {
        let parts = personParts(document: n)
        let given = parts.given.filter {
            $0.utf8.count >= NameInitials.fullWordLength && !Self.particleOrArticle($0) && !Kunya.contains($0)
                && !NameTitles.contains($0) && !LeadingTitles.words.contains($0)
        }
        // A kunya ("ABU ADAM AUS DEUTSCHLAND": Adam is the child) or a compound's head ("Ismail Abdul
        // REHMAN": Abdul Rehman is one name) leaves the links of the chain unknown; an initial first
        // ("ALNAIMI, A. Rahman Omair J") hides the person's own name.
        // A title first ("AL-TAI, Sultan Hashim Ahmad": Sultan is his name; "Sayyid" may be either) leaves the
        // person's own name unknown too.
        guard !parts.given.contains(where: { Kunya.contains($0) || Self.compoundHead($0) }),
              let opening = parts.given.first(where: { !Self.particleOrArticle($0) }), !NameTitles.contains(opening),
              !LeadingTitles.words.contains(opening), opening.utf8.count >= NameInitials.fullWordLength else { return nil }
        guard !parts.family.isEmpty, let own = given.first, own == opening, Self.knownName(own) else { return nil }
        let paired = Set(a.pairs.flatMap { p -> [Int32] in [a.list[p.l].key, a.list[p.l].key2].filter { $0 >= 0 } }.map { index.names.vocabulary[Int($0)] })
        guard parts.family.contains(where: paired.contains) else { return nil }
        if paired.contains(own) { return descendantName(a, query: q, document: n, entry: e, own: own) }
        // Two given names are a name and a father's, unless they are one compound name ("Ali Reza": Alireza).
        guard given.count >= 2, !Self.calledWithout(own), !GivenNames.isKnown(own + given[1]) else { return nil }
        let forebears = given.dropFirst().filter(paired.contains)
        guard !forebears.isEmpty, forebears.allSatisfy(Self.knownName) else { return nil }
        // A query word of its own left unpaired is read by the other cases (a given name of its own
        // contradicts, a family name spelt beyond recognition does not).
        guard unpairedTellingWords(a, query: q).isEmpty else { return nil }
        guard arabicChain(document: n, entry: e) else { return nil }
        return LoneApproximateWord(query: forebears.joined(separator: " "), listed: own,
                                   similarity: a.pairs.map(\.similarity).min() ?? 0, kind: .ancestorName)
    }

    /// The descendant-name case of `ancestorName`: the listed chain's first name `own` is paired with a
    /// later word of the query, whose first word is a given name of its own (a known name, unpaired:
    /// the customer's own name, the listed person's his father's), every other telling query word
    /// paired, and the listed name is an Arabic chain. "John Michael Smith" against "Michael SMITH" is
    /// a Western middle name used as the first; only a chain reads so.
    private func descendantName(_ a: AlignmentResult, query q: PreparedQuery, document n: Int, entry e: Int, own: String) -> LoneApproximateWord? {
        guard let first = q.texts.first, first.utf8.count >= NameInitials.fullWordLength, Self.knownName(first), !Self.calledWithout(first),
              !Self.particleOrArticle(first), !NameTitles.contains(first), !LeadingTitles.words.contains(first) else { return nil }
        let unpaired = unpairedTellingWords(a, query: q)
        guard unpaired.count == 1, a.query[unpaired[0]].key == 0, a.query[unpaired[0]].key2 < 0 else { return nil }
        // The listed name must be the query's own father's: paired with a query word after the first and
        // before the last ("Ahmed Mustafa Ibrahim" may be Ibrahim MUSTAFA written surname first, his own
        // name last, with a name of the customer's own added).
        let last = Int32(q.texts.count - 1)
        guard a.pairs.contains(where: { p in
            a.query[p.q].key > 0 && a.query[p.q].key < last && a.query[p.q].key2 < 0
                && [a.list[p.l].key, a.list[p.l].key2].contains { $0 >= 0 && index.names.vocabulary[Int($0)] == own }
        }) else { return nil }
        guard !GivenNames.areVariants(first, own), arabicChain(document: n, entry: e) else { return nil }
        return LoneApproximateWord(query: first, listed: own, similarity: a.pairs.map(\.similarity).min() ?? 0, kind: .descendantName)
    }

    /// The query units of alignment `a` left unpaired that tell: heavier than legal-form words, two
    /// letters or more, no particle or article.
    func unpairedTellingWords(_ a: AlignmentResult, query q: PreparedQuery) -> [Int] {
        let weak = Double(LegalForms.wordWeight)
        let pairedQuery = Set(a.pairs.map(\.q))
        return a.query.indices.filter { k in
            guard !pairedQuery.contains(k), a.query[k].weight > weak, a.query[k].key >= 0 else { return false }
            let word = q.texts[Int(a.query[k].key)]
            return word.utf8.count >= 2 && !Self.particleOrArticle(word)
        }
    }

    /// Whether a person may be called without the given name `word`: Muhammad and its variants,
    /// borne before the name used ("Mohammad Javad"), a compound's head ("abd"), a kunya word.
    static func calledWithout(_ word: String) -> Bool {
        word == "muhammad" || GivenNames.areVariants(word, "muhammad") || compoundHead(word) || Kunya.contains(word)
    }

    /// Whether `word` is the head of an Arabic compound name ("abd", "abdul", "abdel", "abdur":
    /// servant of), never a name alone.
    static func compoundHead(_ word: String) -> Bool {
        ArticleCompounds.heads.contains(word) || word.hasPrefix("abd") && word.utf8.count <= 5
    }

    /// Whether listed name `n` of entry `e` is an Arabic name chain: a word of it is a chain particle
    /// ("bin"), the Arabic article stands before its family name ("AL-'ALI"), or a country of the
    /// party names its people so.
    func arabicChain(document n: Int, entry e: Int) -> Bool {
        let words = Matcher.normalizedListed(index.nameText[n]).tokens
        if words.contains(where: NameChains.isParticle) { return true }
        // The article before the family name, not before a nickname ("El Mayo"): Spanish writes el too.
        let parts = personParts(document: n), family = Set(parts.family)
        if words.indices.dropFirst().contains(where: { NameChains.articles.contains(words[$0 - 1]) && family.contains(words[$0]) }) { return true }
        // A Korean or Chinese name of a party there ("JON, Yong Sang" of Syria) is no chain, nor an
        // English name ("JONES, Sally-Anne Frances" of Syria: the nicknames package's names).
        guard !PersonNameShape.eastAsianWords(words), let own = parts.given.first, !GivenNames.isEnglishName(own) else {
            return false
        }
        return partyCountries(entry: e).countries.contains(where: Self.chainNameCountries.contains)
    }

    /// Countries whose people are named by a chain (own name, father's, grandfather's, family or
    /// tribe): the Arab League's members.
    static let chainNameCountries: Set<String> = ["AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR",
                                                  "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE"]

    /// The two names of a listed person's family name written as one compound about an article
    /// ("NUR-AL-DIN, Muhammad Mustafa": nur, din), or nil when the family name (before the comma)
    /// is not three hyphenated words with an article between.
    static func articleCompound(familyOf text: String) -> [String]? {
        guard let comma = text.firstIndex(of: ",") else { return nil }
        let family = NameNormalizer.fold(String(text[..<comma])).split(separator: " ").joined(separator: " ")
        let words = family.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard words.count == 3, ArticleCompounds.articles.contains(words[1]),
              words[0].utf8.count >= 2, words[2].utf8.count >= 2, !words[0].contains(" "), !words[2].contains(" ") else { return nil }
        return [words[0], words[2]]
    }

    /// The common-surname-initials case (`LoneApproximateWord.Kind.commonSurnameInitials`) of
    /// alignment `a` with listed person `n`, or nil: the listed given part is initials only, every
    /// word of the family name is a common name (`CommonNames`), and a query word of three letters
    /// or more is paired with no family word (a given name the list does not spell out).
    func commonSurnameInitials(_ a: AlignmentResult, query q: PreparedQuery, document n: Int) -> LoneApproximateWord? {
        // Initials only: a short name ("A AHMED") or a few letters after the comma, seen before the name is read.
        let text = index.nameText[n]
        guard text.utf8.count <= 20 || text.firstIndex(of: ",").map({ text[text.index(after: $0)...].utf8.count <= 12 }) == true else { return nil }
        let parts = personParts(document: n)
        guard !parts.given.isEmpty, parts.given.allSatisfy({ $0.utf8.count == 1 }) else { return nil }
        let family = Set(parts.family)
        guard !family.isEmpty, family.allSatisfy(CommonNames.contains) else { return nil }
        var familyQuery = Set<Int32>()
        for p in a.pairs where [a.list[p.l].key, a.list[p.l].key2].contains(where: { $0 >= 0 && family.contains(index.names.vocabulary[Int($0)]) }) {
            familyQuery.insert(a.query[p.q].key)
            if a.query[p.q].key2 >= 0 { familyQuery.insert(a.query[p.q].key2) }
        }
        guard !familyQuery.isEmpty else { return nil }
        guard let own = q.texts.indices.first(where: { !familyQuery.contains(Int32($0)) && q.texts[$0].utf8.count >= NameInitials.fullWordLength
            && !Self.particleOrArticle(q.texts[$0]) && !NameTitles.contains(q.texts[$0]) }) else { return nil }
        return LoneApproximateWord(query: q.texts[own], listed: parts.family.joined(separator: " "), similarity: 0, kind: .commonSurnameInitials)
    }

    /// The family name and given part of listed person `n`, read once: in "SURNAME, Given…" the words
    /// before and after the comma, otherwise the last word and the words before it (`givenPart`).
    /// The family name leaves out particles, articles, kunya words, titles and single letters; it is
    /// empty for a name of one word.
    func personParts(document n: Int) -> (family: [String], given: [String]) {
        withUnsafeBytes(of: Int32(n)) { key in personPartsCache.value(Array(key)) { readPersonParts(document: n) } }
    }

    private func readPersonParts(document n: Int) -> (family: [String], given: [String]) {
        let text = index.nameText[n]
        let parts = text.split(separator: ",", maxSplits: 1)
        let family: [String], given: [String]
        if parts.count == 2 {
            family = Matcher.normalizedListed(String(parts[0])).tokens
            given = Matcher.normalizedListed(String(parts[1])).tokens
        } else {
            let tokens = Matcher.normalizedListed(text).tokens
            guard tokens.count >= 2 else { return ([], tokens) }
            family = [tokens[tokens.count - 1]]
            given = Array(tokens.dropLast())
        }
        return (family.filter { $0.utf8.count >= 2 && !Self.particleOrArticle($0) && !Kunya.contains($0) && !NameTitles.contains($0) }, given)
    }

    /// The case of an organisation's name (a legal form or a business word) against a listed person, or nil: one
    /// telling pair, while the listed name holds another name the organisation's lacks ("Weibo
    /// Corporation" / "Xu Weibo"). A company named for a person carries the name, not one part of it;
    /// read as `familyNameAbsent` (the part shared, the part absent).
    func organisationOnOneNamePart(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery) -> LoneApproximateWord? {
        // An organisation's name: a legal form, or a business word ("Corporation", "Group", "Bank"), not a title.
        let organisation = !q.legalForms.isEmpty || q.holdsBusinessWord
        guard organisation, telling.count == 1, let pair = telling.first else { return nil }
        let paired = Set(a.pairs.map(\.l))
        let absent = a.list.indices.filter { j in
            // However common the other name ("AHMAD"), a company named for the person would carry it.
            guard !paired.contains(j), a.list[j].key2 < 0, a.list[j].weight > Double(LegalForms.wordWeight) else { return false }
            let word = index.names.vocabulary[Int(a.list[j].key)]
            return word.utf8.count >= 2 && !Self.particleOrArticle(word) && !Kunya.contains(word) && !NameTitles.contains(word)
        }
        guard let other = absent.first else { return nil }
        return LoneApproximateWord(query: q.text(of: a.query[pair.q]), listed: index.names.vocabulary[Int(a.list[other].key)],
                                   similarity: pair.similarity, kind: .familyNameAbsent)
    }

    /// Whether a token of listed name `n` satisfies `test`.
    func listedName(_ n: Int, holds test: (String) -> Bool) -> Bool {
        index.names.documentRange(n).contains { test(index.names.vocabulary[Int(index.names.documentTokens[$0])]) }
    }

    /// Whether `word` is a chain particle ("bin"), the Arabic article ("al", "el", "ash") or a
    /// particle of a European surname ("van", "de"): never a family name on its own.
    static func particleOrArticle(_ word: String) -> Bool {
        NameChains.isParticle(word) || NameChains.articles.contains(word) || ArticleCompounds.articles.contains(word) || NameNormalizer.particles.contains(word)
    }

    /// The case `bracketQualifierOnly` of alignment `a` of listed name `n`, or nil: every pair
    /// holds a word of a bracketed qualifier of the listed name (`BracketedParts.qualifierWords`),
    /// while a telling listed word outside it is left unmatched.
    func bracketQualifierOnly(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], document n: Int) -> LoneApproximateWord? {
        guard !telling.isEmpty else { return nil }
        let qualifier = BracketedParts.qualifierWords(of: index.nameText[n])
        guard !qualifier.isEmpty else { return nil }
        let words = { (l: Int) in [a.list[l].key, a.list[l].key2].filter { $0 >= 0 }.map { self.index.names.vocabulary[Int($0)] } }
        // Every pair, telling or not ("LEADER (HONG KONG)": a title word is a word of the name too).
        guard a.pairs.allSatisfy({ words($0.l).allSatisfy(qualifier.contains) }) else { return nil }
        let weak = Double(LegalForms.wordWeight), paired = Set(a.pairs.map(\.l))
        let outside = a.list.indices.contains { j in !paired.contains(j) && a.list[j].weight > weak && !words(j).allSatisfy(qualifier.contains) }
        guard outside else { return nil }
        let listed = telling.flatMap { words($0.l) }.joined(separator: " ")
        return LoneApproximateWord(query: listed, listed: listed, similarity: telling.map(\.similarity).min() ?? 1, kind: .bracketQualifierOnly)
    }

    /// The case `otherNamesake` of alignment `a` (a query read as a person's name against an
    /// organisation), or nil: a telling pair joins a given name of the query to another given name
    /// of the listed name, spelt close but not a variant of it (`ApproximatePersonMatch.knownDifferent`).
    /// An organisation named after its founder or a martyr is named after that person, not after
    /// every name that looks like his.
    func personNamedOrganisation(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery) -> LoneApproximateWord? {
        for p in telling where p.similarity < 1 && a.query[p.q].key2 < 0 && a.list[p.l].key2 < 0 {
            let typed = q.texts[Int(a.query[p.q].key)], listed = index.names.vocabulary[Int(a.list[p.l].key)]
            if ApproximatePersonMatch.knownDifferent(typed, listed) {
                return LoneApproximateWord(query: typed, listed: listed, similarity: p.similarity, kind: .otherNamesake)
            }
        }
        return nil
    }

    /// A name the tables know: a given name of `GivenNames` or a common given name or surname of `CommonNames`.
    static func knownName(_ word: String) -> Bool { GivenNames.isKnown(word) || CommonNames.contains(word) }

    /// The given part of a listed person's name: in "SURNAME, Given Middle…" the words after the
    /// comma, otherwise every word but the last ("Ibrahim AL-HASSAN").
    static func givenPart(_ listed: String) -> [String] {
        givenParts.value(Array(listed.utf8)) { readGivenPart(listed) }
    }

    private static func readGivenPart(_ listed: String) -> [String] {
        let parts = listed.split(separator: ",", maxSplits: 1)
        if parts.count == 2 { return Matcher.normalizedListed(String(parts[1])).tokens }
        return Array(Matcher.normalizedListed(listed).tokens.dropLast())
    }

    /// The middle names of a listed person's name: in "SURNAME, Given Middle…" the given part's
    /// words after the first, otherwise the words between the first and the last.
    static func middleNames(_ listed: String) -> [String] {
        let parts = listed.split(separator: ",", maxSplits: 1)
        if parts.count == 2 { return Array(Matcher.normalizedListed(String(parts[1])).tokens.dropFirst()) }
        let tokens = Matcher.normalizedListed(listed).tokens
        return tokens.count >= 3 ? Array(tokens[1..<(tokens.count - 1)]) : []
    }

    /// The letters a name may begin with in its romanisations and variants ("yuri" y, i, j;
    /// "khalil" k, h): its own first letter and those of its respellings, press readings and
    /// given-name variants.
    static func initialLetters(of word: String) -> Set<UInt8> {
        let b = Array(word.utf8)
        var out: Set<UInt8> = [b[0]]
        for other in RomanisationSwaps.respellings(b, twice: false) + PressOrthographies.readings(b) + GivenNames.variants(of: word).map({ Array($0.utf8) }) {
            if let first = other.first { out.insert(first) }
        }
        return out
    }
}
