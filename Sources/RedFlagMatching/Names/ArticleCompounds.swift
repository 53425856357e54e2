/// Arabic compound names that Latin spellings write in three words, a head, the article and a name
/// ("Abd al-Lahi", "Abd el Kader", "Abd ar-Rahman"), and the lists as one ("Abdullahi",
/// "Abdelkader", "Abdurrahman"), or the other way round. The aligner joins two adjacent words,
/// not three: a name so written is also screened read as one word, the article as typed
/// ("Abdallahi", one letter from "Abdullahi"). The heads and the article's forms are in
/// `Lists/names/compound-names.tsv` (kinds `apart` and `article`).
enum ArticleCompounds {
    /// Heads written apart ("abd"), folded lower-case.
    static let heads: Set<String> = Set(NameData.rows("compound-names.tsv", kind: "apart").map { $0.field(0) })
    /// The article's romanised forms ("al", "el", "ar", "ash"), folded lower-case.
    static let articles: Set<String> = Set(NameData.rows("compound-names.tsv", kind: "article").map { $0.field(0) })
    /// The article's forms written as a word of their own ("al", "el", "ul"): each is the others.
    static let alone: [[UInt8]] = NameData.rows("compound-names.tsv", kind: "alone").map { Array($0.field(0).utf8) }
    /// Similarity credited to a listed form of the article for another typed ("el" for "al"):
    /// a respelling's.
    static let aloneCredit = RomanisationSwaps.credit
    /// Least letters of the name after the article ("Abd al-Lah": "lah").
    static let leastName = 2

    /// The forms of the article that `token`, written as a word before `next`, is written as
    /// otherwise (itself left out): the forms written alone ("al", "el", "ul"), and each form
    /// assimilated to `next` ("az" before "zahar", "ad" before "duri", "ash" before "shami"). The
    /// article before a sun letter is written with that letter ("Mahmoud az-Zahar", "Izzat Ibrahim
    /// ad-Duri"), where the lists write "AL ZAHAR", "AL-DURI": the same word. Empty when `token` is
    /// neither a form written alone nor one assimilated to `next`: "as", "ad" or "an" before any
    /// other word is no article.
    static func sameArticle(_ token: String, before next: String) -> [String] {
        guard (2...3).contains(token.utf8.count) else { return [] }
        let aloneForm = aloneWords.contains(token)
        guard aloneForm || assimilated(token, before: next) else { return [] }
        return (aloneWords + assimilatedForms.filter { assimilated($0, before: next) }).filter { $0 != token }
    }

    /// The article's forms that are not written alone, in order ("ad", "an", "ar", "as", "ash"…).
    private static let assimilatedForms: [String] = articles.subtracting(aloneWords).sorted()

    /// The forms written alone, as text.
    private static let aloneWords: [String] = alone.map { String(decoding: $0, as: UTF8.self) }

    /// Whether article form `form` ("az") is the article assimilated to `next` ("zahar"): its
    /// consonant ("z", "sh") opens `next`, the consonant is not the article's own l, and
    /// `next` goes on for two letters or more.
    private static func assimilated(_ form: String, before next: String) -> Bool {
        guard articles.contains(form), form.utf8.count >= 2 else { return false }
        let consonant = form.dropFirst()
        return consonant != "l" && next.hasPrefix(consonant) && next.count >= consonant.count + 2
    }

