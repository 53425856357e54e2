import RedFlagCore

/// A person match that rests on another name: "Johannes Smit" against "Smith, John", "Volodymyr
/// Petrenko" against "Vladimir Petrušenko", "KOZLOV, Mikhail" against "Mikhail Sergeyevich KISELYOV".
/// A listed person found under a typo keeps the rest of his name as listed, and a typo makes no
/// one's name ("Dehghsn, Hadi" for "DEHGHAN, Hadi"); a part that is itself another name ("Smit" is
/// a Dutch surname, "Kozlov" a Russian one, "Mohammadi" a Persian one built on Mohammad) names
/// another person unless the parts shared as listed are telling. Such a match is treated as a lone
/// approximate word (`LoneApproximateWord`, kind `approximateParts`): no match unless a date of
/// birth, country or address corroborates it, then HOLD at most.
///
/// The pairs of the alignment that join two telling words (heavier than titles) are read as:
/// - as listed: similarity at least `TokenAligner.exactEnough` (the name written as listed, or as
///   another language's press writes it, unless that spelling is a common name of its own:
///   "Lopes" / "LOPEZ", "Mendes" / "MENDEZ" are two families' names); a common given name or
///   surname (`CommonNames`) counts `commonNameAnchor`, any other part 1;
/// - a variant: a given-name variant or another romanisation (`GivenNames`, `PressOrthographies`,
///   `RomanisationSwaps`): the same name written another way, neither for nor against;
/// - another name (`isAnotherName`): a common name that is not a respelling of the listed one, or a
///   name that differs from it by a surname-building ending (`NameEndings`).
///
/// The rule applies when one part is another name and the parts as listed weigh less than 1:
/// none, or one common name.
///
/// A second case (kind `commonNamesOnly`) sums what each pair proves: a part as listed or a
/// variant of it 1, or `commonNameAnchor` for a common name; a common name written with other
/// vowels and no known variant of it (`otherVowels`: "Eman" / "AMAN", "Haider" / "HAIDAR")
/// `otherVowelsEvidence`; the child's name of a listed kunya ("Abu Fatma") typed without "Abu"
/// nothing; any other approximate part as a variant. Under 1 (one common name as listed, the
/// rest only similar), and with such a weak pair, the match is another person's name unless
/// corroborated: "Eman Mohammed" / "AMAN, Mohammed", "Fatma Ali" / "Abu Fatma"; not "Mohammed
/// Aman", nor "Haider Mohammad Ali" / "HAIDAR, Mohamad Ali" (two common names as listed or variants).
///
/// A third case (kind `commonNamesPartsMissing`): two common names, at least one of them spelt
/// otherwise than listed (a variant or a similar spelling), against a listed name with a telling
/// part the query lacks: "Dmitriy Popov" / "POPOV, Dimitri Igorevich", "Saeed Hashemi" /
/// "HASHEMI, Seyed Mohammad". Each discrepancy alone is how the press writes a listed person (a
/// patronymic dropped, a given name respelt); both at once, on names thousands share, fit a
/// namesake as well. A name not common, a third part in common, or the name as listed keeps the match.
///
/// A fourth case (kind `commonNamesExtraPart`), the third seen from the other side: two common names,
/// at least one spelt otherwise than listed, beside a telling part of the customer's own that the
/// listed name lacks: "Ahmed Mostafa Ibrahim" / "MUSTAFA, Ibrahim", "Yusuf Mohamed Ismail" /
/// "Yousef ISMAIL". A middle name the list omits is how a listed person is often written, and so is
/// a given name respelt; both at once, on names thousands share, fit a namesake as well.
enum ApproximatePersonMatch {
    /// How much a part as listed counts when it is a common given name or surname.
    static let commonNameAnchor = 0.5

