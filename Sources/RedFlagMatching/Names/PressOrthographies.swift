/// A name word as other languages' press writes it, read back into the English-style romanisation
/// the lists use: "wladimirowitsch" (German) → "vladimirovich", "poetin" (Dutch) → "putin",
/// "putyin" (Hungarian) → "putin", "vladimiras" (Lithuanian) → "vladimir". The rules are data
/// (`Lists/names/press-orthographies.tsv`, one set per language, with their sources).
///
/// Unlike `RomanisationSwaps`, which changes one or two letter groups anywhere, a reading applies
/// every rule of one language along the whole word, as a writer of that language did: the German
/// "Wladimirowitsch" differs from "Vladimirovich" in three places, all by German convention.
enum PressOrthographies {
    /// Most readings made of one word per language (each alternative of a rule doubles them).
    static let limit = 16
    /// Shortest word read (shorter ones are as often initials or acronyms).
    static let minimumLength = 4
    /// Shortest reading shorter than the word ("putinas" → "putin", "poutine" → "putin"): a shorter
    /// stem ("tomas" → "tom", "nike" → "nik") is another, common word as often as the same name.
    static let minimumStem = 5
    /// Similarity credited to a listed word equal to a reading of an unlisted query word: the same
    /// name as another language writes it ("chamenei" is "khamenei"), so a name found so keeps the
    /// leniency of an exact one for parts left out (`TokenAligner.exactEnough`). Just under 1: the
    /// name is not found as written, so a reading that undoes a typo ("Halid" read "khalid") is no
    /// exact name for the contradicted-country rule (`Matcher.nameExact`).
    static let credit = 0.995
    /// Similarity credited when the query word is itself listed ("wladimirowitsch" is in a German
    /// alias of the EU list): a reading of a real listed word may be another party's word, so it
    /// counts as a respelling (`RomanisationSwaps.credit`), never as the word itself.
    static let listedCredit = RomanisationSwaps.credit

    /// Shortest reading looked up with one edit more (`PreparedQuery.facts`): one letter of a
    /// shorter word is too much of it.
    static let leastNearReading = 7

    /// Share of the press's credit for a reading one final "h" short of a listed word (the Arabic
    /// -ah the German press writes -a: "Hamija" for HAMIYAH, `PreparedQuery.facts`): a typo's rating
    /// of a near reading, not the word as listed.
    static let endingCredit = 0.95

    struct Rule {
        var letters: [UInt8]
        var atStart: Bool
        var atEnd: Bool
        /// Replacements; the letters themselves when an alternative is "=".
        var readings: [[UInt8]]
        /// Applied in a word another rule of its language marks (`marks`), elsewhere only where
        /// the reading is no everyday word. Written "~" before the letters: the Polish "ie" for a
        /// Russian е after a consonant ("Niewierow" Neverov, "Rosnieft") is a French or English
        /// "ie" too ("Servier", read "server").
        var dependent = false
        /// Written "!" before the letters: the rule tells the language even though one of its
        /// alternatives keeps the letters (the Polish -iej of "Siergiej", Russian -ей).
        var marker = false
        /// Whether the rule tells the word is written in the language's letters: it always changes
        /// them, or is a marker.
        var marks: Bool { marker || !readings.contains(letters) }
    }

    /// Per language, its rules by first letter (index 0 = "a"), longest first (the longest rule
    /// that fits is applied): a word's letters look up only the rules that can start there.
    static let languages: [[[Rule]]] = {
        var byLanguage: [String: [Rule]] = [:]
        var order: [String] = []
        for row in NameData.rows("press-orthographies.tsv", kind: "rule") {
            let language = row.field(0)
            var text = row.field(1)
            let dependent = text.hasPrefix("~"), marker = text.hasPrefix("!")
            if dependent || marker { text.removeFirst() }
            let atStart = text.hasPrefix("^"), atEnd = text.hasSuffix("$")
            if atStart { text.removeFirst() }
            if atEnd { text.removeLast() }
            let letters = Array(text.utf8)
            guard !letters.isEmpty, letters.allSatisfy({ (97...122).contains($0) }) else {
                NameData.fail("\(row.file):\(row.line): letters must be folded lower-case a-z, found '\(row.field(1))'")
            }
            let readings: [[UInt8]] = row.field(2).split(separator: "|", omittingEmptySubsequences: false).map { alternative in
                switch alternative {
                case "=": return letters
                case "-": return []
                default:
                    let bytes = Array(alternative.utf8)
                    guard !bytes.isEmpty, bytes.allSatisfy({ (97...122).contains($0) }) else {
                        NameData.fail("\(row.file):\(row.line): a reading must be folded lower-case a-z, '=' or '-', found '\(alternative)'")
                    }
                    return bytes
                }
            }
            if byLanguage[language] == nil { order.append(language) }
            byLanguage[language, default: []].append(Rule(letters: letters, atStart: atStart, atEnd: atEnd, readings: readings, dependent: dependent, marker: marker))
        }
        return order.map { language in
            var byFirst = [[Rule]](repeating: [], count: 26)
            for rule in byLanguage[language]!.sorted(by: { $0.letters.count > $1.letters.count }) {
                byFirst[Int(rule.letters[0] - 97)].append(rule)
            }
            return byFirst
        }
    }()

