import RedFlagCore

/// One listed entry scored against a query, before any decision: what the decision policy reads
/// (score, list through the entry, basis, the qualifiers that fired) and what the explanation
/// is rebuilt from.
struct ScoredMatch {
    var entry: Int
    /// The name document that matched (nil for an address-only match).
    var name: Int?
    /// For an address-only match, the address document that matched.
    var addressDocument: Int?
    /// Score after qualifiers and address, in [0, 1].
    var score: Double
    var basis: ScreeningMatch.Basis
    var qualifiers: [Qualifier]
    var addressScore: Double?
    var matchedAddress: String?
    /// The entry's other names scoring at review or above, best first (`Matcher.runnersUpKept` at most): the
    /// decision turns to them when a rule holds the best one no match ("LEO" for "Leo Kim" while the entry is
    /// also listed under a name the query spells in full).
    var runnersUp: [ScoredMatch] = []
}

/// A query prepared against both token spaces, with every entry it scored.
struct ScoredQuery {
    var name: PreparedQuery?
    var nameTokens: [String]
    var address: PreparedQuery?
    var addressTokens: [String]
    /// Name matches (one per entry, its best name) first, then address-only candidates.
    var matches: [ScoredMatch]
}

extension Matcher {
    /// A scored name before qualifiers and display fields are attached (its alignment is
    /// rebuilt only for the names reported).
    struct NameHit {
        var name: Int
        var score: Double
    }

    /// `raw`: the name as written, read for its comma ("BEN HENI, Lased") when it holds a chain particle.
    /// `origin`: the name as the user wrote it, when it is in another script (the cross-script channel).
    func prepareName(_ n: NormalizedName, raw: String? = nil, scratch: Scratch, origin: String? = nil) -> PreparedQuery {
        let chained = raw != nil && n.tokens.contains { NameChains.isParticle($0) }
        return PreparedQuery(tokens: n.tokens, written: n.written, legalForms: n.legalForms, space: index.names, scratch: scratch, cache: nameCache,
                             joinCache: nameJoinCache, chains: true, truncations: true,
                             commaOffset: chained ? NameChains.commaOffset(raw!, count: n.tokens.count) : 0,
                             crossScript: origin.flatMap { crossScriptChannel(n.tokens, origin: $0) }, lightInitials: true)
    }

    /// The words `origin` writes in Latin letters (or none), normalised: the other scripts' words
    /// blanked out, so a mixed name ("华为 Technologies") keeps its Latin words as typed.
    static func latinWords(of origin: String) -> NormalizedName {
        var latinPart = String.UnicodeScalarView()
        for u in origin.unicodeScalars {
            let script = ScriptDetector.script(of: u)
            latinPart.append(script == nil || script == "Latn" ? u : " ")
        }
        return NameNormalizer.normalize(String(latinPart))
    }

