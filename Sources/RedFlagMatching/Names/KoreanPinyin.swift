/// Chinese names written in Hangul by their Chinese sound ("왕쥔정" Wang Junzheng, "뤄후이닝" Luo
/// Huining), read back into pinyin (`Lists/names/korean-pinyin.tsv`).
///
/// Since the 1986 loanword orthography the Korean press writes a Chinese person's name by its
/// Mandarin sound, one Hangul group per pinyin syllable ("샤오" xiao, "쥔" jun), usually as one
/// word. Read as Korean, "왕쥔정" is "wang jwin jong", no listed spelling; a Hangul name of one to
/// three words whose first word opens with a Chinese surname of this table and whose every word
/// splits whole into the table's syllables gets the pinyin reading beside its Korean one: surname
/// apart, given name's syllables joined ("wang junzheng"), compared exactly like the Han readings.
/// A Korean name seldom splits so; one that does only gains a reading some Chinese name may have.
enum KoreanPinyin {
    /// Words of a Chinese name in Hangul: one (surname and given name run together) to three.
    static let words = 1...3
    /// Syllables of the given name.
    static let givenSyllables = 1...2
    /// Most readings of one name (a Hangul group may stand for two syllables: 츠 chi and ci).
    static let limit = 4

    private final class Table: Sendable {
        /// Hangul → pinyin syllables, longest Hangul first.
        let syllables: [([Unicode.Scalar], [String])]
        /// Hangul surname → pinyin.
        let surnames: [([Unicode.Scalar], [String])]

        init() {
            var syllables: [[Unicode.Scalar]: [String]] = [:], surnames: [[Unicode.Scalar]: [String]] = [:]
            for row in NameData.rows("korean-pinyin.tsv") {
                let hangul = Array(row.field(1).unicodeScalars), pinyin = row.field(2)
                guard !hangul.isEmpty, hangul.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) }), !pinyin.isEmpty,
                      pinyin.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    NameData.fail("\(row.file):\(row.line): expected Hangul syllables and lower-case pinyin")
                }
                switch row.field(0) {
                case "syllable": if !(syllables[hangul]?.contains(pinyin) ?? false) { syllables[hangul, default: []].append(pinyin) }
                case "surname": if !(surnames[hangul]?.contains(pinyin) ?? false) { surnames[hangul, default: []].append(pinyin) }
                default: NameData.fail("\(row.file):\(row.line): unknown part '\(row.field(0))' (expected syllable or surname)")
                }
            }
            self.syllables = Self.longestFirst(syllables)
            self.surnames = Self.longestFirst(surnames)
        }

        /// The entries, longest Hangul first (then in code-point order, so the order never varies).
        private static func longestFirst(_ map: [[Unicode.Scalar]: [String]]) -> [([Unicode.Scalar], [String])] {
            map.sorted { $0.key.count > $1.key.count || ($0.key.count == $1.key.count && $0.key.map(\.value).lexicographicallyPrecedes($1.key.map(\.value))) }
                .map { ($0.key, $0.value) }
        }
    }

    private static let table = Table()

    /// The pinyin readings of `name` ("왕쥔정" → ["wang junzheng"]), none when it is not a Hangul
    /// name of that shape.
    static func readings(_ name: String) -> [String] {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "·" || $0 == "\u{3000}" || $0 == "-" }).map { Array($0.unicodeScalars) }
        guard Self.words.contains(words.count), words.allSatisfy({ $0.allSatisfy { (0xAC00...0xD7A3).contains($0.value) } }) else { return [] }
        var out: [String] = []
        for (surname, pinyins) in table.surnames where words[0].starts(with: surname) {
            let rest = Array(words[0].dropFirst(surname.count))
            // The surname alone, or with the given name run on; then the other words.
            let given = (rest.isEmpty ? [] : [rest]) + words.dropFirst()
            guard !given.isEmpty else { continue }
            var parts: [[String]] = []
            var syllableCount = 0
            for word in given {
                let read = splits(word)
                guard let first = read.first else { parts = []; break }
                syllableCount += first.count
                parts.append(read.map { $0.joined() })
            }
            guard !parts.isEmpty, parts.count == given.count, words.count == 1 ? givenSyllables.contains(syllableCount) : syllableCount <= 3 else { continue }
            // Every combination of the surname's and the words' readings, up to `limit`.
            var combos: [[String]] = pinyins.map { [$0] }
            for options in parts {
                combos = combos.flatMap { c in options.map { c + [$0] } }
                if combos.count > limit { combos = Array(combos.prefix(limit)) }
            }
            for c in combos where !out.contains(c.joined(separator: " ")) && out.count < limit { out.append(c.joined(separator: " ")) }
        }
        return out
    }

    /// Every way `w` splits whole into the fewest of the table's syllables (each a list of pinyin
    /// syllables), at most `limit`: "후이" is hui, not hu and yi.
    private static func splits(_ w: [Unicode.Scalar]) -> [[String]] {
        let all = allSplits(w)
        guard let fewest = all.map(\.count).min() else { return [] }
        return all.filter { $0.count == fewest }
    }

    private static func allSplits(_ w: [Unicode.Scalar]) -> [[String]] {
        var out: [[String]] = []
        func walk(_ i: Int, _ acc: [String]) {
            guard out.count < 4 * limit else { return }
            if i == w.count {
                if !acc.isEmpty { out.append(acc) }
                return
            }
            for (hangul, pinyins) in table.syllables where i + hangul.count <= w.count && Array(w[i..<(i + hangul.count)]) == hangul {
                for p in pinyins { walk(i + hangul.count, acc + [p]) }
            }
        }
        walk(0, [])
        return out
    }
}
