import RedFlagCore

/// The points of the compass as words of organisation names (`Lists/names/compass-words.tsv`):
/// two names that differ in their direction are two organisations, however alike the letters
/// ("northeastern" and "northwestern" are one letter apart; "eastern" and "western" two), so a
/// query word of the table is never paired with a listed word of another direction (issue 11,
/// item 12: one distinctive word apart).
enum CompassWords {
    /// Word → its point of the compass ("northeastern" → "NE").
    static let points: [String: String] = {
        var out: [String: String] = [:]
        for row in NameData.rows("compass-words.tsv", kind: "direction") { out[row.field(0)] = row.field(1) }
        return out
    }()

    /// Whether `a` and `b` are words of two different directions.
    static func differ(_ a: [UInt8], _ b: String) -> Bool {
        guard let pa = points[String(decoding: a, as: UTF8.self)], let pb = points[b] else { return false }
        return pa != pb
    }
}
