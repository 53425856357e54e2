import Testing
@testable import RedFlagMatching

/// `SortedWordFile.contains` searches a file's bytes in place, stepping back to each probe's line
/// start: it must say exactly what a set of the file's words says, for each file read that way.
@Suite("Sorted word files: the in-place binary search agrees with a set of the words")
struct CommonWordsLookupTests {
    @Test(arguments: ["names/common-words.txt", "names/common-names.txt"])
    func agreesWithASetOfTheWords(file: String) {
        let table = SortedWordFile(required: file)
        let words = table.words
        #expect(words.count > 10_000)
        let set = Set(words)
        var wrong: [String] = []
        for (i, w) in words.enumerated() {
            if !table.contains(w) { wrong.append("missed \(w)") }
            // Near misses on both sides of each word: one letter more, one less, the next word's prefix.
            var probes = [w + "a", w + "z", String(w.dropLast()), String(w.dropFirst()), "a" + w]
            if i + 1 < words.count { probes.append(String(words[i + 1].prefix(max(1, words[i + 1].count - 1)))) }
            for p in probes where table.contains(p) != set.contains(p) { wrong.append("disagrees on \(p)") }
        }
        for p in ["", "a", "zzzzzz", "#", "aaaa", "\u{0}", "é"] where table.contains(p) != set.contains(p) {
            wrong.append("disagrees on \(p.debugDescription)")
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func commonWordsAnswersAsItsFile() {
        #expect(CommonWords.count > 50_000 && CommonWords.contains(CommonWords.word(0)))
        #expect(CommonNames.contains("mikhail") && !CommonNames.contains("rosneft"))
    }
}
