import RedFlagCore

/// One side's token as the aligner sees it: its weight and what it stands for (a query token
/// index or a vocabulary id, plus a second one when two tokens were joined); the text is only
/// looked up when an explanation is built.
struct AlignUnit {
    var weight: Double
    var key: Int32
    var key2: Int32 = -1
}

/// The result of aligning a query with a listed name.
struct AlignmentResult {
    /// Weighted coverage of the query's and of the listed name's tokens, in [0, 1].
    var queryCoverage: Double
    var listCoverage: Double
    var score: Double
    /// Matched pairs (query index, list index, similarity).
    var pairs: [(q: Int, l: Int, similarity: Double)]
    var query: [AlignUnit]
    var list: [AlignUnit]
    /// The query's patronymic chain is read backwards in the listed name: the score is capped at
    /// `TokenAligner.otherPersonScore` (named in the explanation).
    var chainBackwards = false
    /// A pair of an initial with a full word was not made: its own name holds a given name the other
    /// lacks (`NameInitials`, named in the explanation).
    var initialsUnsupported = false

    /// The alignment for the explanation: matched pairs first, then each unmatched token.
    func tokenAlignments(queryText: (AlignUnit) -> String, listText: (AlignUnit) -> String) -> [TokenAlignment] {
        var out: [TokenAlignment] = []
        var qUsed = Set<Int>(), lUsed = Set<Int>()
        for p in pairs {
            qUsed.insert(p.q); lUsed.insert(p.l)
            out.append(TokenAlignment(query: queryText(query[p.q]), matched: listText(list[p.l]), similarity: round3(p.similarity),
                                      weight: round3(max(query[p.q].weight, list[p.l].weight))))
        }
        for (i, u) in query.enumerated() where !qUsed.contains(i) {
            out.append(TokenAlignment(query: queryText(u), matched: nil, similarity: 0, weight: round3(u.weight)))
        }
        for (j, u) in list.enumerated() where !lUsed.contains(j) {
            out.append(TokenAlignment(query: nil, matched: listText(u), similarity: 0, weight: round3(u.weight)))
        }
        return out
    }
}

@inline(__always) func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

/// How a listed document's unmatched tokens count, by what it names (see `TokenAligner.score`).
struct ListedRules {
    /// What an unmatched listed token counts relative to its weight once the query is found.
    var missingListed = 1.0
    /// Whether one shared distinctive token alone caps the score at `TokenAligner.singleTokenScore`.
    var capSingleToken = false
    /// The least similarity of every pair for `missingListed` to apply (see `TokenAligner.score`).
    var exactEnough = TokenAligner.exactEnough
    /// Whether the listed tokens are a name's (an address's are not: no surname-first form).
    var ofNames = true

    static let address = ListedRules(ofNames: false)
    static let person = ListedRules(missingListed: TokenAligner.missingPersonPart)
    static let organisation = ListedRules(capSingleToken: true)
}

