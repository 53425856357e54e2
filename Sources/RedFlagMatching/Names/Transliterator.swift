import Foundation
import RedFlagCore

/// Turns any script into plain Latin letters the way the sanctions lists romanise names, so a
/// name published in Cyrillic, Arabic, Han or Hangul can meet its listed spelling.
///
/// Table-driven for the scripts the lists' parties write in (tables in `Lists/names/`, read on
/// first use): Russian, Ukrainian and Belarusian Cyrillic each with their own letter values
/// (BGN/PCGN: Ukrainian г → h, и → y), Greek, Arabic, Persian and Urdu (short vowels are not
/// written, so a word of three or more consonants becomes its consonant skeleton, "محمد" → "mhmd",
/// which the matcher compares with "Mohammed" by consonants), Hebrew, Hangul (the DPRK/McCune-
/// Reischauer spelling the lists use for North Korean names: "김정은" → "kim jong un") and Han
/// (toneless pinyin with a name's syllables joined, business words in English: "华为技术有限公司"
/// → "huawei technology co., ltd."), and Thai, Lao, Khmer and Burmese syllable by syllable
/// (`SoutheastAsianScripts`: ICU has no Khmer or Lao transform here). Other scripts (kana,
/// Devanagari and other Indic scripts, Armenian, Georgian…) go through Foundation's ICU `toLatin`
/// transform. Results are cached.
public enum Transliterator {
    private static let cache = LockedCache()

    /// True when `s` holds a letter outside Latin (so it needs transliteration).
    public static func needsTransliteration(_ s: String) -> Bool {
        for u in s.unicodeScalars where u.value >= 0x250 {
            if let script = ScriptDetector.script(of: u), script != "Latn" { return true }
        }
        return false
    }

    /// The Latin rendering of `s` (diacritics of the ICU fallback still present; the normaliser
    /// strips them).
    public static func toLatin(_ s: String) -> String {
        guard needsTransliteration(s) else { return s }
        if let hit = cache.get(s) { return hit }
        let latin = romanise(s)
        cache.set(s, latin)
        return latin
    }

    /// The scripts romanised from tables here; everything else non-Latin goes to ICU.
    enum Kind: Equatable {
        case cyrillic, greek, arabic, hebrew, hangul, han, southeast, otherScript, neutral

        init(_ u: Unicode.Scalar) {
            switch u.value {
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x591...0x5F4, 0xFB1D...0xFB4F: self = .hebrew
            case 0xAC00...0xD7A3: self = .hangul
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: self = .han
            case 0..<0x250: self = .neutral
            default:
                if SoutheastAsianScripts.covers(u) { self = .southeast; return }
                if u.properties.isAlphabetic, let script = ScriptDetector.script(of: u), script != "Latn" { self = .otherScript } else { self = .neutral }
            }
        }
    }

    /// The other ways `s` is commonly romanised, for the matcher to try beside `toLatin(s)`
    /// (at most ten, none equal to it): Cyrillic also read with Russian and with Ukrainian letter
    /// values (the lists often romanise occupied-territory officials from Russian, and a Ukrainian
    /// name need not hold a letter only Ukrainian has: "Зеленський"), Hangul
    /// also in Revised Romanization (South Korean names), an Arabic-script name also with its
    /// vowel letters read ("حسين" → "hsin" beside the skeleton "hsn") and with its compound names joined
    /// (`Options.arabicCompound`: "جلال الدين" → "jlaluddin"), with a word-initial ayn before
    /// a long i left out (`Options.aynVowel`: "عيسى" → "isa"), a Hebrew vav before a vowel letter read
    /// as the consonant v or w (`Options.hebrewVav`: "לוי" → "lvi", Levi), Greek μπ ντ γκ read b d g
    /// inside words (foreign names), and the reading of a foreign name transcribed into the script
    /// (`Options.foreignName`: each Hangul or Han word one token, vowel letters read), which the
    /// matcher compares phonetically, that reading with kana split where ン meets a vowel, and with Han characters read as the
    /// sounds the Chinese transcription of foreign names gives them (`Options.transcribedName`). Empty for Latin text; each applies only when the name has
    /// that script, so most names have one or two.
    /// The patronymic particles of Arabic-script names, as the lists romanise them.
    static let arabicParticles: [String: String] = ["بن": "bin", "ابن": "ibn", "بنت": "bint"]

