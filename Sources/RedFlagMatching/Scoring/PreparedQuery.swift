/// The query tokens romanised from a non-Latin script (`fromScript`, one flag per token) and how
/// to find the listed tokens each sounds like (`PhoneticIndex`): the cross-script channel, which
/// adds those tokens to the candidates and their similarities to the alignment.
struct CrossScriptChannel {
    var fromScript: [Bool]
    var lookup: ([UInt8]) -> [(id: Int32, similarity: Double)]
    /// Per token, the long vowels its Arabic-script word writes (`ArabicVowelFrame`): a listed
    /// word that lacks them is no match for it. Nil for other scripts.
    var frames: [ArabicVowelFrame?]? = nil
    /// The tokens that are the article ال of an Arabic-script word: they meet the article only
    /// ("al" is no "ALI").
    var articles: Set<Int> = []
    /// The tokens that are a business word read in English or a patronymic particle: compared as
    /// spelt, not by sound.
    var asSpelt: Set<Int> = []
    /// Whether the name is two words and its script writes one of one or two letters apart (a space
    /// or a dot around it: "لي نا"), not split off by its letters' case ("БелАЗ", "аРдиоавионика").
    var shortWordApart = false
    /// Whether the script is an abjad (Arabic, Hebrew), whose words are read without short vowels.
    var abjad = false
    /// The script the tokens were romanised from (nil: none told).
    var source: PhoneticComparison.Source?
    /// Whether the script writes a foreign compound name as one word (kana, Hangul): its long words
    /// are tried as two listed words run together (`PreparedQuery.soundSplits`).
    var runsWordsTogether = false
    /// Whether the name holds a business word of its script ("بنك" Bank, `BusinessWords.namesOrganisation`):
    /// an organisation's name in every reading, also one that keeps that word romanised ("bnk").
    var namesOrganisation = false
    /// Whether the name's romanised tokens are exact syllables (a Chinese name in Han: each character one
    /// syllable): they meet a listed word spelt as they are, or respelt in another romanisation
    /// (`RomanisationSwaps`: Wade-Giles "hsu" for "xu"), never one a letter apart ("lindan", 林丹, is no
    /// LINDA: the letter is another character).
    var exactSpelling = false
}

/// A query's tokens looked up once against a token space: weights, and for each token the
/// vocabulary tokens similar to it with their similarity. Scoring every candidate then needs no
/// string work at all, and the index and the scorer can never disagree on a similarity.
struct PreparedQuery {
    var texts: [String]
    var bytes: [[UInt8]]
    var skeletons: [UInt32]
    var weights: [Double]
    /// Per query token: vocabulary id → effective similarity (> 0).
    var similar: [[Int32: Double]]
    /// `similar` for the aligner's lookups.
    var similarity: SimilarityTable
    /// The query tokens as the aligner sees them (key: token index).
    var units: [AlignUnit]
    /// Adjacent query tokens i, i+1 whose concatenation is like vocabulary token `id` ("hua wei" ~ "huawei").
    var joins: [(i: Int, id: Int32, similarity: Double)]
    /// Query token i that is two vocabulary tokens written together ("huawei" = "hua" + "wei"), with
    /// how alike (1 for a Latin word; a word read from another script sounds like the two).
    var splits: [(i: Int, left: Int32, right: Int32, similarity: Double)]
    var legalForms: Set<String>
    /// Vocabulary id of each query token written exactly as listed (nil when no listed token is).
    var ids: [Int32?]
    /// Per query token: whether it is a name in a patronymic chain (`NameChains.Kind.name`), not a
    /// particle or article; kept here so that scoring each candidate hashes no string.
    var chainNames: [Bool] = []
    /// Patronymic links (child, father) among the query tokens ("salman bin muhammad"): see `NameChains`.
    var links: [(child: Int, father: Int)]
    /// Whether tokens of the query were romanised from another script and compared by sound.
    var fromOtherScript = false
    /// Whether the name, in its own script, holds a business word (`CrossScriptChannel.namesOrganisation`).
    var namesOrganisation = false
    /// Query tokens of one letter read from a script of syllables (kana, Hangul, Han): a whole name,
    /// never an initial ("イ・セドル" read "i sedoru" is Lee Se-dol, no I. SADR: those scripts write no
    /// initials), so the aligner does not credit them as one; so is the U of a Myanmar name.
    var syllableLetters: Set<Int> = []

    /// Whether query token `i` is an initial: one letter, not read from a script of syllables.
    @inline(__always)
    func isInitial(_ i: Int) -> Bool { bytes[i].count == 1 && !syllableLetters.contains(i) }
    /// Whether the name holds a business word, in its script or in Latin letters ("University", "بنك"; a
    /// title is none): an organisation's name, legal form or not.
    var holdsBusinessWord: Bool { namesOrganisation || texts.contains { CommonWords.isGeneric($0) && !NameTitles.contains($0) } }
    /// With `links`: the token naming the query's own person, first in reading order (`NameChains.own`).
    var own: Int?
    /// `weights` with the query's middle initials weighing what the least name part weighs, nil
    /// when it has none: used only where every other query token is found exactly (see
    /// `Matcher.lightInitialScore`), so an initial the list leaves out costs little while it still
    /// counts against a name only alike ("Samuel N. Jensen" is not "Sam Johnson").
    var initialLightWeights: [Double]?