    /// The cross-script channel for a name whose tokens `tokens` were read from `origin`, nil
    /// when `origin` is Latin: every token not also a token of the name's Latin words is
    /// compared phonetically, as romanised from the name's script.
    func crossScriptChannel(_ tokens: [String], origin: String) -> CrossScriptChannel? {
        guard !origin.utf8.allSatisfy({ $0 < 0x80 }), let source = PhoneticComparison.Source(name: origin) else { return nil }
        let latin = Set(Self.latinWords(of: origin).tokens)
        let flags = tokens.map { !latin.contains($0) }
        guard flags.contains(true) else { return nil }
        let phonetic = phoneticIndex.get()
        let space = index.names, cache = phoneticCache
        let tag = UInt8(PhoneticComparison.Source.allCases.firstIndex(of: source)!)
        // A one-word name ("ソニー", "سيمنس") has nothing else to confirm a sound-alike: it must
        // sound almost exactly like the listed word.
        let least = tokens.count == 1 ? PhoneticComparison.credit(PhoneticComparison.singleWordFloor(tokens[0], source: source)) : 0
        // A Chinese person's name in Han (陈龙 Chen Long) is no foreign name transcribed: it meets a listed
        // Chinese name through its pinyin, exactly, and only foreign words by sound ("chenlong" sounds like the
        // listed "Jinlong", another name); and no foreign word at all when it is written with a character the
        // transcription of foreign names does not use ("刘翔" liuxiang is no RUSDJAN; "马杜罗" is Maduro).
        if source == .han, Han.shared.isChineseName(origin) {
            let han = Han.shared
            let bySound: ([UInt8]) -> [(id: Int32, similarity: Double)] = !han.writesForeignSounds(origin) ? { _ in [] } : { token in
                cache.value([tag, 0xFF] + token) {
                    phonetic.similar(token, source: source, space: space).filter {
                        !Self.isAcronym($0.id, space: space) && !space.vocabulary.withBytes(Int($0.id)) { han.spellsPinyin(Array($0)) }
                    }
                }.filter { $0.similarity >= least }
            }
            var channel = CrossScriptChannel(fromScript: flags, lookup: bySound)
            channel.exactSpelling = true
            return channel
        }
        // So are the words of a Chinese organisation's own name written with a character the transcription
        // of foreign names does not use (联想 lianxiang, 美的 meide, 辉瑞 huirui): Chinese words, met through
        // their pinyin as spelt or respelt, never by sound nor a letter apart ("lianxiang" is no LANTAN,
        // "meide" no MEED). Its business words are translations, met as spelt anyway.
        let chineseWords = source == .han && Han.shared.writesChineseWords(origin)
        // An acronym in an alphabet that writes vowels ("СК", "ΔΕΗ") meets a listed acronym; an abjad
        // leaves every word's short vowels out, so its vowelless words are no acronyms.
        let writesVowels = source != .arabic && source != .hebrew
        var channel = CrossScriptChannel(fromScript: flags) { token in
            guard !chineseWords else { return [] }
            let acronym = writesVowels && !TokenSimilarity.hasVowel(token)
            return cache.value([tag] + token) {
                phonetic.similar(token, source: source, space: space).filter { acronym || !Self.isAcronym($0.id, space: space) }
            }.filter { $0.similarity >= least }
        }
        channel.exactSpelling = chineseWords
        channel.shortWordApart = tokens.count == 2 && Self.holdsShortWord(origin)
        // A business word read in English ("china", "bank" for 中国银行) is a translation, no sound of the
        // script (a word of its own script's rows, `englishWordsBySource`): met as spelt, never by sound ("china" is no SINA); it still joins the word after it
        // ("helicopters" + "zu" for ヘリコプターズ). So is a patronymic particle ("بن" bin is no BAYNAH).
        let translations = BusinessWords.englishWordsBySource[source] ?? BusinessWords.englishWords
        let kanji = source == .kana && origin.unicodeScalars.contains { Transliterator.Kind($0) == .han } ? BusinessWords.englishWordsBySource[.han] : nil
        channel.asSpelt = Set(tokens.indices.filter {
            flags[$0] && (translations.contains(tokens[$0]) || kanji?.contains(tokens[$0]) == true || NameChains.isParticle(tokens[$0]))
        })
        channel.abjad = !writesVowels
        channel.source = source
        channel.namesOrganisation = BusinessWords.namesOrganisation(origin)
        channel.runsWordsTogether = source == .kana || source == .hangul
        if source == .arabic, let read = ArabicVowelFrame.frames(origin: origin, tokens: tokens) {
            channel.frames = read.frames
            channel.articles = read.articles
        }
        return channel
    }

    /// Whether `name` holds a word of one or two letters written apart (by a space or a dot), as
    /// "لي نا" and "Ли На" do; "БелАЗ" and "АО \"оВентелеком\"" do not (a legal form is no word of the name).
    static func holdsShortWord(_ name: String) -> Bool {
        let words = name.unicodeScalars.split { u in
            u.properties.isWhitespace || Transliterator.foreignNameDots.contains(u.value)
        }
        return words.contains { word in
            let letters = word.filter { $0.properties.isAlphabetic }.count
            return (1...2).contains(letters) && letters == word.filter({ $0.properties.generalCategory != .nonspacingMark }).count
        } && NameNormalizer.normalize(name).legalForms.isEmpty
    }

    /// Whether listed token `id` is written without a vowel ("SMN", "MTS"): an acronym, whose
    /// letters are no sounds, so a word from another script meets it by sound only when it is an
    /// acronym too ("СК" for SC; "سيمنس" smns for Siemens is no "JSC SMN"): an acronym matches an
    /// acronym or initials (issue item 3).
    static func isAcronym(_ id: Int32, space: TokenSpace) -> Bool {
        space.vocabulary.withBytes(Int(id)) { !TokenSimilarity.hasVowel($0) }
    }