/// Optimal-enough one-to-one token alignment: pairs are taken greedily by similarity times the
/// weight at stake, so order never matters ("ELASHI, Ihsan" = "Ihsan Elashi"). The score weighs
/// how much of the query is covered (0.6) and how much of the listed name (0.4) — what the user
/// typed must be found; a listed name may carry more (patronymics, "Bank", branch words): every
/// distinctive token left unmatched on either side costs in proportion to its weight, while
/// generic words ("trading", "co") barely move it.
enum TokenAligner {
    /// Share of the score given to covering the listed name (the rest covers the query).
    static let listShare = 0.4
    /// What an unmatched listed part of a person's name counts (relative to its weight) when the
    /// query is otherwise found: see `score`.
    static let missingPersonPart = 0.3
    /// The query coverage from which listed name parts the query lacks count `missingPersonPart`.
    static let coveredQuery = 0.85
    /// The least similarity of every pair for that: the name written as listed, or as another
    /// language's press writes it (`PressOrthographies.credit`), parts left out, not a similar name
    /// ("Carlos Durand" is not "DURAN NUNEZ, Juan Carlos").
    static let exactEnough = PressOrthographies.credit
    /// The same for a query written in another script, which no transcription spells exactly
    /// ("عثمانوف" for USMANOV, "哈梅内伊" for KHAMENEI): a phonetic pair credited this much
    /// (`PhoneticComparison.credit`, a phonetic similarity of about 0.87) is the name as listed.
    static let transcribedEnough = 0.9
    /// A listed token of at least this weight is distinctive (held by a few hundred names at most).
    static let distinctiveWeight = 0.3
    /// The most an organisation's name scores when the query shares only one of its distinctive
    /// tokens and lacks the others, as heavy (`otherTokens`) ("Almaz" for "ALMAZ-ANTEY", "Bright Star Consulting" for
    /// "Shenzhen Bright Star Electronics"…): under the default review threshold, as one shared
    /// word is a coincidence, not a match.
    static let singleTokenScore = 0.75
    /// How heavy the listed name's missing distinctive tokens must be, relative to the listed
    /// tokens found (the one distinctive and any lighter ones), for that cap: comparable
    /// ("ALMAZ-ANTEY"), not a lighter qualifier left out ("ALEKSINSKY CHEMICAL PLANT" written
    /// "Aleksinsky Plant").
    static let otherTokens = 0.75
    /// The most a person's name scores when the query's patronymic chain is read backwards in it
    /// ("Abdul Ben Youssef Baki" against "Youssef Ben Abdul Baki", "Muhamad bin Wanndy" against
    /// "Muhamad Wanndy Muhamad"): under the default review threshold, as the two name another person of
    /// the family, whatever else they share (`NameChains`).
    static let otherPersonScore = 0.75

    /// Aligns with `similarity[i * list.count + j]` (0 = no match).
    static func align(query: [AlignUnit], list: [AlignUnit], similarity: [Double], listShare: Double = listShare,
                      rules: ListedRules = .address) -> AlignmentResult {
        var pairs: [(q: Int, l: Int, similarity: Double)] = []
        let result = query.map(\.weight).withUnsafeBufferPointer { qw in
            list.map(\.weight).withUnsafeBufferPointer { lw in
                similarity.withUnsafeBufferPointer { sims in
                    withUnsafeTemporaryAllocation(of: (q: Int, l: Int, similarity: Double).self, capacity: max(1, min(qw.count, lw.count))) { buffer in
                        let r = score(queryWeights: qw, listWeights: lw, similarity: sims, listShare: listShare, rules: rules,
                                      pairs: buffer)
                        pairs = Array(buffer[0..<r.pairCount])
                        return r
                    }
                }
            }
        }
        return AlignmentResult(queryCoverage: result.queryCoverage, listCoverage: result.listCoverage, score: result.score,
                               pairs: pairs, query: query, list: list)
    }