    /// The Lithuanian masculine endings a given name's stem is read without (`keeps`).
    private static let lithuanianEndings: [[UInt8]] = ["as", "is", "us", "ys"].map { Array($0.utf8) }

    /// Whether `reading` of `word` is kept: three letters or more, and `minimumStem` or more where it
    /// is shorter than the word, but for the word's stem of four letters, its ending dropped, that is
    /// a given name of the table while the word is none ("igoris", "olegas" → "igor", "oleg", as the
    /// Lithuanian press writes them, its masculine endings -as, -is, -us, -ys only: not the Czech -ová
    /// of "Ivanova", read "Ivan"; not "tomas", "jonas", "hamas" → "tom", "jon", "ham"; "joon" read "jon"
    /// is no stem of it).
    static func keeps(_ reading: [UInt8], of word: [UInt8]) -> Bool {
        guard reading.count >= 3 else { return false }
        guard reading.count < word.count, reading.count < minimumStem else { return true }
        guard reading.count >= minimumStem - 1, word.count == reading.count + 2, word.starts(with: reading),
              lithuanianEndings.contains(where: { word.suffix(2).elementsEqual($0) }) else { return false }
        return GivenNames.isKnown(String(decoding: reading, as: UTF8.self)) && !GivenNames.isKnown(String(decoding: word, as: UTF8.self))
    }

    /// Every reading of `word` in every language, each once, never the word itself. Words shorter
    /// than `minimumLength` or holding anything but a-z are not read.
    static func readings(_ word: [UInt8]) -> [[UInt8]] {
        guard word.count >= minimumLength, word.allSatisfy({ (97...122).contains($0) }) else { return [] }
        var seen: Set<[UInt8]> = [word]
        var out: [[UInt8]] = []
        for rules in languages {
            for reading in read(word, rules) where keeps(reading, of: word) && seen.insert(reading).inserted {
                out.append(reading)
            }
        }
        return out
    }

    /// The readings of `word` in the languages whose letter groups for one sound mark it (a rule of
    /// two letters or more opening with two consonants, not an ending, that always changes them:
    /// German "sch", "dsch", Polish "sz", "cz"), each
    /// once: a company's Russian or Arabic name as that press transcribes it ("Iljuschin",
    /// "Belszyna", "Strojgasmontasch"). Vowel and ending rules (the Turkish e for a, the
    /// Lithuanian -is) read a brand as another one too often ("Orlen" is no ORLAN).
    static func transcriptions(_ word: [UInt8]) -> [[UInt8]] {
        guard word.count >= minimumLength, word.allSatisfy({ (97...122).contains($0) }) else { return [] }
        var seen: Set<[UInt8]> = [word]
        var out: [[UInt8]] = []
        for rules in languages where marksCluster(word, rules) {
            for reading in read(word, rules) where keeps(reading, of: word) && seen.insert(reading).inserted {
                out.append(reading)
            }
        }
        return out
    }

