import Foundation
import RedFlagCore

/// Screens queries against a `MatchIndex`: candidates from the index, token-aligned scoring,
/// qualifiers (alias strength, legal form, type, country, date of birth, address), explanation
/// and decision. Thread-safe; one instance serves a whole parallel batch.
public final class Matcher: Sendable {
    public let index: MatchIndex
    public let configuration: MatchConfiguration
    private let pool = ScratchPool()
    /// An address word no listed address contains ("Hong Kong" where the list says "HK", a
    /// building name the list spells differently) is weak evidence either way.
    static let unknownAddressWeight = 0.3
    private let nameCache = TokenCache<QueryTokenFacts>()
    private let addressCache = TokenCache<QueryTokenFacts>()
    /// Rejoined adjacent tokens ("hua" + "wei") and the listed tokens within one edit of them.
    private let nameJoinCache = TokenCache<[(id: Int32, similarity: Double)]>()
    private let addressJoinCache = TokenCache<[(id: Int32, similarity: Double)]>()
    /// Initials and repeated tokens per document, which the candidate bound allows for.
    private let nameTerms: DocumentBoundTerms
    private let addressTerms: DocumentBoundTerms

    public init(index: MatchIndex, configuration: MatchConfiguration = .default) {
        self.index = index
        self.configuration = configuration
        nameTerms = DocumentBoundTerms(space: index.names) { Matcher.initialsStandForWords(index.type(entry: Int(index.nameEntry[$0]))) }
        addressTerms = DocumentBoundTerms(space: index.addresses) { _ in true }
    }

    /// Whether a single letter in a listed name of `type` is an initial, standing for any word with
    /// that first letter: only in a person's name ("ELASHI, I." ~ "Ihsan Elashi"). In a company's,
    /// vessel's or aircraft's name, or one of unknown type, a letter is the name itself ("Group A",
    /// "K TECHNOLOGIES", "K M A"), which "Axiata Group", "Keysight Technologies" or "Karen A. MacDonald"
    /// are not.
    static func initialsStandForWords(_ type: PartyType) -> Bool { type == .person }

    /// A scored name before qualifiers and display fields are attached (its alignment is
    /// rebuilt only for the names reported).
    struct NameHit {
        var name: Int
        var score: Double
    }

    /// Screens one query.
    public func screen(_ query: ScreeningQuery) -> ScreeningResult {
        screenReadings(query)
    }

    /// Screens one query, its name read one way only.
    func screenOnce(_ query: ScreeningQuery) -> ScreeningResult {
        pool.withScratch { scratch in screen(query, scratch: scratch) }
    }

    /// Names the index proposes for `name` (debug and recall measurement), best upper bound first.
    public func candidateNames(for name: String) -> [Int] {
        pool.withScratch { scratch in
            let n = NameNormalizer.normalize(name)
            let q = PreparedQuery(tokens: n.tokens, written: n.written, legalForms: n.legalForms, space: index.names, scratch: scratch, cache: nameCache, joinCache: nameJoinCache)
            return candidates(q, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, floor: nameFloor, scratch: scratch)
        }
    }

    /// Best pure name score (no qualifiers) per entry index for `name`, from index candidates or,
    /// with `fullScan`, from every name: what the candidate-recall measurement compares.
    public func nameScores(for name: String, fullScan: Bool) -> [Int: Double] {
        pool.withScratch { scratch in
            let n = NameNormalizer.normalize(name)
            let q = PreparedQuery(tokens: n.tokens, written: n.written, legalForms: n.legalForms, space: index.names, scratch: scratch, cache: nameCache, joinCache: nameJoinCache)
            var best: [Int: Double] = [:]
            for hit in nameHits(q, fullScan: fullScan, scratch: scratch) {
                let e = Int(index.nameEntry[hit.name])
                best[e] = max(best[e] ?? 0, hit.score)
            }
            return best
        }
    }

    /// The lowest name score that could still reach review after the largest qualifier bonus.
    private var nameFloor: Double { configuration.lowestReview - Qualifiers.maximumBonus }

