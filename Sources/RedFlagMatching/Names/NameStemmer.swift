/// A light English stemmer for name words, used only to find the listed token an unknown query
/// token misspells after both drop their inflection ("indutries" → "indutry" ~ "industry").
enum NameStemmer {
    /// The stem of `t` (lower-case ASCII bytes), or nil when no ending applies.
    static func stem(_ t: [UInt8]) -> [UInt8]? {
        let n = t.count
        func ends(_ s: String) -> Bool { let b = Array(s.utf8); return n > b.count + 2 && t.suffix(b.count).elementsEqual(b) }
        if ends("ies") { return Array(t.dropLast(3)) + [121] }  // y
        if ends("ing") && n >= 7 { return Array(t.dropLast(3)) }
        if ends("es") && n >= 5, [115, 120, 122].contains(t[n - 3]) || (t[n - 3] == 104 && [99, 115].contains(t[n - 4])) { return Array(t.dropLast(2)) }
        if t[n - 1] == 115 && ![115, 117, 105].contains(t[n - 2]) { return Array(t.dropLast(1)) }
        return nil
    }
}