    public static func alternativeReadings(_ s: String) -> [String] {
        guard needsTransliteration(s) else { return [] }
        let primary = toLatin(s)
        var out: [String] = []
        var kanaApart = Options.foreignName
        kanaApart.kanaApart = true
        for options in [Options(cyrillic: .russian), Options(cyrillic: .ukrainian), Options(hangulRevised: true), Options(arabicVowels: true), Options.arabicCompound, Options.arabicCompoundVowels, Options.aynVowel, Options.hebrewVav, Options(greekForeign: true),
                        Options.foreignName, kanaApart, Options.transcribedName] {
            // Kana with Han is Japanese: its Han characters are no transcription of a foreign name.
            if options.hanTranscription, s.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) { continue }
            let alternative = romanise(s, options)
            if alternative != primary && !out.contains(alternative) { out.append(alternative) }
        }
        return out
    }

    /// How `romanise` reads what may be read several ways.
    struct Options {
        /// The Cyrillic alphabet to read with; nil: told from the name's letters.
        var cyrillic: CyrillicLanguage?
        /// Hangul in Revised Romanization instead of the DPRK/McCune-Reischauer spelling.
        var hangulRevised = false
        /// Arabic-script vowel letters read as vowels even in words of three or more consonants (and a
        /// word-initial alef or Hebrew alef that only seats the vowel letter after it dropped).
        var arabicVowels = false
        /// Greek μπ, ντ, γκ read b, d, g everywhere, as in foreign names the Greek press writes
        /// ("Βλαντιμίρ Πούτιν" → "vladimir poutin"), not only at the start of a word.
        var greekForeign = false

        /// Each Hangul word one token, however many syllables ("라브로프" rabeuropeu), not a Korean
        /// name's syllables apart.
        var hangulJoined = false
        /// Each Han word one token: no surname set apart (a foreign name transcribed syllable by
        /// syllable, "普京" pujing, is no Chinese surname and given name).
        var hanJoined = false
        /// Kana words split where ン meets a vowel ("ジョンウン" jon un for Jong Un): katakana writes a
        /// foreign name of several words as one ("キム・ジョンウン" Kim Jong Un).
        var kanaApart = false
        /// A Burmese word's syllables one token ("ပူတင်" putin), not a Burmese name's syllables apart.
        var southeastJoined = false
        /// Han characters of the transcription of foreign names read as the sounds they write there
        /// (`Lists/names/han-transcription.tsv`: 维 vi, 尔 r, 斯 s), not as their pinyin.
        var hanTranscription = false
        /// An Arabic-script word that opens with the article joined to the word before it, article and
        /// all ("جلال الدين" → "jlalaldin"): the second half of a compound name, which the lists write as
        /// one word (Jalaluddin, Noureddine, Binalshibh) where the script writes two.
        var arabicCompounds = false
        /// A word-initial ayn before the long i it seats left out ("عيسى" → "isa"): the lists write
        /// that ayn as nothing or the vowel (ISSA, EISA, ESSA) as often as a consonant "a" (AISSA).
        var aynVowel = false
        /// A Hebrew vav inside a word read as a consonant: v before the vowel letter yod ("לוי" → "lvi", Levi;
        /// "לויטין" → "lvitin", Levitin), w before alef ("מרואן" → "mrwan", Marwan) and after alef at a word's end
        /// ("דיאו" → "diaw", Diaw): the letter writes v and w as well as o and u, and the vowel letter after it is
        /// the syllable's.
        var hebrewVav = false

        init(cyrillic: CyrillicLanguage? = nil, hangulRevised: Bool = false, arabicVowels: Bool = false, greekForeign: Bool = false,
             hangulJoined: Bool = false, hanJoined: Bool = false) {
            self.cyrillic = cyrillic
            self.hangulRevised = hangulRevised
            self.arabicVowels = arabicVowels
            self.greekForeign = greekForeign
            self.hangulJoined = hangulJoined
            self.hanJoined = hanJoined
        }

        /// Arabic-script compound names joined (`arabicCompounds`): as a consonant skeleton, and (next) with the vowel
        /// letters read and the article assimilated before a sun letter ("جلال الدين" jlalaldin, jlaluddin).
        static let arabicCompound: Options = {
            var o = Options()
            o.arabicCompounds = true
            return o
        }()
        static let aynVowel: Options = {
            var o = Options()
            o.aynVowel = true
            return o
        }()
        static let hebrewVav: Options = {
            var o = Options(arabicVowels: true)
            o.hebrewVav = true
            return o
        }()
        static let arabicCompoundVowels: Options = {
            var o = Options(arabicVowels: true)
            o.arabicCompounds = true
            return o
        }()

        /// A foreign name as another script transcribes it, read to be compared by sound: words
        /// whole, vowel letters read, Hangul in Revised Romanization (closest to the sounds).
        static let foreignName: Options = {
            var o = Options(hangulRevised: true, arabicVowels: true, greekForeign: true, hangulJoined: true, hanJoined: true)
            o.southeastJoined = true
            return o
        }()

        /// `foreignName` with Han characters read as the sounds the Xinhua transcription tables give
        /// them ("博尔特尼科夫" bortnikov, beside the pinyin reading "boertenikefu"). Differs from
        /// `foreignName` only for a name with Han characters.
        static let transcribedName: Options = {
            var o = foreignName
            o.hanTranscription = true
            return o
        }()
    }

    /// Latin letters that look like Cyrillic ones, typed by mistake inside a Cyrillic word
    /// ("Cергей" with a Latin C, "Вiталiйович" with Latin i).
    private static let cyrillicLookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н", "I": "І", "i": "і", "K": "К", "M": "М",
        "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т", "X": "Х", "x": "х", "y": "у", "Y": "У",
    ]

    /// Latin look-alikes inside a word that has Cyrillic letters turned into those letters.
    private static func unmixCyrillic(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0.value < 0x80 && $0.properties.isAlphabetic }) else { return scalars }
        var out = scalars
        var start = 0
        while start < out.count {
            var end = start
            while end < out.count && out[end].properties.isAlphabetic { end += 1 }
            if end > start, out[start..<end].contains(where: { Kind($0) == .cyrillic }) {
                for k in start..<end { if let c = cyrillicLookalikes[out[k]] { out[k] = c } }
            }
            start = end + 1
        }
        return out
    }

    /// Persian and Urdu write the suffix -ی / -ای of a name ending in he apart or after a non-joiner
    /// ("خامنہ ای", "خامنه‌ای" Khamenei): it is the end of that word, not a word of its own.
    static func joinSuffixes(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // Compared scalar by scalar, not through a Set: this runs for every romanised name.
        func isHe(_ u: Unicode.Scalar) -> Bool { u == "ه" || u == "ہ" || u == "ة" }
        guard s.contains(" "), s.contains(where: isHe) else { return s }
        let suffixes: [[Unicode.Scalar]] = [["ا", "ی"], ["ا", "ي"], ["ا", "ئ", "ی"], ["ئ", "ی"]]
        var out: [Unicode.Scalar] = []
        for k in s.indices {
            if s[k] == " ", let last = out.last, isHe(last), suffixes.contains(where: { suffix in
                let end = k + 1 + suffix.count
                return end <= s.count && Array(s[(k + 1)..<end]) == suffix && (end == s.count || !s[end].properties.isAlphabetic)
            }) {
                continue  // the space goes: the suffix ends the word before it
            }
            out.append(s[k])
        }
        return out
    }

    /// `s` with Arabic presentation forms (the contextual letter shapes and ligatures of old PDFs and
    /// fonts, "ﺭﺿﺎ", "ﷲ") turned into the letters they show, which the letter tables know.
    static func arabicBaseLetters(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0xFB50...0xFDFF).contains($0.value) || (0xFE70...0xFEFF).contains($0.value) }) else { return s }
        var view = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if (0xFB50...0xFDFF).contains(u.value) || (0xFE70...0xFEFF).contains(u.value) {
                view.append(contentsOf: String(u).precomposedStringWithCompatibilityMapping.unicodeScalars)
            } else {
                view.append(u)
            }
        }
        return String(view)
    }

    /// The dots Chinese and Japanese write between the words of a foreign name (·, ・, •, ‧, ･).
    static let foreignNameDots: Set<UInt32> = [0xB7, 0x30FB, 0x2022, 0x2027, 0xFF65]

    /// Romanises each run of one script with its table (or ICU), leaving Latin, digits and
    /// punctuation as they are. Han and Hangul runs (written without spaces) are set apart by a
    /// space from Latin letters that follow.
    static func romanise(_ s: String, _ options: Options = Options()) -> String {
        // Joiners and marks that sit inside a word (Persian ZWNJ in "خامنه‌ای", tatweel).
        let scalars = joinSuffixes(unmixCyrillic(Self.arabicBaseLetters(s).unicodeScalars.filter { $0.value != 0x200C && $0.value != 0x200D && $0.value != 0x200E && $0.value != 0x200F && $0.value != 0x640 }))
        let han = scalars.filter { Kind($0) == .han }.count
        let letters = scalars.filter { $0.properties.isAlphabetic }.count
        // Chinese sets the words of a foreign name apart with a middle dot ("弗拉基米尔·普京"); its own names
        // have none, so a dotted name is no surname and given name ("叶夫根尼" Yevgeny, not Ye Fugenni).
        let dotted = scalars.contains { Self.foreignNameDots.contains($0.value) }
        let cyrillic = options.cyrillic ?? CyrillicLanguage(scalars)
        var out = ""
        out.reserveCapacity(s.utf8.count * 2)
        var i = 0
        // The last Arabic-script word read (marks dropped), for compound names (`Options.arabicCompounds`).
        var previousArabic: [Unicode.Scalar]?
        // A letter only Persian, Urdu or Pashto write: the name's Arabic letters are read with their values there.
        let persian = scalars.contains { Letters.persianOnly.contains($0) }
        while i < scalars.count {
            let kind = Kind(scalars[i])
            var j = i + 1
            // Combining marks (Arabic harakat, Hebrew points) belong to the run they follow.
            while j < scalars.count, Kind(scalars[j]) == kind || (kind != .neutral && scalars[j].properties.generalCategory == .nonspacingMark)
                || (kind == .hebrew && Letters.geresh.contains(scalars[j])) { j += 1 }
            let run = Array(scalars[i..<j])
            switch kind {
            case .neutral: out.unicodeScalars.append(contentsOf: run)
            case .cyrillic: out += Letters.shared.cyrillic(run, language: cyrillic)
            case .greek: out += Letters.shared.greek(run, foreign: options.greekForeign)
            case .arabic:
                var letters = run.filter { $0.properties.generalCategory != .nonspacingMark }
                var run = run
                let aynLeft = options.aynVowel && letters.count > 2 && letters[0] == "ع" && (letters[1] == "ي" || letters[1] == "ی")
                    && !["ا", "و", "ي", "ی", "ى"].contains(letters[2])
                if aynLeft {
                    letters.removeFirst()
                    run = letters
                }
                // A patronymic particle written as a word of its own reads as the lists write it ("بن" bin, not
                // the skeleton "bn"), which `NameChains` knows: "ياسين بن علي" is Yasin son of Ali.
                var word = Self.arabicParticles[String(String.UnicodeScalarView(letters))]
                    ?? Letters.shared.arabic(run, vowels: options.arabicVowels, persian: options.arabicVowels && persian)
                // The ya the ayn seated is the long i, not the consonant a word-initial ya is.
                if aynLeft && word.hasPrefix("y") { word = "i" + word.dropFirst() }
                defer { previousArabic = letters }
                // A Persian surname suffix written apart ("آخوند زاده" Akhundzada, "ایمانی نژاد" Imaninejad) joins too.
                let suffix = CompoundGivenNames.suffixes.contains(letters)
                if options.arabicCompounds, let previous = previousArabic, i > 0, scalars[i - 1] == " ",
                   i < 2 || Kind(scalars[i - 2]) == .arabic || scalars[i - 2].properties.generalCategory == .nonspacingMark,
                   suffix || word.hasPrefix("al") && Letters.opensWithArticle(run) && CompoundGivenNames.joins(previous, letters),
                   let last = out.unicodeScalars.last, last == " ", out.unicodeScalars.dropLast().last?.properties.isAlphabetic == true {
                    out.removeLast()
                    if suffix {
                        out += word
                        break
                    }
                    // With the vowels read, the article takes the sound of a sun letter after it, as the South
                    // Asian and Persian spellings write it ("صلاح الدين" Salahuddin, "شمس الرحمن" Shamsurrahman).
                    let rest = word.dropFirst(3)
                    if options.arabicVowels, word.hasPrefix("al "), Letters.sunLetters.contains(Letters.articleNoun(run)), let first = rest.first {
                        out += "u" + String(first) + rest
                    } else {
                        out += word.replacingOccurrences(of: "al ", with: "al")
                    }
                } else {
                    out += word
                }
            case .hebrew:
                // The Arabic article assimilated to the word after it, which Hebrew writes as a lone alef and a
                // hyphen or maqaf ("תחריר א-שאם" Tahrir al-Sham, as "אל-" writes it unassimilated).
                if run == ["א"], j < scalars.count, scalars[j] == "-" || scalars[j] == "\u{5BE}" { out += "al" } else {
                    out += Letters.shared.hebrew(run, vowels: options.arabicVowels, vav: options.hebrewVav)
                }
            case .hangul: out += Hangul.romanise(run, revised: options.hangulRevised, joined: options.hangulJoined)
            case .han:
                // A Han word after kana or letters is a word of its own ("タイ国際航空": Thai + International
                // Aviation), as one before them is (the space added after a Han run below).
                if let last = out.unicodeScalars.last, last.properties.isAlphabetic { out += " " }
                out += Han.shared.romanise(run, wholeName: han == letters && !options.hanJoined && !dotted, foreign: options.hanJoined,
                                                  transcription: options.hanTranscription)
            case .southeast: out += SoutheastAsianScripts.shared.romanise(run, joined: options.southeastJoined)
            case .otherScript:
                var view = String.UnicodeScalarView()
                view.append(contentsOf: run)
                let text = String(view)
                // ICU writes the Indic anusvara ṁ; before a consonant it is the nasal of that consonant,
                // n in the names the lists write ("जोंग" jong, not jomg).
                var latin = (text.applyingTransform(.toLatin, reverse: false) ?? text).replacingOccurrences(of: "\u{1E41}", with: "n")
                    .replacingOccurrences(of: "m\u{307}", with: "n")
                    // Modifier-letter primes and apostrophes (Georgian ejectives "pʼutʼini", ISO 11940 marks) are no letters of a name.
                    .replacingOccurrences(of: "\u{2BC}", with: "").replacingOccurrences(of: "\u{2B9}", with: "")
                let kana = run.contains(where: { (0x3040...0x30FF).contains($0.value) })
                if kana, latin.contains("~") { latin = combiningSmallKana(latin) }
                if run.contains(where: { (0x0900...0x097F).contains($0.value) }) { latin = schwaDeleted(latin) }
                // ICU writes the Indic च as c (ISO 15919), which the lists spell ch ("पिचाई" Pichai), and छ as ch (chh).
                // And श, ष as ś, ṣ, which fold to s: the lists write sh ("शमी" Shami, "शर्मा" Sharma), never s.
                if run.contains(where: { (0x0900...0x0DFF).contains($0.value) }) {
                    latin = latin.replacingOccurrences(of: "c", with: "ch").replacingOccurrences(of: "\u{15B}", with: "sh")
                        .replacingOccurrences(of: "\u{1E63}", with: "sh").replacingOccurrences(of: "s\u{301}", with: "sh")
                        .replacingOccurrences(of: "s\u{323}", with: "sh")
                }
                // The Arabic article as a word of its own ("タレク・エル・アイサミ" Tareck El Aissami): a
                // syllable ru is the only way kana write a final l, and the lists write the article el, al.
                if kana, run == ["エ", "ル"] { latin = "el" } else if kana, run == ["ア", "ル"] { latin = "al" }
                // The same article, or a foreign al-, opening a longer word ("アルロサ" Alrosa, "アルカイダ" al-Qaida).
                else if kana, run.count > 2, run[0] == "ア", run[1] == "ル", Self.kanaOpensSyllable(run[2]) {
                    var rest = String.UnicodeScalarView()
                    rest.append(contentsOf: run[2...])
                    let tail = String(rest).applyingTransform(.toLatin, reverse: false) ?? String(rest)
                    latin = "al" + (tail.contains("~") ? combiningSmallKana(tail) : tail)
                }
                // In a foreign name's reading, a word-opening ツ before another syllable is the tu of
                // loanwords ("ツール" tool, "ツアー" tour), how Japanese writes Russian Ту ("ツポレフ" Tupolev).
                if kana, options.hanJoined, run.count > 1, run[0] == "ツ", Self.kanaOpensSyllable(run[1]), latin.hasPrefix("tsu") {
                    latin = "tu" + latin.dropFirst(3)
                }
                // And a word-opening ワ is the va of Russian names ("ワレンチナ" Valentina, "ワシリー" Vasily), and ウ before
                // a syllable of the r row their v before r ("ウラジーミル" Vladimir): Japanese writes the Russian в so.
                if kana, options.hanJoined, run.count > 1, run[0] == "ワ", latin.hasPrefix("wa") {
                    latin = "va" + latin.dropFirst(2)
                } else if kana, options.hanJoined, run.count > 1, run[0] == "ウ", "ラリルレロ".unicodeScalars.contains(run[1]), latin.hasPrefix("u") {
                    latin = "v" + latin.dropFirst(1)
                }
                // ICU marks a kana ン before a vowel with an apostrophe ("jon'un").
                if options.kanaApart, kana { latin = latin.replacingOccurrences(of: "'", with: " ") }
                out += latin
            }
            if kind == .han || kind == .hangul, j < scalars.count, scalars[j].properties.isAlphabetic { out += " " }
            i = j
        }
        return out
    }

    /// Whether kana `u` begins a syllable with a consonant: a full-size katakana or hiragana other
    /// than the vowels, ン, the long-vowel mark and the small kana (which join the syllable before).
    static func kanaOpensSyllable(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        let katakana = (0x30A1...0x30FA).contains(v), hiragana = (0x3041...0x3096).contains(v)
        guard katakana || hiragana else { return false }
        return !kanaNotOpening.contains(katakana ? v - 0x60 : v)
    }

    /// Hiragana (katakana 0x60 below) that open no syllable: the vowels, small kana, ん.
    private static let kanaNotOpening: Set<UInt32> = [0x3041, 0x3042, 0x3043, 0x3044, 0x3045, 0x3046, 0x3047, 0x3048, 0x3049, 0x304A,
                                                      0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3093, 0x3095, 0x3096]

    /// ICU writes a small kana vowel it has no syllable for apart, after a tilde ("ヴォ" vu~o, "ヴャ"
    /// vu~ya, "ドゥ" do~u); in katakana the small kana replaces the vowel of the syllable before it
    /// (vo, vya, du: "ヴャチェスラフ" Vyacheslav). The tilde and the replaced vowel go; a tilde after
    /// no consonant-and-vowel only goes, but a bare u before it is the glide w ("ウェ" u~e is we,
    /// "ファーウェイ" Huawei, "ウィ" wi, "ウォ" wo).
    /// A Devanagari word as Hindi says it and the lists spell it: ICU writes every consonant's
    /// inherent a ("रहमान" rahamāna, "अज़हर" azahara), which Hindi drops at the end of a word and
    /// between a vowel and consonant on one side and a consonant and vowel on the other (Ohala's
    /// rule, applied right to left): "rahmān", "azhar", "lakhvī". A final a after two consonants stays
    /// ("narēndra"), and so does one after a lone consonant ("na").
    static func schwaDeleted(_ latin: String) -> String {
        let vowels: Set<Character> = ["a", "ā", "i", "ī", "u", "ū", "e", "ē", "o", "ō", "r̥", "l̥", "ṝ"]
        // Aspirates are one consonant: k h in "lakhavī" is the letter ख.
        let aspirated: Set<Character> = ["k", "g", "c", "j", "ṭ", "ḍ", "t", "d", "p", "b", "ṛ"]
        var units: [(text: String, vowel: Bool, schwa: Bool)] = []
        for ch in latin {
            if ch == "'" { continue }
            if vowels.contains(ch) {
                units.append((String(ch), true, ch == "a"))
            } else if ch.isLetter {
                if ch == "h", let last = units.last, !last.vowel, last.text.count == 1, aspirated.contains(last.text.first!) {
                    units[units.count - 1].text.append(ch)
                } else {
                    units.append((String(ch), false, false))
                }
            } else {
                return latin
            }
        }
        guard units.count >= 3 else { return latin }
        func consonant(_ k: Int) -> Bool { k >= 0 && k < units.count && !units[k].vowel }
        func vowel(_ k: Int) -> Bool { k >= 0 && k < units.count && units[k].vowel }
        var k = units.count - 1
        if units[k].schwa, consonant(k - 1), !consonant(k - 2), k - 2 >= 0 {
            units.remove(at: k)
        }
        k = units.count - 2
        while k >= 2 {
            if units[k].schwa, consonant(k - 1), vowel(k - 2), consonant(k + 1), vowel(k + 2) {
                units.remove(at: k)
                k -= 2
                continue
            }
            k -= 1
        }
        return units.map(\.text).joined()
    }

    static func combiningSmallKana(_ latin: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "ā", "ē", "ī", "ō", "ū"]
        var out: [Character] = []
        for c in latin {
            if c == "~" {
                if out.count >= 2, vowels.contains(out[out.count - 1]), out[out.count - 2].isLetter, !vowels.contains(out[out.count - 2]) {
                    out.removeLast()
                } else if let last = out.last, last == "u", out.count == 1 || !out[out.count - 2].isLetter || vowels.contains(out[out.count - 2]) {
                    out[out.count - 1] = "w"
                }
                continue
            }
            out.append(c)
        }
        return String(out)
    }
}