    var totalWeight: Double { weights.reduce(0, +) }

    /// The typed words of alignment unit `u` of this query: two read as one when joined ("hua wei").
    func text(of u: AlignUnit) -> String {
        u.key2 >= 0 ? texts[Int(u.key)] + texts[Int(u.key2)] : texts[Int(u.key)]
    }

    /// Least weight of a query token (legal-form words excepted).
    static let minimumWeight = 0.2
    /// A name of two tokens of at most this many letters is joined only into a listed token spelt exactly so.
    static let shortJoinPart = 3
    /// Least letters of each of two listed words for their join to count only when exact (`init`).
    static let listedJoinPart = 4
    /// Least similarity of a listed token to a query token read another way (stemmed, digits as
    /// letters) for it to count: a spelling within an edit, not a shared consonant skeleton.
    static let closeEnough = 0.9
    /// Least similarity from which an unknown query token borrows the weight of its nearest listed token.
    static let borrowFrom = 0.9

    /// Whether `a` and `b` hold the same letters, each as often (a typo that only swapped letters).
    static func sameLetters(_ a: [UInt8], _ b: String) -> Bool {
        a.count == b.utf8.count && a.sorted() == b.utf8.sorted()
    }

    /// Whether token `i` of `tokens` is read as a title (`NameTitles`, `LeadingTitles`), the word after
    /// it telling a chain's child from an honorific.
    static func isTitle(_ tokens: [String], at i: Int) -> Bool {
        let next = i + 1 < tokens.count ? tokens[i + 1] : nil
        return NameTitles.isTitle(tokens[i], at: i, of: tokens.count, next: next) || LeadingTitles.isTitle(tokens[i], at: i, of: tokens.count, next: next)
    }

    /// Whether a listed word that `head` + `tail` spell with a typo keeps a short part (`shortJoinPart`
    /// letters or fewer) that is an acronym (no vowel) or a Pinyin syllable as typed, its letters at
    /// most swapped, at its end of the word: "SNB Capital" is not SIBCAPITAL, nor "Hao Kuo" HAOKUN,
    /// for a letter of such a part is a third of its evidence, and another letter another acronym or
    /// character. Other short syllables are respelt ("MOZAFFARI-NYA" ~ MOZAFFARINIA, "Hua Wie" ~ huawei).
    static func shortPartIntact(_ head: String, _ tail: String, in listed: String) -> Bool {
        let l = Array(listed.utf8), h = Array(head.utf8), t = Array(tail.utf8)
        let telling = { (p: [UInt8]) in
            p.count <= shortJoinPart && (!p.contains(where: ApproximatePersonMatch.isVowel) || Han.shared.syllables.contains(p))
        }
        return (!telling(h) || (l.count >= h.count && l.prefix(h.count).sorted() == h.sorted()))
            && (!telling(t) || (l.count >= t.count && l.suffix(t.count).sorted() == t.sorted()))
    }

