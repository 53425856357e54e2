import Foundation
import RedFlagCore

/// The common words of English (`Lists/names/common-words.txt`, from SCOWL: its header says
/// which lists and why): what an everyday word is, however rarely the sanctions lists hold it.
///
/// The matcher's weights come from the lists' own word counts, so "puma", "orange", "venture"
/// or "zenith" weigh like a rare name there; among the companies a desk screens they are common,
/// and a match that rests on such a word alone is as often another company named for it
/// (`CommonWordMatch`). Read only when a match at review level is judged, never when scoring.
enum CommonWords {
    /// The file's bytes and where each word starts, in the file's (sorted) order, loaded on first
    /// use: a look-up is a binary search over the bytes as they stand, so no set of 59,000 strings
    /// is built (that would cost a fresh process more than screening one name). Each line is one
    /// lower-case ASCII word, so no name normalisation is needed.
    private static let table: (bytes: [UInt8], starts: [Int32]) = {
        let data: Data
        do { data = try ProjectData.contents("names/common-words.txt").data } catch { NameData.fail("\(error)") }
        let bytes = [UInt8](data)
        var starts: [Int32] = []
        starts.reserveCapacity(64_000)
        var lineStart = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            if i > lineStart && bytes[lineStart] != UInt8(ascii: "#") { starts.append(Int32(lineStart)) }
            lineStart = i + 1
        }
        if lineStart < bytes.count && bytes[lineStart] != UInt8(ascii: "#") { starts.append(Int32(lineStart)) }
        return (bytes, starts)
    }()

    /// Number of words in the table.
    static var count: Int { table.starts.count }

    /// Word `i` of the table (in its sorted order).
    static func word(_ i: Int) -> String {
        let t = table
        let start = Int(t.starts[i])
        var end = start
        while end < t.bytes.count && t.bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return String(decoding: t.bytes[start..<end], as: UTF8.self)
    }

    /// Whether `token` (a normalised name token) is a common word.
    static func contains(_ token: String) -> Bool {
        let key = Array(token.utf8)
        let t = table
        var lo = 0, hi = t.starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let start = Int(t.starts[mid])
            var end = start
            while end < t.bytes.count && t.bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let word = t.bytes[start..<end]
            if word.elementsEqual(key) { return true }
            if word.lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// Words that say what kind of body a name is, not which (`Lists/names/generic-words.txt`, the
    /// business words of `Abbreviations` in any spelling, its stopwords, legal-form words, titles).
    static let generic: Set<String> = NameWordList.required("names/generic-words.txt")
        .union(Abbreviations.canonical.keys).union(Abbreviations.canonical.values).union(Abbreviations.stopwords)

    /// Whether `token` is a generic word of organisation names (see `generic`), a legal-form word or a title.
    static func isGeneric(_ token: String) -> Bool {
        generic.contains(token) || LegalForms.words.contains(token) || NameTitles.contains(token)
    }

    /// Whether `token` is an everyday word that can name a company: common, not generic ("zenith",
    /// "orange", "puma"; not "bank", "communication").
    static func isEveryday(_ token: String) -> Bool { contains(token) && !isGeneric(token) }
}
