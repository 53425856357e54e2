/// Business-word abbreviations and inflections mapped to one canonical token so "Intl", "Int'l"
/// and "International" align exactly, as do "Tech", "Techn", "Technology" and "Technologies".
///
/// The table is data: `Lists/names/abbreviations.tsv` (its header says where it comes from).
public enum Abbreviations {
    private static let file = "abbreviations.tsv"

    /// Folded token → canonical token.
    public static let canonical: [String: String] = {
        var map: [String: String] = [:]
        for row in NameData.rows(file, kind: "abbreviation") {
            let canonical = row.field(0)
            for v in row.field(1).split(separator: " ") { map[String(v)] = canonical }
        }
        return map
    }()

    /// The canonical token of a word with digits typed for letters ("grup0" for "grupo", 0 o, 1 i,
    /// 3 e, 4 a, 5 s), nil when it is none or holds no letter: such a word is the business word it
    /// spells, which the lists write canonical too.
    static func canonicalReadingDigits(_ token: String) -> String? {
        let bytes = Array(token.utf8)
        guard bytes.contains(where: { (48...57).contains($0) }), bytes.contains(where: { (97...122).contains($0) }) else { return nil }
        let letters: [UInt8: UInt8] = [48: 111, 49: 105, 51: 101, 52: 97, 53: 115]
        var read = bytes
        for (i, b) in bytes.enumerated() {
            guard (48...57).contains(b) else { continue }
            guard let l = letters[b] else { return nil }
            read[i] = l
        }
        return canonical[String(decoding: read, as: UTF8.self)]
    }

    /// Words that carry no identity at all and are dropped ("Bank of China" = "Bank China").
    public static let stopwords: Set<String> = Set(NameData.rows(file, kind: "stopword").map { $0.field(0) })
}