    /// Words people glue to a name: "andtourism", "ofradio", "zamanoildmcc". Not "for", with which
    /// too many words begin ("fortinet" is not "for tinet").
    private static let glue: [[UInt8]] = (Abbreviations.stopwords.subtracting(["for"]).map { Array($0.utf8) }
        + LegalForms.words.filter { $0.count >= 3 }.map { Array($0.utf8) }).sorted { $0.count > $1.count }
    /// Two-letter legal forms glued after a name ("SiemensAG", "NokiaOy"): only as a suffix, and
    /// only when the rest is a listed token exactly (too many words end in two letters).
    private static let gluedSuffixes: [[UInt8]] = LegalForms.words.filter { $0.count == 2 }.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }

    /// A token no listed token resembles, that is a listed token with a stopword or legal-form
    /// word glued before or after it, is credited as that token (0.95).
    private static func addUnglued(_ b: [UInt8], space: TokenSpace, into map: inout [Int32: Double]) {
        guard b.count >= 7 else { return }
        for g in PreparedQuery.glue where b.count - g.count >= 4 {
            if b.starts(with: g), let id = space.id(of: Array(b[g.count...])) { map[id] = 0.95 }
            if b.reversed().starts(with: g.reversed()), let id = space.id(of: Array(b[..<(b.count - g.count)])) { map[id] = 0.95 }
        }
        for g in PreparedQuery.gluedSuffixes where b.count - g.count >= 4 && b.reversed().starts(with: g.reversed()) {
            if let id = space.id(of: Array(b[..<(b.count - g.count)])) { map[id] = 0.95 }
        }
    }

    /// Digits typed for the letters they look like ("r0sneft", "s1emens", "3lectro"), with the
    /// letter each stands for (1 for l or i).
    private static let lookalikes: [UInt8: [UInt8]] = [48: [111], 49: [108, 105], 51: [101], 52: [97], 53: [115], 55: [116], 56: [98], 57: [103]]

    /// A token mixing letters and digits that no listed token resembles, read with its digits as
    /// the letters they look like: the listed tokens so spelt are credited at 0.95 of their similarity.
    /// Not a token that ends in a number: two digits, or one that is no o or l ("Com7", "Element14",
    /// "Web3": "com7" is no "comt", COMET); a closing 0 or 1 is still an o or an l ("GRODN0").
    private static func addLookalikes(_ b: [UInt8], space: TokenSpace, scratch: Scratch, into map: inout [Int32: Double]) {
        let digit = { (c: UInt8) in (48...57).contains(c) }
        guard b.count >= 4, let last = b.last, !digit(last) || ((last == 48 || last == 49) && !digit(b[b.count - 2])),
              b.contains(where: { (97...122).contains($0) }), b.contains(where: { lookalikes[$0] != nil }) else { return }
        var spellings: [[UInt8]] = [[]]
        for c in b {
            let letters = lookalikes[c] ?? [c]
            spellings = spellings.flatMap { s in letters.map { s + [$0] } }
            if spellings.count > 8 { return }
        }
        for s in spellings {
            let sk = s.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }
            for (id, sim) in space.similarTokens(s, skeleton: sk, counts: &scratch.counts, touched: &scratch.touchedVocab) where sim >= closeEnough {
                map[id] = max(map[id] ?? 0, sim * 0.95)
            }
        }
    }

    /// Every written form of the business words the normaliser makes canonical ("industries",
    /// "technologies", "international"), long enough to misspell, with its canonical form.
    private static let canonicalSpellings: [(written: [UInt8], canonical: [UInt8])] = {
        let pairs = Abbreviations.canonical.map { ($0.key, $0.value) } + Set(Abbreviations.canonical.values).map { ($0, $0) }
        return pairs.filter { $0.0.utf8.count >= 6 }.map { (Array($0.0.utf8), Array($0.1.utf8)) }.sorted { $0.written.lexicographicallyPrecedes($1.written) }
    }()

    /// A token one edit from a written form of a canonical
    /// business word ("industires" for "industries", listed as "industry"): the listed
    /// canonical token is credited 0.92, as the misspelling of a listed word.
    private static func addMisspeltVariant(_ b: [UInt8], space: TokenSpace, into map: inout [Int32: Double]) {
        guard b.count >= 6 else { return }
        b.withUnsafeBufferPointer { t in
            for (written, canonical) in canonicalSpellings where abs(written.count - b.count) <= 1 {
                guard written.withUnsafeBufferPointer({ TokenSimilarity.withinOneEdit(t, $0) }), let id = space.id(of: canonical) else { continue }
                map[id] = max(map[id] ?? 0, 0.92)
            }
        }
    }

    /// Every written form of the abbreviation table's business words, with its canonical form:
    /// the words people shorten ("research", "commercial", "communications").
    private static let businessWords: [(written: [UInt8], canonical: [UInt8])] = {
        let pairs = Abbreviations.canonical.map { ($0.key, $0.value) } + Set(Abbreviations.canonical.values).map { ($0, $0) }
        return pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }.sorted { $0.written.lexicographicallyPrecedes($1.written) }
    }()
    /// Credit of a business word a typed abbreviation begins (under a typo's: "res" may be
    /// research or resource).
    static let abbreviatedCredit = 0.85

    /// A typed word of three to five letters that begins a business word at least three letters
    /// longer ("res" for research, "comm" for commercial or communications: truncation is how
    /// people abbreviate): each such word's canonical listed token is credited `abbreviatedCredit`.
    static func addAbbreviated(_ typed: [UInt8], space: TokenSpace, into map: inout [Int32: Double]) {
        guard (3...5).contains(typed.count), typed.allSatisfy({ (97...122).contains($0) }) else { return }
        // The words beginning with `typed` follow one another in the sorted table.
        var lo = 0, hi = businessWords.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if businessWords[mid].written.lexicographicallyPrecedes(typed) { lo = mid + 1 } else { hi = mid }
        }
        while lo < businessWords.count && businessWords[lo].written.starts(with: typed) {
            let (written, canonical) = businessWords[lo]
            lo += 1
            guard written.count >= typed.count + 3, let id = space.id(of: canonical) else { continue }
            map[id] = max(map[id] ?? 0, abbreviatedCredit)
        }
    }

    /// A token no listed token resembles, compared again after both are stemmed ("indutries" is
    /// "indutry", one letter from the listed "industry"; "tradings" is "trading"): the listed
    /// tokens found are credited at 0.95 of their similarity.
    private static func addStemmed(_ b: [UInt8], space: TokenSpace, scratch: Scratch, into map: inout [Int32: Double]) {
        guard b.count >= 5, let stem = NameStemmer.stem(b), stem != b else { return }
        let canonical = Abbreviations.canonical[String(decoding: stem, as: UTF8.self)].map { Array($0.utf8) } ?? stem
        let sk = canonical.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }
        for (id, sim) in space.similarTokens(canonical, skeleton: sk, counts: &scratch.counts, touched: &scratch.touchedVocab) where sim >= closeEnough {
            map[id] = max(map[id] ?? 0, sim * 0.95)
        }
    }

    /// What `cache` holds for token `b` (of consonant skeleton `skeleton`).
    static func facts(_ b: [UInt8], skeleton: UInt32, space: TokenSpace, scratch: Scratch) -> QueryTokenFacts {
        var map: [Int32: Double] = [:]
        for (id, s) in space.similarTokens(b, skeleton: skeleton, counts: &scratch.counts, touched: &scratch.touchedVocab) { map[id] = s }
        if map.isEmpty { addUnglued(b, space: space, into: &map) }
        if map.isEmpty { addLookalikes(b, space: space, scratch: scratch, into: &map) }
        if map.isEmpty { addStemmed(b, space: space, scratch: scratch, into: &map) }
        // A misspelt business word may resemble some rarer listed word more than the word it
        // misspells ("industreis" ~ "industrias", listed as "industry"): always looked for.
        addMisspeltVariant(b, space: space, into: &map)
        // Another romanisation of the same name ("mihayl" for "mikhail", "dawud" for "dawood",
        // "zere" for "dhere"), looked for whether or not some listed name holds the token as typed:
        // one listed person is "Dawud", another "Dawood". Only respellings in the vocabulary
        // count. A listed token's respelling is credited only where the similarity found nothing
        // ("dawud" / "dawood" are two letters apart): one it already rates ("nuaimi" / "nuaymi")
        // keeps its rating, so a name written as listed gains no new near-matches; and a listed
        // token is respelt with one swap only (a third of the look-ups of two).
        let listed = space.id(of: b) != nil
        for spelling in RomanisationSwaps.respellings(b, twice: !listed) {
            guard let id = space.id(of: spelling), !listed || map[id] == nil else { continue }
            map[id] = max(map[id] ?? 0, RomanisationSwaps.credit)
        }
        // The Arabic article written another way ("el-abd" for "al-abd", `ArticleCompounds`).
        if b.count == 2 && ArticleCompounds.alone.contains(b) {
            for form in ArticleCompounds.alone where form != b {
                guard let id = space.id(of: form) else { continue }
                map[id] = max(map[id] ?? 0, ArticleCompounds.aloneCredit)
            }
        }
        // The name as another language's press writes it ("chamenei", "poetin", "putyin"): the
        // listed word so read is that name; a listed query word only counts as its respelling.
        let pressCredit = listed ? PressOrthographies.listedCredit : PressOrthographies.credit
        // A common name is not read as another common name its vowels only set apart (`ApproximatePersonMatch.otherVowels`):
        // "eman" read in Turkish letters is "aman", another name, not Eman as that press writes it.
        let word = String(decoding: b, as: UTF8.self), knownName = Matcher.knownName(word)
        let readings = PressOrthographies.readings(b)
        // Whether the word is itself a given name of the table: its own variants are found as such.
        let givenName = !GivenNames.variants(of: word).isEmpty
        for reading in readings {
            guard let id = space.id(of: reading) else { continue }
            let other = String(decoding: reading, as: UTF8.self)
            if knownName, Matcher.knownName(other), ApproximatePersonMatch.otherVowels(word, other) { continue }
            // A listed given name read as its variant ("wladimir", in a German alias, read "vladimir"), or a
            // listed word no given name of the table read as one ("aleksiej", in a Polish alias, read
            // "aleksey"): the press's reading and the given names' table agree it is that name, not another's word.
            let named = GivenNames.areVariants(word, other) || !givenName && !GivenNames.variants(of: other).isEmpty
            let credit = listed && named ? PressOrthographies.credit : pressCredit
            map[id] = max(map[id] ?? 0, credit)
        }
        // A reading that is a given name the lists spell otherwise ("waleri" read "valeri", listed "valeriy";
        // "jurij" read "yuriy", listed "yury"): its variants, as the table rates them, under the press's credit.
        // Not a title's ("seyed", read in Turkish letters "sayed", is no Said).
        if !givenName && !NameTitles.contains(word) && !LeadingTitles.words.contains(word) {
            for reading in readings {
                var variants: [(id: Int32, similarity: Double)] = []
                GivenNames.addVariants(of: reading, to: &variants) { space.id(of: $0) }
                for (id, s) in variants where s * PressOrthographies.credit > (map[id] ?? 0) {
                    map[id] = s * PressOrthographies.credit
                }
            }
        }
        // The Arabic feminine ending -ah (ة) that other presses end in a vowel: a reading one "h" short of a
        // listed word ("hamija" read "hamiya", HAMIYAH; "alija" read "aliya", ALIYAH) is that word, as a
        // near reading (`nearReadings` looks only at readings of seven letters or more).
        for reading in readings where reading.count >= PressOrthographies.minimumLength + 1 && reading.last == 97 {
            guard let id = space.id(of: reading + [104]) else { continue }
            map[id] = max(map[id] ?? 0, PressOrthographies.endingCredit * pressCredit)
        }
        var beforeNear: [Int32: Double] = [:]
        // A reading one edit from a listed word ("jewgeni" read "yevgeni", listed "yevgeniy";
        // "chaoukat" read "shaukat", listed "shawkat"): the name as that press writes it, with the
        // ending or vowel the list gives it, credited as the reading resembles the listed word.
        // Only the usual readings (`PressOrthographies.nearReadings`); a reading that spells a
        // listed word still meets the others one edit from it ("balizki" read "balitski", listed
        // for one party, "balitskiy" for another), and a listed query word ("jewgeni", in a German
        // alias) meets them as its respelling does.
        for reading in PressOrthographies.nearReadings(b) {
            let sk = reading.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }
            for (id, s) in space.tokensWithinOneEdit(reading, skeleton: sk, counts: &scratch.counts, touched: &scratch.touchedVocab)
            where s * pressCredit > (map[id] ?? 0) {
                if beforeNear[id] == nil { beforeNear[id] = map[id] ?? 0 }
                map[id] = s * pressCredit
            }
        }
        // A point of the compass is never another one ("northeastern" is no NORTHWESTERN, `CompassWords`).
        if b.count >= 4, CompassWords.points[word] != nil {
            map = map.filter { !CompassWords.differ(b, space.vocabulary[Int($0.key)]) }
        }
        return QueryTokenFacts(similar: map, id: space.id(of: b), splits: b.count >= 5 ? space.splits(of: b) : [], beforeNearReadings: beforeNear)
    }

    /// Least letters of a word read from another script for it to be tried as two listed words
    /// run together, and of each part.
    static let soundSplitLength = 8
    static let soundSplitPart = 3
    /// Most listed words kept for each part of a cut (the most alike).
    static let soundSplitCandidates = 4

    /// A word read from another script that sounds like two listed words run together: scripts
    /// that write a foreign compound name as one word ("ガスプロムネフチ" gasupuromunefuchi for
    /// GAZPROM NEFT, "스미요시카이" for SUMIYOSHI-KAI, "빈라덴" for BIN LADEN). Each cut whose two parts
    /// each sound like a listed word (`closeEnough`) gives a split, as alike as its weaker part;
    /// the aligner uses it only where the two listed words are in one name. `article`: the listed
    /// Arabic article, which those scripts glue to the name after it ("알마지드" al-Majid): a word
    /// opening with al or el is also that article beside a word the rest sounds like.
    static func soundSplits(_ b: [UInt8], at i: Int, article: Int32? = nil, lookup: ([UInt8]) -> [(id: Int32, similarity: Double)])
        -> [(i: Int, left: Int32, right: Int32, similarity: Double)] {
        var out: [(i: Int, left: Int32, right: Int32, similarity: Double)] = []
        if let article, b.count >= soundSplitLength - 2, b[1] == UInt8(ascii: "l"), b[0] == UInt8(ascii: "a") || b[0] == UInt8(ascii: "e") {
            out += soundAlike(b[2...], lookup: lookup).map { (i, article, $0.id, $0.similarity) }
        }
        guard b.count >= soundSplitLength else { return out }
        var best: [Int64: (i: Int, left: Int32, right: Int32, similarity: Double)] = [:]
        for cut in soundSplitPart...(b.count - soundSplitPart) {
            let left = soundAlike(b[..<cut], lookup: lookup)
            guard !left.isEmpty else { continue }
            let right = soundAlike(b[cut...], lookup: lookup)
            for l in left {
                for r in right where l.id != r.id {
                    let key = Int64(l.id) << 32 | Int64(r.id), s = min(l.similarity, r.similarity)
                    if (best[key]?.similarity ?? 0) < s { best[key] = (i, l.id, r.id, s) }
                }
            }
        }
        return out + best.values.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && ($0.left, $0.right) < ($1.left, $1.right)) }
    }

    /// The listed words `part` sounds like (`closeEnough`), the most alike first, `soundSplitCandidates` at most.
    private static func soundAlike(_ part: ArraySlice<UInt8>, lookup: ([UInt8]) -> [(id: Int32, similarity: Double)]) -> ArraySlice<(id: Int32, similarity: Double)> {
        lookup(Array(part)).filter { $0.similarity >= closeEnough }.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.id < $1.id) }
            .prefix(soundSplitCandidates)
    }

    /// The positions of tokens that are the two halves of a legal-form word split by a space (one
    /// of them a word no listed name holds): "OBSCH ESTVO" is obshchestvo, "LIMI TED" limited.
    static func legalFormPieces(_ bytes: [[UInt8]], space: TokenSpace) -> Set<Int> {
        legalFormPieces(bytes, ids: bytes.map { space.id(of: $0) })
    }

    /// `legalFormPieces` with each token's vocabulary id known (`ids[i]`, nil for none).
    static func legalFormPieces(_ bytes: [[UInt8]], ids: [Int32?]) -> Set<Int> {
        var out = Set<Int>()
        for i in 0..<max(0, bytes.count - 1) where ids[i] == nil || ids[i + 1] == nil {
            let joined = bytes[i] + bytes[i + 1]
            guard joined.count >= 6 else { continue }
            if LegalForms.words.contains(String(decoding: joined, as: UTF8.self)) || LegalForms.mistyped(joined) { out.formUnion([i, i + 1]) }
        }
        return out
    }

    /// `written` holds the tokens as typed, before abbreviations were made canonical (joins are
    /// made from them: "comm ittee" is "committee", not "communication" + "ittee").
    init(tokens: [String], written: [String]? = nil, legalForms: [String], space: TokenSpace, scratch: Scratch, cache: TokenCache<QueryTokenFacts>,
         joinCache: TokenCache<[(id: Int32, similarity: Double)]>, unknownWeight: Double = Double(TokenSpace.unknownWeight), chains: Bool = false,
         truncations: Bool = false, commaOffset: Int = 0, crossScript: CrossScriptChannel? = nil, lightInitials: Bool = false) {
        scratch.ensure(documents: space.documentCount, vocabulary: space.vocabulary.count)
        texts = tokens
        bytes = tokens.map { Array($0.utf8) }
        skeletons = bytes.map { b in b.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) } }
        self.legalForms = Set(legalForms)
        fromOtherScript = crossScript != nil
        namesOrganisation = crossScript?.namesOrganisation ?? false
        if let x = crossScript, let source = x.source, [.kana, .hangul, .han].contains(source) {
            var letters: Set<Int> = []
            // Letters only: a digit is a number ("第一" read "1" is the ONE of CHANNEL ONE RUSSIA).
            for (i, t) in tokens.enumerated() where t.utf8.count == 1 && t.utf8.first.map({ (97...122).contains($0) }) == true && x.fromScript[i] {
                letters.insert(i)
            }
            syllableLetters = letters
        }
        // A Myanmar name's U is the syllable ဦး (Oo), or the honorific written the same: a word, never an
        // initial ("Kyaw Min U" is Kyaw Min Oo). A name is read so when every word of it is a syllable of
        // Myanmar names (`BurmeseNames.isSyllable`).
        if tokens.count >= 3, tokens.contains("u"), tokens.allSatisfy({ $0 == "u" || BurmeseNames.isSyllable($0) }) {
            syllableLetters.formUnion(tokens.indices.filter { tokens[$0] == "u" })
        }
        similar = []
        similarity = SimilarityTable([])
        units = []
        weights = []
        joins = []
        splits = []
        ids = []
        let kinds = tokens.map(NameChains.kind)
        chainNames = kinds.map { $0 == .name }
        let kind = { (i: Int) in kinds[i] }
        let order = NameChains.readingOrder(count: tokens.count, commaOffset: commaOffset, kind: kind)
        links = chains ? NameChains.links(order: order, kind: kind) : []
        own = links.isEmpty ? nil : NameChains.own(order: order, kind: kind) { Self.isTitle(tokens, at: $0) }
        let written = written.map { $0.count == tokens.count ? $0 : tokens } ?? tokens
        let facts = bytes.indices.map { i in cache.value(bytes[i]) { PreparedQuery.facts(bytes[i], skeleton: skeletons[i], space: space, scratch: scratch) } }
        let formPieces = PreparedQuery.legalFormPieces(bytes, ids: facts.map(\.id))
        // Whether the name reads as a body's: a legal form or a business word (looked at only for a typed truncation).
        var business: Bool?
        let businessName = { () -> Bool in
            if let b = business { return b }
            let b = !legalForms.isEmpty || tokens.contains(where: CommonWords.isGeneric)
            business = b
            return b
        }
        for (i, b) in bytes.enumerated() {
            let f = facts[i]
            ids.append(f.id)
            var map = f.similar
            // As typed: "comm" is made canonical as communications, and may stand for commercial.
            if truncations {
                var abbreviated: [Int32: Double] = [:]
                PreparedQuery.addAbbreviated(Array(written[i].utf8), space: space, into: &abbreviated)
                // A common name is no truncated business word in a name without a legal form or another business
                // word: "Shi Yutong" is no YUSONG SHIPPING (Shi is a surname), while "Che Trading" may be chemical.
                if !abbreviated.isEmpty, businessName() || !CommonNames.contains(written[i]) {
                    map.merge(abbreviated) { max($0, $1) }
                }
            }
            if let x = crossScript, x.fromScript[i], !x.asSpelt.contains(i) {
                if x.exactSpelling {
                    let respelt = Set(RomanisationSwaps.respellings(b, twice: true).compactMap { space.id(of: $0) })
                    map = map.filter { id, s in s >= 1 || respelt.contains(id) }
                }
                // A word read from another script is no Latin typing: one of its consonants put for one the script
                // writes with another letter of another sound is another name ("amini" امینی is no AMIDI, ن n and
                // د d), not a key struck amiss.
                if let source = x.source {
                    map = map.filter { id, s in s >= 1 || !space.vocabulary.withBytes(Int(id)) { PhoneticComparison.otherLetter(b, $0, source: source) } }
                }
                // A token romanised from another script also meets the listed tokens it sounds like.
                for (id, s) in x.lookup(b) where s > (map[id] ?? 0) { map[id] = s }
            }
            // The Arabic article assimilated to the word after it ("az-Zahar" for "al-Zahar"), or
            // written "al" where the list assimilates it.
            if i + 1 < tokens.count {
                for form in ArticleCompounds.sameArticle(tokens[i], before: tokens[i + 1]) {
                    guard let id = space.id(of: Array(form.utf8)) else { continue }
                    map[id] = max(map[id] ?? 0, ArticleCompounds.aloneCredit)
                }
            }
            // A listed word without the long vowels the Arabic-script word writes is another name
            // ("hasan" for حسینی, read "hsn" like حسن).
            if let frame = crossScript?.frames?[i] {
                map = map.filter { id, _ in !space.vocabulary.withBytes(Int(id)) { frame.contradicted(by: Array($0)) } }
            }
            // A patronymic is no surname of the same stem: "Nikolaeva" is not "Nikolaevna", "Ivanov" not
            // "Ivanovich", however alike their letters.
            if let part = Patronymics.part(b) {
                map = map.filter { id, s in s >= 1 || space.vocabulary.withBytes(Int(id)) { Patronymics.part(Array($0)) } != part.other }
            }
            if crossScript?.articles.contains(i) == true {
                map = map.filter { id, _ in ArticleCompounds.articles.contains(space.vocabulary[Int(id)]) }
            }
            similar.append(map)
            // A company's name holds no honorific: "ING Groep N.V." is the bank ING, not an engineer's title.
            // Nor is a word an abjad writes without its vowels a title's abbreviation ("אדם" adm, Adam, is no admiral).
            let skeleton = crossScript.map { $0.abjad && $0.fromScript[i] && !$0.asSpelt.contains(i) && NameTitles.latinAbbreviations.contains(tokens[i]) } ?? false
            let title = legalForms.isEmpty && !skeleton && Self.isTitle(tokens, at: i)
            // A word no listed name holds is a legal-form word mistyped ("STCK", "LTDDA") where a legal form
            // stands, closing the name; not a word of the company's own name before others ("Yusen Logistics
            // (Hong Kong) Ltd." is no Yugen).
            let unknown = f.id == nil
            let weak = LegalForms.words.contains(tokens[i]) || title || PlaceWords.opens(tokens[i], at: i, of: tokens.count) || formPieces.contains(i)
                || (unknown && i == tokens.count - 1 && (i > 0 || !legalForms.isEmpty) && LegalForms.mistyped(b))
            if weak {
                // Legal-form words, titles ("Dr", "Sheikh", "President") and a Chinese company's place
                // of registration ("Zhejiang Dahua Technology") say little about who.
                weights.append(Double(LegalForms.wordWeight))
            } else if let exact = f.id {
                weights.append(Double(space.weights[Int(exact)]))
            } else if let best = map.map({ (key: $0.key, value: f.beforeNearReadings[$0.key] ?? $0.value) })
                .max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), best.value >= PreparedQuery.borrowFrom {
                // A misspelt token weighs what the word it misspells weighs ("tradng" ~ "trading",
                // "indutries" ~ "industry"): an unknown word is not the most distinctive there is.
                weights.append(Double(space.weights[Int(best.key)]))
            } else {
                weights.append(unknownWeight)
            }
            // Every name part the user typed counts for something: a common surname left
            // unmatched ("Luca Lopez" against "LUCAS") must still lower the score.
            if !weak { weights[i] = max(weights[i], PreparedQuery.minimumWeight) }
        }
        if lightInitials {
            // An initial beside two name words or more ("Mohammed F. AL-TAL") stands for any name
            // with that letter. Digits are not initials ("SNOW STORM 1").
            let words = bytes.indices.filter { bytes[$0].count >= 2 && weights[$0] >= PreparedQuery.minimumWeight }.count
            var light = weights
            for i in bytes.indices where words >= 2 && bytes[i].count == 1 && (97...122).contains(bytes[i][0]) {
                light[i] = min(light[i], PreparedQuery.minimumWeight)
            }
            if light != weights { initialLightWeights = light }
        }
        // A whole name of two words written apart in another script, one of them of one or two letters
        // ("لي نا" li na, "לי באי" li bai, "لو شون" lu shun: Chinese names), stays two words: the script
        // writes a one-word name as one ("لينا" Lina), and glued the two would be any listed word of that
        // sound (LENA, AL-LIBI, LUCHANO).
        let shortPair = crossScript?.shortWordApart == true && bytes.count == 2 && min(bytes[0].count, bytes[1].count) <= 2
        for i in 0..<max(0, bytes.count - 1) where !shortPair {
            // An Arabic article belongs to the word after it ("Mostafa El Sayed" is not
            // "mostafael" ~ MOSTAFAEI): it is glued to the word before only after a head written
            // apart ("Abd el Kader" ~ "abdel").
            if ArticleCompounds.articles.contains(written[i + 1]) && !ArticleCompounds.heads.contains(written[i]) { continue }
            let typed = written[i] + written[i + 1]
            let joined = Array((Abbreviations.canonical[typed] ?? typed).utf8)
            let sk = joined.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }
            // A split word rejoined is the word itself, or the word with one typo; an initial
            // written before a name ("C. Jung") is never part of it unless the two spell a listed
            // token exactly. Only tokens within one edit are looked for, in a cache of their own.
            let found = joinCache.value(joined) {
                space.tokensWithinOneEdit(joined, skeleton: sk, counts: &scratch.counts, touched: &scratch.touchedVocab)
            }
            let initial = bytes[i].count == 1 || bytes[i + 1].count == 1
            // A whole name of two short words glued with a typo besides ("PAN, Yu" or "Pan Na" ~ "panya")
            // is a guess too many: a letter of a two- or three-letter part is a third of its evidence.
            // Such parts are rejoined only into a listed word spelt so, or with two letters swapped
            // ("Hua Wie" ~ "huawei": every letter typed is there). In a longer name ("Abd al-Rahman")
            // the other words confirm the join.
            let short = bytes.count == 2 && max(bytes[0].count, bytes[1].count) <= PreparedQuery.shortJoinPart
            // Two words each written as some listed name writes it ("Babak Moradi") are two words,
            // not one listed word split and mistyped ("BABAMORADI"): only an exact join is theirs.
            let bothListed = ids[i] != nil && ids[i + 1] != nil && min(bytes[i].count, bytes[i + 1].count) >= PreparedQuery.listedJoinPart
            let syllables = crossScript.map { $0.exactSpelling && $0.fromScript[i] && $0.fromScript[i + 1] } ?? false
            for (id, s) in found where s >= 0.9 && (s == 1 || (!initial && !bothListed && !syllables && (!short || Self.sameLetters(joined, space.vocabulary[Int(id)]))
                                                                && Self.shortPartIntact(written[i], written[i + 1], in: space.vocabulary[Int(id)]))) {
                joins.append((i, id, s))
            }
        }
        if let x = crossScript {
            // "غازبروم بنك" gazbrum bnk is the listed "gazprombank": adjacent romanised tokens joined.
            // A business word read in English joins only the short rest of its word after it ("helicopters" +
            // "zu" for ヘリコプターズ), never a name before it ("tai" + "international" is no INTERNATIONAL).
            for i in 0..<max(0, bytes.count - 1) where x.fromScript[i] && x.fromScript[i + 1] && !shortPair
                && !x.asSpelt.contains(i + 1) && !(x.asSpelt.contains(i) && bytes[i + 1].count > 3) {
                for (id, s) in x.lookup(bytes[i] + bytes[i + 1]) where s >= PreparedQuery.closeEnough - 0.05 && !joins.contains(where: { $0.i == i && $0.id == id }) {
                    joins.append((i, id, s))
                }
            }
        }
        similarity = SimilarityTable(similar)
        units = weights.indices.map { AlignUnit(weight: weights[$0], key: Int32($0)) }
        for (i, f) in facts.enumerated() {
            for split in f.splits { splits.append((i, split.left, split.right, 1)) }
        }
        if let x = crossScript {
            // Beside any split the word's letters give as spelt: "binradin" (ビンラディン) is bin + RADIN as spelt,
            // and bin + LADEN as it sounds.
            for i in bytes.indices where x.runsWordsTogether && x.fromScript[i] && !x.asSpelt.contains(i) {
                // The article as the word opens it (al, el), or al.
                let article = x.articles.contains(i) || bytes[i].count < 2 ? nil : space.id(of: Array(bytes[i][..<2])) ?? space.id(of: Array("al".utf8))
                splits += PreparedQuery.soundSplits(bytes[i], at: i, article: article, lookup: x.lookup)
            }
        }
    }
}
