import Foundation
import RedFlagCore

/// Screens queries against a `MatchIndex`. The work is split by concern: candidate retrieval
/// beside the index (`Index/Matcher+Candidates.swift`), alignment and qualifiers
/// (`Scoring/Matcher+Scoring.swift`, `Scoring/Matcher+Alignment.swift`), the explanation
/// (`Explanation/Matcher+Explanation.swift`); here the decision is taken, in one place, and the
/// matches aggregated into the verdict. Thread-safe; one instance serves a whole parallel batch.
public final class Matcher: Sendable {
    public let index: MatchIndex
    public let configuration: MatchConfiguration
    let pool = ScratchPool()
    /// Name and address scorings remembered across queries (`QueryMemo`).
    let memo: QueryMemo
    /// An address word no listed address contains ("Hong Kong" where the list says "HK", a
    /// building name the list spells differently) is weak evidence either way.
    static let unknownAddressWeight = 0.3
    let nameCache = TokenCache<QueryTokenFacts>()
    let addressCache = TokenCache<QueryTokenFacts>()
    /// Rejoined adjacent tokens ("hua" + "wei") and the listed tokens within one edit of them.
    let nameJoinCache = TokenCache<[(id: Int32, similarity: Double)]>()
    let addressJoinCache = TokenCache<[(id: Int32, similarity: Double)]>()
    /// Initials and repeated tokens per document, which the candidate bound allows for (stored in
    /// the index, see `MatchIndex.nameTerms`).
    let nameTerms: DocumentBoundTerms
    let addressTerms: DocumentBoundTerms
    /// Chain particles ("bin", "oglu") and articles ("al") among the listed name tokens (see `NameChains`).
    let chainParticles: [Int32: NameChains.Kind]
    /// Per listed name (keyed by its document id's bytes): how many tokens precede its comma
    /// (`NameChains.commaOffset`), found only for names a chained query meets.
    let commaOffsets = TokenCache<Int>(capacity: 50_000)
    /// Listed names (and their parts around a comma) normalised, remembered: the decision's rules read a
    /// listed person's parts for every match at review, and a batch meets the same listed names again and again.
    static let listedNames = TokenCache<NormalizedName>(capacity: 100_000)

    /// `NameNormalizer.normalize` of a listed name's text, or of a part of it, from `listedNames`.
    static func normalizedListed(_ text: String) -> NormalizedName {
        listedNames.value(Array(text.utf8)) { NameNormalizer.normalize(text) }
    }
    /// Per listed person's name (keyed by its document id's bytes): its family and given parts (`personParts`),
    /// which several of the decision's rules read for every match at review.
    let personPartsCache = TokenCache<(family: [String], given: [String])>(capacity: 50_000)
    /// `givenPart` of a listed name's text, remembered for the same reason.
    static let givenParts = TokenCache<[String]>(capacity: 50_000)
    /// Per entry (keyed by its index's bytes): the countries of the entries sharing a name with it (`partyCountries`).
    let partyCountryCache = TokenCache<[String]>(capacity: 50_000)
    /// The listed tokens that open a kunya ("abu", "umm"; `Kunya`): a listed name holding none
    /// names no child, which spares normalising its text again for that.
    let kunyaTokens: Set<Int32>
    /// Bit id set when address vocabulary token id holds a digit (a house number or postcode).
    let addressNumberBits: [UInt64]
    /// The name vocabulary's words of bodies (`Qualifiers.organisationWords`), found on the first query that
    /// reads as a person's.
    let organisationWords: LazyValue<Set<Int32>>
    /// The name vocabulary by phonetic key, built on the first query in a non-Latin script.
    let phoneticIndex: LazyValue<PhoneticIndex>
    /// Per source script and query token: the listed tokens it sounds like.
    let phoneticCache = TokenCache<[(id: Int32, similarity: Double)]>()

