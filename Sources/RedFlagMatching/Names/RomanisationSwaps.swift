/// Spellings of a name token in other romanisations: the token with one or two of the letter
/// groups of `Lists/names/romanisation-swaps.tsv` replaced by their counterparts ("mihayl" →
/// "mikhail", "dawud" → "dawood", "hajdzh" → "hajj"). Consonant skeletons and Jaro-Winkler miss
/// these in short tokens and where two groups differ at once.
enum RomanisationSwaps {
    /// Similarity credited to a listed token that is the query token respelt: a typo's, under an
    /// exact match.
    static let credit = 0.9
    /// Most respellings tried per token (a long token with many letter groups stops there).
    static let limit = 64
    /// Shortest token respelt.
    static let minimumLength = 5

    /// Each letter group with the groups that replace it (both directions of every row).
    static let swaps: [(from: [UInt8], to: [UInt8])] = {
        var out: [(from: [UInt8], to: [UInt8])] = []
        for row in NameData.rows("romanisation-swaps.tsv", kind: "swap") {
            let a = Array(row.field(0).utf8), b = Array(row.field(1).utf8)
            out.append((a, b))
            out.append((b, a))
        }
        return out
    }()

    /// The token respelt with one swap, then with two (at non-overlapping places), each spelling
    /// once, at most `limit`, never the token itself. Tokens of `minimumLength` letters or more
    /// only: a shorter one is as often an acronym ("BCE", "WPP", "YPF"), whose letters are not sounds.
    static func respellings(_ token: [UInt8]) -> [[UInt8]] {
        guard token.count >= minimumLength else { return [] }
        var seen: Set<[UInt8]> = [token]
        var out: [[UInt8]] = []
        // One swap, remembering where it ended so the second is made after it.
        var first: [(spelling: [UInt8], end: Int)] = []
        for (from, to) in swaps {
            var i = 0
            while i + from.count <= token.count {
                if token[i..<(i + from.count)].elementsEqual(from) {
                    let s = Array(token[..<i]) + to + Array(token[(i + from.count)...])
                    if s.count >= 3 && seen.insert(s).inserted {
                        out.append(s)
                        first.append((s, i + to.count))
                        if out.count >= limit { return out }
                    }
                }
                i += 1
            }
        }
        for (spelling, end) in first {
            for (from, to) in swaps {
                var i = end
                while i + from.count <= spelling.count {
                    if spelling[i..<(i + from.count)].elementsEqual(from) {
                        let s = Array(spelling[..<i]) + to + Array(spelling[(i + from.count)...])
                        if seen.insert(s).inserted {
                            out.append(s)
                            if out.count >= limit { return out }
                        }
                    }
                    i += 1
                }
            }
        }
        return out
    }
}
