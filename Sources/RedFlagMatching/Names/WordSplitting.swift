/// Splits words of a name in two where a rule says, for the readings that take a word written as one
/// for two names (`CompoundGivenNames`, `UnjoinedLetters`).
enum WordSplitting {
    /// `name` with a space inserted into each word (a maximal run of scalars that `isLetter` accepts) after
    /// the number of letters `at` returns for it (nil, or a count outside the word: left whole); nil when no
    /// word was split.
    static func split(_ name: String, isLetter: (Unicode.Scalar) -> Bool, at: ([Unicode.Scalar]) -> Int?) -> String? {
        let scalars = Array(name.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var k = 0
        while k < scalars.count {
            guard isLetter(scalars[k]) else {
                out.append(scalars[k])
                k += 1
                continue
            }
            var end = k
            while end < scalars.count && isLetter(scalars[end]) { end += 1 }
            let word = Array(scalars[k..<end])
            if let cut = at(word), cut > 0, cut < word.count {
                out.append(contentsOf: word[..<cut])
                out.append(" ")
                out.append(contentsOf: word[cut...])
                changed = true
            } else {
                out.append(contentsOf: word)
            }
            k = end
        }
        return changed ? String(out) : nil
    }
}
