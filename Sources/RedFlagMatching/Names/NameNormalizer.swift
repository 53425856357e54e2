import Foundation

/// Reduces a name in any script to comparable tokens: NFKC, transliteration to Latin, case and
/// diacritic folding, punctuation, legal forms, abbreviations and stopwords.
///
/// The same function runs on list names at index time and on queries at screening time, so both
/// sides always agree on what a token is. It knows nothing about lists.
public enum NameNormalizer {
    /// Full normalisation of a party name.
    public static func normalize(_ name: String) -> NormalizedName {
        let tokens = joinParticles(NameNumbers.digits(tokenize(fold(name)))).flatMap(unglueLegalForm)
        return splitLegalForms(tokens)
    }

    /// "SiemensAG", "MohammadTahreAnwari", "RahmatullahShahNAWAZ" → words: a capital letter after a
    /// lower-case one starts a new word, unless it ends the word ("GmbH", "KGaA", "SpA", "PhD" stay
    /// whole). Applied to queries only (a listed name keeps its spelling; the aligner joins the parts
    /// again where the list writes one word: "OpenLab", "McDonald").
    public static func separateCamelCase(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        func upper(_ u: Unicode.Scalar) -> Bool { u.value < 0x80 ? (0x41...0x5A).contains(u.value) : u.properties.isUppercase }
        func lower(_ u: Unicode.Scalar) -> Bool { u.value < 0x80 ? (0x61...0x7A).contains(u.value) : u.properties.isLowercase }
        func starts(_ i: Int) -> Bool { i > 0 && i + 1 < scalars.count && upper(scalars[i]) && lower(scalars[i - 1]) && (upper(scalars[i + 1]) || lower(scalars[i + 1])) }
        guard scalars.indices.contains(where: starts) else { return s }
        var out = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            if starts(i) { out.append(" ") }
            out.append(u)
        }
        return String(out)
    }

    /// Name particles of European surnames, written apart or joined ("van der Bilt", "Vanderbilt",
    /// "de la Cruz", "Delacruz").
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "la", "le", "ter", "ten",
                                         "dos", "das", "do", "des", "zu", "vom", "zum", "zur"]

    /// A run of two particles or more written as one token ("van der bilt" → "vander bilt"), on
    /// both sides: the aligner joins and splits two tokens, so "vanderbilt" then meets
    /// "vander" + "bilt" and "van der bilt" meets "vanderbilt".
    static func joinParticles(_ tokens: [String]) -> [String] {
        guard tokens.count >= 3 else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count && particles.contains(tokens[j]) { j += 1 }
            if j - i >= 2 && j < tokens.count {
                out.append(tokens[i..<j].joined())
                i = j
            } else {
                out.append(tokens[i])
                i += 1
            }
        }
        return out
    }

    /// Tokens of an address (same folding, no legal-form or abbreviation handling: "St" stays).
    public static func addressTokens(_ address: String) -> [String] {
        NameNumbers.digits(tokenize(fold(address))).filter { !Abbreviations.stopwords.contains($0) }
    }

    /// NFKC, transliteration, lower case, no diacritics. Pure ASCII takes a fast path.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        var t = s.precomposedStringWithCompatibilityMapping
        t = Transliterator.toLatin(t)
        t = t.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard t.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return t }
        var out = ""
        out.reserveCapacity(t.utf8.count)
        for ch in t {
            if let mapped = specialLetters[ch] { out += mapped } else { out.append(ch) }
        }
        return out
    }

    /// Letters that diacritic folding leaves alone but people type without their stroke.
    private static let specialLetters: [Character: String] = [
        "ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i", "þ": "th", "ħ": "h",
        "ŧ": "t", "ŀ": "l", "ĸ": "k", "ŋ": "ng",
    ]

    /// Splits folded text into tokens. Apostrophes and quote marks vanish ("'ABBAS" = "abbas",
    /// "People's" = "peoples"); a period after a single letter joins ("L.L.C." = "llc", "U.S." = "us");
    /// every other non-alphanumeric character separates; "&" becomes "and".
    static func tokenize(_ s: String) -> [String] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return tokenizeASCII(s) }
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var segmentLength = 0
        let scalars = Array(s.unicodeScalars)
        func flush() {
            if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            segmentLength = 0
        }
        for (i, u) in scalars.enumerated() {
            if quoteMarks.contains(u) {
                continue
            } else if isLetterOrDigit(u) {
                current.append(u)
                segmentLength += 1
            } else if u == "." {
                let nextIsLetter = i + 1 < scalars.count && isLetter(scalars[i + 1])
                if segmentLength == 1 && nextIsLetter { segmentLength = 0 } else { flush() }
            } else if u == "&" {
                flush()
                tokens.append("and")
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// `tokenize` for ASCII text (most list names once folded), on bytes: the same rules, with
    /// the ASCII quote marks ' ` " the only ones that can occur.
    private static func tokenizeASCII(_ s: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var segmentLength = 0
        func flush() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            segmentLength = 0
        }
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
        var s = s
        s.withUTF8 { b in
            for i in 0..<b.count {
                let c = b[i]
                if c == 0x27 || c == 0x60 || c == 0x22 {
                    continue
                } else if isLetter(c) || (c >= 0x30 && c <= 0x39) {
                    current.append(c)
                    segmentLength += 1
                } else if c == 0x2E {
                    let nextIsLetter = i + 1 < b.count && isLetter(b[i + 1])
                    if segmentLength == 1 && nextIsLetter { segmentLength = 0 } else { flush() }
                } else if c == 0x26 {
                    flush()
                    tokens.append("and")
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }

    /// Alphabetic or numeric; ASCII answered without the Unicode property tables (only A–Z,
    /// a–z and 0–9 are either there).
    @inline(__always)
    private static func isLetterOrDigit(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    @inline(__always)
    private static func isLetter(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return u.properties.isAlphabetic
    }

    private static let quoteMarks: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "\u{02BC}", "\u{02BB}", "\u{02BF}", "\u{02BE}", "\u{02B9}", "\u{00B4}", "\""]

    /// "jsczaliv" → ["jsc", "zaliv"]: a legal form glued to the name it precedes; "vtbbankpjsc" →
    /// ["vtbbank", "pjsc"], "nikllc" → ["nik", "llc"]: one glued after it. The name left is three
    /// letters at least (an acronym: "jscngt" is JSC NGT), and the forms are none a name begins or
    /// ends with (`LegalForms.gluedPrefixes`, `gluedSuffixes`).
    static func unglueLegalForm(_ t: String) -> [String] {
        let n = t.utf8.count
        guard n >= 6 else { return [t] }
        // Compared as bytes (the forms are ASCII): every token of every listed name comes through here.
        let cut: Int? = t.utf8.withContiguousStorageIfAvailable { b -> Int? in
            for p in LegalForms.gluedPrefixBytes where n - p.count >= 3 && b.starts(with: p) { return p.count }
            for s in LegalForms.gluedSuffixBytes where n - s.count >= 3 && b[(n - s.count)...].elementsEqual(s) { return n - s.count }
            return nil
        } ?? nil
        guard let at = cut else { return [t] }
        let bytes = Array(t.utf8)
        return [String(decoding: bytes[..<at], as: UTF8.self), String(decoding: bytes[at...], as: UTF8.self)]
    }

    /// Every legal-form phrase whose first token is long enough to be matched with one typo.
    private static let fuzzyPhrases: [(tokens: [String], code: String)] = legalPhrases.values.flatMap { $0 }
        .filter { $0.tokens.count > 1 || $0.tokens[0].count >= 5 }
        .sorted { $0.tokens.count > $1.tokens.count || ($0.tokens.count == $1.tokens.count && $0.tokens.joined() < $1.tokens.joined()) }

    /// The fuzzy phrases (indices into `fuzzyPhrases`) by the hash of each spelling of their first
    /// token with at most one byte deleted. Two words within one edit (a substitution, an insertion,
    /// a deletion or two neighbouring letters swapped) share such a spelling, so a token's own
    /// deletions find every phrase it may spell with a typo, without trying each phrase of about its
    /// length. A hash shared by chance only adds a phrase that `spells` then refuses.
    private static let fuzzyByDeletion: [UInt64: [Int]] = {
        var out: [UInt64: [Int]] = [:]
        for (k, phrase) in fuzzyPhrases.enumerated() {
            for key in Set(deletionHashes(phrase.tokens[0])) { out[key, default: []].append(k) }
        }
        return out
    }()

    /// The hashes (FNV-1a) of `word` and of each spelling of it with one byte left out.
    private static func deletionHashes(_ word: String) -> [UInt64] {
        var word = word
        return word.withUTF8 { bytes in
            (-1..<bytes.count).map { skip in
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for (i, b) in bytes.enumerated() where i != skip { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
                return h
            }
        }
    }

    /// Whether a name token spells a phrase token, allowing one typo in words of five letters or more
    /// ("Aktsionenoe Obshchestvo" is still a legal form).
    private static func spells(_ token: String, _ phraseToken: String, fuzzy: Bool) -> Bool {
        if token == phraseToken { return true }
        guard fuzzy, token.utf8.count >= 5, phraseToken.utf8.count >= 5, abs(token.utf8.count - phraseToken.utf8.count) <= 1 else { return false }
        var a = token, b = phraseToken
        return a.withUTF8 { x in b.withUTF8 { y in TokenSimilarity.withinOneEdit(x, y) } }
    }

    /// The legal-form phrase starting at `i`, exact first, then with one typo per long word.
    /// `keepEdge`: no short form that may be a name syllable (`LegalForms.edgeOnly`) is read as a form.
    private static func legalPhrase(at i: Int, in raw: [String], keepEdge: Bool = false) -> (length: Int, code: String)? {
        func fits(_ phrase: (tokens: [String], code: String), fuzzy: Bool) -> Bool {
            let end = i + phrase.tokens.count
            guard end <= raw.count else { return false }
            if keepEdge && phrase.tokens.count == 1 && LegalForms.edgeOnly.contains(phrase.tokens[0]) { return false }
            for k in 0..<phrase.tokens.count where !spells(raw[i + k], phrase.tokens[k], fuzzy: fuzzy) { return false }
            // At the start means after nothing but legal qualifiers or titles too: "PUBLIC AO GAZPROM"
            // is PAO, "Col. A.S. MUJEL" is "A.S. MUJEL" with a title.
            if phrase.tokens.count == 1, LegalForms.edgeOnly.contains(phrase.tokens[0]), end != raw.count,
               !raw[..<i].allSatisfy({ LegalForms.qualifiers.contains($0) || NameTitles.contains($0) }) { return false }
            return true
        }
        if let phrases = legalPhrases[raw[i]], let p = phrases.first(where: { fits($0, fuzzy: true) }) {
            return (p.tokens.count, p.code)
        }
        guard raw[i].utf8.count >= 5 else { return nil }
        var candidates: [Int] = []
        for key in deletionHashes(raw[i]) { candidates += fuzzyByDeletion[key] ?? [] }
        // The first phrase in table order that fits, as a walk over every phrase would find.
        for k in candidates.sorted() where fits(fuzzyPhrases[k], fuzzy: true) {
            return (fuzzyPhrases[k].tokens.count, fuzzyPhrases[k].code)
        }
        return nil
    }

    /// Phrase table of legal forms, normalised with the same pipeline, indexed by first token,
    /// longest phrase first.
    private static let legalPhrases: [String: [(tokens: [String], code: String)]] = {
        var byFirst: [String: [(tokens: [String], code: String)]] = [:]
        for (code, spellings) in LegalForms.table {
            for spelling in spellings {
                let t = tokenize(fold(spelling))
                guard let first = t.first else { continue }
                byFirst[first, default: []].append((t, code))
            }
        }
        for k in byFirst.keys { byFirst[k]!.sort { $0.tokens.count > $1.tokens.count } }
        return byFirst
    }()

    /// Sets legal forms apart, applies abbreviations and drops stopwords. A name that is nothing
    /// but legal forms and stopwords keeps them as tokens, so it still has something to match.
    /// A short form that may be a name syllable, read as a form at the start of the name, is kept as
    /// the name's word when reading it so would leave generic words only: "BM BANK PUBLIC JOINT STOCK
    /// COMPANY" is the bank BM, not "bank" with the Israeli form B.M. (which trails a name), and any
    /// bank's name would match "bank".
    static func splitLegalForms(_ raw: [String], keepEdge: Bool = false) -> NormalizedName {
        let raw = rejoinLegalWords(raw)
        var leadingEdge = false
        var tokens: [String] = []
        var written: [String] = []
        var forms: [String] = []
        var company = false
        var i = 0
        while i < raw.count {
            if let phrase = legalPhrase(at: i, in: raw, keepEdge: keepEdge) {
                forms.append(phrase.code)
                if phrase.length > 1 || !LegalForms.edgeOnly.contains(raw[i]) {
                    company = true
                } else if tokens.allSatisfy(LegalForms.qualifiers.contains) {
                    leadingEdge = true
                }
                i += phrase.length
                // A short form right after a phrase ends it ("Open Joint Stock Co", the longest phrase
                // "Open Joint Stock"): no name syllable there (an Arabic article is: "LLC As Salam"), and
                // left alone it would be an unmatched word.
                while !keepEdge, phrase.length > 1, i < raw.count, LegalForms.edgeOnly.contains(raw[i]), !ArticleCompounds.articles.contains(raw[i]) {
                    if tokens.allSatisfy(LegalForms.qualifiers.contains) { leadingEdge = true }
                    i += 1
                }
                continue
            }
            let t = raw[i]
            if !Abbreviations.stopwords.contains(t) {
                tokens.append(Abbreviations.canonical[t] ?? Abbreviations.canonicalReadingDigits(t) ?? t)
                written.append(t)
            }
            i += 1
        }
        if tokens.isEmpty {
            return NormalizedName(tokens: raw.map { Abbreviations.canonical[$0] ?? $0 }, legalForms: [], written: raw)
        }
        if leadingEdge && tokens.allSatisfy({ CommonWords.generic.contains($0) || LegalForms.words.contains($0) }) {
            return splitLegalForms(raw, keepEdge: true)
        }
        // A given name that is also an abbreviation ("Petro", Ukrainian for Peter, and "petro" for
        // petroleum) is the name in a name with no legal form and no business word: "Petro Aven" is
        // no petroleum company. Listed names and queries are read alike, so the two still meet.
        if forms.isEmpty {
            let business = tokens.indices.contains { tokens[$0] == written[$0] && CommonWords.generic.contains(tokens[$0]) }
            if !business {
                for i in tokens.indices where tokens[i] != written[i] && Abbreviations.canonical[written[i]] == tokens[i]
                    && GivenNames.isKnown(written[i]) && !GivenNames.isKnown(tokens[i]) {
                    tokens[i] = written[i]
                }
            }
        }
        return NormalizedName(tokens: tokens, legalForms: forms, written: written, namesCompany: company)
    }

    /// Legal-form words split in two by a stray space ("OBSH CHESTVO", "LIABI LITY") written as one,
    /// so the form is recognised instead of leaving two unknown (and so heavy) tokens.
    static func rejoinLegalWords(_ raw: [String]) -> [String] {
        guard raw.count > 1 else { return raw }
        var out: [String] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if i + 1 < raw.count, !LegalForms.words.contains(raw[i]) || !LegalForms.words.contains(raw[i + 1]) {
                let joined = raw[i] + raw[i + 1]
                if joined.utf8.count >= 6 && LegalForms.words.contains(joined) {
                    out.append(joined)
                    i += 2
                    continue
                }
            }
            out.append(raw[i])
            i += 1
        }
        return out
    }
}
