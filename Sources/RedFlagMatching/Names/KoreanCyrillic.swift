/// Korean names written in Russian Cyrillic (the Kontsevich system and the older press spellings:
/// "Ким Чен Ын", "Чхве Рён Хэ"), read back into the romanisation the lists use for Korean names
/// (`Lists/names/korean-cyrillic.tsv`).
///
/// Read with Russian letter values such a name misses its listed form ("khe" for Hae, "yn" for Un),
/// so a Cyrillic name whose every word splits into Korean syllables gets this reading beside its
/// Russian one. The test is the syllable shape: a Korean syllable in Cyrillic is an initial from a
/// short set, a vowel and at most one final consonant, and a Korean name written so has two to
/// four such syllables: a surname of one syllable first, then the given name's syllables in one
/// or two words. Few Russian names have that shape ("Сергей", "Путин" and "Иванов" do not split;
/// "Анна Ли" does not start with one syllable); one that does only gains a reading close to its
/// Russian one.
enum KoreanCyrillic {
    /// Words of a Korean name: two to four (a surname of one syllable, then the given name in
    /// one word or a word a syllable).
    static let words = 2...4
    /// Syllables in a word, and in the whole name.
    static let syllablesPerWord = 1...2
    static let syllables = 2...4

    private final class Table: Sendable {
        /// Each part's Cyrillic letters → Latin, longest letters first.
        let initials: [([Unicode.Scalar], String)]
        let vowels: [([Unicode.Scalar], String)]
        let finals: [([Unicode.Scalar], String)]

        init() {
            var parts: [String: [([Unicode.Scalar], String)]] = [:]
            for row in NameData.rows("korean-cyrillic.tsv") {
                let letters = Array(row.field(1).unicodeScalars), latin = row.field(2)
                guard ["initial", "vowel", "final"].contains(row.field(0)) else {
                    NameData.fail("\(row.file):\(row.line): unknown part '\(row.field(0))' (expected initial, vowel or final)")
                }
                guard !letters.isEmpty, letters.allSatisfy({ (0x430...0x44F).contains($0.value) || "ёєії".unicodeScalars.contains($0) }),
                      !latin.isEmpty, latin.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    NameData.fail("\(row.file):\(row.line): expected lower-case Cyrillic letters and lower-case Latin letters")
                }
                parts[row.field(0), default: []].append((letters, latin))
            }
            func longestFirst(_ part: String) -> [([Unicode.Scalar], String)] {
                (parts[part] ?? []).sorted { $0.0.count > $1.0.count }
            }
            initials = longestFirst("initial")
            vowels = longestFirst("vowel")
            finals = longestFirst("final")
        }
    }

    private static let table = Table()

    /// The Korean reading of `name` ("Чхве Рён Хэ" → "choe ryon hae"), or nil when it is not
    /// written in Cyrillic alone or does not have the shape of a Korean name.
    static func reading(_ name: String) -> String? {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
        guard Self.words.contains(words.count) else { return nil }
        var out: [String] = []
        var total = 0
        for word in words {
            guard let (latin, count) = syllables(Array(word.unicodeScalars)), syllablesPerWord.contains(count), count == 1 || !out.isEmpty else { return nil }
            total += count
            out.append(Self.wordInitial(latin))
        }
        return syllables.contains(total) ? out.joined(separator: " ") : nil
    }

    /// `latin`, a word's reading, with its first consonant as McCune-Reischauer and the DPRK write
    /// it at the start of a word: ㅂ p, ㄱ k, ㄹ r ("Бён" pyong, "Гым" kum, "Ли" ri: "RI, Pyong Chol").
    /// Russian writes them б, г, л there as often as п, к, р; the lists' Korean names never begin
    /// a word with b, g or l.
    static func wordInitial(_ latin: String) -> String {
        guard let first = latin.first, let devoiced = ["b": "p", "g": "k", "l": "r"][String(first)] else { return latin }
        return devoiced + latin.dropFirst()
    }

    /// A word read as Korean syllables: its Latin letters and how many syllables, or nil when it
    /// does not split so. Tries the longest letters first and backs off (a final "н" may be the
    /// next syllable's initial).
    private static func syllables(_ w: [Unicode.Scalar]) -> (String, Int)? {
        func match(_ options: [([Unicode.Scalar], String)], at i: Int) -> [(Int, String)] {
            options.compactMap { letters, latin in
                i + letters.count <= w.count && Array(w[i..<(i + letters.count)]) == letters ? (i + letters.count, latin) : nil
            }
        }
        func isVowelStart(_ i: Int) -> Bool { i < w.count && !match(table.vowels, at: i).isEmpty }
        func parse(_ i: Int) -> (String, Int)? {
            if i == w.count { return ("", 0) }
            for (afterInitial, initial) in match(table.initials, at: i) + [(i, "")] {
                for (afterVowel, vowel) in match(table.vowels, at: afterInitial) {
                    // A final only before a consonant or at the end of the word: before a vowel the
                    // consonant starts the next syllable.
                    let finals = match(table.finals, at: afterVowel).filter { !isVowelStart($0.0) } + [(afterVowel, "")]
                    for (afterFinal, final) in finals {
                        if let (rest, count) = parse(afterFinal) { return (initial + vowel + final + rest, count + 1) }
                    }
                }
            }
            return nil
        }
        return parse(0)
    }
}
