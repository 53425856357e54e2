/// Whether a query name without a stated type reads as a person's: "Saeed Karimi" is not the
/// company "SHAHID KARIMI INDUSTRIES", though the two share a surname. A company's name carries a
/// legal form or business words; a person's is two to four words, one of its ends a given name.
///
/// Used only to lower a match against a listed organisation (the `type` qualifier, as a legal form
/// lowers a match against a listed person): an inferred type earns no bonus, and a name this
/// misreads still reaches review when it is near-exact.
enum PersonNameShape {
    /// Business words: the abbreviation table's words and their canonical forms ("trading",
    /// "industries", "bank"), read from `Lists/names/abbreviations.tsv`.
    static let businessWords: Set<String> = Set(Abbreviations.canonical.keys).union(Abbreviations.canonical.values)

    /// The given name that makes `name` read as a person's, nil when it does not: two to four
    /// tokens of letters (a particle aside), no legal form, no business word or stopword, and its
    /// first or last token a given name of `Lists/names/given-names.tsv` ("KARIMI, Saeed" ends with
    /// one once normalised).
    static func givenName(_ name: NormalizedName) -> String? {
        let t = name.tokens
        guard (2...4).contains(t.count), name.legalForms.isEmpty, !name.namesCompany else { return nil }
        for w in t {
            guard w.utf8.count >= 2, w.utf8.allSatisfy({ (97...122).contains($0) }) else { return nil }
            if businessWords.contains(w) || Abbreviations.stopwords.contains(w) || LegalForms.words.contains(w) { return nil }
        }
        return [t[0], t[t.count - 1]].first { $0.utf8.count >= 3 && !GivenNames.variants(of: $0).isEmpty }
    }

    /// What makes a query name read as a person's: the words an organisation named after that person
    /// would carry (an organisation that holds them all, "ANSAR AL-ISLAM" for "Ansar", may be what was
    /// meant), and why, for the explanation.
    struct Mark: Equatable, Sendable {
        let words: [String]
        let why: String
    }

    /// Why `name` reads as a person's, nil when it does not: a given name at one end (`givenName`), a
    /// title before a common name (`titledName`), or the shape of an East Asian name (`eastAsianName`).
    /// `written`: the name as the user wrote it when `name` is its romanisation.
    static func mark(_ name: NormalizedName, written: String? = nil) -> Mark? {
        if let given = givenName(name) { return Mark(words: [given], why: "given name \(given)") }
        if let titled = titledName(name) { return titled }
        return eastAsianName(name, written: written)
    }

    /// Whether `name` is a title and a common name ("Sheikh Rana", "Haji Kabir"): an honorific
    /// before a person's name, which the given-name table need not hold (a surname the title
    /// stands before). An organisation named so holds both words.
    static func titledName(_ name: NormalizedName) -> Mark? {
        let t = name.tokens
        guard t.count == 2, name.legalForms.isEmpty, !name.namesCompany, NameTitles.contains(t[0]) || LeadingTitles.words.contains(t[0]),
              t[1].utf8.count >= 3, t[1].utf8.allSatisfy({ (97...122).contains($0) }), CommonNames.contains(t[1]) || KnownNames.contains(t[1]),
              !businessWords.contains(t[1]), !LegalForms.words.contains(t[1]), !CommonWords.isGeneric(t[1]) else { return nil }
        return Mark(words: t, why: "title \(t[0]) and the name \(t[1])")
    }

