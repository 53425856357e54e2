/// East Slavic patronymics read as one when their fathers' names are variants of one given name:
/// "Mykolayovych" (Ukrainian) and "Nikolaevich" (Russian) are both "son of Nikolai", as "Mykola" and
/// "Nikolai" are one name (`GivenNames`). Spelling similarity finds "Nikolayevich" for "Nikolaevich",
/// not the other language's form, whose stem is another spelling of the name.
///
/// How a patronymic is built on a father's name is data (`Lists/names/patronymics.tsv`); the table is
/// read both ways: a patronymic's fathers are the known given names its ending leaves, and a variant
/// of a father's name gives the patronymics of the same gender to look for among the listed words.
enum PatronymicVariants {
    /// A father's name ending (empty: a name ending in a consonant other than y) and the
    /// patronymic ending put for it.
    struct Form: Sendable {
        var name: [UInt8]
        var patronymic: [UInt8]
        /// Feminine patronymics end in -na (Ivanovna, Mykolayivna, Ivanauna).
        var feminine: Bool { patronymic.ends(with: [110, 97]) }
    }

    static let forms: [Form] = NameData.rows("patronymics.tsv").map { row in
        guard row.field(0) == "form" else { NameData.fail("\(row.file):\(row.line): unknown row kind '\(row.field(0))' (expected form)") }
        let name = row.field(1) == "-" ? [] : Array(row.field(1).utf8), patronymic = Array(row.field(2).utf8)
        guard !patronymic.isEmpty, (name + patronymic).allSatisfy({ (97...122).contains($0) }) else {
            NameData.fail("\(row.file):\(row.line): name and patronymic endings must be lower-case ASCII letters")
        }
        return Form(name: name, patronymic: patronymic)
    }

    /// Whether `word` may be a patronymic at all: every ending closes with ch, tj or na.
    @inline(__always) static func mayBePatronymic(_ word: [UInt8]) -> Bool {
        guard word.count >= 7, let last = word.last else { return false }
        let before = word[word.count - 2]
        return (before == 99 && last == 104) || (before == 116 && last == 106) || (before == 110 && last == 97)
    }

    /// The known given names `word` is a patronymic of, and whether it is a woman's.
    static func fathers(of word: [UInt8]) -> (names: [String], feminine: Bool)? {
        guard mayBePatronymic(word) else { return nil }
        var names: [String] = []
        var feminine = false
        for f in forms where word.count >= f.patronymic.count + 3 && word.ends(with: f.patronymic) {
            let stem = word.dropLast(f.patronymic.count)
            if f.name.isEmpty, let last = stem.last, ApproximatePersonMatch.isVowel(last) { continue }
            let name = String(decoding: stem + f.name, as: UTF8.self)
            if GivenNames.isKnown(name), !names.contains(name) {
                names.append(name)
                feminine = f.feminine
            }
        }
        return names.isEmpty ? nil : (names, feminine)
    }

    /// The patronymics of `feminine` gender the forms build on the given name `name`.
    static func patronymics(of name: [UInt8], feminine: Bool) -> [[UInt8]] {
        guard let last = name.last else { return [] }
        return forms.compactMap { f in
            guard f.feminine == feminine else { return nil }
            if f.name.isEmpty { return ApproximatePersonMatch.isVowel(last) ? nil : name + f.patronymic }
            return name.count > f.name.count + 1 && name.ends(with: f.name) ? Array(name.dropLast(f.name.count)) + f.patronymic : nil
        }
    }

    /// Adds to `similar` the vocabulary words that are patronymics of the same gender built on a variant of
    /// the father's name of patronymic `token`, at `GivenNames.variantSimilarity` (or their spelling
    /// similarity when higher). Nothing for a word that is no patronymic of a known name.
    static func addVariants(of token: [UInt8], to similar: inout [(id: Int32, similarity: Double)], _ vocabularyID: ([UInt8]) -> Int32?) {
        guard let read = fathers(of: token) else { return }
        var names = Set(read.names)
        for name in read.names { names.formUnion(GivenNames.variants(of: name)) }
        for name in names where name.utf8.count >= 3 {
            for p in patronymics(of: Array(name.utf8), feminine: read.feminine) where p != token {
                if let id = vocabularyID(p) { GivenNames.credit(id, GivenNames.variantSimilarity, in: &similar) }
            }
        }
    }

    /// Whether `a` and `b` are patronymics of one gender whose fathers' names are one name or variants of it.
    static func areVariants(_ a: String, _ b: String) -> Bool {
        guard a != b, let x = fathers(of: Array(a.utf8)), let y = fathers(of: Array(b.utf8)), x.feminine == y.feminine else { return false }
        return x.names.contains { n in y.names.contains { n == $0 || GivenNames.areVariants(n, $0) } }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}