    /// The rule's finding for `pairs` (typed word, listed word, similarity) of a person match, or nil.
    /// `kunya`: the listed words that follow "Abu"/"Umm" in the listed name when the query types
    /// neither (the listed person is named by his child: "Abu Fatma" is Fatma's father).
    /// `missingPart`: a telling part of the listed name the query lacks (a middle name, second
    /// surname or patronymic; not a particle, title or initial), for the third case. `parts`: the
    /// listed name's family and given names, read only when the first case needs them.
    /// `extraPart`: a telling part of the query no pair holds (a name of the customer's own the listed
    /// name lacks), for the fourth case.
    static func finding(_ pairs: [(typed: String, listed: String, similarity: Double)], kunya: Set<String> = [],
                        missingPart: String? = nil, extraPart: String? = nil,
                        parts: () -> (family: Set<String>, given: Set<String>) = { ([], []) }) -> LoneApproximateWord? {
        guard pairs.count >= 2 || (pairs.count == 1 && !kunya.isEmpty) else { return nil }
        var anchor = 0.0, evidence = 0.0
        var others: [(typed: String, listed: String, similarity: Double)] = []
        var weak: [(typed: String, listed: String, similarity: Double)] = []
        var spelt: [(typed: String, listed: String, similarity: Double)] = []
        // The third case's evidence: a name spelt otherwise is common when either spelling is
        // ("Saeed" / "SEYED", "Youssef" / "YUSSEF").
        var namesakeEvidence = 0.0
        for p in pairs {
            let common = CommonNames.contains(p.listed) || shortSyllable(p.listed)
            if kunya.contains(p.listed) {
                weak.append(p)
                continue
            }
            namesakeEvidence += common || (p.typed != p.listed && CommonNames.contains(p.typed)) ? commonNameAnchor : 1
            // Another language's spelling counts as the name as listed, unless it is a common name of
            // its own ("Lopes" is the Portuguese name, not the German press's "Lopez"): then it is
            // that name spelt otherwise, for the cases below.
            let ownName = p.typed != p.listed && p.similarity < 1 && common && CommonNames.contains(p.typed)
            if p.typed == p.listed || (p.similarity >= TokenAligner.exactEnough && !ownName) {
                anchor += common ? commonNameAnchor : 1
                evidence += common ? commonNameAnchor : 1
            } else if isVariant(p.typed, p.listed) {
                evidence += common ? commonNameAnchor : 1
                spelt.append(p)
            } else if isAnotherName(p.typed, p.listed) {
                others.append(p)
            } else if common && otherVowels(p.typed, p.listed) && !swappedVowels(p.typed, p.listed) {
                evidence += otherVowelsEvidence
                weak.append(p)
            } else {
                evidence += common ? commonNameAnchor : 1
                spelt.append(p)
            }
        }
        // Every pair with the listed family name, or every pair with the listed given names, joins two
        // given names of the table that are not variants ("Hassan Fadlallah" / "FADLALLAH, Muhammad
        // Husayn"), or two Pinyin syllables ("Xiaoming Jiang" / "ZHANG, Xiaoming": another family): a namesake or
        // a relative sharing the rest, however rare that rest. Only the table's names and Pinyin's syllables: a
        // surname-building ending may be a typo's letter ("Ivanov" / "IVANOVA").
        // The listed name's parts (`parts`, read from the entry) are read only when every such pair is one.
        func otherPart(_ part: Set<String>) -> Bool {
            others.allSatisfy { part.contains($0.listed) } && !pairs.contains { p in part.contains(p.listed) && !others.contains { $0.listed == p.listed } }
        }
        func otherFamilyOrGiven() -> Bool {
            guard others.allSatisfy({ knownDifferent($0.typed, $0.listed) || otherSyllable(Array($0.typed.utf8), Array($0.listed.utf8)) }) else {
                return false
            }
            let read = parts()
            return otherPart(read.family) || otherPart(read.given.subtracting(read.family))
        }
        if !others.isEmpty && (anchor < 1 || otherFamilyOrGiven()) {
            return LoneApproximateWord(query: others.map(\.typed).joined(separator: " "), listed: others.map(\.listed).joined(separator: " "),
                                       similarity: others.map(\.similarity).min()!, kind: .approximateParts)
        }
        if !weak.isEmpty && evidence < 1 {
            return LoneApproximateWord(query: weak.map(\.typed).joined(separator: " "), listed: weak.map(\.listed).joined(separator: " "),
                                       similarity: weak.map(\.similarity).min()!, kind: .commonNamesOnly)
        }
        // The third case: common names only, one spelt otherwise, and a listed part absent; the fourth:
        // the same beside a part of the customer's own.
        guard !spelt.isEmpty, namesakeEvidence <= commonNamesPartsMissingEvidence else { return nil }
        let query = spelt.map(\.typed).joined(separator: " "), listed = spelt.map(\.listed).joined(separator: " ")
        let similarity = spelt.map(\.similarity).min()!
        if let missingPart {
            return LoneApproximateWord(query: query, listed: listed, similarity: similarity, kind: .commonNamesPartsMissing, missingPart: missingPart)
        }
        guard let extraPart else { return nil }
        return LoneApproximateWord(query: query, listed: listed, similarity: similarity, kind: .commonNamesExtraPart, missingPart: extraPart)
    }

