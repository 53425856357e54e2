import RedFlagCore

/// Loose phonetic comparison of a romanised non-Latin name token with a listed Latin token.
///
/// A foreign name written in another script loses and gains sounds in regular ways: Arabic script
/// has no p, v, o or e and leaves short vowels unwritten ("بوتين" butin for Putin), Korean and
/// Japanese break consonant clusters with epenthetic vowels and merge l and r ("블라디미르"
/// beulladimireu, "ウラジーミル" urajimiru for Vladimir), Chinese writes one syllable per consonant
/// ("弗拉基米尔" fulajimier, "普京" pujing), Hindi keeps an inherent a. Letter-based similarity
/// (Jaro-Winkler, edit distance) fails on all of these; here both tokens become sequences of
/// sound segments (consonant classes and vowel groups) aligned with costs that depend on the
/// script the query came from (`Lists/names/phonetic.tsv`): an epenthetic vowel of that script
/// costs almost nothing, a consonant of the same class little, a consonant gained or lost a lot.
///
/// Only queries written in a non-Latin script are compared so (the matcher never applies it to a
/// Latin query token), so it cannot raise false alarms on Latin names.
public enum PhoneticComparison {
    /// The script a query token came from: what decides which sounds it may have lost or gained.
    public enum Source: String, Sendable, CaseIterable {
        case cyrillic, greek, arabic, hebrew, hangul, han, kana, indic, southeast, other

        /// The source of an ISO 15924 script code, nil for Latin (or no script).
        public init?(script: String) {
            switch script {
            case "Latn": return nil
            case "Cyrl": self = .cyrillic
            case "Grek": self = .greek
            case "Arab": self = .arabic
            case "Hebr": self = .hebrew
            case "Hang": self = .hangul
            case "Hani": self = .han
            case "Hira", "Kana": self = .kana
            case "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh": self = .indic
            case "Thai", "Laoo", "Khmr", "Mymr": self = .southeast
            default: self = .other
            }
        }

        /// `allCases` once: it builds a new array on every call, and the tables are indexed by
        /// source for every listed token a query token is compared with.
        private static let cases = allCases

        /// Position in `allCases`: the index of this source's tables.
        var ordinal: Int { Source.cases.firstIndex(of: self)! }

