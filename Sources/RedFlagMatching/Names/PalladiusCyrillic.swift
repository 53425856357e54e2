/// Chinese names and companies written in Russian Cyrillic by the Palladius system ("Си Цзиньпин"
/// Xi Jinping, "Хуавэй" Huawei, "Ханчжоу" Hangzhou), read back into pinyin, the romanisation the
/// lists give Chinese parties (`Lists/names/palladius.tsv`).
///
/// Read with Russian letter values such a name misses its listed form ("tszinpin" for Jinping,
/// "khuavey" for Huawei), and sounds like other names instead ("Ли Цзюнь" li jun is not "LU, Chin
/// Shun"). A Cyrillic word that splits whole into Palladius syllables gets their pinyin, the
/// syllables of one word joined as the lists join them ("jinping", "huawei"); a word that does not
/// split keeps its Russian reading. Palladius has no р, no в before a consonant and no final ов,
/// ий or ей: Russian words seldom split ("Сергей", "Путин", "Технологии" do not), and one that
/// does gains a reading close to its Russian one.
enum PalladiusCyrillic {
    /// Most syllables a word read so may have.
    static let syllablesPerWord = 4

    private final class Table: Sendable {
        /// Cyrillic syllable → pinyin, longest syllables first.
        let syllables: [([Unicode.Scalar], String)]

        init() {
            var seen = Set<[Unicode.Scalar]>()
            var out: [([Unicode.Scalar], String)] = []
            for row in NameData.rows("palladius.tsv") {
                let pinyin = row.field(1), letters = Array(row.field(2).unicodeScalars)
                guard row.field(0) == "syllable", !letters.isEmpty, letters.allSatisfy({ (0x430...0x44F).contains($0.value) || $0 == "ё" }),
                      !pinyin.isEmpty, pinyin.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    NameData.fail("\(row.file):\(row.line): expected syllable<TAB>pinyin<TAB>lower-case Cyrillic")
                }
                // One spelling, one reading: the first row wins (a zero-initial syllable is listed once).
                if seen.insert(letters).inserted { out.append((letters, pinyin)) }
            }
            syllables = out.sorted { $0.0.count > $1.0.count }
        }
    }

    private static let table = Table()

    /// The pinyin reading of `name`, or nil when it is not written in Cyrillic letters alone or no
    /// word of it splits into Palladius syllables.
    static func reading(_ name: String) -> String? {
        let words = russianLetters(name.lowercased()).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "·" })
        guard !words.isEmpty, words.count <= 4,
              words.allSatisfy({ $0.unicodeScalars.allSatisfy { (0x430...0x44F).contains($0.value) || $0 == "ё" } }) else { return nil }
        var out: [String] = []
        var read = false
        for word in words {
            if let pinyin = syllables(Array(word.unicodeScalars)) {
                out.append(pinyin)
                read = true
            } else {
                out.append(Letters.shared.cyrillic(Array(word.unicodeScalars), language: .russian))
            }
        }
        return read ? out.joined(separator: " ") : nil
    }

    /// The pinyin reading of `name` when it can only be Chinese: every word splits into Palladius
    /// syllables, and one of them holds letters no Russian word does (цз, чж, or э after a
    /// consonant: "Цзиньпин", "Чжан", "Хуавэй"). Its Russian readings are then no name's
    /// ("tszinpin", "chzhan"), and sound like other listed names ("Ли Цзюнь" li jun, read "ly
    /// tsziun", is not "LU, Chin Shun").
    static func chineseOnly(_ name: String) -> String? {
        // Russian letters only: Belarusian writes э after consonants in its own words ("Лукашэнка").
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "·" })
        guard !words.isEmpty, words.count <= 4 else { return nil }
        var out: [String] = []
        var marked = false
        for word in words {
            let w = Array(word.unicodeScalars)
            guard w.allSatisfy({ (0x430...0x44F).contains($0.value) || $0 == "ё" }), let pinyin = syllables(w) else { return nil }
            out.append(pinyin)
            marked = marked || word.contains("цз") || word.contains("чж")
                || w.indices.dropFirst().contains { w[$0] == "э" && !"аеёиоуыэюяьъй".unicodeScalars.contains(w[$0 - 1]) }
        }
        return marked ? out.joined(separator: " ") : nil
    }

    /// `name` (lower-case) with the letters Ukrainian and Belarusian write for Russian ones: the Ukrainian and
    /// Belarusian press transcribe Chinese names by Palladius in their own alphabets ("Сі Цзіньпін" for Си
    /// Цзиньпин, "Ван Міншань" for Ван Миншань): і and ї for и, є for е, ґ for г. For `reading` only, a reading
    /// beside the name's others.
    static func russianLetters(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0 == "і" || $0 == "ї" || $0 == "є" || $0 == "ґ" }) else { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { c -> Unicode.Scalar in
            switch c {
            case "і", "ї": return "и"
            case "є": return "е"
            case "ґ": return "г"
            default: return c
            }
        }))
    }

    /// A word split whole into Palladius syllables, their pinyin joined, or nil.
    private static func syllables(_ w: [Unicode.Scalar]) -> String? {
        func parse(_ i: Int, _ count: Int) -> String? {
            if i == w.count { return "" }
            guard count < syllablesPerWord else { return nil }
            for (letters, pinyin) in table.syllables where i + letters.count <= w.count && Array(w[i..<(i + letters.count)]) == letters {
                if let rest = parse(i + letters.count, count + 1) { return pinyin + rest }
            }
            return nil
        }
        return parse(0, 0)
    }
}
