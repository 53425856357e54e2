/// Given-name variants and nicknames as a token equivalence: "Bill" ~ "William", "Ted" ~
/// "Theodore", "Oleksandr" ~ "Aleksandr" ~ "Aliaksandr", "Yusuf" ~ "Youssef". Spelling similarity
/// alone misses them (different letters, or too many edits for a short name).
///
/// The table is data: `Lists/names/given-names.tsv` (nicknames from the `nicknames` package,
/// transliteration groups by hand; the header gives sources and licences). It is read the first
/// time a query token is looked up, which happens once per distinct token (the matcher caches).
public enum GivenNames {
    /// Similarity credited to a variant or nickname pair: high, but under an exact match so the
    /// listed spelling still ranks first.
    public static let variantSimilarity = 0.93

    /// Folded spelling → its equivalent spellings (not itself).
    static let equivalents: [String: Set<String>] = {
        var map: [String: Set<String>] = [:]
        var nicknames: [(full: String, nick: String)] = []
        for row in NameData.rows("given-names.tsv") {
            switch row.field(0) {
            case "nickname":
                let full = row.field(1)
                for nick in row.field(2).split(separator: " ").map(String.init) where nick != full { nicknames.append((full, nick)) }
            case "variants":
                let group = row.field(1).split(separator: " ").map(String.init)
                for a in group { for b in group where a != b { map[a, default: []].insert(b) } }
            default:
                NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))' (expected nickname or variants)")
            }
        }
        // A nickname stands for its full name however the full name is spelt: "Kolya" for Nikolai,
        // Nikolay and Mykola alike (the full name's variant group). Not a nickname of one or two
        // letters ("Al", "Ab"): those are also name particles and initials.
        let groups = map
        for (full, nick) in nicknames {
            let spellings = nick.utf8.count >= 3 ? [full] + (groups[full].map { $0.sorted() } ?? []) : [full]
            for spelling in spellings where spelling != nick {
                map[spelling, default: []].insert(nick)
                map[nick, default: []].insert(spelling)
            }
        }
        return map
    }()

    /// The spellings equivalent to `token` (empty when it is no known given name).
    public static func variants(of token: String) -> Set<String> { equivalents[token] ?? [] }

    /// Whether `a` and `b` are variants or nickname and full name of one given name.
    public static func areVariants(_ a: String, _ b: String) -> Bool { equivalents[a]?.contains(b) ?? false }
}

extension GivenNames {
    /// Adds to `similar` (vocabulary tokens like `token`, with their similarity) the vocabulary
    /// tokens that are variants or nicknames of `token`, at `variantSimilarity` or their spelling
    /// similarity when higher: the one place the table enters token similarity.
    static func addVariants(of token: [UInt8], to similar: inout [(id: Int32, similarity: Double)], _ vocabularyID: ([UInt8]) -> Int32?) {
        guard let variants = equivalents[String(decoding: token, as: UTF8.self)] else { return }
        for v in variants {
            guard let id = vocabularyID(Array(v.utf8)) else { continue }
            if let k = similar.firstIndex(where: { $0.id == id }) {
                similar[k].similarity = max(similar[k].similarity, variantSimilarity)
            } else {
                similar.append((id, variantSimilarity))
            }
        }
    }
}
