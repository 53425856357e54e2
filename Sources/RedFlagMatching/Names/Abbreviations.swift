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

    /// Words that carry no identity at all and are dropped ("Bank of China" = "Bank China").
    public static let stopwords: Set<String> = Set(NameData.rows(file, kind: "stopword").map { $0.field(0) })
}