    /// The most evidence (as summed in `finding`) a name spelt otherwise in part and missing a listed
    /// part may carry for the third case: two common names, no more ("Dmitriy Popov" / "POPOV,
    /// Dimitri Igorevich"). A name that is not common ("Yevgeny Prigozhin" / "PRIGOZHIN, Yevgeniy
    /// Viktorovich") or a third name in common lifts it.
    static let commonNamesPartsMissingEvidence = 2 * commonNameAnchor

    /// What a common name written with other vowels, not a known variant of it, proves of the
    /// listed one ("Eman" for "AMAN", "Haider" for "HAIDAR", "Chong" for "CHUNG"): a quarter of
    /// the name as listed; such names are as often two names as one name respelt.
    static let otherVowelsEvidence = 0.25

    /// Whether `typed` is `listed` with one or more vowels replaced by other vowels, the same
    /// length and the same consonants in the same places ("eman" / "aman", "nor" / "nur"; not
    /// "hasan" / "hashan", a letter added, nor "kakar" / "karar").
    static func otherVowels(_ typed: String, _ listed: String) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        guard a.count == b.count, a != b else { return false }
        for (x, y) in zip(a, b) where x != y {
            if !isVowel(x) || !isVowel(y) { return false }
        }
        return true
    }

    /// Whether `typed` is `listed` with two neighbouring vowels inside it swapped: a key struck out
    /// of turn ("ismeal" for ISMAEL), the name as listed, not one written with other vowels.
    static func swappedVowels(_ typed: String, _ listed: String) -> Bool {
        LoneApproximateWord.swappedNeighbours(Array(typed.utf8), Array(listed.utf8))
    }

    /// Whether `typed` is `listed` written another way: a given-name variant, another language's
    /// press spelling, another romanisation, or the article of a compound name romanised otherwise.
    static func isVariant(_ typed: String, _ listed: String) -> Bool {
        // A pure function of the two words, asked again for every match of every query that pairs them
        // ("mohamed" / "muhammad"): remembered.
        variantPairs.value(pairKey(typed, listed)) { computeIsVariant(typed, listed) }
    }

    /// `isVariant` and `isAnotherName` per pair of words seen in a run.
    private static let variantPairs = TokenCache<Bool>(capacity: 100_000)
    private static let anotherNamePairs = TokenCache<Bool>(capacity: 100_000)

    /// The two words as one cache key (a zero byte, which no token holds, between them).
    private static func pairKey(_ typed: String, _ listed: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(typed.utf8.count + listed.utf8.count + 1)
        key.append(contentsOf: typed.utf8)
        key.append(0)
        key.append(contentsOf: listed.utf8)
        return key
    }

    private static func computeIsVariant(_ typed: String, _ listed: String) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        // Two common names apart in their vowels only are two names, whichever press's letters read the one
        // as the other ("Eman" in Turkish letters is "Aman"): `otherVowels` tells them apart.
        let vowelsApart = Matcher.knownName(typed) && Matcher.knownName(listed) && otherVowels(typed, listed)
        // Nor are two Pinyin syllables ("jiang" / "zhang"): every press writes a Chinese name in Pinyin as
        // it stands, so a French or Portuguese "j" for "zh" is no reading of it.
        let syllables = otherSyllable(a, b)
        // A known name typed (`KnownNames`) is another language's spelling of the listed one only as that
        // language reads it, with no typo on top: "Abbasi" read with a Hungarian s ("abbashi") is one letter
        // from DABBASHI, another family.
        let known = CommonNames.contains(typed) || KnownNames.contains(typed)
        let pressReading = known ? PressOrthographies.readings(a).contains(b) : PressOrthographies.readsAs(a, b)
        return GivenNames.areVariants(typed, listed) || PatronymicVariants.areVariants(typed, listed) || (!vowelsApart && !syllables && pressReading)
            || RomanisationSwaps.respellings(a).contains(b)
            || ArticleCompounds.sameCompound(typed, listed)
    }

    /// Whether `typed` is another name than `listed`, not a misspelling of it: the one is the other
    /// (or a variant of it) with a surname-building ending ("mohammadi" / "mohammed", "williams" /
    /// "william"); both carry the same ending of `sharedEnding` letters or more on stems two edits
    /// apart or more, of other consonants ("petrenko" / "petrusenko"; not "bogatyryova" /
    /// "bohatyryova"); or `typed` is a common or known name (`CommonNames`, `KnownNames`) whose
    /// consonants or length differ from the listed word's ("smit" / "smith", "kozlov" /
    /// "kiselyov"; not "yusef" / "yusif", "sergei" / "sergey"); or both are given names of
    /// `GivenNames` that are not variants of each other ("mahmoud" / "muhammad"); or both are
    /// Pinyin syllables (`otherSyllable`).
    static func isAnotherName(_ typed: String, _ listed: String) -> Bool {
        guard typed != listed else { return false }
        return anotherNamePairs.value(pairKey(typed, listed)) { computeIsAnotherName(typed, listed) }
    }

    private static func computeIsAnotherName(_ typed: String, _ listed: String) -> Bool {
        let a = Array(typed.utf8), b = Array(listed.utf8)
        if derived(a, from: b) || derived(b, from: a) { return true }
        if feminine(a, of: b) || feminine(b, of: a) { return true }
        if let ending = NameEndings.shared(a, b), ending >= sharedEnding {
            let stemA = Array(a.dropLast(ending)), stemB = Array(b.dropLast(ending))
            if stemA.count >= 3 && stemB.count >= 3 && consonants(stemA[...]) != consonants(stemB[...])
                && TokenSimilarity.editDistance(stemA, stemB, limit: 2) >= 2 { return true }
        }
        // Two given names the table knows, neither a variant of the other, are two names however
        // alike their consonants: the Arabic names built on one root ("mahmoud" / "muhammad", both
        // m-h-m-d; "hassan" / "hussein", h-s-n) are different names, not one name respelt.
        if knownDifferent(typed, listed) { return true }
        if (otherSyllable(a, b) || otherGivenSyllable(a, b)) && !isVariant(typed, listed) { return true }
        // A known name typed (`KnownNames`, the thousand most frequent of some country) is that name,
        // not a typo of the listed one: a typo makes no one's name. Unless it is the listed name with two
        // neighbouring letters swapped or a letter doubled, the slips of the keys that also make names
        // ("Eshan" for EHSAN, "Artis" for ATRIS): those only a common name overrules.
        let common = CommonNames.contains(typed)
        guard common || KnownNames.contains(typed) else { return false }
        if !common && (LoneApproximateWord.swappedNeighbours(a, b) || LoneApproximateWord.doubled(a, b) || LoneApproximateWord.doubled(b, a)) {
            return false
        }
        // A closing h after a vowel is the Arabic and Persian feminine ending as some romanisations write
        // it ("Hamadeh" / "HAMADE", "Ghazaleh" / "GHAZALI"), no consonant of the name.
        return consonants(softEnding(a)) != consonants(softEnding(b)) || abs(a.count - b.count) > 1
    }

    /// Whether `typed` and `listed` are two different syllables of Hanyu Pinyin ("yuan" / "yan",
    /// "ming" / "min", "hua" / "hui"): in a Chinese name each syllable is a character of its own,
    /// and one syllable for another is another name, however few letters tell them apart. Another
    /// romanisation of the same syllable ("chang" / "zhang") is a variant (`isVariant`), not this;
    /// nor are chain particles and articles that spell a syllable ("bin" / "ben", "al" / "el").
    /// The two share their initial and differ in their final, or differ in both ("jiang" / "zhang":
    /// no romanisation writes one for the other; Wade-Giles changes the initial only, "chang" for zhang).
    static func otherSyllable(_ typed: [UInt8], _ listed: [UInt8]) -> Bool {
        guard typed != listed, typed.count >= 2, listed.count >= 2, Han.shared.syllables.contains(typed), Han.shared.syllables.contains(listed),
              !Matcher.particleOrArticle(String(decoding: typed, as: UTF8.self)), !Matcher.particleOrArticle(String(decoding: listed, as: UTF8.self))
        else { return false }
        // Of two initials, only with two finals as well: Wade-Giles writes Pinyin's initials otherwise
        // ("chang" for zhang, "kang" for gang, "tao" for dao), each also a Pinyin syllable of its own.
        let initial = { (s: [UInt8]) in s.prefix { !isVowel($0) } }
        let a = initial(typed), b = initial(listed)
        return a.elementsEqual(b) || !typed.dropFirst(a.count).elementsEqual(listed.dropFirst(b.count))
    }

    /// Whether `typed` and `listed` are two-syllable Chinese given names written in Pinyin that share
    /// one syllable in its place and differ in the other by two letters or more ("zhiwei" /
    /// "zhifu", "zaiming" / "zeming"): each syllable is a character, and another character is
    /// another name. A typo changes one letter ("zhifo"), and a split that reads both syllables
    /// alike or one letter apart keeps the pair a misspelling.
    static func otherGivenSyllable(_ typed: [UInt8], _ listed: [UInt8]) -> Bool {
        guard typed != listed, typed.count >= 4, listed.count >= 4, typed.count <= 12, listed.count <= 12 else { return false }
        let a = twoSyllableSplits(typed), b = twoSyllableSplits(listed)
        guard !a.isEmpty, !b.isEmpty else { return false }
        let near = { (u: ArraySlice<UInt8>, v: ArraySlice<UInt8>) in TokenSimilarity.editDistance(Array(u), Array(v), limit: 2) <= 1 }
        var other = false
        for x in a {
            for y in b {
                let first = x.0 == y.0, second = x.1 == y.1
                if (first || near(x.0, y.0)) && (second || near(x.1, y.1)) { return false }
                if first != second { other = true }
            }
        }
        return other
    }

    /// The ways `word` reads as two Pinyin syllables ("xian" → xi·an).
    private static func twoSyllableSplits(_ word: [UInt8]) -> [(ArraySlice<UInt8>, ArraySlice<UInt8>)] {
        let syllables = Han.shared.syllables
        return (1..<word.count).compactMap { k in
            let head = word[..<k], tail = word[k...]
            return syllables.contains(Array(head)) && syllables.contains(Array(tail)) ? (head, tail) : nil
        }
    }

    /// Whether `word` is a Pinyin syllable of two letters ("li", "yi", "yu", "ma"): a Chinese surname
    /// or given-name syllable thousands share, as common as the names `CommonNames` holds (which
    /// leaves out names under three letters).
    static func shortSyllable(_ word: String) -> Bool {
        word.utf8.count == 2 && Han.shared.syllables.contains(Array(word.utf8)) && !Matcher.particleOrArticle(word)
    }

    /// Whether `typed` and `listed` are two given names of `GivenNames`, neither a variant of the
    /// other; articles and short nicknames ("al", "el") are no such names.
    /// A surname made of a given name and the nisba ending -i ("AL-HUSSAINI" of Hussain, "Hashimi" of
    /// Hashim) is compared as that given name: "Jafar Hassan" is not "AL-HUSSAINI, Jafar".
    static func knownDifferent(_ typed: String, _ listed: String) -> Bool {
        guard typed != listed, let t = knownName(typed), let l = knownName(listed), t != l else { return false }
        return t.utf8.count >= NameInitials.fullWordLength && l.utf8.count >= NameInitials.fullWordLength
            && !Matcher.particleOrArticle(t) && !Matcher.particleOrArticle(l) && !isVariant(t, l) && !isVariant(typed, listed)
    }

    /// `word` if `GivenNames` knows it, else `word` without a nisba ending -i when the rest (four
    /// letters or more) is a known given name; nil otherwise.
    static func knownName(_ word: String) -> String? {
        if GivenNames.isKnown(word) { return word }
        guard word.utf8.count >= 5, word.hasSuffix("i") else { return nil }
        let stem = String(word.dropLast())
        return GivenNames.isKnown(stem) ? stem : nil
    }

    /// Least length of an ending two names share for their stems to be compared ("-enko", "-ova";
    /// not "-i", "-in", which a respelt stem ends with as often).
    static let sharedEnding = 3

    /// Whether `word` is `base` with a surname-building ending that `base` lacks: the rest of
    /// `word` has `base`'s consonants ("mohammadi" from "mohammed", "hosseini" from "hossein").
    /// A vowel ending counts only after a base ending in a consonant ("sergei" is not "sergey" + i),
    /// and never for `base` with two letters swapped ("husseni" is a typo of "hussein").
    static func derived(_ word: [UInt8], from base: [UInt8]) -> Bool {
        if word.count == base.count && word.sorted() == base.sorted() && TokenSimilarity.editDistance(word, base, limit: 1) <= 1 { return false }
        return NameEndings.endings.contains { e in
            guard word.count >= e.count + 3, word.suffix(e.count).elementsEqual(e), !base.suffix(e.count).elementsEqual(e),
                  let last = base.last else { return false }
            if e.count == 1 && isVowel(last) { return false }
            return consonants(word.dropLast(e.count)) == consonants(base[...])
        }
    }

    /// Whether `word` is the feminine form of the given name `base` (one `GivenNames` knows, four
    /// letters or more): an a added after its final consonant ("daniela" of Daniel, "aleksandra" of
    /// Aleksandr) or put for its final o ("antonia" of Antonio). A woman's name, another person's.
    static func feminine(_ word: [UInt8], of base: [UInt8]) -> Bool {
        guard base.count >= 4, word.last == 97, let last = base.last, last != 97 else { return false }
        let stemmed = isVowel(last) ? (last == 111 && word.count == base.count && word.dropLast().elementsEqual(base.dropLast()))
                                    : (word.count == base.count + 1 && word.dropLast().elementsEqual(base))
        return stemmed && GivenNames.isKnown(String(decoding: base, as: UTF8.self))
    }

    static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }

    /// `word` without a closing h that follows a vowel (the "-eh" / "-ah" of an Arabic or Persian
    /// feminine ending), as a slice; a word of five letters or more only ("shah" keeps its h).
    static func softEnding(_ word: [UInt8]) -> ArraySlice<UInt8> {
        word.count >= 5 && word.last == 104 && isVowel(word[word.count - 2]) ? word.dropLast() : word[...]
    }

    /// The word's consonants, a doubled one once ("hossein" → "hsn"; y counts as a vowel); a
    /// consonant repeated across a vowel stays twice ("karar" → "krr", not "kakar"'s "kkr").
    static func consonants(_ word: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var previous: UInt8 = 0
        for c in word {
            if !isVowel(c) && c != previous { out.append(c) }
            previous = c
        }
        return out
    }
}