/// Which Cyrillic alphabet a name is written in: its letter values differ (Ukrainian and
/// Belarusian г is h, Ukrainian и is y, Serbian ш is the š the lists write s). Told by the letters
/// only one alphabet has, or by the spellings only Ukrainian uses for a sound Russian and
/// Belarusian write ё: йо after a consonant and ьо ("Соловйов", "Ковальов", "Васильович", Russian
/// "Соловьёв", "Ковалёв", "Васильевич"), which a name without і, ї, є or ґ may show alone;
/// Russian (with the other Cyrillic-script languages) otherwise.
enum CyrillicLanguage: String {
    case russian = "ru", ukrainian = "uk", belarusian = "be", serbian = "sr"

    init(_ scalars: [Unicode.Scalar]) {
        var ukrainianOnly = false, belarusianOnly = false, sharedI = false, russianOnly = false, serbianOnly = false
        for (k, u) in scalars.enumerated() {
            if u == "о" || u == "О", k > 0 {
                let before = scalars[k - 1]
                if before == "ь" || before == "Ь" || (before == "й" || before == "Й") && k > 1 && Self.isConsonant(scalars[k - 2]) {
                    ukrainianOnly = true
                }
            }
            switch u {
            case "ї", "Ї", "є", "Є", "ґ", "Ґ": ukrainianOnly = true
            case "ў", "Ў": belarusianOnly = true
            case "і", "І": sharedI = true
            case "ы", "Ы", "э", "Э", "ъ", "Ъ", "ё", "Ё": russianOnly = true
            // Serbian and Macedonian.
            case "ј", "Ј", "љ", "Љ", "њ", "Њ", "ћ", "Ћ", "ђ", "Ђ", "џ", "Џ", "ѓ", "Ѓ", "ќ", "Ќ", "ѕ", "Ѕ": serbianOnly = true
            default: break
            }
        }
        if serbianOnly && !ukrainianOnly && !belarusianOnly && !sharedI && !russianOnly { self = .serbian }
        else if belarusianOnly || (sharedI && russianOnly && !ukrainianOnly) { self = .belarusian } else if ukrainianOnly || sharedI { self = .ukrainian } else { self = .russian }
    }

