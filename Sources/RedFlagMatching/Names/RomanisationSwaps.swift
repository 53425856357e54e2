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
    /// Shortest token respelt with any letter group.
    static let minimumLength = 5
    /// Shortest token respelt at all: one of three or four letters only with a consonant digraph
    /// (`digraphSwaps`), and only when it has a vowel (see `respellings`).
    static let shortLength = 3

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

    /// The swaps of `swaps` between a consonant digraph (two letters, the second an h: dh, kh,
    /// gh, th, zh, ph) and one letter ("zere" / "dhere", "hud" / "khud"): the only ones made in a
    /// token of three or four letters. There a vowel or y swapped is as often another name
    /// ("dina" / "dyna", "mia" / "mya"), and one digraph for another another sound ("chan" /
    /// "khan" / "shan").
    static let digraphSwaps: [(from: [UInt8], to: [UInt8])] = swaps.filter {
        (isDigraph($0.from) && $0.to.count == 1) || (isDigraph($0.to) && $0.from.count == 1)
    }

    /// Two letters, a consonant then h.
    static func isDigraph(_ group: [UInt8]) -> Bool {
        group.count == 2 && group[1] == 104 && !"aeiouy".utf8.contains(group[0])
    }

    /// The token respelt with one swap, then with two (at non-overlapping places), each spelling
    /// once, at most `limit`, never the token itself. Tokens of `minimumLength` letters or more
    /// take every swap; a token of `shortLength` to four letters only one swap of `digraphSwaps`,
    /// at its first letter (or its final q or k after a vowel for the other), and only when it holds
    /// a vowel: a short all-consonant token is an acronym ("BCE", "WPP", "THK"), whose letters are
    /// not sounds. `twice: false` stops after
    /// one swap (a listed token's respellings: fewer look-ups, and a name written as listed
    /// reaches only the spellings one sound away).
    static func respellings(_ token: [UInt8], twice: Bool = true) -> [[UInt8]] {
        guard token.count >= minimumLength else { return shortRespellings(token) }
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
        for (spelling, end) in first where twice {
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

    /// `respellings` of a token of `shortLength` to `minimumLength` − 1 letters: one digraph swap
    /// at its first letter, where romanisations differ most ("zere" / "dhere"), each result of
    /// three letters or more. Not at the end: there a letter added makes another name ("smit" /
    /// "smith").
    static func shortRespellings(_ token: [UInt8]) -> [[UInt8]] {
        guard token.count >= shortLength, token.count < minimumLength,
              token.allSatisfy({ (97...122).contains($0) }), token.contains(where: { "aeiouy".utf8.contains($0) }) else { return [] }
        var out: [[UInt8]] = []
        for (from, to) in digraphSwaps where token.starts(with: from) {
            let s = to + Array(token[from.count...])
            if s.count >= shortLength && s != token && !out.contains(s) { out.append(s) }
        }
        // A final q after a vowel is the Arabic ق, which the lists and the press also write k ("haq" /
        // "hak", "Abdul Hak"): that one swap, at the end only (Pinyin's q opens its syllable, before i or u).
        if let last = token.last, last == q || last == k, "aeiou".utf8.contains(token[token.count - 2]) {
            out.append(Array(token.dropLast()) + [last == q ? k : q])
        }
        return out
    }

    private static let q = UInt8(ascii: "q"), k = UInt8(ascii: "k")
}
