/// Latin letters whose diacritic writes a sound that folding to plain letters loses
/// (`Lists/names/diacritic-sounds.tsv`): the Turkish press writes Hay'at Tahrir al-Sham "Heyet
/// Tahrir el-Şam", the Czech Shoigu "Šojgu"; folded, "sam" and "sojgu" miss the listed "sham" and
/// "shoigu". A name holding such a letter is screened a second time with the sounds written out
/// (`Matcher.screenReadings`); the folded reading stays, so a letter another language reads
/// otherwise (French ç = s) loses nothing.
enum DiacriticSounds {
    static let sounds: [Character: String] = {
        var out: [Character: String] = [:]
        for row in NameData.rows("diacritic-sounds.tsv", kind: "letter") {
            guard row.field(0).count == 1, let letter = row.field(0).first else {
                NameData.fail("\(row.file):\(row.line): '\(row.field(0))' is not one letter")
            }
            out[letter] = row.field(1)
        }
        return out
    }()

    /// `name` with each letter of the table written as its sound, nil when it holds none.
    static func sounded(_ name: String) -> String? {
        guard !name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out = ""
        var changed = false
        for c in name {
            if let sound = sounds[c] ?? (c.isUppercase ? sounds[Character(c.lowercased())] : nil) {
                out += sound
                changed = true
            } else {
                out.append(c)
            }
        }
        return changed ? out : nil
    }
}
