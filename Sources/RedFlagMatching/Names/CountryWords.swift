import Foundation
import RedFlagCore

/// A country's name and its nationality adjective as one word of a company's name ("Iran" and
/// "Iranian", "Russia" and "Russian"): the press and translations write either ("Central Bank of
/// Russia", "Russian Central Bank"; "伊朗国家油轮公司", read "Iran national tanker company", is the
/// listed NATIONAL IRANIAN TANKER COMPANY). From the one-word names of `Lists/countries.tsv`.
enum CountryWords {
    /// The similarity of a country's name and its adjective: the same evidence as a given-name
    /// variant (`GivenNames.variantSimilarity`), not an identical spelling.
    static let similarity = GivenNames.variantSimilarity

    /// Least letters of a form taken: shorter ones are codes ("IRN", "RUS").
    static let leastLetters = 4

    /// Each one-word form (lower case, ASCII letters) → the other one-word forms of its country.
    /// Read from the table's bytes, as `CountryTable` reads it: every screen's first query builds
    /// this, and splitting the text into Characters would cost a fresh process more than the rest.
    static let equivalents: [String: [String]] = forms.reduce(into: [:]) { out, country in
        guard country.words.count > 1 else { return }
        for w in country.words { out[w, default: []] += country.words.filter { $0 != w } }
    }

    /// Each one-word form (as in `equivalents`) → its country's ISO code: the word of a company's
    /// name that names its country ("Russia" in "Russia United Shipbuilding Corporation").
    static let codes: [String: String] = forms.reduce(into: [:]) { out, country in
        for w in country.words where out[w] == nil { out[w] = country.code }
    }

    /// Every country of the table with its one-word forms.
    private static let forms: [(code: String, words: [String])] = {
        // The table is part of the project data (`CountryTable.shared` reads it too): unreadable, no equivalents.
        let data = [UInt8]((try? ProjectData.data("countries.tsv")) ?? Data())
        var out: [(code: String, words: [String])] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let cols = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard cols.count >= 2, cols[0].count == 2 else { continue }
            var words: [String] = []
            let forms = [cols[1]] + (cols.count > 2 ? cols[2].split(separator: UInt8(ascii: "|")) : [])
            // A region the table files under the country ("Region: Crimea", "Region: Gaza") is no name of it:
            // "Ukrainian Railways" is not THE RAILWAYS OF CRIMEA.
            let regionMark = Array("Region: ".utf8)
            let regions = Set(forms.filter { $0.starts(with: regionMark) }.map { Array($0.dropFirst(regionMark.count)) })
            for form in forms where !regions.contains(Array(form)) {
                // One word of ASCII letters: "Iran", "Iranian", not "Korea, North" nor "Côte d'Ivoire".
                guard form.count >= leastLetters, form.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }) else { continue }
                let word = String(decoding: form.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
                if !words.contains(word) { words.append(word) }
            }
            if !words.isEmpty { out.append((String(decoding: cols[0], as: UTF8.self), words)) }
        }
        return out
    }()

    /// Adds to `similar` (vocabulary tokens like `token`, with their similarity) the vocabulary
    /// tokens that name the same country as `token`, at `similarity` or their spelling similarity
    /// when higher.
    static func addEquivalents(of token: [UInt8], to similar: inout [(id: Int32, similarity: Double)], _ vocabularyID: ([UInt8]) -> Int32?) {
        guard token.count >= leastLetters, let others = equivalents[String(decoding: token, as: UTF8.self)] else { return }
        for other in others {
            if let id = vocabularyID(Array(other.utf8)) { GivenNames.credit(id, similarity, in: &similar) }
        }
    }
}