    /// Every entry whose best name scores at least `nameFloor` (qualifiers applied), and every
    /// entry whose address matches the query's address: candidates for the decision.
    /// `origin`: the name as the user wrote it when `query.name` is one of its romanisations
    /// (nil: `query.name` itself), which decides the tokens compared phonetically (none when
    /// `phonetic` is false).
    func score(_ query: ScreeningQuery, nameFloor: Double, scratch: Scratch, origin: String? = nil, phonetic: Bool = true) -> ScoredQuery {
        // The name's and the address's own scoring, remembered across queries (`QueryMemo`).
        let nameOrigin = phonetic ? origin ?? query.name : nil
        let named = nameScoring(query.name, origin: nameOrigin, floor: nameFloor, scratch: scratch)
        let normal = named.normal
        let addressed = addressScoring(query.address, scratch: scratch)
        // Prepared only when a match needs it: a name match is compared with it, an address match explained by it.
        let addressPrepared = named.hits.isEmpty && addressed.hits.isEmpty ? nil : preparedAddress(addressed.tokens, scratch: scratch)
        var out = ScoredQuery(name: nil, nameTokens: normal.tokens, address: addressPrepared, addressTokens: addressed.tokens, matches: [])
        let birthYear = query.dateOfBirth.flatMap { PartialDate.parse($0).yearSpan() }
        var nameMatched = Set<Int>()
        if !normal.tokens.isEmpty && !named.hits.isEmpty {
            let q = preparedName(named, name: query.name, origin: nameOrigin, scratch: scratch)
            out.name = q
            var bestPerEntry: [Int: (score: Double, hit: NameHit, qualifiers: [Qualifier])] = [:]
            var others: [Int: [(score: Double, hit: NameHit, qualifiers: [Qualifier])]] = [:]
            let review = configuration.lowestReview
            let person = query.type == nil || query.type == .unknown ? PersonNameShape.mark(normal, written: origin) : nil
            let organisationWords = person == nil ? [] : self.organisationWords.get()
            let queryNumbers = Qualifiers.numbers(q.bytes)
            // A legal form, or a business word in any script ("University", "بنك"; a title is none), names a company.
            let namesCompany = normal.namesCompany || q.holdsBusinessWord
            for hit in named.hits {
                let e = Int(index.nameEntry[hit.name])
                let quals = Qualifiers.forName(hit.name, entry: e, index: index, query: query, written: origin, queryLegalForms: q.legalForms,
                                               queryNamesCompany: namesCompany, queryPerson: person, organisationWords: organisationWords, birthYears: birthYear,
                                               countries: { self.partyCountries(entry: e) })
                    + [Qualifiers.number(queryNumbers, name: hit.name, index: index)].compactMap { $0 }
                let score = min(1, max(0, hit.score + quals.reduce(0) { $0 + $1.effect }))
                if let current = bestPerEntry[e], current.score >= score {
                    if score >= review { others[e, default: []].append((score, hit, quals)) }
                    continue
                }
                if let current = bestPerEntry[e], current.score >= review { others[e, default: []].append(current) }
                bestPerEntry[e] = (score, hit, quals)
            }
            for (e, best) in bestPerEntry {
                let address = addressPrepared.flatMap { bestAddress(of: e, query: $0) }
                func scored(_ c: (score: Double, hit: NameHit, qualifiers: [Qualifier])) -> ScoredMatch {
                    var s = ScoredMatch(entry: e, name: c.hit.name, score: c.score, basis: .name, qualifiers: c.qualifiers)
                    if let (addressScore, text) = address {
                        s.addressScore = addressScore
                        s.matchedAddress = text
                        if addressScore >= configuration.addressThreshold {
                            s.qualifiers.append(Qualifier(name: "address", effect: Qualifiers.addressBonus, detail: "address matches '\(text)' (\(fmt(addressScore)))"))
                            s.score = min(1, s.score + Qualifiers.addressBonus)
                            s.basis = .nameAndAddress
                        }
                    }
                    return s
                }
                var s = scored(best)
                if let rest = others[e] {
                    s.runnersUp = rest.sorted { $0.score > $1.score || ($0.score == $1.score && $0.hit.name < $1.hit.name) }
                        .prefix(Matcher.runnersUpKept).map(scored)
                }
                nameMatched.insert(e)
                out.matches.append(s)
            }
        }
        if let a = addressPrepared {
            // `addressed.hits` are the listed addresses that name a building (see `addressScoring`).
            for (doc, addressScore) in addressed.hits {
                let e = Int(index.addressEntry[doc])
                let best = bestAddress(of: e, query: a)
                out.matches.append(ScoredMatch(entry: e, name: nil, addressDocument: doc, score: best?.score ?? addressScore, basis: .address,
                                               qualifiers: [], addressScore: best?.score ?? addressScore,
                                               matchedAddress: best?.text ?? index.addressText[doc]))
            }
        }
        return out
    }

    func nameHits(_ q: PreparedQuery, fullScan: Bool, floor: Double, scratch: Scratch) -> [NameHit] {
        let docs: [Int] = fullScan ? Array(0..<index.names.documentCount)
            : candidates(q, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, floor: floor, scratch: scratch)
        let scores = alignmentScores(q, documents: docs, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: fullScan,
                                     initials: nameInitials, rules: { self.nameRules($0, query: q) })
        return zip(docs, scores).map { NameHit(name: $0, score: $1) }
    }