    /// Whether reading `word` with `rules` applies a rule of two letters or more, not an ending, that
    /// always changes them.
    private static func marksCluster(_ word: [UInt8], _ rules: [[Rule]]) -> Bool {
        var i = 0
        while i < word.count {
            guard let rule = rules[Int(word[i] - 97)].first(where: { fits($0, word, at: i) }) else {
                i += 1
                continue
            }
            // An ending ("-is", "-ová") is grammar, not a letter group for a sound; a group must open with two
            // consonants (German sch, Polish sz): a vowel or y in it ("ou", "oe", the Hungarian "ny") is as often
            // the letters of a brand ("Inycom" is no INCOM).
            if rule.letters.count >= 2 && !rule.dependent && !rule.atEnd && !rule.readings.contains(rule.letters)
                && !PhoneticComparison.isVowel(rule.letters[0]) && !PhoneticComparison.isVowel(rule.letters[1]) { return true }
            i += rule.letters.count
        }
        return false
    }

    /// Whether `listed` is `word` as another language's press writes it: one of its readings, or a
    /// usual reading (`nearReadings`) one edit from it ("jewgeni" read "yevgeni" for YEVGENIY,
    /// "chaoukat" read "shaukat" for SHAWKAT: the name with the ending or vowel the list gives it).
    static func readsAs(_ word: [UInt8], _ listed: [UInt8]) -> Bool {
        readings(word).contains(listed) || nearReadings(word).contains { reading in
            reading.withUnsafeBufferPointer { r in listed.withUnsafeBufferPointer { TokenSimilarity.withinOneEdit(r, $0) } }
        }
    }

    /// The readings of `word` looked up with one edit more: per language the reading by each
    /// rule's first alternative (the press's usual letters: German "j" is "y", not the "i" it may
    /// also be), of `leastNearReading` letters or more. An edit on top of a rule's other
    /// alternative makes two changes the writer never made ("vasilevskiy" read "vazilevskiy" is one
    /// letter from BAZILEVSKIY).
    static func nearReadings(_ word: [UInt8]) -> [[UInt8]] {
        guard word.count >= minimumLength, word.allSatisfy({ (97...122).contains($0) }) else { return [] }
        var seen: Set<[UInt8]> = [word]
        var out: [[UInt8]] = []
        for rules in languages {
            for reading in read(word, rules, firstOnly: true) where reading.count >= leastNearReading && seen.insert(reading).inserted {
                out.append(reading)
            }
        }
        return out
    }

    /// `word` read with one language's `rules`: at each place the longest rule that fits, each of
    /// its alternatives continuing another reading (at most `limit`; past it, the first alternative).
    /// Nothing is allocated for a language none of whose rules fits the word (the common case).
    /// A dependent rule (`Rule.dependent`) applies freely when a rule that marks the language
    /// does; otherwise the word is read without it, and with it only where that gives no
    /// everyday word (`CommonWords`).
    static func read(_ word: [UInt8], _ rules: [[Rule]], firstOnly: Bool = false, dependents: Bool = true) -> [[UInt8]] {
        var partial: [[UInt8]] = []
        var copied = 0
        var i = 0
        var marked = false, usedDependent = false
        while i < word.count {
            guard let rule = rules[Int(word[i] - 97)].first(where: { (dependents || !$0.dependent) && fits($0, word, at: i) }) else {
                i += 1
                continue
            }
            if rule.dependent { usedDependent = true } else if rule.marks { marked = true }
            if partial.isEmpty { partial = [[]] }
            for k in partial.indices { partial[k] += word[copied..<i] }
            if !firstOnly && partial.count * rule.readings.count <= limit {
                partial = partial.flatMap { p in rule.readings.map { p + $0 } }
            } else {
                for k in partial.indices { partial[k] += rule.readings[0] }
            }
            i += rule.letters.count
            copied = i
        }
        for k in partial.indices { partial[k] += word[copied...] }
        guard usedDependent && !marked else { return partial }
        // Unmarked, a dependent rule's reading stands only where it is no everyday word: "rosnieft" is
        // Rosneft as the Polish press writes it, "servier" no "server".
        var out = read(word, rules, firstOnly: firstOnly, dependents: false)
        for reading in partial where !out.contains(reading) && !CommonWords.contains(String(decoding: reading, as: UTF8.self)) {
            out.append(reading)
        }
        return out
    }

    private static func fits(_ rule: Rule, _ word: [UInt8], at i: Int) -> Bool {
        let end = i + rule.letters.count
        guard end <= word.count, !rule.atStart || i == 0, !rule.atEnd || end == word.count else { return false }
        return word[i..<end].elementsEqual(rule.letters)
    }
}
