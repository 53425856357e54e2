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
    /// The file, loaded on first use and looked up by binary search (`SortedWordFile`).
    private static let table = SortedWordFile(required: "names/common-words.txt")

    /// Every word, in the file's order (for the tests that walk the table; look-ups never build it).
    private static let allWords = table.words

    /// Number of words in the table.
    static var count: Int { allWords.count }

    /// Word `i` of the table (in its sorted order).
    static func word(_ i: Int) -> String { allWords[i] }

    /// Whether `token` (a normalised name token) is a common word.
    static func contains(_ token: String) -> Bool { table.contains(token) }

    /// Words that say what kind of body a name is, not which (`Lists/names/generic-words.txt`, the
    /// business words of `Abbreviations` in any spelling, its stopwords, legal-form words, titles).
    static let generic: Set<String> = NameWordList.required("names/generic-words.txt")
        .union(Abbreviations.canonical.keys.filter(isNoName)).union(Abbreviations.canonical.values.filter(isNoName)).union(Abbreviations.stopwords)

    /// Generic words of a body's standing or kind, not its subject (`Lists/names/standing-words.txt`:
    /// "national", "central", "institute", "research"): dropped from a name as freely as a legal form.
    static let standing: Set<String> = NameWordList.required("names/standing-words.txt")

    /// Whether a word of the abbreviations' table is no given name: "Mohd" and "Md" abbreviate
    /// Mohammed, a person's name, not a business word.
    private static func isNoName(_ word: String) -> Bool { !GivenNames.isKnown(word) }

    /// Whether `token` is a generic word of organisation names (see `generic`), a legal-form word or a title.
    static func isGeneric(_ token: String) -> Bool {
        generic.contains(token) || LegalForms.words.contains(token) || NameTitles.contains(token)
    }

    /// Whether `token` is an everyday word that can name a company: common, not generic ("zenith",
    /// "orange", "puma"; not "bank", "communication").
    static func isEveryday(_ token: String) -> Bool { contains(token) && !isGeneric(token) }
}