    /// Whether two single words are one compound name whose article is romanised otherwise
    /// ("abdallahi" / "abdullahi", "abdarrahman" / "abdulrahman"): the same head, an article form
    /// each, and the same name after it. Such a pair is a spelling of one name, not two names that
    /// differ in a vowel (`ApproximatePersonMatch`).
    static func sameCompound(_ a: String, _ b: String) -> Bool {
        guard a != b else { return false }
        for head in heads where a.hasPrefix(head) && b.hasPrefix(head) {
            let restA = a.dropFirst(head.count), restB = b.dropFirst(head.count)
            for articleA in articles where restA.hasPrefix(articleA) {
                let nameA = restA.dropFirst(articleA.count)
                guard nameA.count >= leastName else { continue }
                for articleB in articles where articleB != articleA && restB.hasPrefix(articleB) && restB.dropFirst(articleB.count) == nameA {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `headWithArticle` ("abdul") and `name` ("rahman") make a compound given name that
    /// `GivenNames` knows with some form of the article ("abdulrahman", "abdelrahman"): "Abdul
    /// Zulkifli" or "Abdul Ben" are two names, not one.
    private static func knownCompound(_ headWithArticle: String, _ name: String) -> Bool {
        guard name.utf8.count >= leastName, !articles.contains(name),
              let head = heads.first(where: { headWithArticle.hasPrefix($0) }) else { return false }
        return articles.contains { GivenNames.isKnown(head + $0 + name) }
    }

    /// Whether `word` is a head and an article form and nothing more ("abdul", "abdel", "abdur").
    private static func withArticle(_ word: String) -> Bool {
        heads.contains { head in word.hasPrefix(head) && articles.contains(String(word.dropFirst(head.count))) }
    }

    /// Characters that may stand between the three words: space, hyphen and quote marks.
    private static func isJoiner(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "-" || u == "'" || u == "`" || u == "\u{2019}" || u == "\u{2018}" || u == "\u{02BF}" || u == "\u{02BE}"
    }

    /// Whether `name` holds the first three letters of a head in any case (a byte scan that
    /// spares nearly every name the word split).
    private static let headStarts: [[UInt8]] = heads.map { Array($0.utf8.prefix(3)) }
    private static func mayHold(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard b.count >= 3 else { return false }
        for i in 0...(b.count - 3) {
            for h in headStarts where h.count == 3 && b[i] | 0x20 == h[0] && b[i + 1] | 0x20 == h[1] && b[i + 2] | 0x20 == h[2] { return true }
        }
        return false
    }

    /// `name` with every head, article and name written apart joined into one word, as typed
    /// otherwise, and every head written with its article before a name apart ("Abdul Rahman");
    /// nil when it has none (the common case: one look at each word).
    static func joined(_ name: String) -> String? {
        guard mayHold(name) else { return nil }
        let scalars = Array(name.unicodeScalars)
        // Maximal runs of letters: (start, end).
        var words: [(start: Int, end: Int)] = []
        var k = 0
        while k < scalars.count {
            guard scalars[k].properties.isAlphabetic else { k += 1; continue }
            var e = k
            while e < scalars.count && scalars[e].properties.isAlphabetic { e += 1 }
            words.append((k, e))
            k = e
        }
        func text(_ w: (start: Int, end: Int)) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[w.start..<w.end])
            return String(v).lowercased()
        }
        func apart(_ a: (start: Int, end: Int), _ b: (start: Int, end: Int)) -> Bool {
            a.end < b.start && scalars[a.end..<b.start].allSatisfy(isJoiner)
        }
        var out = String.UnicodeScalarView()
        // The parts after the first in the first one's case: "AbdelRahman" would be read apart
        // again, as two words written in camel case; "EL-ABDALLAH" stays in capitals.
        func appendJoined(_ parts: [(start: Int, end: Int)]) {
            let capitals = scalars[parts[0].start..<parts[0].end].allSatisfy { !$0.properties.isLowercase }
            for (k, part) in parts.enumerated() {
                let written = text(part)
                out.append(contentsOf: k == 0 ? Array(scalars[part.start..<part.end]) : (capitals ? written.uppercased() : written).unicodeScalars.map { $0 })
            }
        }
        var copied = 0
        var w = 0
        var changed = false
        while w + 1 < words.count {
            // The head with its article written as one word, the name apart ("Abdul Rahman",
            // "Abdel Kader" for "Abd al-Rahman", "Abdelkader"): two words joined.
            if withArticle(text(words[w])), apart(words[w], words[w + 1]), knownCompound(text(words[w]), text(words[w + 1])) {
                out.append(contentsOf: scalars[copied..<words[w].start])
                appendJoined([words[w], words[w + 1]])
                copied = words[w + 1].end
                changed = true
                w += 2
                continue
            }
            guard w + 2 < words.count else { break }
            let (h, a, n) = (words[w], words[w + 1], words[w + 2])
            guard heads.contains(text(h)), articles.contains(text(a)), n.end - n.start >= leastName,
                  apart(h, a), apart(a, n) else { w += 1; continue }
            out.append(contentsOf: scalars[copied..<h.start])
            appendJoined([h, a, n])
            copied = n.end
            changed = true
            w += 3
        }
        guard changed else { return nil }
        out.append(contentsOf: scalars[copied...])
        return String(out)
    }
}
