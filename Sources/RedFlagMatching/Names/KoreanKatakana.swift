/// Korean names written in Japanese katakana ("キム・ジョンウン", "パク・ヨンシク"), read back into the
/// romanisation the lists use for Korean names (`Lists/names/korean-katakana.tsv`).
///
/// Read as Japanese (Hepburn) such a name runs its given name's syllables together and gains the
/// vowels Japanese adds after a final consonant ("jonshiku" for Jong Sik), so a katakana name whose
/// first word is a Korean surname and whose every word splits into Korean syllables (a
/// consonant-vowel group and at most one final: ン, ム, ク, プ, ル, ッ) gets this reading beside its
/// Japanese one, a token a syllable ("kim jon sik"), compared by sound like the name's other readings.
/// A Japanese name seldom opens with one of those surnames and splits so; one that does only gains
/// a reading close to its own.
enum KoreanKatakana {
    /// Words of a Korean name: a surname, then the given name in one word or two.
    static let words = 2...3
    /// Syllables of the given name.
    static let givenSyllables = 1...3

    private final class Table: Sendable {
        /// Units and finals: katakana → Latin, longest katakana first.
        let units: [([Unicode.Scalar], String)]
        let finals: [Unicode.Scalar: String]
        let surnames: [String: String]

        init() {
            var units: [([Unicode.Scalar], String)] = [], finals: [Unicode.Scalar: String] = [:], surnames: [String: String] = [:]
            for row in NameData.rows("korean-katakana.tsv") {
                let kana = Array(row.field(1).unicodeScalars), latin = row.field(2)
                guard !kana.isEmpty, kana.allSatisfy({ (0x30A1...0x30FC).contains($0.value) }), !latin.isEmpty,
                      latin.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    NameData.fail("\(row.file):\(row.line): expected katakana and lower-case Latin letters")
                }
                switch row.field(0) {
                case "unit": units.append((kana, latin))
                case "final" where kana.count == 1: finals[kana[0]] = latin
                case "surname": surnames[row.field(1)] = latin
                default: NameData.fail("\(row.file):\(row.line): unknown part '\(row.field(0))' (expected unit, final of one letter, or surname)")
                }
            }
            self.units = units.sorted { $0.0.count > $1.0.count }
            self.finals = finals
            self.surnames = surnames
        }
    }

    private static let table = Table()

    /// The Korean reading of `name` ("キム・ジョンシク" → "kim jon sik"), or nil when it is not a
    /// katakana name of that shape.
    static func reading(_ name: String) -> String? {
        let words = name.split(whereSeparator: { $0 == "・" || $0 == " " || $0 == "\u{3000}" || $0 == "=" || $0 == "＝" })
        guard Self.words.contains(words.count), let surname = table.surnames[String(words[0])] else { return nil }
        var out = [surname]
        for word in words.dropFirst() {
            guard let syllables = syllables(Array(word.unicodeScalars)) else { return nil }
            out += syllables
        }
        return givenSyllables.contains(out.count - 1) ? out.joined(separator: " ") : nil
    }

    /// A word read as Korean syllables, or nil when it does not split so: each a unit, then a final
    /// when the next letter is one and does not open a unit with a small letter after it (ク of シク
    /// closes the syllable; ク of クォン opens one).
    private static func syllables(_ w: [Unicode.Scalar]) -> [String]? {
        var out: [String] = []
        var i = 0
        while i < w.count {
            guard let (letters, latin) = table.units.first(where: { i + $0.0.count <= w.count && Array(w[i..<(i + $0.0.count)]) == $0.0 }) else { return nil }
            i += letters.count
            var syllable = latin
            if i < w.count, let final = table.finals[w[i]] {
                let opensUnit = table.units.contains { $0.0.count > 1 && $0.0[0] == w[i] && i + $0.0.count <= w.count && Array(w[i..<(i + $0.0.count)]) == $0.0 }
                // A final before a vowel letter would be the next syllable's consonant in Korean, but Japanese
                // writes that consonant again (キムイル is not how 김일 is written): a final is read whenever it
                // does not open a longer unit.
                if !opensUnit {
                    syllable += final
                    i += 1
                }
            }
            out.append(syllable)
        }
        return out.isEmpty ? nil : out
    }
}
