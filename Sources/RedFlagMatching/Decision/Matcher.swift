import Foundation
import RedFlagCore

/// Screens queries against a `MatchIndex`: candidates from the index, token-aligned scoring,
/// qualifiers (alias strength, legal form, type, country, date of birth, address), explanation
/// and decision. Thread-safe; one instance serves a whole parallel batch.
public final class Matcher: Sendable {
    public let index: MatchIndex
    public let configuration: MatchConfiguration
    private let pool = ScratchPool()

    public init(index: MatchIndex, configuration: MatchConfiguration = .default) {
        self.index = index
        self.configuration = configuration
    }

    /// A scored name before qualifiers and display fields are attached.
    struct NameHit {
        var name: Int
        var alignment: AlignmentResult
    }

    /// Screens one query.
    public func screen(_ query: ScreeningQuery) -> ScreeningResult {
        pool.withScratch { scratch in screen(query, scratch: scratch) }
    }

    /// Names the index proposes for `name` (debug and recall measurement), best upper bound first.
    public func candidateNames(for name: String) -> [Int] {
        pool.withScratch { scratch in
            let n = NameNormalizer.normalize(name)
            let q = PreparedQuery(tokens: n.tokens, legalForms: n.legalForms, space: index.names, scratch: scratch)
            return candidates(q, space: index.names, listShare: TokenAligner.listShare, floor: nameFloor, scratch: scratch)
        }
    }

