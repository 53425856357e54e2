import Testing
@testable import RedFlagMatching

/// `CommonWords.contains` searches the file's bytes in place, stepping back to each probe's line
/// start: it must say exactly what a set of the table's words says.
@Suite("Common words: the in-place binary search agrees with a set of the words")
struct CommonWordsLookupTests {
    @Test func agreesWithASetOfTheWords() {
        let words = (0..<CommonWords.count).map(CommonWords.word)
        let set = Set(words)
        var wrong: [String] = []
        for (i, w) in words.enumerated() {
            if !CommonWords.contains(w) { wrong.append("missed \(w)") }
            // Near misses on both sides of each word: one letter more, one less, the next word's prefix.
            var probes = [w + "a", w + "z", String(w.dropLast()), String(w.dropFirst()), "a" + w]
            if i + 1 < words.count { probes.append(String(words[i + 1].prefix(max(1, words[i + 1].count - 1)))) }
            for p in probes where CommonWords.contains(p) != set.contains(p) { wrong.append("disagrees on \(p)") }
        }
        for p in ["", "a", "zzzzzz", "#", "aaaa", "\u{0}", "é"] where CommonWords.contains(p) != set.contains(p) {
            wrong.append("disagrees on \(p.debugDescription)")
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