    private func screen(_ query: ScreeningQuery, scratch: Scratch) -> ScreeningResult {
        let normal = NameNormalizer.normalize(query.name)
        var byEntry: [Int: ScreeningMatch] = [:]
        let queryAddressTokens = query.address.map(NameNormalizer.addressTokens) ?? []
        var addressPrepared: PreparedQuery?
        if !queryAddressTokens.isEmpty && index.addresses.documentCount > 0 {
            addressPrepared = PreparedQuery(tokens: queryAddressTokens, legalForms: [], space: index.addresses, scratch: scratch, cache: addressCache, joinCache: addressJoinCache,
                                             unknownWeight: Matcher.unknownAddressWeight)
        }
        let birthYear = query.dateOfBirth.flatMap { PartialDate.parse($0).yearSpan() }

        if !normal.tokens.isEmpty {
            let q = PreparedQuery(tokens: normal.tokens, written: normal.written, legalForms: normal.legalForms, space: index.names, scratch: scratch, cache: nameCache, joinCache: nameJoinCache)
            var bestPerEntry: [Int: (score: Double, hit: NameHit, qualifiers: [Qualifier])] = [:]
            for hit in nameHits(q, fullScan: configuration.fullScan, scratch: scratch) where hit.score >= nameFloor {
                let e = Int(index.nameEntry[hit.name])
                let quals = Qualifiers.forName(hit.name, entry: e, index: index, query: query, queryLegalForms: q.legalForms,
                                                     queryNamesCompany: normal.namesCompany, birthYears: birthYear)
                let score = min(1, max(0, hit.score + quals.reduce(0) { $0 + $1.effect }))
                if let current = bestPerEntry[e], current.score >= score { continue }
                bestPerEntry[e] = (score, hit, quals)
            }
            for (e, best) in bestPerEntry {
                var quals = best.qualifiers
                var score = best.score
                var basis = ScreeningMatch.Basis.name
                var addressScore: Double?
                var matchedAddress: String?
                if let a = addressPrepared, let (s, text) = bestAddress(of: e, query: a) {
                    addressScore = s
                    matchedAddress = text
                    if s >= configuration.addressThreshold {
                        quals.append(Qualifier(name: "address", effect: Qualifiers.addressBonus, detail: "address matches '\(text)' (\(fmt(s)))"))
                        score = min(1, score + Qualifiers.addressBonus)
                        basis = .nameAndAddress
                    }
                }
                guard let (decision, capped) = configuration.policy.decide(score: score, list: index.list(entry: e), programs: index.programs(entry: e), basis: basis,
                                                                           aliasStrength: index.strength(name: best.hit.name), qualifiers: quals, thresholds: configuration) else { continue }
                if let capped { quals.append(capped) }
                let alignment = align(q, document: best.hit.name, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: configuration.fullScan,
                                      initials: nameInitials(best.hit.name))
                byEntry[e] = makeMatch(entry: e, name: best.hit.name, queryTokens: normal.tokens, score: score, decision: decision, basis: basis,
                                       alignment: alignment, qualifiers: quals, addressScore: addressScore, matchedAddress: matchedAddress)
            }
        }

        if let a = addressPrepared {
            for (doc, addressScore) in addressHits(a, scratch: scratch) where addressScore >= configuration.addressThreshold {
                let e = Int(index.addressEntry[doc])
                if byEntry[e] != nil { continue }
                let best = bestAddress(of: e, query: a)
                let score = best?.score ?? addressScore
                guard let (decision, capped) = configuration.policy.decide(score: score, list: index.list(entry: e), programs: index.programs(entry: e), basis: .address,
                                                                           aliasStrength: .strong, qualifiers: [], thresholds: configuration) else { continue }
                let text = best?.text ?? index.addressText[doc]
                let alignment = align(a, document: doc, space: index.addresses, terms: addressTerms, listShare: 0.5, direct: false)
                byEntry[e] = makeAddressMatch(entry: e, queryTokens: queryAddressTokens, score: score, decision: decision, alignment: alignment, text: text, capped: capped)
            }
        }

        // The verdict is taken over every match; the limit trims only the display.
        return configuration.policy.result(query, matches: Array(byEntry.values), limit: configuration.limit)
    }

    // MARK: candidates and scoring

    private func nameHits(_ q: PreparedQuery, fullScan: Bool, scratch: Scratch) -> [NameHit] {
        let docs: [Int] = fullScan ? Array(0..<index.names.documentCount)
            : candidates(q, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, floor: nameFloor, scratch: scratch)
        let scores = alignmentScores(q, documents: docs, space: index.names, terms: nameTerms, listShare: TokenAligner.listShare, direct: fullScan,
                                     initials: nameInitials)
        return zip(docs, scores).map { NameHit(name: $0, score: $1) }
    }

    /// Whether single letters of name d are initials (see `initialsStandForWords`).
    private func nameInitials(_ d: Int) -> Bool { Matcher.initialsStandForWords(index.type(entry: Int(index.nameEntry[d]))) }

    private func addressHits(_ q: PreparedQuery, scratch: Scratch) -> [(Int, Double)] {
        let docs = candidates(q, space: index.addresses, terms: addressTerms, listShare: 0.5, floor: configuration.addressThreshold, scratch: scratch)
        return Array(zip(docs, alignmentScores(q, documents: docs, space: index.addresses, terms: addressTerms, listShare: 0.5, direct: false)))
    }

