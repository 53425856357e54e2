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

/// Optimal-enough one-to-one token alignment: pairs are taken greedily by similarity times the
/// weight at stake, so order never matters ("ELASHI, Ihsan" = "Ihsan Elashi"). The score weighs
/// how much of the query is covered (0.6) and how much of the listed name (0.4) — what the user
/// typed must be found; a listed name may carry more (patronymics, "Bank", branch words): every
/// distinctive token left unmatched on either side costs in proportion to its weight, while
/// generic words ("trading", "co") barely move it.
enum TokenAligner {
    /// Share of the score given to covering the listed name (the rest covers the query).
    static let listShare = 0.4

    /// Aligns with `similarity[i * list.count + j]` (0 = no match).
    static func align(query: [AlignUnit], list: [AlignUnit], similarity: [Double], listShare: Double = listShare) -> AlignmentResult {
        var pairs: [(q: Int, l: Int, similarity: Double)] = []
        let result = query.map(\.weight).withUnsafeBufferPointer { qw in
            list.map(\.weight).withUnsafeBufferPointer { lw in
                similarity.withUnsafeBufferPointer { sims in
                    withUnsafeTemporaryAllocation(of: (q: Int, l: Int, similarity: Double).self, capacity: max(1, min(qw.count, lw.count))) { buffer in
                        let r = score(queryWeights: qw, listWeights: lw, similarity: sims, listShare: listShare, pairs: buffer)
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
    static func score(queryWeights: UnsafeBufferPointer<Double>, listWeights: UnsafeBufferPointer<Double>, similarity: UnsafeBufferPointer<Double>,
                      listShare: Double, pairs: UnsafeMutableBufferPointer<(q: Int, l: Int, similarity: Double)>? = nil)
        -> (queryCoverage: Double, listCoverage: Double, score: Double, pairCount: Int) {
        let nq = queryWeights.count, nl = listWeights.count
        typealias Candidate = (q: Int, l: Int, s: Double, key: Double)
        var qCovered = 0.0, lCovered = 0.0
        var pairCount = 0
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
                }
            }
        }
        let qTotal = queryWeights.reduce(0, +), lTotal = listWeights.reduce(0, +)
        let qc = qTotal > 0 ? qCovered / qTotal : 0, lc = lTotal > 0 ? lCovered / lTotal : 0
        return (qc, lc, listShare * lc + (1 - listShare) * qc, pairCount)
    }
}
