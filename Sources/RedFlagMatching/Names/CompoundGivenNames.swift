import RedFlagCore

/// Compound given names written as one word in Arabic script ("محمدجواد" Mohammad Javad, "علیرضا"
/// Ali Reza) that the lists write as two: the heads in `Lists/names/compound-names.tsv`.
enum CompoundGivenNames {
    /// The heads, as written.
    static let heads: [[Unicode.Scalar]] = NameData.rows("compound-names.tsv", kind: "head").map { row in
        guard row.field(0) == "Arab" else { NameData.fail("\(row.file):\(row.line): unknown script '\(row.field(0))' (expected Arab)") }
        return Array(row.field(1).unicodeScalars)
    }

    /// Second halves written as a word of their own, article and all ("الدين", "الله"), as written.
    static let seconds: Set<[Unicode.Scalar]> = Set(NameData.rows("compound-names.tsv", kind: "second").map { Array($0.field(1).unicodeScalars) })
    /// First halves that take any article word after them ("عبد", "ابو"), as written.
    static let firsts: Set<[Unicode.Scalar]> = Set(NameData.rows("compound-names.tsv", kind: "first").map { Array($0.field(1).unicodeScalars) })

    /// Persian surname suffixes that are often written apart from the name they end ("زاده" -zada, "نژاد" -nejad).
    static let suffixes: Set<[Unicode.Scalar]> = Set(NameData.rows("compound-names.tsv", kind: "suffix").map { Array($0.field(1).unicodeScalars) })

    /// Whether the Arabic-script words `first` and `second` (marks dropped) are the halves of one compound name
    /// that the lists write as one word: a known second half, or any article word after a known first half.
    static func joins(_ first: [Unicode.Scalar], _ second: [Unicode.Scalar]) -> Bool {
        seconds.contains(second) || firsts.contains(first)
    }

    /// Letters a word must go on for after its head to be read as a compound ("محمدی" Mohammadi is a surname).
    static let leastRest = 3

    /// `name` with every word that opens with a head and goes on for `leastRest` letters or more split
    /// after the head; nil when no word is.
    static func split(_ name: String) -> String? {
        WordSplitting.split(name, isLetter: { $0.properties.isAlphabetic }) { word in
            heads.first { word.count >= $0.count + leastRest && Array(word.prefix($0.count)) == $0 }?.count
        }
    }
}
