import RedFlagCore

/// Korean and Japanese readings of a name written in Han characters alone (`Lists/names/
/// han-readings.tsv`, from Unicode's Unihan database): Koreans and Japanese write their names in
/// Han characters and read them their own way, so Mandarin pinyin is the wrong reading for them
/// (金正恩 is "jin zheng en" in pinyin, Kim Jong Un in Korean; 山田太郎 is Yamada Taro).
///
/// Korean reads each character with one syllable (its Hangul reading), so a name has few
/// readings: they are romanised like a Hangul name. Japanese characters have many readings (kun
/// and on, voiced in compounds: 田 ta, da, den), so a Japanese reading is kept only when every part
/// of it is a listed word: the listed vocabulary chooses among the readings.
enum HanNameReadings {
    /// The names of two to this many characters are read so (Korean names of three syllables,
    /// Japanese names two to five characters).
    static let longestName = 5
    /// At most this many Korean readings of one name (a character has one to three readings).
    static let koreanLimit = 4
    /// At most this many readings of one part of a Japanese name are formed before the vocabulary
    /// is asked, and this many Japanese readings of a name are kept.
    static let japanesePartLimit = 2_000
    static let japaneseLimit = 4
    /// The shortest reading of a part of a Japanese name, in letters.
    static let minimumPart = 3

    private final class Table: Sendable {
        let korean: [Unicode.Scalar: [String]]
        let japanese: [Unicode.Scalar: [String]]

        init() {
            var korean: [Unicode.Scalar: [String]] = [:], japanese: [Unicode.Scalar: [String]] = [:]
            for row in NameData.rows("han-readings.tsv") {
                let scalars = Array(row.field(1).unicodeScalars)
                guard scalars.count == 1 else { NameData.fail("\(row.file):\(row.line): '\(row.field(1))' is not one character") }
                let readings = row.field(2).split(separator: " ").map(String.init)
                switch row.field(0) {
                case "ko":
                    guard readings.allSatisfy({ $0.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) } && $0.unicodeScalars.count == 1 }) else {
                        NameData.fail("\(row.file):\(row.line): Korean readings must be single Hangul syllables")
                    }
                    korean[scalars[0]] = readings
                case "ja":
                    guard readings.allSatisfy({ $0.utf8.allSatisfy { (97...122).contains($0) } }) else {
                        NameData.fail("\(row.file):\(row.line): Japanese readings must be lower-case Latin letters")
                    }
                    // A kun reading is given with its inflection ("takai" 高, "kiyoi" 清); names take the stem
                    // (Takayama, Kiyoshi): an adjective's -i dropped, after the table's own readings.
                    let stems = readings.filter { $0.utf8.count >= 4 && $0.hasSuffix("i") }.map { String($0.dropLast()) }
                    japanese[scalars[0]] = readings + stems.filter { !readings.contains($0) }
                default: NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))' (expected ko or ja)")
                }
            }
            self.korean = korean
            self.japanese = japanese
        }
    }

    private static let table = Table()

    /// The Hangul syllable character `c` is read as in Korean, its first reading (the table puts
    /// the original sound first, as North Korea writes it: 连 련, not the South's 연), or nil.
    static func koreanSyllable(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        table.korean[c]?.first?.unicodeScalars.first
    }

    /// The name's words when it is written in Han characters alone (separators: space, "·", "・"),
    /// two to `longestName` characters in all; nil otherwise.
    static func hanWords(_ name: String) -> [[Unicode.Scalar]]? {
        var words: [[Unicode.Scalar]] = [[]]
        var count = 0
        for u in name.unicodeScalars {
            switch u.value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF:
                words[words.count - 1].append(u)
                count += 1
            case 0x20, 0xB7, 0x30FB, 0x3000, 0x2027:
                if !words[words.count - 1].isEmpty { words.append([]) }
            default: return nil
            }
        }
        words.removeAll { $0.isEmpty }
        return (2...longestName).contains(count) && words.count <= 2 ? words : nil
    }

    /// The Korean readings of a Han name, romanised as the lists write Korean names: in the DPRK
    /// spelling and in Revised Romanization, syllables apart ("金正恩" → "kim jong un", "gim jeong
    /// eun"). Empty unless the name has three characters, each with a Korean reading.
    static func korean(_ name: String) -> [String] {
        guard let words = hanWords(name) else { return [] }
        let chars = words.flatMap { $0 }
        // Korean names have three syllables (a two-character name is far more often Chinese: 李强 is
        // not "ri kang").
        guard chars.count == 3 else { return [] }
        var hangul: [[Unicode.Scalar]] = [[]]
        for c in chars {
            guard let readings = table.korean[c] else { return [] }
            hangul = hangul.flatMap { prefix in readings.map { prefix + [$0.unicodeScalars.first!] } }
            hangul = Array(hangul.prefix(koreanLimit))
        }
        var out: [String] = []
        for h in hangul {
            for revised in [false, true] {
                let r = Hangul.romanise(h, revised: revised)
                if !out.contains(r) { out.append(r) }
            }
        }
        return out
    }

    /// Rendaku: the voiced forms a Japanese reading takes inside a compound (山田 yama + da).
    private static func voiced(_ reading: String) -> [String] {
        let pairs: [(String, [String])] = [("sh", ["j"]), ("ch", ["j"]), ("ts", ["z"]), ("k", ["g"]), ("s", ["z"]), ("t", ["d"]), ("h", ["b", "p"]), ("f", ["b", "p"])]
        for (plain, voiced) in pairs where reading.hasPrefix(plain) {
            return voiced.map { $0 + reading.dropFirst(plain.count) }
        }
        return []
    }

    /// The readings of one part of a Japanese name that `listed` knows, in table order.
    private static func japanesePart(_ chars: [Unicode.Scalar], listed: (String) -> Bool) -> [String] {
        var partial = [""]
        for (k, c) in chars.enumerated() {
            guard let readings = table.japanese[c] else { return [] }
            let forms = k == 0 ? readings : readings + readings.flatMap(voiced)
            var next: [String] = []
            for p in partial {
                for r in forms {
                    next.append(p + r)
                    if next.count >= japanesePartLimit { break }
                }
                if next.count >= japanesePartLimit { break }
            }
            partial = next
        }
        // A reading of one or two letters ("o", "ho") is a listed word by chance, not a name.
        var out: [String] = []
        for p in partial where p.utf8.count >= minimumPart && listed(p) && !out.contains(p) { out.append(p) }
        return out
    }

    /// The Japanese readings of a Han name whose surname and given name are both listed words
    /// (`listed`): "山田太郎" → "yamada taro". The name splits at its space, else at every point.
    static func japanese(_ name: String, listed: (String) -> Bool) -> [String] {
        guard let words = hanWords(name) else { return [] }
        var splits: [([Unicode.Scalar], [Unicode.Scalar])] = []
        if words.count == 2 {
            splits = [(words[0], words[1])]
        } else {
            let w = words[0]
            // Two and two characters first: the commonest shape of a Japanese name.
            for cut in (1..<w.count).sorted(by: { abs($0 * 2 - w.count) < abs($1 * 2 - w.count) }) {
                splits.append((Array(w[..<cut]), Array(w[cut...])))
            }
        }
        var out: [String] = []
        // A Japanese surname has two characters or more (山田, 田中, 佐々木).
        for (surname, given) in splits where surname.count >= 2 {
            let s = japanesePart(surname, listed: listed)
            guard !s.isEmpty else { continue }
            let g = japanesePart(given, listed: listed)
            for a in s {
                for b in g where out.count < japaneseLimit { out.append(a + " " + b) }
            }
        }
        return out
    }
}
