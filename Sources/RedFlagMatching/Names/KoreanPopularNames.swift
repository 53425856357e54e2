import Foundation

/// A Korean name in Hangul read the way South Koreans spell it in English ("박지성" → "park ji
/// sung", "이민호" → "lee min ho"): the surname in its usual passport spelling
/// (`Lists/names/korean-popular.tsv`: Park, Lee, Choi, Jung) and the given name's syllables in
/// Revised Romanization with the English ㅓ as u and 영 as young (Sung, Hyun, Young).
///
/// Neither of the two systems `Transliterator` reads Hangul with gives those spellings (Revised:
/// Bak Ji-seong, McCune-Reischauer: Pak Chi-song), and a listed South Korean, or a published
/// test pair, is written in them. Only a whole-Hangul name of two to four syllables that opens
/// with a surname of the table is read so: a Hangul transcription of a foreign name does not.
///
/// The same file gives each Korean surname's Latin spellings (`addSurnameSpellings`), so a name
/// written in the South's or the passport's spelling ("Lee Pyong Chol") meets the DPRK spelling
/// the lists give North Koreans (RI, Pyong Chol).
enum KoreanPopularNames {
    /// Syllables of a Korean personal name written as one or two words.
    static let syllables = 2...4

    /// Both tables from one reading of the file: Hangul surname → passport spelling, and each Latin
    /// spelling of a surname → the surname's other spellings.
    private static let tables: (surnames: [Unicode.Scalar: String], spellings: [String: [String]]) = {
        var surnames: [Unicode.Scalar: String] = [:], spellings: [String: [String]] = [:]
        for row in NameData.rows("korean-popular.tsv") {
            switch row.field(0) {
            case "surname":
                let hangul = Array(row.field(1).unicodeScalars), spelling = row.field(2)
                guard hangul.count == 1, (0xAC00...0xD7A3).contains(hangul[0].value), !spelling.isEmpty,
                      spelling.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    NameData.fail("\(row.file):\(row.line): expected surname, one Hangul syllable and lower-case Latin letters")
                }
                surnames[hangul[0]] = spelling
            case "spellings":
                let group = row.field(1).split(separator: " ").map(String.init)
                guard group.count >= 2, group.allSatisfy({ $0.utf8.count >= 2 && $0.utf8.allSatisfy { (97...122).contains($0) } }) else {
                    NameData.fail("\(row.file):\(row.line): expected two or more lower-case Latin spellings")
                }
                for spelling in group { spellings[spelling, default: []] += group.filter { $0 != spelling } }
            default:
                NameData.fail("\(row.file):\(row.line): unknown kind '\(row.field(0))' (expected surname or spellings)")
            }
        }
        return (surnames, spellings)
    }()
    private static var surnames: [Unicode.Scalar: String] { tables.surnames }

    /// Adds to `similar` the vocabulary tokens that spell the Korean surname `token` otherwise ("lee"
    /// → "ri", "park" → "pak", "jeong" → "jong"), at `GivenNames.variantSimilarity`: the lists write
    /// North Koreans in the DPRK's spelling, the press and passports South Korean ones.
    static func addSurnameSpellings(of token: [UInt8], to similar: inout [(id: Int32, similarity: Double)], _ vocabularyID: ([UInt8]) -> Int32?) {
        guard token.count >= 2, token.count <= 6, let others = tables.spellings[String(decoding: token, as: UTF8.self)] else { return }
        for other in others {
            guard let id = vocabularyID(Array(other.utf8)) else { continue }
            GivenNames.credit(id, GivenNames.variantSimilarity, in: &similar)
        }
    }

    /// The popular reading of `name`, or nil when it is not a Hangul personal name of that shape.
    static func reading(_ name: String) -> String? {
        let scalars = name.unicodeScalars.filter { $0 != " " && $0 != "·" && $0 != "-" && $0 != "\u{30FB}" }
        guard syllables.contains(scalars.count), scalars.allSatisfy({ (0xAC00...0xD7A3).contains($0.value) }),
              let surname = surnames[scalars[scalars.startIndex]] else { return nil }
        let given = scalars.dropFirst().map { syllable -> String in
            let revised = Hangul.romanise([syllable], revised: true)
            if revised == "yeong" { return "young" }
            return revised.replacingFirst("eo", with: "u")
        }
        return ([surname] + given).joined(separator: " ")
    }
}

private extension String {
    /// The string with the first `target` replaced by `replacement` (a syllable holds one vowel).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
