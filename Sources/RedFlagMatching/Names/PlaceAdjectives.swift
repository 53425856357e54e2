/// Adjectives of place names in Slavic organisation names (`Lists/names/place-adjectives.tsv`):
/// "Минский завод" is the Minsk plant, "Сычуаньский университет" Sichuan University, "Mińska
/// Fabryka" the Minsk factory. The lists write the place's own name, so the English reading of such
/// a name (`BusinessWords`) reads the adjective as the place it is made from.
enum PlaceAdjectives {
    private struct Rules {
        var suffixes: [String] = []
        var endings: [String] = []
        var qualities: [String] = []
    }

    /// The rules by script (ISO 15924), endings longest first so the longest ending is taken off.
    private static let rules: [String: Rules] = {
        var out: [String: Rules] = [:]
        for row in NameData.rows("place-adjectives.tsv") {
            let script = row.field(1), text = row.field(2).lowercased()
            switch row.field(0) {
            case "suffix": out[script, default: Rules()].suffixes.append(text)
            case "ending": out[script, default: Rules()].endings.append(text)
            case "quality": out[script, default: Rules()].qualities.append(text)
            default: NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))' (expected suffix, ending or quality)")
            }
        }
        for key in out.keys { out[key]!.endings.sort { $0.count > $1.count } }
        return out
    }()

    /// The places lower-case word `word` of script `script` may be the adjective of, as written in
    /// that script: its stem with the suffix ("минск" for "минский") and, when four letters or more
    /// are left, without it ("сычуань" for "сычуаньский"). Empty when the word is no such adjective.
    static func places(_ word: String, script: String) -> [String] {
        guard let r = rules[script] else { return [] }
        let letters = Array(word)
        for ending in r.endings where letters.count > ending.count && word.hasSuffix(ending) {
            let stem = String(letters.dropLast(ending.count))
            guard let suffix = r.suffixes.filter({ stem.hasSuffix($0) }).max(by: { $0.count < $1.count }),
                  !r.qualities.contains(where: { stem.hasSuffix($0) }) else { continue }
            guard stem.count >= 4 else { return [] }
            let bare = String(stem.dropLast(suffix.count))
            return bare.count >= 4 ? [stem, bare] : [stem]
        }
        return []
    }
}