        /// The source of a whole name: its dominant non-Latin script (Japanese written with kana
        /// and Han counts as kana), nil for a Latin name.
        public init?(name: String) {
            let script = ScriptDetector.script(of: name)
            if script == "Hani", name.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) {
                self = .kana
                return
            }
            self.init(script: script)
        }
    }

    /// Least phonetic similarity that counts as a match (the aligner's token floor).
    public static let floor = 0.8
    /// Least phonetic similarity for a query of one word, which no other word confirms.
    public static let singleWordFloor = 0.95
    /// The same for a word of at least `longWordConsonants` consonants (h and glides not counted):
    /// two or three consonants that sound alike are often another word ("ソニー" sonii for SONGI), but
    /// a longer run of them alike by chance is rare, while each script changes a long name's vowels
    /// and one or two of its sounds ("חיזבאללה" khizvlla for HIZBALLAH).
    public static let longSingleWordFloor = 0.88
    public static let longWordConsonants = 3

    /// The least phonetic similarity for `token`, the one word of a query romanised from `source`.
    public static func singleWordFloor(_ token: String, source: Source) -> Double {
        guard let s = segments(Array(token.utf8), source: source) else { return singleWordFloor }
        return key(s).count >= longWordConsonants ? longSingleWordFloor : singleWordFloor
    }

    /// One sound of a token: a consonant of a class, or a run of vowels.
    struct Segment: Equatable {
        var vowel: Bool
        /// Consonant class index, or the vowel group's letters as a bit set (a e i o u).
        var value: UInt8
        /// The grapheme as written (a consonant of the same class but another letter costs a little).
        var letters: UInt32
    }

    /// The place of a query letter read as a listed one in `Tables.letterCosts` (nil for a grapheme
    /// of several letters or a letter outside ASCII).
    @inline(__always) static func letterKey(_ query: UInt32, _ listed: UInt32) -> Int? {
        query < 128 && listed < 128 ? Int(query) &* 128 &+ Int(listed) : nil
    }

    /// A grapheme's letters packed as `Segment.letters` holds them (up to four bytes).
    static func packed(_ g: [UInt8]) -> UInt32 {
        var letters: UInt32 = 0
        for b in g.prefix(4) { letters = letters << 8 | UInt32(b) }
        return letters
    }

    /// The place of a query grapheme read as a listed one in `Tables.graphemeCosts`.
    @inline(__always) static func graphemeKey(_ query: UInt32, _ listed: UInt32) -> UInt64 { UInt64(query) << 32 | UInt64(listed) }

    /// Consonant classes: their order is the key alphabet.
    static let classNames: [Character] = ["P", "T", "K", "H", "S", "L", "M", "N", "W"]
    static let classP: UInt8 = 0
    static let classH: UInt8 = 3
    static let classW: UInt8 = 8

    /// Cost of a query's two vowels in a row for a listed vowel, w and vowel (`cost`), beside the
    /// vowels' own difference: as losing a glide costs.
    static let vowelGlideVowel = 0.2

    /// Whether class `c` is a glide or h, cheap to gain or lose and left out of keys.
    @inline(__always) static func weak(_ c: UInt8) -> Bool { c == classH || c == classW }

    /// Whether a transcription may gain or lose segment `s` cheaply: a glide or a plain h, not kh or a
    /// Greek ch, which every script writes ("خامنئي" khmn is not "Amen").
    @inline(__always) static func lightlyLost(_ s: Segment) -> Bool { s.value == classW || s.value == classH && s.letters == 104 }

    /// The tables of `Lists/names/phonetic.tsv`, read on first use.
    final class Tables: Sendable {
        static let shared = Tables()

        struct Gaps: Sendable {
            var vowelInsert: Double, vowelDelete: Double, consonantInsert: Double, consonantDelete: Double, glide: Double
        }

        /// grapheme → class, for each source (the general table with that source's readings on top).
        let graphemes: [[[UInt8]: UInt8]]
        /// Per source: the graphemes of its `reading` rows (an Arabic nq that writes ng: one sound, not two letters).
        let readingGraphemes: [Set<[UInt8]>]
        let longestGrapheme: Int
        /// 5 × 5 vowel costs.
        let vowels: [Double]
        /// `vowelGroups` of every two vowel groups (bit sets below 32), 32 × 32: worked out here
        /// once instead of for every pair of vowels the aligner meets.
        let vowelGroupCosts: [Double]
        /// Per source: 9 × 9 consonant class costs.
        let substitutes: [[Double]]
        let gaps: [Gaps]
        /// Per source: vowel group bits → cost of inserting it.
        let epenthetic: [[UInt32: Double]]
        /// Per source: vowel group as written → the vowels it stands for (bit set).
        let groups: [[UInt32: UInt8]]
        /// Per source: cost of a query vowel for a listed diphthong of that vowel and i/y (infinity: no
        /// such rule). Chinese transcription drops the glide of a diphthong ("尼古拉" nigula for Nikolai,
        /// "谢尔盖" for Sergei).
        let offglide: [Double]
        /// Per source: the cost of one letter read as another where the script writes the two apart
        /// (Arabic, Hebrew, Cyrillic, Greek and Indic scripts have an l and an r letter of their own:
        /// "فرهادی" frhd is no "Pulido"; Arabic and Hebrew never write a g with their h letters), keyed
        /// `letterKey(query, listed)` (nil for a source without such rows); kana, Hangul and Han merge l
        /// and r and keep the class's cost.
        let letterCosts: [[Double]?]
        /// Per source: the same for graphemes of several letters ("sh" read as "s" from Arabic, where
        /// ش and س are two letters), keyed `graphemeKey(query, listed)`; empty for most sources.
        let graphemeCosts: [[UInt64: Double]]

        init() {
            let sources = Source.allCases
            func sourceIndex(_ name: String, _ row: NameData.Row) -> [Int] {
                if name == "*" { return Array(sources.indices) }
                guard let s = Source(rawValue: name) else { NameData.fail("\(row.file):\(row.line): unknown source '\(name)'") }
                return [sources.firstIndex(of: s)!]
            }
            func classIndex(_ name: String, _ row: NameData.Row) -> UInt8 {
                guard let i = PhoneticComparison.classNames.firstIndex(of: Character(name)), name.count == 1 else {
                    NameData.fail("\(row.file):\(row.line): unknown class '\(name)'")
                }
                return UInt8(i)
            }
            func cost(_ text: String, _ row: NameData.Row) -> Double {
                guard let v = Double(text), v >= 0 else { NameData.fail("\(row.file):\(row.line): cost '\(text)' is not a number ≥ 0") }
                return v
            }
            var general: [[UInt8]: UInt8] = [:]
            var readings = [[[UInt8]: UInt8]](repeating: [:], count: sources.count)
            var vowels = [Double](repeating: 1, count: 25)
            for i in 0..<5 { vowels[i * 5 + i] = 0 }
            var substitutes = [[Double]](repeating: [Double](repeating: 1, count: 81), count: sources.count)
            var gaps = [Gaps?](repeating: nil, count: sources.count)
            var epenthetic = [[UInt32: Double]](repeating: [:], count: sources.count)
            var groups = [[UInt32: UInt8]](repeating: [:], count: sources.count)
            var offglide = [Double](repeating: .infinity, count: sources.count)
            var letterCosts = [[Double]?](repeating: nil, count: sources.count)
            var graphemeCosts = [[UInt64: Double]](repeating: [:], count: sources.count)
            var longest = 1
            // "*" rows first so that a source's own row overrides them whatever the file order.
            let rows = NameData.rows("phonetic.tsv")
            for star in [true, false] {
                for row in rows where (row.fields.count > 1 && row.fields[1] == "*") == star {
                    switch row.field(0) {
                    case "class" where star == false:
                        let c = classIndex(row.field(1), row)
                        for g in row.field(2).split(separator: " ") {
                            general[Array(g.utf8)] = c
                            longest = max(longest, g.utf8.count)
                        }
                    case "class": break
                    case "reading":
                        for s in sourceIndex(row.field(1), row) { readings[s][Array(row.field(2).utf8)] = classIndex(row.field(3), row) }
                    case "vowel":
                        guard let a = PhoneticComparison.vowelBit(row.field(1)), let b = PhoneticComparison.vowelBit(row.field(2)) else {
                            NameData.fail("\(row.file):\(row.line): vowels must be among a e i o u")
                        }
                        let x = a.trailingZeroBitCount, y = b.trailingZeroBitCount
                        vowels[x * 5 + y] = cost(row.field(3), row)
                        vowels[y * 5 + x] = vowels[x * 5 + y]
                    case "substitute":
                        let a = Int(classIndex(row.field(2), row)), b = Int(classIndex(row.field(3), row)), c = cost(row.field(4), row)
                        for s in sourceIndex(row.field(1), row) {
                            substitutes[s][a * 9 + b] = c
                            substitutes[s][b * 9 + a] = c
                        }
                    case "gap":
                        let g = Gaps(vowelInsert: cost(row.field(2), row), vowelDelete: cost(row.field(3), row), consonantInsert: cost(row.field(4), row),
                                     consonantDelete: cost(row.field(5), row), glide: cost(row.field(6), row))
                        for s in sourceIndex(row.field(1), row) { gaps[s] = g }
                    case "epenthetic":
                        for v in row.field(2).unicodeScalars where PhoneticComparison.vowelBit(String(v)) == nil {
                            NameData.fail("\(row.file):\(row.line): '\(v)' is not a vowel")
                        }
                        for s in sourceIndex(row.field(1), row) { epenthetic[s][PhoneticComparison.groupKey(row.field(2))] = cost(row.field(3), row) }
                    case "letters":
                        let a = Array(row.field(2).utf8), b = Array(row.field(3).utf8), c = cost(row.field(4), row)
                        // "one-way": the query letter a read as the listed b only (Hangul's final ㄹ is an l, while
                        // its initial ㄹ writes both l and r).
                        let oneWay = row.fields.count > 5 && row.field(5) == "one-way"
                        guard row.fields.count <= 5 || oneWay else { NameData.fail("\(row.file):\(row.line): a sixth field may only be 'one-way'") }
                        // The glide y, read before a vowel (`segments`), is a consonant letter too.
                        let glide: [UInt8] = [121]
                        guard a.count <= 4, b.count <= 4, general[a] != nil || a == glide, general[b] != nil || b == glide else {
                            NameData.fail("\(row.file):\(row.line): letters '\(row.field(2))' and '\(row.field(3))' must be consonant graphemes of the class rows")
                        }
                        if a.count > 1 || b.count > 1 {
                            let x = PhoneticComparison.packed(a), y = PhoneticComparison.packed(b)
                            for s in sourceIndex(row.field(1), row) {
                                graphemeCosts[s][PhoneticComparison.graphemeKey(x, y)] = c
                                if !oneWay { graphemeCosts[s][PhoneticComparison.graphemeKey(y, x)] = c }
                            }
                            continue
                        }
                        for s in sourceIndex(row.field(1), row) {
                            var table = letterCosts[s] ?? [Double](repeating: -1, count: 128 * 128)
                            table[PhoneticComparison.letterKey(UInt32(a[0]), UInt32(b[0]))!] = c
                            if !oneWay { table[PhoneticComparison.letterKey(UInt32(b[0]), UInt32(a[0]))!] = c }
                            letterCosts[s] = table
                        }
                    case "offglide":
                        for s in sourceIndex(row.field(1), row) { offglide[s] = cost(row.field(2), row) }
                    case "group":
                        var bits: UInt8 = 0
                        for v in (row.field(2) + row.field(3)).unicodeScalars where PhoneticComparison.vowelBit(String(v)) == nil {
                            NameData.fail("\(row.file):\(row.line): '\(v)' is not a vowel")
                        }
                        for v in row.field(3).unicodeScalars { bits |= PhoneticComparison.vowelBit(String(v))! }
                        for s in sourceIndex(row.field(1), row) { groups[s][PhoneticComparison.groupKey(row.field(2))] = bits }
                    default:
                        NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))'")
                    }
                }
            }
            guard !general.isEmpty else { NameData.fail("names/phonetic.tsv: no class rows") }
            for s in sources.indices {
                for c in 0..<9 { substitutes[s][c * 9 + c] = 0.05 }
            }
            self.graphemes = readings.map { general.merging($0) { _, reading in reading } }
            self.readingGraphemes = readings.map { Set($0.keys) }
            self.longestGrapheme = longest
            self.vowels = vowels
            var groupCosts = [Double](repeating: 0, count: 32 * 32)
            for a in 0..<32 {
                for b in 0..<32 { groupCosts[a * 32 + b] = PhoneticComparison.vowelGroups(UInt8(a), UInt8(b), vowels: vowels) }
            }
            self.vowelGroupCosts = groupCosts
            self.substitutes = substitutes
            self.gaps = gaps.enumerated().map { i, g in
                guard let g else { NameData.fail("names/phonetic.tsv: no gap row for source \(sources[i].rawValue) (nor '*')") }
                return g
            }
            self.epenthetic = epenthetic
            self.groups = groups
            self.offglide = offglide
            self.letterCosts = letterCosts
            self.graphemeCosts = graphemeCosts
        }
    }

    static func vowelBit(_ s: String) -> UInt8? {
        switch s {
        case "a": return 1
        case "e": return 2
        case "i", "y": return 4
        case "o": return 8
        case "u": return 16
        default: return nil
        }
    }

    /// A vowel group as written, packed (up to four letters) to tell epenthetic groups apart.
    static func groupKey(_ s: String) -> UInt32 {
        var k: UInt32 = 0
        for b in s.utf8.prefix(4) { k = k << 8 | UInt32(b) }
        return k
    }

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }

    /// The sound segments of a lower-case ASCII token read as romanised from `source` (nil: a
    /// listed Latin token). Nil when the token holds anything but letters.
    /// The digraphs the romanisation of Arabic-script letters writes (`Transliterator`), and the two
    /// letters Arabic writes a foreign sound with: تش tsh for ch ("تشيميزوف" Chemezov), نغ ngh for a
    /// final ng ("بوينغ" Boeing).
    private static let arabicDigraphs: Set<[UInt8]> = Set(["th", "dh", "kh", "sh", "gh", "zh", "ch", "tsh", "ng"].map { Array($0.utf8) })

    /// The letters of a listed "ll" between vowels (`segments`): an l to every query letter l, and the y,
    /// j or zh of a Spanish name's ll to a glide or those letters (`cost`).
    static let spanishLL: UInt32 = 0x6C6C

    /// The letters of a listed word's final "c" after an i (`segments`): the k of "Atlantic", or the ć of a
    /// South Slavic surname the lists write without its accent ("Karadžić" KARADZIC, "Milošević"), which
    /// every other script writes ch ("カラジッチ", "Караджич", "كاراديتش"): a k to a query k, and a ch to a
    /// query sibilant (`cost`).
    static let finalIC: UInt32 = 0x6963

    static func segments(_ t: [UInt8], source: Source?) -> [Segment]? {
        guard !t.isEmpty, t.allSatisfy({ (97...122).contains($0) }) else { return nil }
        let tables = Tables.shared
        let s = (source ?? .other).ordinal
        let graphemes = tables.graphemes[s]
        let abjad = source == .arabic || source == .hebrew
        var out: [Segment] = []
        var i = 0
        while i < t.count {
            let c = t[i]
            if c == 121, i + 1 < t.count, isVowel(t[i + 1]), t[i + 1] != 121 {
                // y before a vowel is a glide ("yevgeniy", "doyota"), not a vowel that merges with its neighbours.
                out.append(Segment(vowel: false, value: classW, letters: 121))
                i += 1
                continue
            }
            if source == nil, c == 113, i + 2 < t.count, t[i + 1] == 117, isVowel(t[i + 2]) {
                // A listed "qu" before a vowel is k in Spanish, French and Portuguese names (Joaquin, Marquez,
                // Jacques); the u is silent (and an English kw keeps only a glide, cheap to lose).
                out.append(Segment(vowel: false, value: 2, letters: 113))
                i += 2
                continue
            }
            if c == 105, source != .han, i > 0, !isVowel(t[i - 1]), i + 1 < t.count,
               (isVowel(t[i + 1]) && t[i + 1] != 105 && t[i + 1] != 121) || (t[i + 1] == 121 && i + 2 < t.count && isVowel(t[i + 2]) && t[i + 2] != 121) {
                // An i between a consonant and a vowel is the glide y, however it is written: "Maria", "Mariya"
                // (Мария), "Marija"; "Natalia", "Natalya"; "William", "Уильям" uilyam. An i before the glide y
                // ("iya") is the same glide written twice: the y reads it.
                if t[i + 1] != 121 { out.append(Segment(vowel: false, value: classW, letters: 121)) }
                i += 1
                continue
            }
            if source == .cyrillic, i == 0, c == 117, t.count > 2, isVowel(t[1]), t[1] != 117, t[1] != 121 {
                // Russian writes an English w before a vowel as у ("Уильям" William, "Уолтер" Walter, "Уэйн"
                // Wayne); no Russian word or name opens with у and another vowel.
                out.append(Segment(vowel: false, value: classW, letters: 119))
                i += 1
                continue
            }
            if source == nil, c == 108, i > 0, isVowel(t[i - 1]), i + 2 < t.count, t[i + 1] == 108, isVowel(t[i + 2]) {
                // A listed "ll" between vowels is an l, or the y of a Spanish name the press of other scripts
                // writes so ("Cabello": "كابيو", "카베요", "カベジョ"): one segment of its own (`spanishLL`).
                out.append(Segment(vowel: false, value: 5, letters: spanishLL))
                i += 2
                continue
            }
            if source == nil, c == 99, i == t.count - 1, i > 0, t[i - 1] == 105 {
                out.append(Segment(vowel: false, value: 2, letters: finalIC))
                i += 1
                continue
            }
            if source == nil, c == 99, i + 1 < t.count, t[i + 1] == 101 || t[i + 1] == 105 || t[i + 1] == 121 {
                // A listed c before e, i or y is soft in every Latin orthography (s in Spanish, French and
                // Portuguese, ch in Italian, ts in German and Polish): "Cilia" is the "Силия" of the press.
                out.append(Segment(vowel: false, value: 4, letters: 99))
                i += 1
                continue
            }
            if isVowel(c) {
                var j = i
                var bits: UInt8 = 0
                var key: UInt32 = 0
                while j < t.count, isVowel(t[j]), !(t[j] == 121 && j + 1 < t.count && isVowel(t[j + 1]) && t[j + 1] != 121) {
                    // Cyrillic ы, romanised y, lies between i and u ("Ын" for Un).
                    bits |= t[j] == 121 && source == .cyrillic ? 20 : (t[j] == 121 ? 4 : vowelBit(String(UnicodeScalar(t[j])))!)
                    if j - i < 4 { key = key << 8 | UInt32(t[j]) }
                    j += 1
                }
                if source == .han, j < t.count, t[j] == 114, j - i >= 2, t[j - 1] == 101 {
                    // 尔 er after another syllable is a final r ("米尔" mier for mir, "谢尔盖" xieergai):
                    // its e is no vowel of the name.
                    bits = 0
                    key = 0
                    for k in i..<(j - 1) {
                        bits |= vowelBit(String(UnicodeScalar(t[k])))!
                        if k - i < 4 { key = key << 8 | UInt32(t[k]) }
                    }
                }
                if source != nil, let read = tables.groups[s][key], j - i <= 4 { bits = read }
                out.append(Segment(vowel: true, value: bits, letters: key))
                i = j
                continue
            }
            if c == 120 && source != .han {
                // x is k + s outside pinyin.
                out.append(Segment(vowel: false, value: 2, letters: 107))
                out.append(Segment(vowel: false, value: 4, letters: 115))
                i += 1
                continue
            }
            var matched = false
            for length in stride(from: min(tables.longestGrapheme, t.count - i), through: 1, by: -1) {
                let g = Array(t[i..<(i + length)])
                // "ng" before a vowel is n + g ("angola"), except in pinyin where syllables end in ng.
                // (and in Hindi, which writes ng as anusvara + g: "जोंग" jonga for Jong).
                if g == [110, 103], i + 2 < t.count, isVowel(t[i + 2]), source != .han, source != .hangul, source != .indic { continue }
                // A name romanised from Arabic script writes one letter as one of its digraphs only (th, dh,
                // kh, sh, gh, zh, ch; `arabicDigraphs`): "tz", "ts", "dz" there are two letters, ت and ض in
                // "mrtzwi" (Mortazavi). Or as a sound its `reading` rows name: a foreign ng written نق nq ("ملونق" Malong).
                if source == .arabic, length > 1, !Self.arabicDigraphs.contains(g), !tables.readingGraphemes[s].contains(g) { continue }
                guard var cls = graphemes[g] else { continue }
                if length == 1 && c == 99 && source != .han {
                    // c before e, i, y is soft.
                    cls = i + 1 < t.count && (t[i + 1] == 101 || t[i + 1] == 105 || t[i + 1] == 121) ? 4 : 2
                }
                var letters: UInt32 = 0
                for b in g.prefix(4) { letters = letters << 8 | UInt32(b) }
                // An Arabic nq or ngh that writes ng is the letters ng: "ng" as listed, not a listed n (`cost`).
                if source == .arabic, length > 1, cls == 7, tables.readingGraphemes[s].contains(g) { letters = 0x6E67 }
                if let last = out.last, !last.vowel, last.value == cls, !abjad || last.letters == letters {
                    // A doubled letter is one sound ("ll", "mm"), and so are two of one class
                    // that meet (Korean "beulra" for bla, "dt"); not two letters of an abjad, whose
                    // vowel between them is unwritten ("ולרי" vlri, Valery: l and r are two sounds).
                } else {
                    out.append(Segment(vowel: false, value: cls, letters: letters))
                }
                i += length
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        if source == .kana || source == .han {
            // Japanese writes m before m, b, p as ン n ("モハンマド" for Mohammad), and so does Chinese
            // transcription with a syllable's n ("穆罕默德" muhanmode for Muhammad).
            var k = 0
            while k + 1 < out.count {
                if !out[k].vowel, out[k].value == 7, !out[k + 1].vowel, out[k + 1].value == 6 || out[k + 1].value == 0 {
                    if out[k + 1].value == 6 { out.remove(at: k); continue }
                    out[k] = Segment(vowel: false, value: 6, letters: 109)
                }
                k += 1
            }
        }
        return out
    }

    /// Query segments romanised from Arabic script with each digraph th, sh, dh or zh read as its two
    /// letters, nil when there is none. The romanisation writes ث th and ش sh, but also ط or ت before ه
    /// or ح as "th", س before ه as "sh", ز before ه as "zh" ("طه" Taha, "سهيل" Suhail, "زهرا" Zahra,
    /// "دحلان" Dahlan): the short vowel between the two letters is unwritten, so the string alone cannot
    /// tell one letter from two. The matcher compares both readings with a listed token and keeps the
    /// nearer (`PhoneticIndex.similar`), the two letters only when they sound all but exactly like the
    /// listed word (`lettersApartFloor`). Not kh or gh: خ and غ open many names, and ك or گ before ه
    /// few ("خان" khan is no KAHANE).
    static func arabicLettersApart(_ segments: [Segment]) -> [Segment]? {
        func apart(_ s: Segment) -> Bool { !s.vowel && (s.letters == 0x7468 || s.letters == 0x7368 || s.letters == 0x6468 || s.letters == 0x7A68) }
        guard segments.contains(where: apart) else { return nil }
        let graphemes = Tables.shared.graphemes[Source.arabic.ordinal]
        var out: [Segment] = []
        out.reserveCapacity(segments.count + 2)
        for s in segments {
            let first = UInt8(truncatingIfNeeded: s.letters >> 8)
            guard apart(s), let cls = graphemes[[first]] else {
                out.append(s)
                continue
            }
            out.append(Segment(vowel: false, value: cls, letters: UInt32(first)))
            out.append(Segment(vowel: false, value: classH, letters: 104))
        }
        return out
    }

    /// The consonant classes of `segments` without h and glides, equal neighbours merged: the
    /// key under which the phonetic index files a token (every class a letter P…N).
    static func key(_ segments: [Segment]) -> [UInt8] {
        var out: [UInt8] = []
        for s in segments where !s.vowel && !weak(s.value) {
            if out.last != s.value { out.append(s.value) }
        }
        return out
    }

    /// Cost of aligning query segments `q` (romanised from `source`) with listed segments `l`.
    /// With a `limit`, the alignment stops as soon as every way through it costs more than
    /// `limit`, and returns that (a cost above `limit`, not the full one): a query token is
    /// compared with hundreds of listed tokens, most of them far from it.
    static func cost(_ q: [Segment], _ l: [Segment], source: Source, limit: Double = .infinity) -> Double {
        q.withUnsafeBufferPointer { q in l.withUnsafeBufferPointer { l in cost(q, l, source: source, limit: limit) } }
    }

    /// `cost` of segments in place (the phonetic index keeps every listed token's in one array).
    static func cost(_ q: UnsafeBufferPointer<Segment>, _ l: UnsafeBufferPointer<Segment>, source: Source, limit: Double = .infinity) -> Double {
        let tables = Tables.shared
        let s = source.ordinal
        let gaps = tables.gaps[s], substitutes = tables.substitutes[s], epenthetic = tables.epenthetic[s]
        let groupCosts = tables.vowelGroupCosts
        let offglide = tables.offglide[s]
        let letterCosts = tables.letterCosts[s]
        let graphemeCosts = tables.graphemeCosts[s]
        let abjad = source == .arabic || source == .hebrew
        let n = q.count, m = l.count
        // The h letters of Arabic and Hebrew (ح ه, ח ה) are consonants inside a word, which Latin spellings
        // write ("شهاب" Shahab is no Cheib, "حسین" Hossein no Yassine); only a final one may be a vowel.
        func insert(_ x: Segment, last: Bool) -> Double {
            if x.vowel { return epenthetic[x.letters] ?? gaps.vowelInsert }
            if abjad && !last && x.letters == 104 { return gaps.consonantInsert }
            return lightlyLost(x) ? gaps.glide : gaps.consonantInsert
        }
        func delete(_ y: Segment) -> Double {
            if y.vowel { return gaps.vowelDelete }
            return lightlyLost(y) ? gaps.glide : gaps.consonantDelete
        }
        func vowels(_ a: UInt8, _ b: UInt8) -> Double { groupCosts[Int(a) &* 32 &+ Int(b)] }
        // A listed name's final h after a vowel is silent (Arabic ta marbuta, Persian he: "Hizballah",
        // "Nasrallah", "Fatemeh"): other scripts' transcriptions leave it out.
        let silentFinalH = m >= 2 && l[m - 1].letters == 104 && l[m - 2].vowel
        func substitute(_ x: Segment, _ y: Segment) -> Double {
            if x.vowel != y.vowel { return .infinity }
            if x.vowel {
                // Cyrillic ы (bits i and u) is read as either.
                if x.value == 20 { return min(vowels(4, y.value), vowels(16, y.value)) }
                // The Arabic and Hebrew scripts have no letters for e and o: their i and u letters write them too
                // (and Hebrew's vav o is also u).
                if abjad, x.value == 4 || x.value == 16 || x.value == 8 {
                    return min(vowels(x.value, y.value), vowels(x.value == 4 ? 2 : x.value == 16 ? 8 : 16, y.value) + 0.05)
                }
                // A listed diphthong ai, ei, oi, ui (ay, ey…) for its first vowel alone, where the script drops the glide.
                if offglide < 1, x.value != 4, y.value == x.value | 4, x.value.nonzeroBitCount == 1 { return min(offglide, vowels(x.value, y.value)) }
                return vowels(x.value, y.value)
            }
            if x.letters == y.letters { return 0 }
            if y.letters == PhoneticComparison.finalIC {
                if x.value == 4 { return 0.2 }
                return substitute(x, Segment(vowel: false, value: y.value, letters: 99))
            }
            if y.letters == PhoneticComparison.spanishLL {
                if x.value == classW || x.letters == 106 || x.letters == 0x7A68 { return 0.3 }
                return substitute(x, Segment(vowel: false, value: y.value, letters: 108))
            }
            // A listed j is h in Spanish names (Joaquin, Juarez) and y in German and Slavic ones (Jürgen,
            // Jovan): other scripts write it so ("Хоакин", "ホアキン", "Йован").
            // Not where the script writes y and j with letters of their own (Indic य ज: a row of the table).
            if y.letters == 106, x.value == classH || x.value == classW {
                if let letterCosts, let k = PhoneticComparison.letterKey(x.letters, y.letters), letterCosts[k] >= 0 { return letterCosts[k] }
                return 0.3
            }
            // Japanese フ fu writes a foreign h before u and a final h as well as f ("ナスルッラーフ" Nasrallah,
            // "フライン" Hlaing).
            if source == .kana, x.letters == 102, y.value == classH { return 0.3 }
            // The glide y is no lip sound: the P-W cost is for w, which writes v and b ("英特尔" yingteer is no FINDER).
            if (x.letters == 121 && y.value == classP) || (y.letters == 121 && x.value == classP) { return 1 }
            if let letterCosts, let k = PhoneticComparison.letterKey(x.letters, y.letters), letterCosts[k] >= 0 { return letterCosts[k] }
            if !graphemeCosts.isEmpty, let c = graphemeCosts[PhoneticComparison.graphemeKey(x.letters, y.letters)] { return c }
            return substitutes[Int(x.value) * 9 + Int(y.value)]
        }
        // A listed name's final r after a vowel is unsounded in the English the press transcribes: Chinese
        // writes "Miller" 米勒 mile, Japanese ミラー, Korean 밀러 (a final 尔 er, ー or 러 still reads it).
        let silentFinalR = (source == .han || source == .kana || source == .hangul) && m >= 2 && l[m - 1].letters == 114 && l[m - 2].vowel
        // So is an r closing a syllable before another consonant ("Robert" ロバート robato, 罗伯特 luobote, 로버트).
        let silentCodaR = source == .han || source == .kana || source == .hangul
        // A listed final t after a vowel and n is silent in French names ("Laurent" Лоран, ローラン, 洛朗, لوران).
        let silentFinalNT = m >= 3 && l[m - 1].letters == 116 && l[m - 2].letters == 110 && l[m - 3].vowel
        // So is a listed final e after a consonant and a vowel in English and French names ("Grace" グレース gurēsu,
        // "Blaise" ブレーズ): the script writes the word as it sounds. Not in a word of four sounds or fewer ("Life"
        // is no レフ refu): too little is left to tell.
        let silentFinalE = m >= 5 && l[m - 1].vowel && l[m - 1].letters == 101 && !l[m - 2].vowel && l[m - 3].vowel
        func deleteAt(_ j: Int) -> Double {
            if silentCodaR, j > 0, j < m - 1, l[j].letters == 114, l[j - 1].vowel, !l[j + 1].vowel { return min(0.3, delete(l[j])) }
            guard j == m - 1 else { return delete(l[j]) }
            if silentFinalNT { return min(0.2, delete(l[j])) }
            if silentFinalE { return min(0.2, delete(l[j])) }
            return silentFinalH ? min(0.1, delete(l[j])) : silentFinalR ? min(0.3, delete(l[j])) : delete(l[j])
        }
        // Hangul writes a syllable's final n and ng with letters of their own (ㄴ, ㅇ): "장" jang is no "jan", "원"
        // won no "wong". A listed n before a k sound is the ng the script writes ("링컨" ringkeon, Lincoln). Arabic
        // writes a foreign ng with a letter after its n (نغ, نق: "لانغ" Lang is no LIN), but may leave the g out.
        let writesFinalNG = source == .hangul || source == .arabic
        let glidesOnly = abjad && !l.contains { !$0.vowel && !weak($0.value) }
        func finalsApart(_ x: Segment, _ j: Int) -> Bool {
            let y = l[j]
            if x.letters == 0x6E67 && y.letters == 110 { return !(j + 1 < m && !l[j + 1].vowel && l[j + 1].value == 2) }
            return source == .hangul && x.letters == 110 && y.letters == 0x6E67
        }
        // No Chinese syllable ends in m: the transcription writes a foreign name's final m with a syllable's n or
        // ng ("威廉" weilian for William, "伊斯兰" yisilan for Islam, "亚当" yadang for Adam). Only in a word of two
        // syllables or more: a one-syllable foreign name takes 姆 mu ("汤姆" tangmu, Tom), and a lone syllable
        // ending in n is a Chinese word's ("西安" xian is no CHAM).
        let finalNasalForM = source == .han && n >= 2 && m >= 2 && !q[n - 1].vowel && q[n - 1].value == 7 && l[m - 1].letters == 109
            && q.lazy.filter(\.vowel).count >= 2
        // Two rows and the listed side's deletions, on the stack: no allocation per listed token.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * (m + 1)) { buffer in
            var prev = UnsafeMutableBufferPointer(rebasing: buffer[0...m])
            var cur = UnsafeMutableBufferPointer(rebasing: buffer[(m + 1)...(2 * m + 1)])
            let deletions = UnsafeMutableBufferPointer(rebasing: buffer[(2 * m + 2)...])
            prev[0] = 0
            for j in 0..<m {
                deletions[j] = deleteAt(j)
                prev[j + 1] = prev[j] + deletions[j]
            }
            for i in 0..<n {
                let x = q[i], inserted = insert(x, last: i == n - 1)
                cur[0] = prev[0] + inserted
                var least = cur[0]
                for j in 0..<m {
                    var sub = substitute(x, l[j])
                    if writesFinalNG, !x.vowel, sub < 0.6, finalsApart(x, j) { sub = 0.6 }
                    if finalNasalForM, i == n - 1, j == m - 1 { sub = min(sub, hanFinalM) }
                    // Hebrew's vav writes the consonant v as well as the vowels o and u, and the romanisation reads it as
                    // the vowel inside a word ("לוי" loi for Levi, "דוד" dod for David, "לויטין" loitin for Levitin).
                    if source == .hebrew, x.vowel, x.value == 8 || x.value == 16, !l[j].vowel, l[j].letters == 118 || l[j].letters == 119 {
                        sub = min(sub, hebrewVav)
                    }
                    if abjad {
                        // The abjads' letters ي and و (י ו) write both the vowels i and u and the glides y and w, as
                        // in the ending ية -iya before the final ه ة ("هنية" hnyh, Haniya); and a final ه ة ה writes the
                        // vowel a or e ("حمية" Hamiya, "אוסאמה" Usama). So in a name of h and glides alone ("یحیی" Yahya).
                        let y = l[j]
                        if x.vowel, !y.vowel, y.value == classW, (i == n - 2 && q[n - 1].letters == 104) || glidesOnly,
                           (x.value == 4 && y.letters == 121) || (x.value == 16 && y.letters == 119) {
                            sub = min(sub, abjadVowelLetter)
                        } else if i == n - 1, j == m - 1, !x.vowel, x.letters == 104, y.vowel, y.value & 3 != 0, y.value & ~3 == 0 {
                            sub = min(sub, abjadVowelLetter)
                        }
                    }
                    var v = min(prev[j + 1] + inserted, cur[j] + deletions[j], prev[j] + sub)
                    // Two vowels in a row read as the listed vowel, w, vowel ("দাউদ" daud for Dawood, "شوكت"
                    // shaukat for Shawkat): the script writes the w between them as the second vowel. Not a listed
                    // y, which is a consonant of its own ("Seyed" for سید is no "سعید" Saeed).
                    if x.vowel, x.value.nonzeroBitCount >= 2, j >= 2, l[j].vowel, l[j - 1].letters == 119, l[j - 2].vowel {
                        v = min(v, prev[j - 2] + vowelGlideVowel + vowels(x.value, l[j - 2].value | l[j].value))
                    }
                    // Japanese ウ u at the start of a word stands for w or v before another sound ("ウラジーミル" Vladimir).
                    if source == .kana && i == 0 && j == 0 && q[0].vowel && q[0].value == 16 && !l[0].vowel && (l[0].value == 0 || l[0].value == classW) {
                        v = min(v, 0.2)
                    }
                    cur[j + 1] = v
                    least = min(least, v)
                }
                // Every cost is ≥ 0, so the cheapest cell of a row bounds every later row from below.
                if least > limit { return least }
                swap(&prev, &cur)
            }
            return prev[m]
        }
    }

    /// Cost of a listed final m read from a Chinese transcription's final n or ng (`cost`).
    static let hanFinalM = 0.2

    /// Cost of a listed v or w read from a Hebrew vav romanised as the vowel o or u (`cost`).
    static let hebrewVav = 0.15

    /// Cost of reading vowel group `a` as `b` (bit sets): the farthest any vowel of either group is
    /// from the nearest of the other ("ou" ~ "u" 0.2, "io" ~ "o" 0.5, "au" ~ "i" 0.5), so a
    /// diphthong does not pass for any vowel it holds.
    static func vowelGroups(_ a: UInt8, _ b: UInt8, vowels: [Double]) -> Double {
        if a == b { return 0 }
        var worst = 0.0
        for (x, y) in [(a, b), (b, a)] {
            for p in 0..<5 where x & (1 << p) != 0 {
                var nearest = 1.0
                for q in 0..<5 where y & (1 << q) != 0 { nearest = min(nearest, vowels[p * 5 + q]) }
                worst = max(worst, nearest)
            }
        }
        return worst
    }

    /// Phonetic similarity in [0, 1] of a query token romanised from `source` with listed segments:
    /// one minus the alignment cost per consonant (the larger side's count, plus a half).
    static func similarity(_ q: [Segment], _ l: [Segment], source: Source) -> Double {
        q.withUnsafeBufferPointer { q in
            l.withUnsafeBufferPointer { l in similarity(q, l, source: source, consonants: (strongConsonants(q), strongConsonants(l))) }
        }
    }

    /// `similarity` with each side's `strongConsonants` given (the phonetic index counts a listed
    /// token's once). With `least` > 0, a similarity below `least` may be returned lower than it
    /// is (the alignment stops once it cannot reach `least`); one of at least `least` is exact.
    static func similarity(_ q: UnsafeBufferPointer<Segment>, _ l: UnsafeBufferPointer<Segment>, source: Source, consonants: (q: Int, l: Int),
                           least: Double = 0) -> Double {
        var consonants = consonants
        if consonants.q == 0 || consonants.l == 0 {
            // A name of h and glides alone ("yahya", "יחיא" ykhi): measured per consonant of any kind.
            consonants = (allConsonants(q), allConsonants(l))
        }
        guard consonants.q > 0, consonants.l > 0 else { return 0 }
        let per = Double(max(consonants.q, consonants.l)) + 0.5
        // 1 - c / per ≥ least needs c ≤ (1 - least) × per; the margin keeps rounding out of it.
        let c = cost(q, l, source: source, limit: least > 0 ? (1 - least) * per + 1e-9 : .infinity)
        return max(0, 1 - c / per)
    }

    /// How many consonants of `segments` are neither h nor a glide: what a similarity is measured per.
    static func strongConsonants<C: Collection<Segment>>(_ segments: C) -> Int {
        var n = 0
        for s in segments where !s.vowel && !weak(s.value) { n += 1 }
        return n
    }

    /// Whether `a`, romanised from `source`, is `b` with one consonant put for another that the script writes
    /// with a letter of its own, every other letter the same: the two words do not sound alike
    /// (`similarity` under `otherLetterCeiling`: "amini" / "amidi" from Arabic, n and d; "irina" / "idina" from
    /// Cyrillic, р and д). Letters the script merges, or sounds near, stay alike ("saadi" / "saati").
    static func otherLetter<C: Collection<UInt8>>(_ a: [UInt8], _ b: C, source: Source) -> Bool {
        guard a.count == b.count, a.count >= 3 else { return false }
        var differing: (UInt8, UInt8)?
        for (x, y) in zip(a, b) where x != y {
            guard differing == nil else { return false }
            differing = (x, y)
        }
        guard let (x, y) = differing, !isVowel(x), !isVowel(y), let q = segments(a, source: source), let l = segments(Array(b), source: nil) else {
            return false
        }
        return similarity(q, l, source: source) < otherLetterCeiling
    }

    /// The phonetic similarity under which one consonant for another is another letter (`otherLetter`):
    /// clearly apart, below the floor of what sounds alike, since a transcription's own oddities ("aveys"
    /// Авейс for AWEYS) may sound a little less alike than they are.
    static let otherLetterCeiling = 0.7

    /// Cost of an Arabic or Hebrew vowel letter read as the glide or final vowel it also writes (`cost`).
    static let abjadVowelLetter = 0.1

    /// The least phonetic similarity of an Arabic digraph read as two letters (`arabicLettersApart`).
    static let lettersApartFloor = 0.95

    /// How many consonants of `segments` are not glides (h counted): what the two letters of a digraph
    /// read apart are measured per (`arabicLettersApart`).
    static func consonantsWithH<C: Collection<Segment>>(_ segments: C) -> Int {
        segments.reduce(0) { $0 + ($1.vowel || $1.value == classW ? 0 : 1) }
    }

    /// How many consonants `segments` has, h and glides included: what a token of h and glides alone
    /// is measured per.
    static func allConsonants<C: Collection<Segment>>(_ segments: C) -> Int {
        segments.reduce(0) { $0 + ($1.vowel ? 0 : 1) }
    }

    /// The key of a token of h and glides alone ("yahya" → W H W): its consonants, equal neighbours
    /// merged; empty when the token has another consonant (it has a `key` then) or none.
    static func weakKey(_ segments: [Segment]) -> [UInt8] {
        var out: [UInt8] = []
        for s in segments where !s.vowel {
            guard weak(s.value) else { return [] }
            if out.last != s.value { out.append(s.value) }
        }
        return out
    }

    /// What the aligner credits for phonetic similarity `s` (≥ `floor`): a transcription never
    /// spells a name exactly, so a phonetic 0.8 (a class changed, a vowel read otherwise) is
    /// credited 0.85 and 1 stays 1, between a typo's credit and the spelling itself.
    static func credit(_ s: Double) -> Double { min(1, 0.85 + (s - floor) * 0.75) }

    /// Phonetic similarity of two tokens (the query token romanised from `source`).
    public static func similarity(query: String, source: Source, listed: String) -> Double {
        guard let q = segments(Array(query.utf8), source: source), let l = segments(Array(listed.utf8), source: nil) else { return 0 }
        return similarity(q, l, source: source)
    }
}