    /// Whether `u` is a Cyrillic consonant letter (the soft and hard signs aside).
    private static func isConsonant(_ u: Unicode.Scalar) -> Bool {
        "бвгґджзклмнпрстфхцчшщ".unicodeScalars.contains(u) || "БВГҐДЖЗКЛМНПРСТФХЦЧШЩ".unicodeScalars.contains(u)
    }
}

/// The letter tables of `Lists/names/letters.tsv`: per script, letter (or digraph) → value and
/// the value at the start of a word.
final class Letters: Sendable {
    static let shared = Letters()

    struct Value: Sendable {
        var plain: String
        var initial: String
    }

    /// script code → letters → value.
    let tables: [String: [String: Value]]

    init() {
        var tables: [String: [String: Value]] = [:]
        for row in NameData.rows("letters.tsv") {
            let plain = row.field(2) == "-" ? "" : row.field(2)
            let initial = row.fields.count > 3 ? (row.field(3) == "-" ? "" : row.field(3)) : plain
            tables[row.field(0), default: [:]][row.field(1)] = Value(plain: plain, initial: initial)
        }
        for script in ["ru", "uk", "be", "sr", "el", "ar", "he"] where tables[script] == nil {
            NameData.fail("names/letters.tsv: no rows for script \(script)")
        }
        self.tables = tables
    }