    /// Whether `name` reads as an East Asian person's: a Chinese name written in Han (two to four
    /// characters opening with a common surname, `Han.isChineseName`: "谭斌"); or, in Latin letters, two
    /// or three short words of one syllable or two joined ("Gao Bin", "Jeon Mi-ran", "Zhen Zhu"), one of
    /// its ends a Chinese or Korean surname (`east-asian-surnames.txt`); with no legal form, business,
    /// generic or place word. Words of one syllable alone are no sign: Arabic and Persian names of
    /// organisations have them too ("Jaysh al-Adl", "Paya Saman Pars"). A company's name in those
    /// languages carries a business word ("Keji", "Trading") or is one joined word ("Huawei"), so the
    /// given-name table, which holds few such names, is no test of them.
    static func eastAsianName(_ name: NormalizedName, written: String? = nil) -> Mark? {
        let t = name.tokens
        guard (2...4).contains(t.count), name.legalForms.isEmpty, !name.namesCompany else { return nil }
        for w in t {
            guard !w.isEmpty, w.utf8.count <= 7, w.utf8.allSatisfy({ (97...122).contains($0) }) else { return nil }
            if businessWords.contains(w) || Abbreviations.stopwords.contains(w) || LegalForms.words.contains(w)
                || CommonWords.isGeneric(w) || PlaceWords.words.contains(w) || PlaceWords.isPlace(w) { return nil }
        }
        if PlaceWords.words.contains(t.joined()) || PlaceWords.isPlace(t.joined()) { return nil }
        if let written, !written.utf8.allSatisfy({ $0 < 0x80 }) {
            guard Han.shared.isChineseName(written) else { return nil }
            return Mark(words: t, why: "a Chinese name in Han, surname \(t[0])")
        }
        guard eastAsianWords(t) else { return nil }
        return Mark(words: t, why: "East Asian name, surname \(eastAsianSurnames.contains(t[0]) ? t[0] : t[t.count - 1])")
    }

    /// Whether words `t` have the shape of an East Asian name in Latin letters: two or three words of
    /// one syllable or two joined, one of its ends a Chinese or Korean surname ("Gao Bin").
    static func eastAsianWords(_ t: [String]) -> Bool {
        (2...3).contains(t.count) && t.allSatisfy(oneOrTwoSyllables) && (eastAsianSurnames.contains(t[0]) || eastAsianSurnames.contains(t[t.count - 1]))
    }

    /// Whether `word` is one syllable, or two joined ("minglin", "miran"): a given name romanised.
    static func oneOrTwoSyllables(_ word: String) -> Bool {
        if Matcher.isOneSyllable(word) { return true }
        let bytes = Array(word.utf8)
        return (2..<max(2, bytes.count - 1)).contains { k in
            Matcher.isOneSyllable(String(decoding: bytes[..<k], as: UTF8.self)) && Matcher.isOneSyllable(String(decoding: bytes[k...], as: UTF8.self))
        }
    }

    /// Chinese surnames of one character in pinyin and Korean surnames in their Latin spellings
    /// (`Lists/names/east-asian-surnames.txt`, derived from the Han and Korean tables, so that asking
    /// costs a screen no reading of those tables).
    static let eastAsianSurnames: Set<String> = NameWordList.required("names/east-asian-surnames.txt")

    /// Whether a listed name of no stated type reads as a person's: `givenName` finds one, or, with
    /// the same shape, its first or last token is a common given name or surname (`CommonNames`:
    /// "Nur Rochman Achmad"). Wider than `givenName`, which also judges queries (where reading a
    /// company as a person costs a penalty), so asked only of listed names, for the person rules.
    static func readsAsPerson(_ name: NormalizedName) -> Bool {
        if givenName(name) != nil { return true }
        let t = name.tokens
        guard (2...4).contains(t.count), name.legalForms.isEmpty, !name.namesCompany else { return false }
        for w in t {
            guard w.utf8.count >= 2, w.utf8.allSatisfy({ (97...122).contains($0) }) else { return false }
            if businessWords.contains(w) || Abbreviations.stopwords.contains(w) || LegalForms.words.contains(w) || CommonWords.isGeneric(w) { return false }
        }
        // Three or four words of one syllable each read as an East Asian name romanised ("Kaam Chee
        // Mun", "Tun Tun Oo"): a company's name holds a longer word, or a business word.
        if t.count >= 3 && t.allSatisfy(Matcher.isOneSyllable) { return true }
        return [t[0], t[t.count - 1]].contains { $0.utf8.count >= 3 && CommonNames.contains($0) }
    }
}