    /// Best pure name score (no qualifiers) per entry index for `name`, from index candidates or,
    /// with `fullScan`, from every name: what the candidate-recall measurement compares.
    public func nameScores(for name: String, fullScan: Bool) -> [Int: Double] {
        pool.withScratch { scratch in
            let n = NameNormalizer.normalize(name)
            let q = PreparedQuery(tokens: n.tokens, legalForms: n.legalForms, space: index.names, scratch: scratch)
            var best: [Int: Double] = [:]
            for hit in nameHits(q, fullScan: fullScan, scratch: scratch) {
                let e = Int(index.nameEntry[hit.name])
                best[e] = max(best[e] ?? 0, hit.alignment.score)
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
            addressPrepared = PreparedQuery(tokens: queryAddressTokens, legalForms: [], space: index.addresses, scratch: scratch)
        }
        let birthYear = query.dateOfBirth.flatMap { PartialDate.parse($0).yearSpan() }

        if !normal.tokens.isEmpty {
            let q = PreparedQuery(tokens: normal.tokens, legalForms: normal.legalForms, space: index.names, scratch: scratch)
            var bestPerEntry: [Int: (score: Double, hit: NameHit, qualifiers: [Qualifier])] = [:]
            for hit in nameHits(q, fullScan: configuration.fullScan, scratch: scratch) where hit.alignment.score >= nameFloor {
                let e = Int(index.nameEntry[hit.name])
                let quals = Qualifiers.forName(hit.name, entry: e, index: index, query: query, queryLegalForms: q.legalForms, birthYears: birthYear)
                let score = min(1, max(0, hit.alignment.score + quals.reduce(0) { $0 + $1.effect }))
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
                let list = index.list(entry: e)
                guard let decision = configuration.decision(score: score, list: list, basis: basis) else { continue }
                byEntry[e] = makeMatch(entry: e, name: best.hit.name, score: score, decision: decision, basis: basis,
                                       alignment: best.hit.alignment, qualifiers: quals, addressScore: addressScore, matchedAddress: matchedAddress)
            }
        }

        if let a = addressPrepared {
            for (doc, alignment) in addressHits(a, scratch: scratch) where alignment.score >= configuration.addressThreshold {
                let e = Int(index.addressEntry[doc])
                if byEntry[e] != nil { continue }
                let best = bestAddress(of: e, query: a)
                let score = best?.score ?? alignment.score
                let list = index.list(entry: e)
                guard let decision = configuration.decision(score: score, list: list, basis: .address) else { continue }
                let text = best?.text ?? index.addressText[doc]
                byEntry[e] = makeAddressMatch(entry: e, score: score, decision: decision, alignment: alignment, text: text)
            }
        }

        var matches = Array(byEntry.values)
        matches.sort { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
        if matches.count > configuration.limit { matches.removeLast(matches.count - configuration.limit) }
        let decision = matches.map(\.decision).max() ?? .clear
        return ScreeningResult(query: query, decision: decision, matches: matches)
    }

    // MARK: candidates and scoring

    /// Documents whose upper-bound coverage of the query could reach `floor`, best first, at most
    /// `candidateLimit`. The bound adds, per query token, similarity × weight over the postings of
    /// every similar vocabulary token, so it never underestimates the query coverage.
    private func candidates(_ q: PreparedQuery, space: TokenSpace, listShare: Double, floor: Double, scratch: Scratch) -> [Int] {
        let total = q.totalWeight
        guard total > 0 else { return [] }
        scratch.ensure(documents: space.documentCount, vocabulary: space.vocabulary.count)
        scratch.touchedDocuments.removeAll(keepingCapacity: true)
        func add(_ id: Int32, _ amount: Double) {
            let a = Float(amount)
            for p in space.postingRange(id) {
                let d = Int(space.postings[p])
                if scratch.accumulator[d] == 0 { scratch.touchedDocuments.append(Int32(d)) }
                scratch.accumulator[d] += a
            }
        }
        for (i, map) in q.similar.enumerated() {
            for (id, s) in map { add(id, s * q.weights[i]) }
        }
        for j in q.joins { add(j.id, j.similarity * (q.weights[j.i] + q.weights[j.i + 1])) }
        for s in q.splits {
            add(s.left, q.weights[s.i])
            add(s.right, q.weights[s.i])
        }
        // score = share·listCoverage + (1 − share)·queryCoverage ≤ share + (1 − share)·queryCoverage.
        let needed = Float(max(0, (floor - listShare) / (1 - listShare)) * total) * 0.999
        var out: [(Int, Float)] = []
        for d32 in scratch.touchedDocuments {
            let d = Int(d32)
            let v = scratch.accumulator[d]
            scratch.accumulator[d] = 0
            if v >= needed { out.append((d, v)) }
        }
        out.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        if out.count > configuration.candidateLimit { out.removeLast(out.count - configuration.candidateLimit) }
        return out.map(\.0)
    }

    private func nameHits(_ q: PreparedQuery, fullScan: Bool, scratch: Scratch) -> [NameHit] {
        let docs: [Int] = fullScan ? Array(0..<index.names.documentCount)
            : candidates(q, space: index.names, listShare: TokenAligner.listShare, floor: nameFloor, scratch: scratch)
        return docs.map { NameHit(name: $0, alignment: align(q, document: $0, space: index.names, listShare: TokenAligner.listShare, direct: fullScan)) }
    }

    private func addressHits(_ q: PreparedQuery, scratch: Scratch) -> [(Int, AlignmentResult)] {
        let docs = candidates(q, space: index.addresses, listShare: 0.5, floor: configuration.addressThreshold, scratch: scratch)
        return docs.map { ($0, align(q, document: $0, space: index.addresses, listShare: 0.5, direct: false)) }
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
        var d = lo
        while d < index.addressEntry.count && Int(index.addressEntry[d]) == e {
            let a = align(query, document: d, space: index.addresses, listShare: 0.5, direct: false)
            if best == nil || a.score > best!.0 { best = (a.score, index.addressText[d]) }
            d += 1
        }
        return best.map { (score: $0.0, text: $0.1) }
    }

    /// Aligns the query with document d, trying joined and split tokens as alternatives.
    private func align(_ q: PreparedQuery, document d: Int, space: TokenSpace, listShare: Double, direct: Bool) -> AlignmentResult {
        let range = space.documentRange(d)
        let ids = Array(space.documentTokens[range])
        let nq = q.texts.count, nl = ids.count
        let qUnits = (0..<nq).map { AlignUnit(text: q.texts[$0], weight: q.weights[$0]) }
        let lUnits = ids.map { AlignUnit(text: space.vocabulary[Int($0)], weight: Double(space.weights[Int($0)])) }
        var sims = [Double](repeating: 0, count: nq * nl)
        for i in 0..<nq {
            for j in 0..<nl {
                if direct {
                    sims[i * nl + j] = q.bytes[i].withUnsafeBufferPointer { a in
                        space.vocabulary.withBytes(Int(ids[j])) { b in
                            TokenSimilarity.similarity(a, b, skeletonA: q.skeletons[i], skeletonB: space.skeletons[Int(ids[j])])
                        }
                    }
                } else {
                    sims[i * nl + j] = q.similar[i][ids[j]] ?? 0
                }
            }
        }
        var best = TokenAligner.align(query: qUnits, list: lUnits, similarity: sims, listShare: listShare)
        if best.score >= 0.999 { return best }
        // "hua wei" in the query against "huawei" listed.
        for join in q.joins {
            guard let j = ids.firstIndex(of: join.id) else { continue }
            var units = qUnits
            units[join.i] = AlignUnit(text: q.texts[join.i] + q.texts[join.i + 1], weight: q.weights[join.i] + q.weights[join.i + 1])
            units.remove(at: join.i + 1)
            var s = [Double](repeating: 0, count: (nq - 1) * nl)
            for i in 0..<(nq - 1) {
                let source = i < join.i ? i : i + 1
                for k in 0..<nl { s[i * nl + k] = i == join.i ? (k == j ? join.similarity : 0) : sims[source * nl + k] }
            }
            let a = TokenAligner.align(query: units, list: lUnits, similarity: s, listShare: listShare)
            if a.score > best.score { best = a }
        }
        // "huawei" in the query against "hua wei" listed.
        for split in q.splits {
            guard let j = (0..<max(0, nl - 1)).first(where: { ids[$0] == split.left && ids[$0 + 1] == split.right }) else { continue }
            var units = lUnits
            units[j] = AlignUnit(text: lUnits[j].text + " " + lUnits[j + 1].text, weight: lUnits[j].weight + lUnits[j + 1].weight)
            units.remove(at: j + 1)
            var s = [Double](repeating: 0, count: nq * (nl - 1))
            for i in 0..<nq {
                for k in 0..<(nl - 1) {
                    let source = k < j ? k : k + 1
                    s[i * (nl - 1) + k] = k == j ? (i == split.i ? 1 : 0) : sims[i * nl + source]
                }
            }
            let a = TokenAligner.align(query: qUnits, list: units, similarity: s, listShare: listShare)
            if a.score > best.score { best = a }
        }
        return best
    }

    // MARK: building matches

    private func makeMatch(entry e: Int, name n: Int, score: Double, decision: Decision, basis: ScreeningMatch.Basis,
                           alignment: AlignmentResult, qualifiers: [Qualifier], addressScore: Double?, matchedAddress: String?) -> ScreeningMatch {
        let entry = index.entry(at: e)
        var parts = ["name \(fmt(alignment.score)) (" + alignment.pairs.map { p in
            "'\(alignment.query[p.q].text)'~'\(alignment.list[p.l].text)' \(fmt(p.similarity))"
        }.joined(separator: ", ") + ")"]
        let unmatched = alignment.tokenAlignments.filter { $0.query == nil || $0.matched == nil }.map { $0.query ?? $0.matched ?? "" }
        if !unmatched.isEmpty { parts.append("unmatched: " + unmatched.joined(separator: ", ")) }
        parts += qualifiers.map { "\($0.detail) (\($0.effect >= 0 ? "+" : "")\(fmt($0.effect)))" }
        let explanation = MatchExplanation(nameScore: round3(alignment.score), tokens: alignment.tokenAlignments, qualifiers: qualifiers,
                                           addressScore: addressScore.map(round3), matchedAddress: matchedAddress,
                                           summary: parts.joined(separator: "; "))
        return ScreeningMatch(score: round3(score), id: index.entryID[e], source: index.source(entry: e), list: index.list(entry: e),
                              name: entry?.name ?? index.nameText[n], matchedName: index.nameText[n],
                              aliasStrength: index.strength(name: n), type: index.type(entry: e), programs: index.programs(entry: e),
                              countries: index.countries(entry: e), decision: decision, basis: basis, explanation: explanation)
    }

    private func makeAddressMatch(entry e: Int, score: Double, decision: Decision, alignment: AlignmentResult, text: String) -> ScreeningMatch {
        let entry = index.entry(at: e)
        let explanation = MatchExplanation(nameScore: 0, tokens: alignment.tokenAlignments, qualifiers: [], addressScore: round3(score),
                                           matchedAddress: text, summary: "address \(fmt(score)) matches listed address '\(text)'; name differs")
        return ScreeningMatch(score: round3(score), id: index.entryID[e], source: index.source(entry: e), list: index.list(entry: e),
                              name: entry?.name ?? "", matchedName: text, aliasStrength: .strong, type: index.type(entry: e),
                              programs: index.programs(entry: e), countries: index.countries(entry: e), decision: decision,
                              basis: .address, explanation: explanation)
    }
}

func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