    private static func lower(_ run: [Unicode.Scalar]) -> [Unicode.Scalar] {
        run.flatMap { u -> [Unicode.Scalar] in u.properties.isUppercase ? Array(u.properties.lowercaseMapping.unicodeScalars) : [u] }
    }

    /// Word start: the first letter of the run or a letter after a non-letter.
    private static func wordStart(_ s: [Unicode.Scalar], _ k: Int) -> Bool { k == 0 || !s[k - 1].properties.isAlphabetic }

    func cyrillic(_ run: [Unicode.Scalar], language: CyrillicLanguage) -> String {
        let table = tables[language.rawValue]!, fallback = tables["ru"]!
        let s = Self.lower(run)
        var out = ""
        for k in s.indices {
            let key = String(s[k])
            guard let v = table[key] ?? fallback[key] else { out.unicodeScalars.append(s[k]); continue }
            // After a vowel or a soft/hard sign the iotated letters keep their y (Ukrainian "Oleksii" but "Maiia").
            let afterVowel = k > 0 && "аеєиіїоуюяыэёь'ъ".unicodeScalars.contains(s[k - 1])
            // A word-opening у before another vowel is the w of a foreign name ("Уильям" William, "Уанна" Wunna),
            // as few Slavic names open.
            if s[k] == "у", Self.wordStart(s, k), k + 1 < s.count, "аэиоеі".unicodeScalars.contains(s[k + 1]) {
                out += "w"
                continue
            }
            out += Self.wordStart(s, k) || afterVowel ? v.initial : v.plain
        }
        return language == .belarusian ? Self.singleFinalY(out) : out
    }