    /// How name d's unmatched tokens count: a person's missing parts lightly, an organisation's
    /// name not on one shared distinctive token alone.
    /// How name d's unmatched tokens count for query `q` (a query from another script has its
    /// pairs judged by `TokenAligner.transcribedEnough`).
    func nameRules(_ d: Int, query q: PreparedQuery) -> ListedRules {
        var rules: ListedRules = index.type(entry: Int(index.nameEntry[d])) == .person ? .person : .organisation
        if q.fromOtherScript { rules.exactEnough = TokenAligner.transcribedEnough }
        return rules
    }

    /// Whether single letters of name d are initials (see `initialsStandForWords`).
    func nameInitials(_ d: Int) -> Bool { Matcher.initialsStandForWords(index.type(entry: Int(index.nameEntry[d]))) }

    func addressHits(_ q: PreparedQuery, scratch: Scratch) -> [(Int, Double)] {
        let docs = candidates(q, space: index.addresses, terms: addressTerms, listShare: 0.5, floor: configuration.addressThreshold, scratch: scratch)
        let scores = alignmentScores(q, documents: docs, space: index.addresses, terms: addressTerms, listShare: 0.5, direct: false)
        return zip(docs, scores).map { d, s in (d, numbersAgree(q, address: d) ? s : 0) }
    }

    /// Best address of entry e against the query address.
    func bestAddress(of e: Int, query: PreparedQuery) -> (score: Double, text: String)? {
        var best: (Double, String)?
        // Addresses of one entry are stored contiguously; find them by scanning the small range.
        var lo = 0, hi = index.addressEntry.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(index.addressEntry[mid]) < e { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < index.addressEntry.count && Int(index.addressEntry[end]) == e { end += 1 }
        let docs = Array(lo..<end)
        for (d, a) in zip(docs, alignmentScores(query, documents: docs, space: index.addresses, terms: addressTerms, listShare: 0.5, direct: false)) {
            let s = numbersAgree(query, address: d) ? a : 0
            if best == nil || s > best!.0 { best = (s, index.addressText[d]) }
        }
        return best.map { (score: $0.0, text: $0.1) }
    }

    /// Whether listed address d holds a house number, room number or postcode.
    func holdsNumber(address d: Int) -> Bool {
        index.addresses.documentRange(d).contains { p in
            let id = Int(index.addresses.documentTokens[p])
            return addressNumberBits[id >> 6] & (1 << UInt64(id & 63)) != 0
        }
    }

    /// A listed street address is another place unless the query gives its numbers: "12 Queensway"
    /// is not "89 Queensway", however alike the words. House, room, floor and building numbers (up
    /// to four characters, or five opening the address) the query gives must all be the listed
    /// address's, and at least one number must be shared; postcodes (five or more) must agree when
    /// both sides have one. A listed address without numbers agrees with any query.
    func numbersAgree(_ q: PreparedQuery, address d: Int) -> Bool {
        let space = index.addresses
        var listed: [Int32] = []
        var listedPostcode = false
        for p in space.documentRange(d) {
            let id = space.documentTokens[p]
            guard addressNumberBits[Int(id) >> 6] & (1 << UInt64(Int(id) & 63)) != 0 else { continue }
            listed.append(id)
            if space.vocabulary.withBytes(Int(id), { $0.count }) >= 5 { listedPostcode = true }
        }
        guard !listed.isEmpty else { return true }
        var shared = false, queryPostcode = false, postcodeShared = false
        // Each listed number stands for one number of the query: "1 marta, 10/1" is not "8 marta,
        // 10/1" although its "1" is found in the listed "10/1".
        var unused = listed
        for (i, b) in q.bytes.enumerated() where b.contains(where: { (48...57).contains($0) }) {
            let isListed = q.ids[i].map { listed.contains($0) } ?? false
            shared = shared || isListed
            // A number of five digits that opens the address is its house number, not a postcode
            // ("11947 MONTE VISTA RD, AVONDALE, AZ, 85392" is not "11909 MONTE VISTA ROAD").
            let houseNumber = i == 0 && b.count == 5
            if b.count >= 5 && !houseNumber {
                queryPostcode = true
                postcodeShared = postcodeShared || isListed
            } else if let id = q.ids[i], let k = unused.firstIndex(of: id) {
                unused.remove(at: k)
            } else {
                return false
            }
        }
        return shared && (!(listedPostcode && queryPostcode) || postcodeShared)
    }
}