/// Endings that build surnames from other names (`Lists/names/name-endings.txt`: its header says
/// which and why): "-i" (Mohammadi), "-enko" (Petrenko), "-s" (Williams).
enum NameEndings {
    static let words: Set<String> = NameWordList.required("names/name-endings.txt")
    /// The endings as bytes, longest first.
    static let endings: [[UInt8]] = words.map { Array($0.utf8) }.sorted { $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) }

    /// Whether `suffix` is one of the endings.
    static func contains(_ suffix: ArraySlice<UInt8>) -> Bool { words.contains(String(decoding: suffix, as: UTF8.self)) }

    /// The length of the longest ending both words carry, or nil.
    static func shared(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        endings.first { a.count > $0.count && b.count > $0.count && a.suffix($0.count).elementsEqual($0) && b.suffix($0.count).elementsEqual($0) }?.count
    }
}

extension Matcher {
    /// Whether listed name d is a person's: its entry is a person, or of no stated type and its
    /// name reads as a person's (`PersonNameShape.readsAsPerson`: the ITAR debarred list gives no types).
    func namesPerson(_ d: Int) -> Bool {
        switch index.type(entry: Int(index.nameEntry[d])) {
        case .person: return true
        case .unknown: return PersonNameShape.readsAsPerson(Matcher.normalizedListed(index.nameText[d]))
        default: return false
        }
    }