    /// The alignment's coverages and score from the token weights alone, writing the matched
    /// pairs to `pairs` (capacity at least min(query, list) tokens) when given: the matcher scores
    /// every candidate this way, without an allocation, and builds an `AlignmentResult` only for
    /// the names it reports.
    ///
    /// Works in a stack buffer: the candidate pairs are few (query tokens × listed tokens) and
    /// sorted by insertion; pairs are unique by (q, l), so any correct sort gives the same order
    /// and the same alignment.
    ///
    /// `rules.missingListed` below 1 is what a listed token left unmatched counts, relative to its
    /// weight, once the query is covered (at least `coveredQuery`) by two tokens or more, each
    /// pair at least `exactEnough` alike: a
    /// person's listed middle names, second surnames and patronymics ("Nicolas MADURO MOROS" for
    /// "Nicolas Maduro") cost lightly, as the press and customers drop them.
    static func score(queryWeights: UnsafeBufferPointer<Double>, listWeights: UnsafeBufferPointer<Double>, similarity: UnsafeBufferPointer<Double>,
                      listShare: Double, rules: ListedRules = .address, pairs: UnsafeMutableBufferPointer<(q: Int, l: Int, similarity: Double)>? = nil)
        -> (queryCoverage: Double, listCoverage: Double, score: Double, pairCount: Int) {
        let nq = queryWeights.count, nl = listWeights.count
        typealias Candidate = (q: Int, l: Int, s: Double, key: Double)
        var qCovered = 0.0, lCovered = 0.0, lMatched = 0.0
        var pairCount = 0
        var approximate = false
        var distinctiveMatched = 0, matchedWeight = 0.0, missedWeight = 0.0
        withUnsafeTemporaryAllocation(of: Candidate.self, capacity: max(1, nq * nl)) { buffer in
            var count = 0
            for i in 0..<nq {
                for j in 0..<nl {
                    let s = similarity[i * nl + j]
                    guard s > 0 else { continue }
                    buffer[count] = (i, j, s, s * (queryWeights[i] + listWeights[j]))
                    count += 1
                }
            }
            guard count > 0 else { return }
            // Key descending, then (q, l) ascending.
            func precedes(_ a: Candidate, _ b: Candidate) -> Bool { a.key > b.key || (a.key == b.key && (a.q, a.l) < (b.q, b.l)) }
            if count <= 64 {
                for n in 1..<count {
                    let c = buffer[n]
                    var k = n
                    while k > 0 && precedes(c, buffer[k - 1]) { buffer[k] = buffer[k - 1]; k -= 1 }
                    buffer[k] = c
                }
            } else {
                var prefix = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
                prefix.sort(by: precedes)
            }
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: nq + nl) { taken in
                taken.initialize(repeating: false)
                for c in buffer[0..<count] where !taken[c.q] && !taken[nq + c.l] {
                    taken[c.q] = true; taken[nq + c.l] = true
                    pairs?[pairCount] = (c.q, c.l, c.s)
                    pairCount += 1
                    qCovered += c.s * queryWeights[c.q]
                    lCovered += c.s * listWeights[c.l]
                    lMatched += listWeights[c.l]
                    if c.s < rules.exactEnough { approximate = true }
                }
                // When every distinctive word of the query is found, every listed word found counts
                // against the missing ones, not the distinctive one only: "Islamic Republic of Iran
                // Shipping" shares four words with "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", one of them
                // distinctive, and lacks one. A distinctive word of the query's own in place of the
                // listed one ("GHADIR SENDIRIAN CONSTRUCTION" / "GHADIR KHUZESTAN CONSTRUCTION") is
                // another party's name however many lighter words they share.
                guard rules.capSingleToken else { return }
                let ownWord = (0..<nq).contains { !taken[$0] && queryWeights[$0] >= distinctiveWeight }
                for j in 0..<nl {
                    let distinctive = listWeights[j] >= distinctiveWeight
                    if taken[nq + j] {
                        if distinctive { distinctiveMatched += 1 }
                        if distinctive || !ownWord { matchedWeight += listWeights[j] }
                    } else if distinctive {
                        missedWeight += listWeights[j]
                    }
                }
            }
        }
        let qTotal = queryWeights.reduce(0, +)
        var lTotal = listWeights.reduce(0, +)
        let qc = qTotal > 0 ? qCovered / qTotal : 0
        if rules.missingListed < 1 && pairCount >= 2 && qc >= coveredQuery && !approximate {
            lTotal = lMatched + rules.missingListed * (lTotal - lMatched)
        }
        let lc = lTotal > 0 ? lCovered / lTotal : 0
        var score = listShare * lc + (1 - listShare) * qc
        if rules.capSingleToken && distinctiveMatched == 1 && missedWeight >= otherTokens * matchedWeight { score = min(score, singleTokenScore) }
        return (qc, lc, score, pairCount)
    }
}