    /// `remembering`: keep each name's and address's scoring for later queries that repeat it
    /// (`QueryMemo`; results are the same either way, only faster on repeated parties).
    public init(index: MatchIndex, configuration: MatchConfiguration = .default, remembering: Bool = true) {
        self.index = index
        self.configuration = configuration
        memo = QueryMemo(enabled: remembering)
        nameTerms = index.nameTerms
        addressTerms = index.addressTerms
        var particles: [Int32: NameChains.Kind] = [:]
        for p in NameChains.before { if let id = index.names.id(of: Array(p.utf8)) { particles[id] = .before } }
        for p in NameChains.after { if let id = index.names.id(of: Array(p.utf8)) { particles[id] = .after } }
        for p in NameChains.articles { if let id = index.names.id(of: Array(p.utf8)) { particles[id] = .article } }
        chainParticles = particles
        kunyaTokens = Set(Kunya.words.compactMap { index.names.id(of: Array($0.utf8)) })
        let nameSpace = index.names
        organisationWords = LazyValue { Qualifiers.organisationWords(in: nameSpace) }
        let vocabulary = index.addresses.vocabulary
        var bits = [UInt64](repeating: 0, count: (vocabulary.count + 63) / 64)
        // One pass over the vocabulary's bytes, not a call per token: this runs at every start.
        vocabulary.offsets.withUnsafeBufferPointer { offsets in
            vocabulary.bytes.withUnsafeBufferPointer { bytes in
                for id in 0..<vocabulary.count where bytes[Int(offsets[id])..<Int(offsets[id + 1])].contains(where: { (48...57).contains($0) }) {
                    bits[id >> 6] |= 1 << UInt64(id & 63)
                }
            }
        }
        addressNumberBits = bits
        let names = index.names, listed = index
        phoneticIndex = LazyValue {
            // The words that mostly name parties of Spanish-speaking countries are also filed as Spanish says them
            // (`SpanishSounds`): per word, the names of parties with a country, and of those the Spanish-speaking ones'.
            // Counted in arrays over the entries' country bytes: this runs at a fresh process's first non-Latin name.
            let entries = listed.entryCountries.count
            var spanishEntry = [Int8](repeating: -1, count: entries)
            for e in 0..<entries {
                spanishEntry[e] = listed.entryCountries.withBytes(e) { b in b.isEmpty ? -1 : SpanishSounds.anySpanish(b) ? 1 : 0 }
            }
            var all = [Int32](repeating: 0, count: names.vocabulary.count), spanish = all
            for d in 0..<names.documentCount {
                let flag = spanishEntry[Int(listed.nameEntry[d])]
                guard flag >= 0 else { continue }
                for p in names.documentRange(d) {
                    let id = Int(names.documentTokens[p])
                    all[id] += 1
                    spanish[id] += Int32(flag)
                }
            }
            return PhoneticIndex(space: names) { id, bytes in
                let n = Int(id)
                guard spanish[n] > 0, Double(spanish[n]) >= SpanishSounds.leastShare * Double(all[n]) else { return nil }
                return SpanishSounds.respelling(bytes)
            }
        }
    }

    /// Whether a single letter in a listed name of `type` is an initial, standing for any word with
    /// that first letter: only in a person's name ("ELASHI, I." ~ "Ihsan Elashi"). In a company's,
    /// vessel's or aircraft's name, or one of unknown type, a letter is the name itself ("Group A",
    /// "K TECHNOLOGIES", "K M A"), which "Axiata Group", "Keysight Technologies" or "Karen A. MacDonald"
    /// are not.
    static func initialsStandForWords(_ type: PartyType) -> Bool { type == .person }

    /// Screens one query.
    public func screen(_ query: ScreeningQuery) -> ScreeningResult {
        screenReadings(query)
    }

    /// Screens one query, its name read one way only (`origin`: the name as written when
    /// `query.name` is one of its romanisations; `phonetic`: whether its tokens romanised from a
    /// non-Latin script are also compared by sound).
    func screenOnce(_ query: ScreeningQuery, origin: String? = nil, phonetic: Bool = true, translatedFrom: String? = nil) -> ScreeningResult {
        pool.withScratch { scratch in screen(query, scratch: scratch, origin: origin, phonetic: phonetic, translatedFrom: translatedFrom) }
    }

    /// What a match met only through a Latin name's English reading gives up (`BusinessWords.latinReadings`):
    /// the translation is the screener's inference, one word's sense of several, so a match it makes at the
    /// review threshold's edge ("Banco de la Provincia de Buenos Aires" read "Bank Province Buenos Aires",
    /// against BUENOS AIRES SERVICIOS) is not taken as one the customer's own words make.
    static let translationDiscount = 0.03

