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
    /// The file's bytes and where its first word starts, loaded on first use. A look-up is a
    /// binary search over the bytes as they stand (each probe steps back to its line's start), so
    /// neither a set of 59,000 strings nor a table of where each word starts is built: either would
    /// cost a fresh process more than screening one name. Each line below the `#` header is one
    /// lower-case ASCII word, in byte order, so no name normalisation is needed.
    private static let text: (bytes: Data, wordsStart: Int) = {
        let bytes: Data
        do { bytes = try ProjectData.contents("names/common-words.txt").data } catch { NameData.fail("\(error)") }
        var start = bytes.startIndex
        while start < bytes.endIndex && bytes[start] == UInt8(ascii: "#") {
            while start < bytes.endIndex && bytes[start] != UInt8(ascii: "\n") { start += 1 }
            start += 1
        }
        return (bytes, min(start, bytes.endIndex) - bytes.startIndex)
    }()

    /// Every word, in the file's order (for the tests that walk the table; look-ups never build it).
    private static let allWords: [String] = {
        let t = text
        return t.bytes.dropFirst(t.wordsStart).split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }()

    /// Number of words in the table.
    static var count: Int { allWords.count }

    /// Word `i` of the table (in its sorted order).
    static func word(_ i: Int) -> String { allWords[i] }

    /// Whether `token` (a normalised name token) is a common word.
    static func contains(_ token: String) -> Bool {
        let t = text
        var token = token
        return token.withUTF8 { key in
            t.bytes.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                // [lo, hi) always starts and ends at line boundaries.
                var lo = t.wordsStart, hi = bytes.count
                while lo < hi {
                    var start = (lo + hi) / 2
                    while start > lo && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                    var end = start
                    while end < hi && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if word.elementsEqual(key) { return true }
                    if word.lexicographicallyPrecedes(key) { lo = end + 1 } else { hi = start }
                }
                return false
            }
        }
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