    /// `text` with a word-final "yy" (ый, the ending of Belarusian given names: "Дзмітрый", "Юрый")
    /// written "y", as the press and Belarusian passports write it ("Dzmitry", "Yury"). Belarusian
    /// only: Ukrainian official spellings keep it ("Zelenskyy"), and Russian adjectives of company
    /// names are listed every way ("NOVYY", "RADIOPRIBORNYI").
    static func singleFinalY(_ text: String) -> String {
        guard text.contains("yy") else { return text }
        var scalars = Array(text.unicodeScalars)
        var k = scalars.count - 2
        while k >= 1 {
            if scalars[k] == "y" && scalars[k + 1] == "y" && (k + 2 == scalars.count || !scalars[k + 2].properties.isAlphabetic)
                && scalars[k - 1].properties.isAlphabetic {
                scalars.remove(at: k + 1)
            }
            k -= 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    func greek(_ run: [Unicode.Scalar], foreign: Bool = false) -> String {
        let table = tables["el"]!
        var view = String.UnicodeScalarView()
        view.append(contentsOf: run)
        // Accents and diaeresis off (ά → α), then letters in lower case.
        let s = Self.lower(Array(String(view).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }))
        var out = ""
        var k = 0
        while k < s.count {
            if foreign, s[k] == "γ", k + 2 < s.count, s[k + 1] == "ι", "αεηιουω".unicodeScalars.contains(s[k + 2]) {
                // γι before a vowel is a y (BGN/PCGN), how the Greek press writes a foreign y or j ("Γιονγκ" Jong).
                out += "y"
                k += 2
                continue
            }
            if k + 1 < s.count, let v = table[String(s[k]) + String(s[k + 1])] {
                out += Self.wordStart(s, k) || foreign ? v.initial : v.plain
                k += 2
                continue
            }
            if let v = table[String(s[k])] { out += Self.wordStart(s, k) ? v.initial : v.plain } else { out.unicodeScalars.append(s[k]) }
            k += 1
        }
        return out
    }

    /// Letters of the Persian, Urdu and Pashto alphabets that Arabic lacks (پ چ ژ گ ک ی ہ ے ٹ ڈ ڑ ں ځ ښ).
    static let persianOnly: Set<Unicode.Scalar> = ["پ", "چ", "ژ", "گ", "ک", "ی", "ہ", "ے", "ٹ", "ڈ", "ڑ", "ں", "ځ", "ښ"]

    /// The Arabic letters with the values Persian and Urdu give them (rows `fa` of letters.tsv: ث s, ذ z,
    /// ض z, ظ z, as in "ثناء اللہ" Sanaullah, "ذاکر" Zakir), over the Arabic table.
    private static let persianTable: [String: Value] = {
        var table = Letters.shared.tables["ar"]!
        for (letter, value) in Letters.shared.tables["fa"] ?? [:] { table[letter] = value }
        return table
    }()

    /// The name of God as Arabic and Urdu write it (the Urdu with its own he).
    static let allah: [[Unicode.Scalar]] = [["ا", "ل", "ل", "ه"], ["ا", "ل", "ل", "ہ"]]

    /// The sun letters, which the article assimilates to ("الدين" ad-din, "الرحمن" ar-rahman).
    static let sunLetters: Set<Unicode.Scalar> = ["ت", "ث", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ن"]

    /// The first letter after the article of a word that opens with it.
    static func articleNoun(_ run: [Unicode.Scalar]) -> Unicode.Scalar {
        run.filter { $0.properties.generalCategory != .nonspacingMark }.dropFirst(2).first ?? " "
    }

    /// Whether an Arabic-script word opens with the article that `arabic` sets apart (or is the name of God).
    static func opensWithArticle(_ run: [Unicode.Scalar]) -> Bool {
        let s = run.filter { $0.properties.generalCategory != .nonspacingMark }
        return s.count > 3 && s[0] == "ا" && s[1] == "ل"
    }

    /// Letters that spell vowels (long vowels, hamza seats) rather than consonants.
    private static let arabicVowelLetters: Set<Unicode.Scalar> = ["ا", "أ", "إ", "آ", "ٱ", "ى", "و", "ي", "ی", "ة", "ء", "ع", "ئ", "ؤ", "ے", "ۓ", "ە"]

    /// Arabic, Persian, Urdu. A word of three or more consonants is written as its consonants (and
    /// an initial vowel letter): short vowels are not written and long ones are spelt variously,
    /// so only the skeleton is reliable ("حسين" → "hsn" for Hussein, Husayn, Hossein). A shorter
    /// word keeps its vowel letters ("علي" → "ali"). The article "ال" is its own token.
    func arabic(_ run: [Unicode.Scalar], vowels: Bool = false, persian: Bool = false) -> String {
        let table = persian ? Self.persianTable : tables["ar"]!
        // Harakat and other marks dropped.
        let s = run.filter { $0.properties.generalCategory != .nonspacingMark }
        guard !s.isEmpty else { return "" }
        // The name of God is one word, whatever its article: "allah", and the end of a compound written
        // as one word ("عبدالله" Abdallah, "حبیب‌الله" Habiballah), read with the word before it.
        for allah in Self.allah where s.count >= allah.count && Array(s.suffix(allah.count)) == allah {
            if s.count == allah.count { return "allah" }
            if s.count - allah.count >= 2 { return arabic(Array(s.dropLast(allah.count)), vowels: vowels, persian: persian) + "allah" }
        }
        var word = s[...]
        var out = ""
        if word.count > 3, word[word.startIndex] == "ا", word[word.startIndex + 1] == "ل" {
            out += "al "
            word = word.dropFirst(2)
        }
        let letters = Array(word)
        // و after an alef inside a word and before a consonant is one too: the long a is written, and
        // no vowel follows it in the same letter ("لاوروف" Lavrov, "داود" Davud; a word-initial alef
        // only seats the vowel, "اون" Un).
        let afterAlef = { (k: Int) in
            k > 1 && k + 1 < letters.count && letters[k] == "و" && letters[k - 1] == "ا" && !Self.arabicVowelLetters.contains(letters[k + 1])
        }
        let consonants = letters.indices.filter { !Self.arabicVowelLetters.contains(letters[$0]) || afterAlef($0) }.count
        for k in letters.indices {
            let u = letters[k]
            guard let v = table[String(u)] else { out.unicodeScalars.append(u); continue }
            let vowelLetter = Self.arabicVowelLetters.contains(u)
            // Read with its vowels, و between a consonant and ي is the o of a foreign oi ("شويغو" Shoigu),
            // but before a final ي the w or v of the -wi, -vi of Arabic and Persian surnames ("مرتضوی"
            // Mortazavi, "الموسوي" al-Musawi).
            let foreignOi = vowels && u == "و" && k > 0 && !Self.arabicVowelLetters.contains(letters[k - 1]) && k + 2 < letters.count
                && (letters[k + 1] == "ي" || letters[k + 1] == "ی")
            let consonantal = (u == "و" || u == "ي" || u == "ی") && !foreignOi
                && (k + 1 < letters.count && ["ا", "و", "ي", "ی", "ى"].contains(letters[k + 1]) || afterAlef(k))
            if vowels, k > 0, u == "ه" || u == "ہ", Array(letters[(k + 1)...]) == ["ا", "ی"] || Array(letters[(k + 1)...]) == ["ا", "ي"] {
                // Persian he before the suffix ای is a vowel, and the alef only seats the ی: "خامنه‌ای" Khamenei.
                out += "ei"
                break
            }
            if persian, u == "و", k > 0, letters[k - 1] == "خ", k + 1 < letters.count, letters[k + 1] == "ا" {
                continue  // Persian خوا is kha, its waw silent ("خواه" khah, "خواجه" Khaje)
            }
            if vowels, k > 0, k + 1 == letters.count, u == "ى", !Self.arabicVowelLetters.contains(letters[k - 1]) {
                // A final alef maksura is a long a in Arabic ("موسى" Musa) but Persian, Dari and Pashto text often
                // writes it for ی, a final i ("حقانى" Haqqani, "سورى" Souri): read so with the vowels (the skeleton keeps a).
                out += "i"
                continue
            }
            if vowels || consonants < 3, k > 0, u == "ي" || u == "ی", k + 2 == letters.count, letters[k + 1] == "ة" {
                // The ending ية is -iya, -iyah, -iyeh ("هنية" Haniyeh, "الإسلامية" al-Islamiya): the ya is a long
                // i and the y before the final vowel at once (a consonant skeleton keeps leaving vowels out).
                out += "iy"
                continue
            }
            if vowels, k == 0, ["ا", "أ", "إ", "آ"].contains(u), letters.count > 2, ["و", "ي", "ی"].contains(letters[1]),
               !["ا", "و", "ي", "ی", "ى"].contains(letters[2]) {
                // An alef that only seats the vowel letter after it ("أوليغ" Oleg, "إيران" Iran): the vowel is that letter's.
                continue
            } else if k == 0 || consonantal {
                out += v.initial
            } else if vowelLetter && consonants >= 3 && !vowels
                        && !(k > 0 && k + 1 < letters.count && letters[k - 1] == letters[k + 1] && !Self.arabicVowelLetters.contains(letters[k + 1])) {
                // (A vowel letter between two of the same consonant stays: "تحرير" thrir, not "thrr", which reads
                // as one doubled r.)
                continue
            } else {
                out += v.plain
            }
        }
        return out
    }

    /// The geresh (and the apostrophe typed for it) after a Hebrew letter.
    static let geresh: Set<Unicode.Scalar> = ["\u{5F3}", "'", "\u{2019}"]
    /// Letters that the geresh turns into sounds Hebrew lacks, as foreign names are written (ג׳ j, ז׳ zh, צ׳ ch),
    /// and the Arabic letters it writes (ע׳ غ gh, ח׳ خ kh, ת׳ ث th, ד׳ ذ dh: "ע'אלי" Ghali).
    private static let withGeresh: [Unicode.Scalar: String] = ["ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch", "ע": "gh", "ח": "kh", "ת": "th", "ד": "dh"]

    /// Hebrew: vowel letters read as vowels inside a word, bet/kaf/pe hard at its start; a letter
    /// with a geresh is the foreign sound it stands for ("ג'ונג" jong).
    func hebrew(_ run: [Unicode.Scalar], vowels: Bool = false, vav: Bool = false) -> String {
        let table = tables["he"]!
        let s = run.filter { $0.properties.generalCategory != .nonspacingMark }
        // The particles of Arabic names, which Hebrew writes letter for letter: "אבו" Abu (its bet is a b, as
        // in every Arabic name: "מוסא אבו מרזוק" Musa Abu Marzuk), "אבן" Ibn.
        if vowels, s.count == 3, s[0] == "א", s[1] == "ב", s[2] == "ו" || s[2] == "ן" { return s[2] == "ו" ? "abu" : "ibn" }
        var out = ""
        for k in s.indices {
            if Self.geresh.contains(s[k]) { continue }
            if k + 1 < s.count, Self.geresh.contains(s[k + 1]), let sound = Self.withGeresh[s[k]] {
                out += sound
                continue
            }
            guard let v = table[String(s[k])] else { out.unicodeScalars.append(s[k]); continue }
            if vowels, k == 0, s[k] == "א", s.count > 2, s[1] == "ו" || s[1] == "י", s[2] != "ו" {
                // An alef that only seats the vowel letter after it ("און" Un, "איראן" Iran).
                continue
            } else if vowels, s[k] == "ח" {
                out += "h"  // het writes the Arabic ḥ, which the lists romanise h ("חמאס" Hamas, "יחיא" Yahya)
            } else if vowels, s[k] == "ב" {
                out += "b"  // bet writes the Arabic b, which has no v ("עבדאללה" Abdallah, "ג'בארין" Jabarin)
            } else if k == 0 {
                out += v.initial
            } else if k + 1 < s.count, s[k] == "ו", s[k + 1] == "ו" {
                out += "v"
            } else if k > 0, s[k] == "ו", s[k - 1] == "ו" {
                continue
            } else if vav, k > 0, s[k] == "ו", k + 1 < s.count, s[k + 1] == "י" || s[k + 1] == "א" {
                // The consonant of the syllable the vowel letter after it opens: v before yod ("לוי" Levi), the w of
                // an Arabic name before alef ("מרואן" Marwan, "ג'ואהרי" Jawahiri).
                out += s[k + 1] == "י" ? "v" : "w"
            } else if vav, k > 1, k == s.count - 1, s[k] == "ו", s[k - 1] == "א" {
                out += "w"  // a final w after a long a ("דיאו" Diaw)
            } else if vowels, s[k] == "ה", k == 1, s.count == 2 {
                out += "e"  // a two-letter word of a foreign name: the particle de, le ("פטרולאוס דה ונצואלה")
            } else if s[k] == "ה", k == s.count - 1 {
                out += "a"  // final he spells a vowel ("משה" Moshe, "חנה" Hana)
            } else if vowels, s[k] == "י", k > 0, k + 2 == s.count, s[k + 1] == "א" {
                out += "y"  // a yod before that alef is the consonant of the last syllable ("יחיא" Yahya)
            } else if vowels, s[k] == "א", k == s.count - 1 {
                out += "a"  // so does a final alef in an Arabic name ("יחיא" Yahya, "מוסא" Musa)
            } else if s[k] == "א", k > 0, k + 1 < s.count, s[k - 1] != "א", !(k + 2 == s.count && s[k + 1] == "י") {
                // A medial alef writes the long a of a foreign or Arabic name ("לאנג" Lang, "נדאל" Nadal,
                // "סדאם" Saddam): read so, the name is not the bare consonants any vowel may fill. Before a
                // closing yod it writes the e or a of a diphthong ("חמינאי" Khamenei, "דובאי" Dubai): left unread.
                out += "a"
            } else {
                out += v.plain
            }
        }
        return out
    }
}

/// Hangul syllables composed from the jamo table of `Lists/names/hangul.tsv` (U+AC00 + (initial ×
/// 21 + medial) × 28 + final), in the DPRK/McCune-Reischauer spelling the lists use for Korean
/// names. A word of two to four syllables (a name) keeps each syllable a token ("김정은" →
/// "kim jong un"); a longer word is joined.
enum Hangul {
    struct Table: Sendable {
        var initial: [String], medial: [String], final: [String]
    }

    /// Initials ㅅ ㅈ ㅊ (Unicode order 9, 12, 14), and the y-vowels ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ with the vowel each
    /// carries after them (ㅏ ㅐ ㅓ ㅔ ㅗ ㅜ).
    static let palatalInitials: Set<Int> = [9, 12, 14]
    static let yVowelPlain: [Int: Int] = [2: 0, 3: 1, 6: 4, 7: 5, 12: 8, 17: 13]

    static let table = load(column: 3)
    static let revisedTable = load(column: 4)

    private static func load(column field: Int) -> Table {
        var parts: [String: [(Int, String)]] = [:]
        for row in NameData.rows("hangul.tsv") {
            guard let index = Int(row.field(1)) else { NameData.fail("\(row.file):\(row.line): index '\(row.field(1))' is not a number") }
            let value = row.field(field) == "-" ? "" : row.field(field)
            parts[row.field(0), default: []].append((index, value))
        }
        func column(_ name: String, _ count: Int) -> [String] {
            let values = (parts[name] ?? []).sorted { $0.0 < $1.0 }
            guard values.count == count, values.enumerated().allSatisfy({ $0.offset == $0.element.0 }) else {
                NameData.fail("names/hangul.tsv: expected \(count) \(name) rows numbered 0–\(count - 1)")
            }
            return values.map(\.1)
        }
        return Table(initial: column("initial", 19), medial: column("medial", 21), final: column("final", 28))
    }

    static func romanise(_ run: [Unicode.Scalar], revised: Bool = false, joined: Bool = false) -> String {
        let t = revised ? revisedTable : table
        let syllables = run.map { u -> String in
            let v = Int(u.value) - 0xAC00
            let initial = v / (21 * 28), medial = (v / 28) % 21
            // A foreign name's sh, j and ch before a vowel are written ㅅ ㅈ ㅊ with a y-vowel ("샴" syam for Sham,
            // "쇼이구" syoigu for Shoigu): the y is part of the consonant, not a sound of its own.
            if joined, revised, palatalInitials.contains(initial), let plain = yVowelPlain[medial] {
                return t.initial[initial] + (initial == 9 ? "h" : "") + t.medial[plain] + t.final[v % 28]
            }
            return t.initial[initial] + t.medial[medial] + t.final[v % 28]
        }
        return (2...4).contains(syllables.count) && !joined ? syllables.joined(separator: " ") : syllables.joined()
    }
}

/// Han characters through toneless pinyin (`Lists/names/han-pinyin.tsv`, from pypinyin) and a
/// dictionary of business words (`Lists/names/chinese-words.tsv`): the words become their English
/// form, and the characters between them one joined token, as the lists write Chinese names
/// ("华为" → "huawei", "中兴通讯" → "zhongxingtongxun"). A whole name of two to four characters
/// that starts with a common surname is a person: surname and given name apart ("习近平" → "xi
/// jinping").
final class Han: Sendable {
    static let shared = Han()

    /// Characters and irregularly read words → pinyin syllables.
    let readings: [String: [String]]
    let longestReading: Int
    /// Business words → English.
    let words: [String: String]
    let longestWord: Int
    let surnames: Set<String>
    /// Characters of the transcription of foreign names → the sound they write (`han-transcription.tsv`).
    let sounds: [Unicode.Scalar: String]
    /// Given names the Chinese press writes by convention, not by the transcription tables ("亚历山大"
    /// Alexander) → their Latin form (`han-transcription.tsv`, name rows).
    let names: [String: String]
    /// The characters foreign names are transcribed with (`han-transcription.tsv`, letters and sound rows).
    let transcriptionLetters: Set<Unicode.Scalar>

    init() {
        var sounds: [Unicode.Scalar: String] = [:], names: [String: String] = [:], letters = Set<Unicode.Scalar>()
        for row in NameData.rows("han-transcription.tsv") {
            if row.field(0) == "name", row.field(1).unicodeScalars.count >= 2 {
                names[row.field(1)] = row.field(2)
                continue
            }
            if row.field(0) == "letters" {
                letters.formUnion(row.field(1).unicodeScalars)
                continue
            }
            guard row.field(0) == "sound", let c = row.field(1).unicodeScalars.first, row.field(1).unicodeScalars.count == 1 else {
                NameData.fail("\(row.file):\(row.line): expected sound<TAB>one character<TAB>letters, or name<TAB>characters<TAB>letters")
            }
            sounds[c] = row.field(2)
        }
        self.sounds = sounds
        self.names = names
        self.transcriptionLetters = letters.union(sounds.keys)
        var readings: [String: [String]] = [:]
        var longestReading = 1
        for row in NameData.rows("han-pinyin.tsv") {
            let key = row.field(0)
            readings[key] = row.field(1).split(separator: " ").map(String.init)
            longestReading = max(longestReading, key.unicodeScalars.count)
        }
        var words: [String: String] = [:]
        var surnames = Set<String>()
        var longestWord = 1
        for row in NameData.rows("chinese-words.tsv") {
            switch row.field(0) {
            case "word":
                words[row.field(1)] = row.field(2)
                longestWord = max(longestWord, row.field(1).unicodeScalars.count)
            case "surname": surnames.insert(row.field(1))
            default: NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))' (expected word or surname)")
            }
        }
        self.readings = readings
        self.longestReading = longestReading
        // Syllables with a vowel: the interjections n, ng, m, hm (嗯, 呣) would let any word ending in n spell pinyin.
        syllables = Set(readings.filter { $0.key.unicodeScalars.count == 1 }.values.flatMap { $0.map { Array($0.utf8) } }
            .filter { $0.contains { "aeiouv".utf8.contains($0) } })
        self.words = words
        self.longestWord = longestWord
        self.surnames = surnames
    }

