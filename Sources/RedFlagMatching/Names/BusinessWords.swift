import RedFlagCore

/// Business words of company names written in a non-Latin script, read as their English forms
/// (`Lists/names/business-words.tsv`): the press writes a listed company in its own language, with
/// the distinctive name transcribed and the business word translated ("طيران ماهان", "마한 항공",
/// "マーハーン航空" for MAHAN AIR). Romanising the business word ("tyran", "hanggong") leaves
/// nothing to meet the listed "AIR"; its English form does, and the distinctive name is still
/// compared by sound. Read on the first name that holds a word of those scripts.
enum BusinessWords {
    /// The table read once: its words, its country rows and the English words of each script's rows.
    private struct Tables {
        var words: [String: [String]] = [:]
        var countries: Set<String> = []
        var places: Set<String> = []
        var bySource: [PhoneticComparison.Source: Set<String>] = [:]
    }

    private static let tables: Tables = {
        var out = Tables()
        for row in NameData.rows("business-words.tsv") {
            guard ["word", "country", "place"].contains(row.field(0)) else {
                NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))' (expected word, country or place)")
            }
            let forms = row.field(3).split(separator: "|").map { String($0) }
            guard !forms.isEmpty, forms.allSatisfy({ !$0.isEmpty && !Transliterator.needsTransliteration($0) }) else {
                NameData.fail("\(row.file):\(row.line): English forms '\(row.field(3))' must be Latin words separated by '|'")
            }
            let word = row.field(2).lowercased()
            out.words[word] = forms
            if row.field(0) == "country" { out.countries.insert(word) }
            if row.field(0) == "place" { out.places.insert(word) }
            // A place's English name is a name, met by sound like any other ("Hong", "Minh" are people's names too).
            if row.field(0) != "place", let source = PhoneticComparison.Source(script: row.field(1)) {
                for form in forms { out.bySource[source, default: []].formUnion(NameNormalizer.tokenize(NameNormalizer.fold(form))) }
            }
        }
        return out
    }()

    /// word as written (lower case) → English forms, the first the usual one.
    private static var table: [String: [String]] { tables.words }

    /// The English forms of word `word` as written (lower case), the usual one first, or nil.
    static func forms(of word: String) -> [String]? { table[word] }

    /// Every English form's words, folded ("prison", "central", "air"): a token of a name's reading
    /// that is one may be a business word translated rather than the name romanised.
    static let englishWords: Set<String> = Set(table.filter { !places.contains($0.key) }.values.flatMap { forms in
        forms.flatMap { NameNormalizer.tokenize(NameNormalizer.fold($0)) }
    })

    /// Per source script, the English words of the rows of its script (a kana name that holds kanji
    /// takes the Han rows too: Japanese writes business words in kanji, "ロシア統一造船会社"). A token
    /// of a name's reading is a translation only when a word of the name's own script has it for
    /// English: "エラ" read "era" is the name Ella, whatever a Chinese row (时代 "Era") says.
    static var englishWordsBySource: [PhoneticComparison.Source: Set<String>] { tables.bySource }

    /// Country names and their adjectives (rows `country`): read in English like business words,
    /// but distinctive, so that a name of business words and a country ("بانک ملی ایران", Bank
    /// Melli Iran) is read.
    private static var countries: Set<String> { tables.countries }

    /// Places whose name the language writes otherwise than English (rows `place`: "пекин"
    /// Beijing, "москов" Moscow, "دمشق" Damascus, "平壤" Pyongyang): transcribing "Пекин" gives
    /// "pekin", nothing like the listed BEIJING. Distinctive like a country, but read only in a
    /// name with another word (a place alone names no organisation), and in Latin letters only
    /// where another word translates: "Moskwa" alone is a surname as often as the city.
    private static var places: Set<String> { tables.places }

    /// The English forms of the place a Slavic adjective of place is made from, when the table
    /// has its stem ("Пекинский" → "пекин" → Beijing), followed by the stems themselves.
    private static func placeNames(_ stems: [String]) -> [String] {
        let english = stems.compactMap { places.contains($0) ? table[$0] : nil }.flatMap { $0 }
        return english + stems
    }

    /// The English forms of the place Cyrillic word `word` names in an oblique case: its last
    /// letter a case ending of a noun ("москвы", "пекине", "тегерану"), the rest the place as the
    /// table writes it, or the rest and "а" (Москв-ы → Москва). Nil when it names none.
    private static func declinedPlace(_ word: String) -> [String]? {
        guard let last = word.last, "ыеуиаюя".contains(last), word.count >= 5 else { return nil }
        let stem = String(word.dropLast())
        for candidate in [stem, stem + "а", stem + "я"] where places.contains(candidate) { return table[candidate] }
        return nil
    }

    /// The longest word of the table in letters, to bound the affix search.
    private static let longest: Int = table.keys.map { $0.unicodeScalars.count }.max() ?? 0

    /// Scripts written without spaces between words, where a business word may end (or start) a
    /// longer run of letters ("마한항공", "マーハーン航空" splits at the script change anyway).
    private static func unspaced(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xAC00...0xD7A3, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        default: return false
        }
    }

    /// Arabic writes the conjunction و (and) and the prepositions ل (for), ب (by, in) as one word
    /// with the word after them, ل before the article as لل: "لناقلات النفط" (for tankers of oil),
    /// "والتلفزيون" (and the television). The English forms of such a word of the table, or nil.
    /// So is the article ال, with or without them ("الشركة", the company; "والتلفزيون").
    static func prefixed(_ word: String) -> [String]? {
        var letters = Array(word.unicodeScalars)
        guard letters.count >= 4 else { return nil }
        let text = { (s: ArraySlice<Unicode.Scalar>) in String(String.UnicodeScalarView(s)) }
        if ["و", "ل", "ب"].contains(letters[0]) {
            if let forms = table[text(letters.dropFirst())] { return forms }
            // لل: the preposition before the article, whose alef it drops ("للطيران", for the aviation).
            if letters[0] == "ل", letters[1] == "ل" { letters = ["ا"] + letters.dropFirst() } else { letters = Array(letters.dropFirst()) }
        }
        guard letters.count >= 4, letters[0] == "ا", letters[1] == "ل" else { return nil }
        return table[text(letters.dropFirst(2))]
    }

    /// One word of the name: a run of letters of one script (combining marks kept, joiners dropped).
    private struct Word {
        var range: Range<Int>
        var text: String
    }

    private static func words(_ scalars: [Unicode.Scalar]) -> [Word] {
        var out: [Word] = []
        var k = 0
        while k < scalars.count {
            guard scalars[k].properties.isAlphabetic, let script = ScriptDetector.script(of: scalars[k]), script != "Latn" else { k += 1; continue }
            var j = k + 1
            while j < scalars.count,
                  scalars[j].properties.generalCategory == .nonspacingMark || scalars[j].value == 0x30FC
                    || (scalars[j].properties.isAlphabetic && ScriptDetector.script(of: scalars[j]) == script) { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[k..<j].filter { $0.properties.generalCategory != .nonspacingMark })
            out.append(Word(range: k..<j, text: String(view).lowercased()))
            k = j
        }
        return out
    }

    /// Fewest business words, or English words of their first forms (legal-form words aside), that
    /// name an organisation without a distinctive word (`readings`).
    static let wordsNamingAlone = 3

    /// The English function words of multi-word forms ("University of … and Technology").
    static let functionWords: Set<String> = ["of", "and", "the", "for", "in", "on", "de"]

    /// `name` with each business word replaced by its English form, once per alternative form
    /// (the first reading uses every word's first form, the n-th its n-th where it has one). Empty
    /// when the name holds no business word of the table, or holds only business words, fewer than
    /// `wordsNamingAlone` English words (two, one of them no generic word, are enough), and no country
    /// (a name that is nothing but "bank" names no company).
    static func readings(_ name: String) -> [String] {
        guard Transliterator.needsTransliteration(name) else { return [] }
        // Joiners inside words (Persian ZWNJ in "بین‌المللی") would split a word of the table.
        let scalars = Array(name.unicodeScalars.filter { $0.value != 0x200C && $0.value != 0x200D && $0.value != 0x640 })
        var found: [(range: Range<Int>, forms: [String])] = []
        var adjectives: [(range: Range<Int>, forms: [String])] = []
        var distinctive = false
        var placeNouns = 0
        let nameWords = words(scalars)
        // A name whose words a middle dot sets apart ("エルネスト・ビジェガス", "奥拉西奥·卡特斯") is a foreign
        // name transcribed word by word: no business word is glued inside its words ("ビジェガス" Villegas,
        // "バルガス" Vargas end in ガス gas), though one may stand as a word of its own ("ジャパン・エナジー").
        let dotted = scalars.contains { $0.value == 0x30FB || $0.value == 0x00B7 || $0.value == 0x30A0 || $0.value == 0xFF1D }
        for w in nameWords {
            if let forms = table[w.text] {
                // A place keeps its own name in another reading: the lists romanise some ("القدس" is the QODS of
                // QODS FORCE, not Jerusalem).
                found.append((w.range, places.contains(w.text) ? forms + [w.text] : forms))
                if countries.contains(w.text) { distinctive = true }
                if places.contains(w.text) { distinctive = true; placeNouns += 1 }
                continue
            }
            if let forms = prefixed(w.text) {
                found.append((w.range, forms))
                continue
            }
            // A place in another case than the table's ("Банк Москвы", the Bank of Moscow).
            if let forms = declinedPlace(w.text) {
                found.append((w.range, forms + [w.text]))
                distinctive = true
                placeNouns += 1
                continue
            }
            let letters = Array(w.text.unicodeScalars)
            // An adjective of place ("Минский", "Сычуаньский") is read as the place: the lists write MINSK, SICHUAN.
            if let first = letters.first, ScriptDetector.script(of: first) == "Cyrl" {
                let stems = PlaceAdjectives.places(w.text, script: "Cyrl")
                if !stems.isEmpty { adjectives.append((w.range, placeNames(stems))) }
            }
            // Business words glued to the name in a script written without spaces ("마한항공"), peeled off both
            // ends while a name is left: North Korean company names glue several ("조선릉라도무역총회사": 조선 Korea,
            // 릉라도, 무역 Trading, 총회사 General Corporation).
            if letters.count >= 3, unspaced(letters[0]), !dotted {
                var lower = 0, upper = letters.count
                var peeled: [(range: Range<Int>, forms: [String])] = []
                peeling: while upper - lower >= 3 {
                    for length in stride(from: min(longest, upper - lower - 1), through: 2, by: -1) {
                        if let forms = table[text(letters[(upper - length)..<upper])] {
                            peeled.append(((w.range.lowerBound + upper - length)..<(w.range.lowerBound + upper), forms))
                            upper -= length
                            continue peeling
                        }
                        if let forms = table[text(letters[lower..<(lower + length)])] {
                            peeled.append(((w.range.lowerBound + lower)..<(w.range.lowerBound + lower + length), forms))
                            lower += length
                            continue peeling
                        }
                    }
                    break
                }
                // What is left may be a word of the table too: a name of business words and a country only
                // ("조선광업개발무역회사", Korea Mining Development Trading Company) is read whole.
                if !peeled.isEmpty, upper - lower >= 2, let forms = table[text(letters[lower..<upper])] {
                    peeled.append(((w.range.lowerBound + lower)..<(w.range.lowerBound + upper), forms))
                    if places.contains(text(letters[lower..<upper])) { placeNouns += 1 }
                }
                found.append(contentsOf: peeled.sorted { $0.range.lowerBound < $1.range.lowerBound })
            }
            distinctive = true
        }
        // Latin letters are a name too ("Δίκτυο Haqqani": a Latin name inside a Greek phrase).
        if !distinctive { distinctive = scalars.contains { $0.properties.isAlphabetic && ScriptDetector.script(of: $0) == "Latn" } }
        // Three business words or more name an organisation by themselves ("Система оборонной
        // промышленности", DEFENSE INDUSTRIES SYSTEM): read as the same words typed in English are.
        // Counted in English words, legal forms and function words aside: one word of the table may be several
        // ("电子科技大学", University of Electronic Science and Technology). Two of which one is no generic word
        // name an organisation too ("Картель Залива", GULF CARTEL; "Революционная борьба", REVOLUTIONARY
        // STRUGGLE), unlike "Центральный банк" (central, bank).
        if !distinctive {
            let english = found.flatMap { NameNormalizer.tokenize(NameNormalizer.fold($0.forms[0])) }.filter { !Self.functionWords.contains($0) }
            distinctive = found.count >= Self.wordsNamingAlone
                || english.filter({ !LegalForms.words.contains($0) }).count >= Self.wordsNamingAlone
                || english.count == 2 && english.contains { !CommonWords.isGeneric($0) }
        }
        // A place alone is no organisation's name ("Москва", "دمشق"): some other word must be there too, a business word
        // or one the lists romanise ("Банк Москвы", BANK OF MOSCOW).
        guard !found.isEmpty, found.count > placeNouns || nameWords.count > placeNouns, distinctive else { return [] }
        let alternatives = found.map(\.forms.count).max() ?? 1
        // The n-th reading takes each word's n-th form; one more takes each word's last, where an adjective keeps the
        // noun English writes after "of" ("физико-технический": Physical|Physics, Technical|Technology, read "Physics
        // Technology" together, as in INSTITUTE OF PHYSICS AND TECHNOLOGY).
        let indices = Array(0..<alternatives) + (alternatives > 2 ? [Int.max] : [])
        // Each form of a place (its English name where the table has one, its stem with and without the suffix)
        // beside each alternative of the business words: "Кронштадтский морской завод" is read "кронштадт Marine
        // Plant" as well as "кронштадтск Marine Plant", "Пекинский университет" "Beijing University".
        let placeForms = adjectives.map(\.forms.count).max() ?? 1
        let words = (found.map { ($0, false) } + adjectives.map { ($0, true) }).sorted { $0.0.range.lowerBound < $1.0.range.lowerBound }
        var out: [String] = []
        for p in 0..<placeForms {
            for n in indices {
                var result = String.UnicodeScalarView()
                var k = 0
                for (f, place) in words {
                    result.append(contentsOf: scalars[k..<f.range.lowerBound])
                    // Spaces keep the English word apart from a name written without them.
                    result.append(contentsOf: " \(f.forms[min(place ? p : n, f.forms.count - 1)]) ".unicodeScalars)
                    k = f.range.upperBound
                }
                result.append(contentsOf: scalars[k...])
                let reading = String(result).split(separator: " ").joined(separator: " ")
                if !out.contains(reading) { out.append(reading) }
            }
        }
        return out
    }

    /// Whether non-Latin name `name` holds a business word whose English form is generic ("بنك"
    /// Bank, "شركة" Company; a country's name is not one): the name of an organisation, whichever way
    /// it is read, also where the word is romanised rather than translated.
    static func namesOrganisation(_ name: String) -> Bool {
        readings(name).contains { reading in
            NameNormalizer.tokenize(NameNormalizer.fold(reading)).contains { englishWords.contains($0) && CommonWords.isGeneric($0) }
        }
    }

    /// Business words of organisation names in languages written in Latin letters (French, German,
    /// Spanish, Portuguese, Italian, Dutch, Turkish, Polish: `business-words-latin.tsv`), keyed by
    /// the folded word and looked up by binary search over the file: every Latin name is looked
    /// up, and building a table of thousands of words would cost each fresh process more than its
    /// screen.
    private static let latinFile = SortedWordFile(required: "names/business-words-latin.tsv")

    /// What the Latin table says of folded word `word`: its kind (word, country or function) and
    /// English forms (none for a function word), or nil.
    static func latinEntry(_ word: String) -> (kind: Substring, forms: [String])? {
        guard let line = latinFile.line(for: word) else { return nil }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 3 else { return nil }
        return (fields[0], fields[0] == "function" ? [] : fields[2].split(separator: "|").map { String($0) })
    }

    /// Whether ASCII name `name` holds a word of the Latin table that English writes otherwise.
    private static func asciiNameTranslates(_ name: String) -> Bool {
        var word: [UInt8] = []
        word.reserveCapacity(24)
        // Names repeat their words endlessly over a batch: each word's answer is remembered.
        func translates() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 2 else { return false }
            return translatingWords.value(word) { asciiWordTranslates(word) }
        }
        for b in name.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b + 32)
            default: if !word.isEmpty && translates() { return true }
            }
        }
        return !word.isEmpty && translates()
    }

    /// `asciiWordTranslates` per word seen in a run.
    private static let translatingWords = TokenCache<Bool>(capacity: 100_000)

    /// Whether one lower-case ASCII word of two letters or more is one the Latin table (or a compound or
    /// place adjective of its words) reads in English otherwise than it is written.
    private static func asciiWordTranslates(_ word: [UInt8]) -> Bool {
        guard let line = word.withUnsafeBufferPointer({ latinFile.line(forKey: $0) }) else {
            // A German or Dutch compound of the table's words ("Entwicklungsfonds"), and a German adjective of a place
            // English writes otherwise ("Moskauer", "Teheraner"); the length and ending tested on the bytes first,
            // as every Latin name's every word comes here.
            if word.count >= compoundLength, compoundForms(String(decoding: word, as: UTF8.self)) != nil { return true }
            guard word.count >= 6, word[word.count - 2] == UInt8(ascii: "e"), word[word.count - 1] == UInt8(ascii: "r") else { return false }
            return germanPlaceAdjective(String(decoding: word, as: UTF8.self)) != nil
        }
        let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 3, fields[0] != "function" else { return false }
        let english = fields[2].prefix { $0 != "|" }
        return !english.lowercased().utf8.elementsEqual(word)
    }

    /// A Latin-letter name of an organisation written in another language than the lists' English
    /// ("Banque commerciale de Syrie", "Syrische Zentralbank") read in English: each business word
    /// of the Latin table replaced by its English form (the n-th reading by its n-th form, two at
    /// most), the articles and prepositions left out ("Bank Commercial Syria" for COMMERCIAL BANK
    /// OF SYRIA). Empty when the name holds no such word that English writes otherwise, or nothing
    /// but business words, fewer than `wordsNamingAlone`, and no country (a name that is nothing but
    /// "banque" names no one, and "Banco Industrial" is no INDUSTRIAL BANK of the lists).
    static func latinReadings(_ name: String) -> [String] {
        // Every Latin name comes here: a name in ASCII letters is first scanned a byte at a time for a word the
        // table translates, and most have none.
        if name.utf8.allSatisfy({ $0 < 0x80 }), !asciiNameTranslates(name) { return [] }
        // The name's words (runs of letters and digits) as scalar ranges; the text between them is kept.
        let scalars = Array(name.unicodeScalars)
        var words: [(range: Range<Int>, folded: String, forms: [String]?, function: Bool)] = []
        var k = 0
        var translates = false, country = false
        while k < scalars.count {
            guard scalars[k].properties.isAlphabetic || scalars[k].properties.numericType != nil else { k += 1; continue }
            var j = k + 1
            while j < scalars.count, scalars[j].properties.isAlphabetic || scalars[j].properties.numericType != nil
                    || scalars[j].properties.generalCategory == .nonspacingMark { j += 1 }
            let folded = NameNormalizer.fold(text(scalars[k..<j]))
            let entry = latinEntry(folded)
            // A place English writes otherwise ("Moskwa", "Pékin") is read so, but is no reason to read the name; its own
            // spelling is kept in another reading.
            let forms = entry.flatMap { $0.forms.isEmpty ? nil : ($0.kind == "place" ? $0.forms + [folded] : $0.forms) }
            if let forms {
                if forms[0].lowercased() != folded, entry?.kind != "place" { translates = true }
                if entry?.kind == "country" || entry?.kind == "place" { country = true }
            }
            // A country English writes alike ("Banque nationale de Cuba"): the table has no row for it.
            if entry == nil, CountryWords.equivalents[folded] != nil { country = true }
            if entry == nil, germanPlaceAdjective(folded) != nil { translates = true; country = true }
            var read = entry == nil ? placeForms(folded) : forms
            if entry == nil, read == nil, let compound = compoundForms(folded) { read = compound; translates = true }
            if entry == nil, read == nil, let owner = genitiveCountry(folded) { read = owner; country = true }
            words.append((k..<j, folded, read, entry?.kind == "function"))
            k = j
        }
        guard translates else { return [] }
        func separates(_ i: Int) -> Bool { i < 0 || i >= scalars.count || scalars[i].properties.isWhitespace }
        let most = words.compactMap { $0.forms?.count }.max() ?? 1
        // Two readings (first forms, second forms) and, as in the other scripts, one of each word's last form; then
        // each word alone in another of its forms, the others in their first, as the n-th reading pairs one word's
        // n-th sense with every other's ("Ministerium für Kultur und islamische Führung": Culture beside Guidance,
        // MINISTRY OF CULTURE AND ISLAMIC GUIDANCE, where the second reading gives Cultural beside Guidance).
        var choices: [[Int]] = (Array(0..<min(2, most)) + (most > 2 ? [Int.max] : [])).map { n in
            words.map { min(n, max(($0.forms?.count ?? 1) - 1, 0)) }
        }
        for (i, w) in words.enumerated() {
            for k in 1..<max(w.forms?.count ?? 1, 1) {
                var choice = [Int](repeating: 0, count: words.count)
                choice[i] = k
                if !choices.contains(choice) { choices.append(choice) }
            }
        }
        var out: [String] = []
        for choice in choices.prefix(latinReadingsAtMost) {
            var result = String.UnicodeScalarView()
            var at = 0
            for (i, w) in words.enumerated() {
                result.append(contentsOf: scalars[at..<w.range.lowerBound])
                at = w.range.upperBound
                if let forms = w.forms {
                    result.append(contentsOf: " \(forms[choice[i]]) ".unicodeScalars)
                } else if w.function, separates(w.range.lowerBound - 1),
                          separates(w.range.upperBound) || "'’".unicodeScalars.contains(scalars[w.range.upperBound]) {
                    // An article or preposition on its own ("de", "der") or elided ("d'Iran"); never a letter of
                    // a legal form ("S.A.").
                    if w.range.upperBound < scalars.count, !scalars[w.range.upperBound].properties.isWhitespace { at += 1 }
                    result.append(" ")
                } else {
                    result.append(contentsOf: scalars[w.range])
                }
            }
            result.append(contentsOf: scalars[at...])
            let reading = String(result).split(separator: " ").joined(separator: " ")
            // A name of business words with no country names no one: every word generic, the table's or an English
            // business word ("Banco Industrial, S.A." is no INDUSTRIAL BANK of the lists); but three of them or more name
            // an organisation by themselves, as in the other scripts ("Direction de la sécurité politique").
            let businessWords = words.filter { $0.forms != nil && latinEntry($0.folded) != nil }.count
            guard country || businessWords >= wordsNamingAlone || NameNormalizer.normalize(reading).tokens.contains(where: {
                !CommonWords.isGeneric($0) && !englishWords.contains($0) && latinEntry($0)?.kind != "function"
            }) else { return [] }
            if !out.contains(reading) { out.append(reading) }
        }
        return out
    }

    /// Whether English reading `reading` of a Latin name is words of a body's kind alone: every word
    /// generic, an English business word or a function word, none a country's ("Physical Technical
    /// Federal Institute", "Ministry Culture Islamic Guidance"; not "Bank Commercial Syria").
    static func namesKindAlone(_ reading: String) -> Bool {
        NameNormalizer.normalize(reading).tokens.allSatisfy {
            CountryWords.codes[$0] == nil && (CommonWords.isGeneric($0) || englishWords.contains($0) || latinEntry($0)?.kind == "function")
        }
    }

    /// The most English readings of one Latin name (`latinReadings`): each is screened in full.
    static let latinReadingsAtMost = 6

    /// German writes "of Iran" as the genitive "Irans", "Russlands", "Syriens" ("Nationaler
    /// Entwicklungsfonds Irans", NATIONAL DEVELOPMENT FUND OF IRAN): folded word `word` read as the
    /// country it is the genitive of (its English forms, or itself where English writes it alike),
    /// or nil.
    private static func genitiveCountry(_ word: String) -> [String]? {
        guard word.utf8.count >= 5, word.hasSuffix("s") else { return nil }
        let stem = String(word.dropLast())
        if let entry = latinEntry(stem), entry.kind == "country", !entry.forms.isEmpty { return entry.forms }
        return CountryWords.equivalents[stem] != nil ? [stem] : nil
    }

    /// The shortest word read as a compound (`compoundForms`), and the shortest part of one.
    private static let compoundLength = 8, compoundPart = 4

    /// The letters German and Dutch put between a compound's parts (none first).
    private static let compoundLinks: [[UInt8]] = ["", "s", "n", "e", "es", "en"].map { Array($0.utf8) }

    /// German and Dutch write a body's field and its kind as one word ("Entwicklungsfonds",
    /// "Erdölgesellschaft", "Luftwaffengeheimdienst", "ontwikkelingsbank"), and the table cannot
    /// hold every pair: folded word `word`, which the table lacks, read as two words, the first
    /// of the table (a word or a country, a linking s, n, e, es or en after it) and the second of
    /// the table or a generic English word ("bank"), each part four letters or more. The English
    /// forms are the parts' forms in the compound's order, which is English's ("Development
    /// Fund", "Air Force Intelligence Service"); the n-th form joins the parts' n-th forms. Nil
    /// when no split reads so.
    static func compoundForms(_ word: String) -> [String]? {
        let bytes = Array(word.utf8)
        guard bytes.count >= compoundLength, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
        func tableForms(_ part: ArraySlice<UInt8>) -> [String]? {
            guard let entry = latinEntry(String(decoding: part, as: UTF8.self)), entry.kind == "word" || entry.kind == "country",
                  !entry.forms.isEmpty else { return nil }
            return entry.forms
        }
        // The longest second part first: "entwicklungs|fonds" before any shorter reading of the end.
        for cut in compoundPart...(bytes.count - compoundPart) {
            let tail = bytes[cut...]
            guard let second = tableForms(tail) ?? (CommonWords.generic.contains(String(decoding: tail, as: UTF8.self))
                                                    ? [String(decoding: tail, as: UTF8.self)] : nil) else { continue }
            let head = bytes[..<cut]
            for link in compoundLinks {
                guard head.count - link.count >= compoundPart, head.suffix(link.count).elementsEqual(link),
                      let first = tableForms(head.dropLast(link.count)) else { continue }
                return (0..<max(first.count, second.count)).map {
                    first[min($0, first.count - 1)] + " " + second[min($0, second.count - 1)]
                }
            }
        }
        return nil
    }

    /// The places folded Latin word `word` may be the adjective of ("minska" → "minsk"), or nil;
    /// the place's English name first where the table has its stem ("pekinski" → Beijing).
    private static func placeForms(_ word: String) -> [String]? {
        let stems = PlaceAdjectives.places(word, script: "Latn")
        if stems.isEmpty, let english = germanPlaceAdjective(word) { return english }
        guard !stems.isEmpty else { return nil }
        let english = stems.compactMap { stem in latinEntry(stem).flatMap { $0.kind == "place" ? $0.forms : nil } }.flatMap { $0 }
        return english + stems
    }

    /// German makes an adjective of any place with -er ("Moskauer Institut", "Teheraner Börse"):
    /// the English forms of the place when folded word `word` is one and the table writes the
    /// place otherwise in English (rows `place`), or nil.
    private static func germanPlaceAdjective(_ word: String) -> [String]? {
        guard word.utf8.count >= 6, word.hasSuffix("er"), let entry = latinEntry(String(word.dropLast(2))), entry.kind == "place" else { return nil }
        return entry.forms
    }

    private static func text(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }
}
