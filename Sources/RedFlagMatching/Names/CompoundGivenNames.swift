import RedFlagCore

/// Compound given names written as one word in Arabic script ("محمدجواد" Mohammad Javad, "علیرضا"
/// Ali Reza) that the lists write as two: the heads in `Lists/names/compound-names.tsv`.
enum CompoundGivenNames {
    /// The heads, as written.
    static let heads: [[Unicode.Scalar]] = NameData.rows("compound-names.tsv", kind: "head").map { row in
        guard row.field(0) == "Arab" else { NameData.fail("\(row.file):\(row.line): unknown script '\(row.field(0))' (expected Arab)") }
        return Array(row.field(1).unicodeScalars)
    }

    /// Letters a word must go on for after its head to be read as a compound ("محمدی" Mohammadi is a surname).
    static let leastRest = 3

    /// `name` with every word that opens with a head and goes on for `leastRest` letters or more split
    /// after the head; nil when no word is.
    static func split(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var k = 0
        while k < scalars.count {
            let wordStart = k == 0 || !scalars[k - 1].properties.isAlphabetic
            if wordStart, let head = heads.first(where: { h in
                k + h.count + leastRest <= scalars.count && Array(scalars[k..<(k + h.count)]) == h
                    && scalars[(k + h.count)..<(k + h.count + leastRest)].allSatisfy { $0.properties.isAlphabetic }
            }) {
                out.append(contentsOf: head)
                out.append(" ")
                k += head.count
                changed = true
                continue
            }
            out.append(scalars[k])
            k += 1
        }
        return changed ? String(out) : nil
    }
}