    /// Every toneless pinyin syllable with a vowel that a character is read as.
    let syllables: Set<[UInt8]>

    /// Whether `word` is written wholly in pinyin syllables ("jinlong", "sun"): a Chinese name as
    /// the lists romanise it, which a name in Han meets through its own pinyin, not by sound.
    func spellsPinyin(_ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return false }
        var reachable = [Bool](repeating: false, count: word.count + 1)
        reachable[0] = true
        for i in 0..<word.count where reachable[i] {
            for length in 1...min(6, word.count - i) where syllables.contains(Array(word[i..<(i + length)])) {
                reachable[i + length] = true
            }
        }
        return reachable[word.count]
    }

    /// Whether `name` is a Chinese personal name written in Han: two to four characters and nothing
    /// else (no dot between the words of a foreign name), opening with a common surname ("成龙").
    func isChineseName(_ name: String) -> Bool {
        let s = Array(name.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard (2...4).contains(s.count), s.allSatisfy({ Transliterator.Kind($0) == .han }) else { return false }
        return [2, 1].contains { s.count > $0 && surnames.contains(Self.text(s.prefix($0))) }
    }

    /// The business word (`chinese-words.tsv`) that starts at `k` in `s`, longest first, with its
    /// English: a one-character word only after some of the name (`afterName`) or closing it
    /// (厂 in "明斯克汽车厂"), since a single character opening a name is as often part of it.
    func businessWord(in s: ArraySlice<Unicode.Scalar>, at k: Int, afterName: Bool) -> (length: Int, english: String)? {
        for length in stride(from: min(longestWord, s.endIndex - k), through: 2, by: -1) {
            if let e = words[Self.text(s[k..<(k + length)])] { return (length, e) }
        }
        if let e = words[Self.text(s[k...k])], afterName || k + 1 == s.endIndex { return (1, e) }
        return nil
    }

    /// Whether `name` may be a foreign name transcribed in Han, to be compared with listed foreign
    /// words by sound: every stretch between its business words is written with the characters of the
    /// transcription tables, but for one in a stretch of four or more (a table's gap in a long foreign
    /// name). "刘翔" Liu Xiang, "辉瑞" are Chinese words, which sound like foreign ones by chance only
    /// ("liuxiang" ~ RUSDJAN); "沙马洛夫" Shamalov, "苏霍伊公司" are transcriptions.
    func writesForeignSounds(_ name: String) -> Bool {
        writesForeignSounds(name, singlesTranscribe: false)
    }

    /// Whether an organisation's name in Han is written in Chinese words, not in the transcription of
    /// a foreign name (`writesForeignSounds`): "联想集团" lianxiang, "美的集团" meide are, "康科德管理和咨询公司"
    /// Concord is not (和 "and", one character between business words, is no evidence either way), nor is a
    /// foreign name written with a dot between its words ("汉尼拔·卡扎菲").
    func writesChineseWords(_ name: String) -> Bool {
        !name.unicodeScalars.contains { Transliterator.foreignNameDots.contains($0.value) }
            && !writesForeignSounds(name, singlesTranscribe: true)
    }

    /// `writesForeignSounds`; `singlesTranscribe`: a stretch of one character counts as a transcription.
    private func writesForeignSounds(_ name: String, singlesTranscribe: Bool) -> Bool {
        var run: [Unicode.Scalar] = []
        func stretchesTranscribe() -> Bool {
            defer { run.removeAll() }
            guard !run.isEmpty, names[Self.text(run[...])] == nil else { return true }
            var outside = 0, length = 0, k = 0
            func closeStretch() -> Bool {
                defer { outside = 0; length = 0 }
                return outside == 0 || outside == 1 && length >= 4 || singlesTranscribe && length == 1
            }
            while k < run.count {
                if let word = businessWord(in: run[...], at: k, afterName: length > 0) {
                    guard closeStretch() else { return false }
                    k += word.length
                    continue
                }
                length += 1
                if !transcriptionLetters.contains(run[k]) { outside += 1 }
                k += 1
            }
            return closeStretch()
        }
        for u in name.unicodeScalars {
            if Transliterator.Kind(u) == .han {
                run.append(u)
            } else if !stretchesTranscribe() {
                return false
            }
        }
        return stretchesTranscribe()
    }

    private static func text(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }

    /// Pinyin syllables of a stretch with no business word, longest irregular word first. `foreign`:
    /// read as the transcription of a foreign name, where the r-initial syllables write zh and j
    /// (日 ri, 热 re, 任 ren, 若 ruo for Russian ж and French j: "普里戈任" Prigozhin; a foreign r is
    /// written with l-initial ones, 里 li, 罗 luo).
    private func syllables(_ s: ArraySlice<Unicode.Scalar>, foreign: Bool = false, transcription: Bool = false) -> [String] {
        var out: [String] = []
        var k = s.startIndex
        while k < s.endIndex {
            if transcription, let sound = sounds[s[k]] {
                out.append(sound)
                k += 1
                continue
            }
            var matched = false
            for length in stride(from: min(longestReading, s.endIndex - k), through: 1, by: -1) {
                if let r = readings[Self.text(s[k..<(k + length)])] {
                    out += foreign ? r.map { $0.hasPrefix("r") ? "zh" + $0.dropFirst() : $0 } : r
                    k += length
                    matched = true
                    break
                }
            }
            if !matched {
                out.append(Self.text(s[k...k]))
                k += 1
            }
        }
        return out
    }

    func romanise(_ run: [Unicode.Scalar], wholeName: Bool, foreign: Bool = false, transcription: Bool = false) -> String {
        let s = run[...]
        // A word of a foreign name that is a given name written by convention reads as that name.
        if transcription, let name = names[Self.text(s)] { return name }
        if wholeName, (2...4).contains(s.count) {
            for surnameLength in [2, 1] where s.count > surnameLength && surnames.contains(Self.text(s.prefix(surnameLength))) {
                return syllables(s.prefix(surnameLength)).joined() + " " + syllables(s.dropFirst(surnameLength)).joined()
            }
        }
        var parts: [String] = []
        var pending = s.startIndex
        var k = s.startIndex
        func flush(_ end: Int) {
            if pending < end { parts.append(syllables(s[pending..<end], foreign: foreign, transcription: transcription).joined()) }
        }
        while k < s.endIndex {
            if let (length, english) = businessWord(in: s, at: k, afterName: k > pending) {
                flush(k)
                parts.append(english)
                k += length
                pending = k
            } else {
                k += 1
            }
        }
        flush(s.endIndex)
        return parts.joined(separator: " ")
    }
}

/// A small thread-safe string cache (bounded: cleared when it grows past 100,000 entries).
final class LockedCache: @unchecked Sendable {
    private var storage: [String: String] = [:]
    private let lock = NSLock()

    func get(_ key: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return storage[key]
    }

    func set(_ key: String, _ value: String) {
        lock.lock(); defer { lock.unlock() }
        if storage.count > 100_000 { storage.removeAll() }
        storage[key] = value
    }
}