    /// `ApproximatePersonMatch` for alignment `a` of a listed person, its `telling` pairs.
    func approximatePerson(_ a: AlignmentResult, telling: [(q: Int, l: Int, similarity: Double)], query q: PreparedQuery,
                           document d: Int) -> LoneApproximateWord? {
        let pairs = telling.map { p in
            let qu = a.query[p.q], lu = a.list[p.l]
            let typed = q.text(of: qu), listed = listedText(lu)
            return (typed: typed, listed: listed, similarity: p.similarity)
        }
        return ApproximatePersonMatch.finding(pairs, kunya: kunyaNames(document: d, query: q), missingPart: missingPart(a), extraPart: extraPart(a, query: q)) {
            let read = self.personParts(document: d)
            return (Set(read.family), Set(read.given))
        }
    }

    /// A telling listed part no pair of alignment `a` holds: heavier than titles and legal-form
    /// words, three letters or more (initials aside), neither a chain particle nor a kunya word, nor an
    /// honorific the list writes before a given name ("Sayyed Abdolrahim", `LeadingTitles`): a title
    /// left out is no part of the name missing.
    func missingPart(_ a: AlignmentResult) -> String? {
        let weak = Double(LegalForms.wordWeight)
        let paired = Set(a.pairs.map(\.l))
        for (j, u) in a.list.enumerated() where !paired.contains(j) && u.weight > weak {
            let words = [u.key, u.key2].filter { $0 >= 0 }.map { index.names.vocabulary[Int($0)] }
            let word = words.joined()
            if word.utf8.count >= 3 && !words.contains(where: { NameChains.isParticle($0) || Kunya.contains($0) || LeadingTitles.words.contains($0) || NameTitles.contains($0) }) {
                return word
            }
        }
        return nil
    }

