/// Company legal forms across languages, unified into one canonical code each and kept apart
/// from the name's distinctive tokens: "Co., Ltd.", "Company Limited", "有限公司" all become `ltd`,
/// "OOO", "ООО", "Obshchestvo s Ogranichennoy Otvetstvennostyu" become `llc`.
///
/// A legal form is weak evidence: "Huawei Technologies Co., Ltd." and "Huawei Technologies" are
/// the same party for screening, so the forms are removed from the tokens that are scored.
///
/// The table is data: `Lists/names/legal-forms.tsv` (its header says where it comes from).
public enum LegalForms {
    private static let file = "legal-forms.tsv"

    /// Canonical code → spellings (each normalised with the same pipeline as names), in file order.
    /// Han and Hangul forms are given as their romanisation ("you xian gong si") so building the
    /// table never starts a transliterator.
    static let table: [(code: String, spellings: [String])] = {
        var out: [(code: String, spellings: [String])] = []
        for row in NameData.rows(file, kind: "form") {
            let code = row.field(0), spelling = row.field(1)
            if let i = out.firstIndex(where: { $0.code == code }) { out[i].spellings.append(spelling) } else { out.append((code, [spelling])) }
        }
        return out
    }()

    /// Every word of every legal-form spelling, normalised ("limited", "liability", "joint",
    /// "stock", "obshchestvo"…) plus the qualifiers that precede them ("public", "open", "closed",
    /// "private"). Left over in a name (a truncated or misspelt form), such a word weighs as
    /// little as the most generic word: it never carries a match.
    ///
    /// Words of fewer than three letters ("a", "s", "z" from "A/S", "Obshchestvo s…", "Sp. z o.o.";
    /// "de" from "S.A. de C.V.") and the syllables of romanised Han and Hangul forms ("zhu shi hui
    /// she", "you xian gong si") are left out: alone they are initials, particles and common
    /// given-name syllables ("Hui", "Shi", "Xian"), which must weigh what any name part weighs.
    public static let words: Set<String> = {
        var out = Set(NameData.rows(file, kind: "weak-word").map { $0.field(0) })
        for (_, spellings) in table {
            for s in spellings where !romanisedSyllables.contains(s) {
                out.formUnion(NameNormalizer.tokenize(NameNormalizer.fold(s)).filter { $0.utf8.count >= 3 })
            }
        }
        return out
    }()

    /// Legal-form words of four letters or more, as bytes, for `mistyped`.
    private static let longWords: [[UInt8]] = words.filter { $0.utf8.count >= 4 }.map { Array($0.utf8) }

    /// `longWords` by the hash of each word and of each word with one letter deleted: a word one
    /// edit from another shares one of these keys with it (symmetric deletion), so `mistyped`
    /// looks up a token's own keys instead of measuring it against every form word.
    private static let deletionKeys: [UInt64: [Int32]] = {
        var out: [UInt64: [Int32]] = [:]
        for (k, w) in longWords.enumerated() {
            var keys: Set<UInt64> = [deletionHash(w, skipping: -1)]
            for i in w.indices { keys.insert(deletionHash(w, skipping: i)) }
            for key in keys { out[key, default: []].append(Int32(k)) }
        }
        return out
    }()

    /// FNV-1a of `w` without its letter at `skipping` (none when negative).
    private static func deletionHash(_ w: [UInt8], skipping: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, b) in w.enumerated() where i != skipping { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Whether `token`, a word no listed name holds, is a legal-form word typed with one edit
    /// (a letter dropped, added, changed, or two neighbours swapped): "STCK" in "OPEN JOINT STCK
    /// COMPANY", "LTDDA", "LIMTED", "CORPORATON". The longer of the two has five letters or more,
    /// so that one edit is a fifth of the word at most, and the word begins as a typist would begin
    /// it (`KeyboardNeighbours.plausibleStart`): a name one first letter from a form word is another
    /// word ("Berrada" is a Moroccan surname, not "cerrada" mistyped). Such a word says as little
    /// as the form.
    static func mistyped(_ token: [UInt8]) -> Bool {
        guard token.count >= 3, token.count <= 16 else { return false }
        for skip in -1..<token.count {
            guard let found = deletionKeys[deletionHash(token, skipping: skip)] else { continue }
            for k in found {
                let w = longWords[Int(k)]
                if max(w.count, token.count) >= 5 && abs(w.count - token.count) <= 1 && KeyboardNeighbours.plausibleStart(token, of: w)
                    && TokenSimilarity.editDistance(token, w, limit: 1) <= 1 { return true }
            }
        }
        return false
    }

    /// Words that qualify a legal form before it ("public", "open", "closed", "private"): an
    /// edge-only form after them is still at the start of the name ("PUBLIC AO GAZPROM").
    static let qualifiers: Set<String> = Set(NameData.rows(file, kind: "weak-word").map { $0.field(0) })

    /// Spellings in `table` that are romanised Han or Hangul syllables: legal forms only as a whole phrase.
    static let romanisedSyllables: Set<String> = Set(NameData.rows(file, kind: "form").filter { $0.fields.count > 2 && $0.fields[2] == "whole-phrase" }.map { $0.field(1) })

    /// Weight of a legal-form word left in a name.
    public static let wordWeight: Float = 0.03

    /// Legal forms people glue to the name ("JSCZALIV", "OOORomashka"): split off as a prefix.
    static let gluedPrefixes: [String] = NameData.rows(file, kind: "glued-prefix").map { $0.field(0) }
    /// Forms glued after the name they follow ("VTBBANKPJSC", "NIKLLC"), longest first: no name ends in one.
    static let gluedSuffixes: [String] = NameData.rows(file, kind: "glued-suffix").map { $0.field(0) }.sorted { $0.count > $1.count }
    /// The glued forms as bytes, for the comparison every listed token goes through.
    static let gluedPrefixBytes: [[UInt8]] = gluedPrefixes.map { Array($0.utf8) }
    static let gluedSuffixBytes: [[UInt8]] = gluedSuffixes.map { Array($0.utf8) }

    /// Ambiguous short forms that are also common name syllables: only removed at the start
    /// or end of a name ("AO Rosoboronexport", "Renault SA"), never from its middle.
    static let edgeOnly: Set<String> = Set(NameData.rows(file, kind: "edge-only").map { $0.field(0) })
}
