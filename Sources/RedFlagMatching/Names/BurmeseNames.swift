import RedFlagCore

/// Myanmar personal names written in another script by sound ("Мин Аун Хлайн", "ミン・アウン・フライン",
/// "มิน อ่อง หล่าย", "敏昂莱") or in their own ("မင်းအောင်လှိုင်"), read back into the syllables the lists
/// write (MIN AUNG HLAING), from `Lists/names/burmese-syllables.tsv`.
///
/// A Myanmar name has no surname: two to four syllables, each written by the press of every script
/// as it sounds, which that script's own romanisation reads otherwise ("Чжо" chzho for Kyaw, "หม่อง"
/// mong for Maung, "チョー" cho). A name whose every word splits into syllable forms of the table gets
/// their Latin syllables as a reading beside its own, one per combination of a form's syllables
/// ("тун" is Tun or Htun), `readingsLimit` at most. Chinese characters name Chinese people far more
/// often than Burmese ones, and any two of the common ones (吴敏, 丹温) are a Chinese name: a name in
/// Han is read so from three syllables.
enum BurmeseNames {
    /// Syllables of a name.
    static let syllables = 2...4
    /// Least syllables of a name written in Chinese characters.
    static let hanSyllables = 3
    /// Most readings of one name.
    static let readingsLimit = 8
    /// Honorifics that open a Myanmar name (U, Daw: Mr, Mrs), dropped from its reading.
    static let honorifics: Set<String> = ["u", "daw"]
    /// Longest word read (in scalars): Burmese script writes a name's syllables without spaces, each of up to
    /// six scalars ("လှိုင်" hlaing), four of them at most.
    static let longestWord = 24

    private final class Table: Sendable {
        /// Per script (ISO 15924, Hira read as Kana): written form → its Latin syllables.
        let forms: [String: [[Unicode.Scalar]: [String]]]
        /// Per script: the longest form, in scalars.
        let longest: [String: Int]
        /// Every syllable's Latin spelling.
        let latin: Set<String>

        init() {
            var forms: [String: [[Unicode.Scalar]: [String]]] = [:]
            for row in NameData.rows("burmese-syllables.tsv", kind: "syllable") {
                let latin = row.field(0), script = row.field(1), written = Array(BurmeseNames.folded(row.field(2)).unicodeScalars)
                guard !latin.isEmpty, latin.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    NameData.fail("\(row.file):\(row.line): the syllable must be lower-case Latin letters")
                }
                guard ["Cyrl", "Kana", "Thai", "Hang", "Hani", "Hebr", "Arab", "Mymr", "Khmr"].contains(script), !written.isEmpty,
                      written.allSatisfy({ BurmeseNames.script(of: $0) == script || BurmeseNames.isMark($0) }) else {
                    NameData.fail("\(row.file):\(row.line): '\(row.field(2))' is not written in script \(script)")
                }
                if !(forms[script]?[written]?.contains(latin) ?? false) { forms[script, default: [:]][written, default: []].append(latin) }
            }
            self.forms = forms
            longest = forms.mapValues { $0.keys.map(\.count).max() ?? 0 }
            latin = Set(forms.values.flatMap { $0.values.joined() })
        }
    }

    private static let table = Table()

    /// Whether `word` (folded Latin) is a syllable of a Myanmar name as the table spells it ("aung", "myo").
    static func isSyllable(_ word: String) -> Bool { table.latin.contains(word) }

    /// The script of letter `u` as the table files it (hiragana as Kana), nil for a mark or a separator.
    static func script(of u: Unicode.Scalar) -> String? {
        if isMark(u) { return nil }
        let s = ScriptDetector.script(of: u)
        return s == "Hira" ? "Kana" : s
    }

    /// Combining marks and the katakana length mark, which belong to the letter before them.
    static func isMark(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x30FC || u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark
    }

    /// `text` lower-cased (Cyrillic) and without the katakana length mark, which the press writes or leaves out
    /// ("チョー" and "チョ" are one Kyaw).
    static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.value != 0x30FC }))
    }

    /// The Latin readings of `name` as a Myanmar name ("Маун Маун Чжо" → "maung maung kyaw"), empty when a word
    /// is no sequence of syllable forms of one script of the table, or the name has too few or too many syllables.
    static func readings(_ name: String) -> [String] {
        let words = folded(name).unicodeScalars.split { !$0.properties.isAlphabetic && !isMark($0) }
        guard words.count <= syllables.upperBound, words.allSatisfy({ $0.count <= longestWord }),
              let first = words.first?.first, let script = script(of: first), let forms = table.forms[script] else { return [] }
        var parts: [[String]] = []
        for word in words {
            let letters = Array(word)
            guard letters.allSatisfy({ self.script(of: $0) == script || isMark($0) }),
                  let split = segments(letters, forms: forms, longest: table.longest[script] ?? 0) else { return [] }
            parts += split
        }
        // U and Daw (Mr, Mrs) open a name as an honorific, not a syllable of it: "У Тан" is U Thant, no THAN OO.
        if parts.count > 1, parts[0].contains(where: honorifics.contains) { parts.removeFirst() }
        guard syllables.contains(parts.count), script != "Hani" || parts.count >= hanSyllables else { return [] }
        var out: [String] = [""]
        for options in parts {
            out = Array(out.flatMap { head in options.map { head.isEmpty ? $0 : head + " " + $0 } }.prefix(readingsLimit))
        }
        return out
    }

    /// `letters` cut into syllable forms, the longest first and backing off; nil when they do not cut so.
    private static func segments(_ letters: [Unicode.Scalar], forms: [[Unicode.Scalar]: [String]], longest: Int) -> [[String]]? {
        if letters.isEmpty { return [] }
        for length in stride(from: min(longest, letters.count), through: 1, by: -1) {
            guard let latin = forms[Array(letters[..<length])], let rest = segments(Array(letters[length...]), forms: forms, longest: longest) else { continue }
            return [latin] + rest
        }
        return nil
    }
}