    /// A telling query part no pair of alignment `a` holds: heavier than titles and legal-form words,
    /// three letters or more, neither a chain particle nor a kunya word (a name of the customer's own).
    func extraPart(_ a: AlignmentResult, query q: PreparedQuery) -> String? {
        let weak = Double(LegalForms.wordWeight)
        let paired = Set(a.pairs.map(\.q))
        for (i, u) in a.query.enumerated() where !paired.contains(i) && u.weight > weak {
            let word = q.text(of: u)
            if word.utf8.count >= 3 && !word.contains(" ") && !NameChains.isParticle(word) && !Kunya.contains(word) { return word }
        }
        return nil
    }

    /// The child's name of listed name `d` when the name opens with a kunya word ("abu", "umm":
    /// `Kunya`) and the query holds none: the word after it ("Abu Fatma", "Abu Ali al-Samarra'i"),
    /// or in a name written surname first whose given part is the kunya word alone ("KARAR, Abu"),
    /// the surname part; so does a kunya closing the name when the child's is a given name of
    /// `GivenNames` ("SALAH ABU MOHAMED"). A kunya word inside a name ("Khalid Abu Bakr ...") is a
    /// compound given name, not a kunya, and is left alone.
    func kunyaNames(document d: Int, query q: PreparedQuery) -> Set<String> {
        guard !q.texts.contains(where: Kunya.contains),
              index.names.documentRange(d).contains(where: { kunyaTokens.contains(index.names.documentTokens[$0]) }) else { return [] }
        let text = index.nameText[d]
        let parts = text.split(separator: ",", maxSplits: 1).map { NameNormalizer.normalize(String($0)).tokens }
        if parts.count == 2, let first = parts[1].first, Kunya.contains(first) {
            let child = parts[1].count > 1 ? [parts[1][1]] : parts[0]
            return Set(child.filter { !Kunya.contains($0) })
        }
        guard parts.count == 1, parts[0].count >= 2 else { return [] }
        let words = parts[0]
        if Kunya.contains(words[0]), !Kunya.contains(words[1]) { return [words[1]] }
        // A kunya closing a name ("SALAH ABU MOHAMED": Salah, father of Mohamed) names the child too,
        // when the child's is a given name of the table; "Abu Bakr" closing "Khalid Abu Bakr" is a
        // compound given name of its own.
        if words.count >= 3, Kunya.contains(words[words.count - 2]), !Kunya.contains(words[words.count - 1]),
           GivenNames.isKnown(words[words.count - 1]) { return [words[words.count - 1]] }
        return []
    }
}

/// Words that open a kunya, "Abu X" / "Umm X" (`Lists/names/kunya-words.txt`): the name that
/// follows is a child's.
enum Kunya {
    static let words: Set<String> = NameWordList.required("names/kunya-words.txt")

    static func contains(_ word: String) -> Bool { words.contains(word) }
}