    /// Names the index proposes for `name` (debug and recall measurement), best upper bound first.
    public func candidateNames(for name: String) -> [Int] {
        pool.withScratch { scratch in
            let q = prepareQueryName(name, scratch: scratch, origin: name).query
            return candidates(q, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, floor: nameFloor, scratch: scratch)
        }
    }

    /// Best pure name score (no qualifiers) per entry index for `name`, from index candidates or,
    /// with `fullScan`, from every name: what the candidate-recall measurement compares.
    public func nameScores(for name: String, fullScan: Bool) -> [Int: Double] {
        pool.withScratch { scratch in
            let q = prepareQueryName(name, scratch: scratch, origin: name).query
            var best: [Int: Double] = [:]
            for hit in nameHits(q, fullScan: fullScan, floor: nameFloor, scratch: scratch) {
                let e = Int(index.nameEntry[hit.name])
                best[e] = max(best[e] ?? 0, hit.score)
            }
            return best
        }
    }

    /// The lowest name score that could still reach review after the largest qualifier bonus.
    var nameFloor: Double { configuration.lowestReview - Qualifiers.maximumBonus }

    /// Most other names of an entry the decision turns to (`ScoredMatch.runnersUp`).
    static let runnersUpKept = 3

    private func screen(_ query: ScreeningQuery, scratch: Scratch, origin: String? = nil, phonetic: Bool = true,
                        translatedFrom: String? = nil) -> ScreeningResult {
        var scored = score(query, nameFloor: nameFloor, scratch: scratch, origin: origin, phonetic: phonetic)
        if let written = translatedFrom {
            let translated = Qualifier(name: "translated", effect: -Self.translationDiscount,
                                       detail: "met through the English reading '\(query.name)' of '\(written)'")
            func discounted(_ s: ScoredMatch) -> ScoredMatch {
                var s = s
                s.score = max(0, s.score - Self.translationDiscount)
                s.qualifiers.append(translated)
                return s
            }
            scored.matches = scored.matches.map { best in
                var m = discounted(best)
                m.runnersUp = best.runnersUp.map(discounted)
                return m
            }
        }
        // A name in another script is compared by sound, with its own rule for one-word names.
        let latin = origin == nil && !Transliterator.needsTransliteration(query.name)
        let source = latin ? nil : PhoneticComparison.Source(name: origin ?? query.name)
        var matches: [ScreeningMatch] = []
        var decided = Set<Int>()
        // Name matches come first: an entry matched by name is not reported again by address.
        for best in scored.matches where best.basis == .address ? !decided.contains(best.entry) : true {
            // The one place a match is decided: the decision policy. A name a rule holds no match gives way to
            // the entry's next name at review or above, decided alike.
            for var s in [best] + best.runnersUp {
                guard let (decision, capped) = configuration.policy.decide(score: s.score, list: index.list(entry: s.entry), programs: index.programs(entry: s.entry),
                                                                           basis: s.basis, aliasStrength: s.name.map { index.strength(name: $0) } ?? .strong,
                                                                           qualifiers: s.qualifiers, thresholds: configuration,
                                                                           nameExact: nameExact(s, query: scored),
                                                                           loneWord: { latin ? self.loneApproximateWord(s, query: scored)
                                                                                        : self.loneWordInScript(s, query: scored, source: source) },
                                                                           weakAliasLetters: { s.name.map { self.weakAliasLetters(name: $0) } ?? .max }) else { continue }
                if let capped { s.qualifiers.append(capped) }
                decided.insert(s.entry)
                matches.append(makeMatch(s, decision: decision, query: scored, scratch: scratch))
                break
            }
        }
        // The verdict is taken over every match; the limit trims only the display.
        return configuration.policy.result(query, matches: matches, limit: configuration.limit)
    }

    /// The listed word of alignment unit `u` of a listed name: two read as one when split in the query.
    func listedText(_ u: AlignUnit) -> String {
        let vocabulary = index.names.vocabulary
        return u.key2 >= 0 ? vocabulary[Int(u.key)] + vocabulary[Int(u.key2)] : vocabulary[Int(u.key)]
    }