    /// Best address of entry e against the query address.
    private func bestAddress(of e: Int, query: PreparedQuery) -> (score: Double, text: String)? {
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
            if best == nil || a > best!.0 { best = (a, index.addressText[d]) }
        }
        return best.map { (score: $0.0, text: $0.1) }
    }

    private func queryText(_ q: [String]) -> (AlignUnit) -> String {
        { u in u.key2 >= 0 ? q[Int(u.key)] + q[Int(u.key2)] : q[Int(u.key)] }
    }

    private func listText(_ space: TokenSpace) -> (AlignUnit) -> String {
        { u in u.key2 >= 0 ? space.vocabulary[Int(u.key)] + " " + space.vocabulary[Int(u.key2)] : space.vocabulary[Int(u.key)] }
    }

    // MARK: building matches

    private func makeMatch(entry e: Int, name n: Int, queryTokens: [String], score: Double, decision: Decision, basis: ScreeningMatch.Basis,
                           alignment: AlignmentResult, qualifiers: [Qualifier], addressScore: Double?, matchedAddress: String?) -> ScreeningMatch {
        let qt = queryText(queryTokens), lt = listText(index.names)
        var parts = ["name \(fmt(alignment.score)) (" + alignment.pairs.map { p in
            "'\(qt(alignment.query[p.q]))'~'\(lt(alignment.list[p.l]))' \(fmt(p.similarity))"
        }.joined(separator: ", ") + ")"]
        let tokens = alignment.tokenAlignments(queryText: qt, listText: lt)
        let unmatched = tokens.filter { $0.query == nil || $0.matched == nil }.map { $0.query ?? $0.matched ?? "" }
        if !unmatched.isEmpty { parts.append("unmatched: " + unmatched.joined(separator: ", ")) }
        parts += qualifiers.map { "\($0.detail) (\($0.effect >= 0 ? "+" : "")\(fmt($0.effect)))" }
        let explanation = MatchExplanation(nameScore: round3(alignment.score), tokens: tokens, qualifiers: qualifiers,
                                           addressScore: addressScore.map(round3), matchedAddress: matchedAddress,
                                           summary: parts.joined(separator: "; "))
        return ScreeningMatch(score: round3(score), id: index.entryID[e], source: index.source(entry: e), list: index.list(entry: e),
                              name: primaryName(entry: e) ?? index.nameText[n], matchedName: index.nameText[n],
                              aliasStrength: index.strength(name: n), type: index.type(entry: e), programs: index.programs(entry: e),
                              countries: index.countries(entry: e), decision: decision, basis: basis, explanation: explanation)
    }

    /// The entry's primary name: from the name table, else (not indexed) from its stored JSON.
    private func primaryName(entry e: Int) -> String? {
        index.indexedPrimaryName(entry: e) ?? index.entry(at: e)?.name
    }

    private func makeAddressMatch(entry e: Int, queryTokens: [String], score: Double, decision: Decision, alignment: AlignmentResult, text: String,
                                  capped: Qualifier?) -> ScreeningMatch {
        let tokens = alignment.tokenAlignments(queryText: queryText(queryTokens), listText: listText(index.addresses))
        var summary = "address \(fmt(score)) matches listed address '\(text)'; name differs"
        if let capped { summary += "; " + capped.detail }
        let explanation = MatchExplanation(nameScore: 0, tokens: tokens, qualifiers: capped.map { [$0] } ?? [], addressScore: round3(score),
                                           matchedAddress: text, summary: summary)
        return ScreeningMatch(score: round3(score), id: index.entryID[e], source: index.source(entry: e), list: index.list(entry: e),
                              name: primaryName(entry: e) ?? "", matchedName: text, aliasStrength: .strong, type: index.type(entry: e),
                              programs: index.programs(entry: e), countries: index.countries(entry: e), decision: decision,
                              basis: .address, explanation: explanation)
    }
}

/// `0.93`: two decimals, as `String(format: "%.2f")` prints them, without Foundation's formatter
/// (it showed in profiles: every match summary prints several scores).
func fmt(_ x: Double) -> String {
    let scaled = abs(x) * 100
    let hundredths = scaled.rounded()
    // Near a tie the product has lost what printf's exact decimal rounding decides on: ask it.
    guard x.isFinite, hundredths < 1e15, abs(abs(scaled - hundredths) - 0.5) > 1e-6 else { return String(format: "%.2f", x) }
    let n = Int(hundredths)
    let fraction = n % 100
    return (x.sign == .minus ? "-" : "") + String(n / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
}
