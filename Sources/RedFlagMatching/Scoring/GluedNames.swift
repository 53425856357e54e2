/// A whole name, or several of its words, typed without spaces ("kavehaluminumkhuzestan",
/// "AMININDUSTRIALCOMPANY", "ISILINYEMEN", "ARGONOOO"): read as the listed tokens, stopwords and
/// legal-form words it is written from. The aligner's own split finds a word glued from two listed
/// tokens; this finds longer runs, and runs holding a word no listed name keeps as a token (a
/// stopword or legal form, removed from every listed name).
enum GluedNames {
    /// Shortest token worth reading as glued words.
    static let minimumLength = 7

    /// Words a glued name may hold that no listed token is: stopwords, legal-form words and the
    /// written forms of the business words the normaliser makes canonical ("industrial" is
    /// listed as "industry").
    static let fillers: Set<[UInt8]> = Set(Abbreviations.stopwords.union(LegalForms.words).union(Abbreviations.canonical.keys).map { Array($0.utf8) })
    private static let longestFiller = fillers.map(\.count).max() ?? 0
    private static let legalWords: Set<[UInt8]> = Set(LegalForms.words.map { Array($0.utf8) })

    /// The words `token` is written from: listed tokens of two bytes or more (one of two bytes
    /// counting one and a half words) and fillers, at least one a listed token. Fewest words first,
    /// then the reading with the longer words
    /// ("isil in yemen", not "isi lin yemen"); a listed word of two bytes never begins or ends it.
    /// Nil unless the reading has three words or more (two of them substantial), or two ending in a
    /// legal form.
    ///
    /// `formGlued`: whether a legal form may be the glued second word; false for a name that
    /// states its legal form apart ("Alicorp S.A.A." is not "Ali Corp S.A.A."): a company writes
    /// its form once.
    static func segment(_ token: [UInt8], space: TokenSpace, formGlued: Bool = true) -> [String]? {
        let n = token.count
        guard n >= minimumLength else { return nil }
        var cost = [Double](repeating: .infinity, count: n + 1)
        var back = [Int](repeating: -1, count: n + 1)
        var listed = [Bool](repeating: false, count: n + 1)
        cost[0] = 0
        token.withUnsafeBufferPointer { t in
            for j in 0..<n where cost[j] < .infinity {
                var ends: [Int: Bool] = [:]
                for p in space.prefixes(of: t, from: j, minimum: 2) { ends[p.length] = true }
                if n - j >= 2 {
                    for length in 2...min(longestFiller, n - j) where ends[length] == nil && fillers.contains(Array(t[j..<(j + length)])) {
                        ends[length] = false
                    }
                }
                for (length, isListed) in ends.sorted(by: { $0.key < $1.key }) {
                    // Too many words are two letters for a listed one to come cheap, or to begin
                    // or end a reading ("to shiba", "ray the on").
                    if length == 2 && isListed && (j == 0 || j + length == n) { continue }
                    let c = cost[j] + (length == 2 && isListed ? 1.5 : 1) - 1e-3 * Double(length * length)
                    if c < cost[j + length] {
                        cost[j + length] = c
                        back[j + length] = j
                        listed[j + length] = listed[j] || isListed
                    }
                }
            }
        }
        guard cost[n] < .infinity, listed[n] else { return nil }
        var parts: [[UInt8]] = []
        var i = n
        while i > 0 {
            let j = back[i]
            parts.append(Array(token[j..<i]))
            i = j
        }
        // Two words only with a legal form glued at the end ("ARGONOOO"): a brand is often two
        // words run together ("Rabobank", "Fortinet") that happen to be listed apart.
        // And at least two words of four letters or more that are no stopword or legal form: three
        // short pieces ("inv en tec" in "Inventec") are a coincidence of a large vocabulary.
        let substantial = parts.filter { $0.count >= 4 && !legalWords.contains($0) && !Abbreviations.stopwords.contains(String(decoding: $0, as: UTF8.self)) }
        guard parts.count >= 3 ? substantial.count >= 2 : (parts.count == 2 && formGlued && legalWords.contains(parts[0])) else { return nil }
        return parts.reversed().map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Matcher {
    /// The query name normalised and prepared against the names. A capital after a lower-case
    /// letter starts a word ("SiemensAG", "MohammadTahreAnwari"; the aligner joins the parts again
    /// where the list writes one word: "OpenLab"), and a token of `GluedNames.minimumLength` bytes
    /// or more that no listed token spells closely (at least `PreparedQuery.borrowFrom`) is read as
    /// the words it is glued from.
    func prepareQueryName(_ name: String, scratch: Scratch, origin: String? = nil) -> (normal: NormalizedName, query: PreparedQuery) {
        var separated = NameNormalizer.separateCamelCase(name)
        var normal = NameNormalizer.normalize(separated)
        // A brand's halves read as one word twice ("IndusInd": "indus" and "ind", both short for
        // industry) are not two words: the name is read whole.
        if separated != name && Self.repeatsWord(normal) {
            let whole = NameNormalizer.normalize(name)
            if !Self.repeatsWord(whole) { (separated, normal) = (name, whole) }
        }
        if let origin { normal = Self.unabbreviated(normal, origin: origin) }
        // The comma of "BEN HENI, Lased" gives the reading order of a chain (none once unglued:
        // the token count no longer matches the comma's halves, and the offset falls back to 0).
        let q = prepareName(normal, raw: separated, scratch: scratch, origin: origin)
        guard let unglued = unglued(normal, q) else { return (normal, q) }
        return (unglued, prepareName(unglued, raw: separated, scratch: scratch, origin: origin))
    }

    /// `n`, a reading of a name written in an abjad (`origin`: Arabic, Hebrew), with its romanised
    /// words as romanised: a word written without its vowels is no English abbreviation, however its
    /// consonants read ("إنتل" intl is Intel, not "international"). Words the name writes in Latin
    /// letters keep their reading, and so do other scripts' readings ("무역" trade).
    static func unabbreviated(_ n: NormalizedName, origin: String) -> NormalizedName {
        let source = PhoneticComparison.Source(name: origin)
        guard source == .arabic || source == .hebrew, n.written.count == n.tokens.count,
              n.tokens.indices.contains(where: { n.tokens[$0] != n.written[$0] && Abbreviations.canonical[n.written[$0]] == n.tokens[$0] })
        else { return n }
        let latin = Set(Self.latinWords(of: origin).written)
        var out = n
        for i in n.tokens.indices where !latin.contains(n.written[i]) && Abbreviations.canonical[n.written[i]] == n.tokens[i] {
            out.tokens[i] = n.written[i]
        }
        return out
    }

    /// Whether two adjacent tokens written apart are made the same word (a name written twice,
    /// "Ko Ko", "LiLi", is a name).
    static func repeatsWord(_ n: NormalizedName) -> Bool {
        guard n.written.count == n.tokens.count else { return false }
        return n.tokens.indices.dropLast().contains { n.tokens[$0] == n.tokens[$0 + 1] && n.written[$0] != n.written[$0 + 1] }
    }

    private func unglued(_ n: NormalizedName, _ q: PreparedQuery) -> NormalizedName? {
        var written: [String] = []
        var changed = false
        for (i, token) in n.tokens.enumerated() {
            // Not a word the query holds for a reason (a title, a legal form, a given name), nor a
            // piece of a word split by a space ("konstr uktorskoe"): the aligner joins those.
            let known = NameTitles.contains(token) || LegalForms.words.contains(token) || !GivenNames.variants(of: token).isEmpty
            let joined = q.joins.contains { $0.i == i || $0.i + 1 == i }
            if !known, !joined, q.bytes[i].count >= GluedNames.minimumLength, !q.similar[i].values.contains(where: { $0 >= PreparedQuery.borrowFrom }),
               let parts = GluedNames.segment(q.bytes[i], space: index.names, formGlued: n.legalForms.isEmpty) {
                written += parts
                changed = true
            } else {
                written.append(i < n.written.count ? n.written[i] : token)
            }
        }
        guard changed else { return nil }
        var out = NameNormalizer.splitLegalForms(written)
        out.legalForms = n.legalForms + out.legalForms
        out.namesCompany = n.namesCompany || out.namesCompany
        return out
    }
}