    /// What the weak-alias rule counts of weak alias `n`: its letters (`letters(name:)`), or
    /// `Int.max` for a bracketed part the index made a weak alias (issue 11 item 1 lets a bracketed
    /// acronym match alone), unless it holds generic words only ("(GROUP)").
    func weakAliasLetters(name n: Int) -> Int {
        let count = letters(name: n)
        return count > 0 && index.isBracketOnly(name: n) ? .max : count
    }

    /// The letters of listed name `n`'s words as indexed (legal forms and stopwords removed):
    /// "JSC NEC" has three. None for a name of generic words only (`CommonWords.isGeneric`: a weak
    /// alias "GROUP" or "TRADING COMPANY"), which names no one: the weak-alias rule then treats it
    /// as it treats a short acronym, no match without corroboration ("ING Groep" is not the
    /// "GROUP" of a listed shipbuilder).
    func letters(name n: Int) -> Int {
        let words = index.names.documentRange(n).map { index.names.vocabulary[Int(index.names.documentTokens[$0])] }
        if !words.isEmpty && words.allSatisfy(CommonWords.isGeneric) { return 0 }
        return words.reduce(0) { $0 + $1.utf8.count }
    }

    /// Whether the query's name is found in the listed name as written: every query token (titles
    /// and legal-form words aside) paired with a listed token of similarity 1. Aligned again only
    /// when the policy asks (a contradicted country), so the common path pays nothing.
    func nameExact(_ s: ScoredMatch, query: ScoredQuery) -> Bool {
        guard let n = s.name, let q = query.name, s.qualifiers.contains(where: { $0.name == "country" && $0.effect < 0 }) else { return true }
        let a = align(q, document: n, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: configuration.fullScan,
                      initials: nameInitials(n), rules: nameRules(n, query: q))
        guard a.pairs.allSatisfy({ $0.similarity >= 1 }) else { return false }
        let paired = Set(a.pairs.map(\.q))
        return a.query.indices.allSatisfy { paired.contains($0) || a.query[$0].weight < PreparedQuery.minimumWeight }
    }

    /// `NameChains.commaOffset` of listed name d, remembered.
    func commaOffset(document d: Int, count: Int) -> Int {
        withUnsafeBytes(of: Int32(d)) { key in
            commaOffsets.value(Array(key)) { NameChains.commaOffset(index.nameText[d], count: count) }
        }
    }

    /// Names scoring at least this are shown as the nearest candidates of a CLEAR query.
    public static let nearestFloor = 0.5

    /// The listed names nearest to `query` that did not reach a decision (at most `count`, best
    /// first, scoring at least `nearestFloor`), each with the reason it fell short: what
    /// `--explain` shows for a CLEAR result.
    public func nearest(_ query: ScreeningQuery, count: Int = 3) -> [NearCandidate] {
        pool.withScratch { scratch in
            let decided = Set(screen(query, scratch: scratch).matches.map(\.id))
            let scored = score(query, nameFloor: Matcher.nearestFloor, scratch: scratch)
            var best: [Int: ScoredMatch] = [:]
            for s in scored.matches where s.basis != .address {
                if let b = best[s.entry], b.score >= s.score { continue }
                best[s.entry] = s
            }
            let ranked = best.values.sorted { $0.score > $1.score || ($0.score == $1.score && $0.entry < $1.entry) }
            return ranked.lazy.filter { !decided.contains(self.index.entryID[$0.entry]) }.prefix(count).map { s in
                let match = makeMatch(s, decision: .clear, query: scored, scratch: scratch)
                let latin = !Transliterator.needsTransliteration(query.name)
                return NearCandidate(match: match, shortfall: shortfall(s, match: match, query: scored, latin: latin,
                                                                        source: latin ? nil : PhoneticComparison.Source(name: query.name)))
            }
        }
    }
}

/// A listed name near a query that reached no decision, and why.
public struct NearCandidate: Sendable {
    /// The candidate as a match would be reported (decision CLEAR).
    public var match: ScreeningMatch
    /// Why it fell short: the score against the review threshold, the tokens left unmatched or
    /// matched weakly, and the qualifiers that lowered it.
    public var shortfall: String

    public init(match: ScreeningMatch, shortfall: String) {
        self.match = match
        self.shortfall = shortfall
    }
}
