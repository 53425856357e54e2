import Foundation

/// Chinese names written in their Sino-Vietnamese (Hán-Việt) reading ("Ngô Anh Kiệt" for 吴英杰,
/// "Tập Cận Bình" for 习近平), read back into the pinyin the lists write ("wu yingjie", "xi jinping"):
/// `Lists/names/han-viet.tsv`.
///
/// The Vietnamese press writes a Chinese person's name by the Vietnamese reading of its characters,
/// which shares little with pinyin (Ngô/wu, Kiệt/jie), so spelling and sound comparison both miss it.
/// Only a name that is plainly Vietnamese (a letter only Vietnamese writes: ơ, ư, ĩ, ũ, or a vowel
/// with a dot below, a hook above or two marks) and whose every word is a syllable of the table is read so;
/// a Vietnamese person's own name reads as the Chinese name of the same characters, which a listed
/// Chinese name rarely is.
enum HanVietNames {
    /// Words of a Chinese personal name: a surname and a given name of one or two syllables, or a
    /// compound surname's two.
    static let words = 2...4
    /// Readings screened for one name at most: a syllable stands for characters of several readings
    /// (Vũ 武 wu and 宇 yu), so the likeliest combinations are tried, best first.
    static let mostReadings = 6
    /// Readings of one syllable tried at most.
    static let readingsPerSyllable = 3

    private static let table: [String: [String]] = {
        var out: [String: [String]] = [:]
        for row in NameData.rows("han-viet.tsv") {
            guard row.field(0) == "syllable" else {
                NameData.fail("\(row.file):\(row.line): unknown kind '\(row.field(0))' (expected syllable)")
            }
            let readings = row.field(2).split(separator: " ").map(String.init)
            guard !row.field(1).isEmpty, !readings.isEmpty,
                  readings.allSatisfy({ $0.utf8.allSatisfy { (97...122).contains($0) } }) else {
                NameData.fail("\(row.file):\(row.line): expected a Vietnamese syllable and lower-case pinyin readings")
            }
            out[row.field(1).precomposedStringWithCanonicalMapping] = readings
        }
        return out
    }()

    /// Whether `name` holds a letter only Vietnamese writes: ơ, ư, ĩ or ũ, or one of the Latin Extended
    /// Additional vowels with a dot below, a hook above or two marks (U+1EA0–U+1EF9). Checked on the
    /// bytes, so every other Latin name pays one scan.
    static func looksVietnamese(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            // ơ Ơ ư Ư: C6 A1, C6 A0, C6 B0, C6 AF; ĩ Ĩ: C4 A9, C4 A8; ũ Ũ: C5 A9, C5 A8; U+1EA0–U+1EF9: E1 BA xx, E1 BB xx.
            if previous == 0xC6 && (byte == 0xA0 || byte == 0xA1 || byte == 0xAF || byte == 0xB0) { return true }
            if (previous == 0xC4 || previous == 0xC5) && (byte == 0xA8 || byte == 0xA9) { return true }
            if previous == 0xE1 && (byte == 0xBA || byte == 0xBB) { return true }
            previous = byte
        }
        return false
    }

    /// The pinyin readings of `name` as a Chinese name ("Ngô Anh Kiệt" → "wu yingjie"), surname apart
    /// and the given name's syllables joined as the lists write them, likeliest first; empty when the
    /// name is not a Vietnamese-written name whose every word is a Hán-Việt syllable.
    static func readings(_ name: String) -> [String] {
        guard looksVietnamese(name) else { return [] }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map { $0.lowercased().precomposedStringWithCanonicalMapping }
        guard Self.words.contains(words.count) else { return [] }
        var options: [[String]] = []
        for word in words {
            guard let readings = table[word] else { return [] }
            options.append(Array(readings.prefix(readingsPerSyllable)))
        }
        // Every combination of the syllables' readings (at most 3⁴), likeliest first: by the sum of their ranks.
        var combinations: [[Int]] = [[]]
        for o in options { combinations = combinations.flatMap { ranks in o.indices.map { ranks + [$0] } } }
        combinations.sort { $0.reduce(0, +) < $1.reduce(0, +) }
        var out: [String] = []
        for ranks in combinations where out.count < mostReadings {
            let syllables = zip(options, ranks).map { $0[$1] }
            // Four words are a compound surname's two (Âu Dương 欧阳 ouyang) and a given name's two.
            let surname = syllables.count == 4 ? syllables[0] + syllables[1] : syllables[0]
            let reading = surname + " " + syllables.dropFirst(syllables.count == 4 ? 2 : 1).joined()
            if !out.contains(reading) { out.append(reading) }
        }
        return out
    }
}
