extension Matcher {
    /// One posting list the candidate bound adds: vocabulary token `id`, credited `query`
    /// (similarity × query weight) and `list` (similarity × token weight) in every document holding it.
    struct BoundTerm {
        var id: Int32
        var query: Float
        var list: Float
    }

    /// Documents whose upper-bound score could reach `floor`, best bound first, at most
    /// `candidateLimit`. For each document the bound adds, per similar vocabulary token found in
    /// its postings, similarity × query weight (query side) and similarity × token weight (listed
    /// side), so it never underestimates either coverage and no document that could score at
    /// `floor` is dropped by the bound (only by the limit, ranked by the same bound). The aligner
    /// also credits a listed initial against any query token with its letter, which no posting
    /// shows, and a repeated listed token once per occurrence: `terms` allows for both.
    ///
    /// The postings of common tokens ("ltd", "trading", "ivan") are long, and a document holding
    /// only such tokens cannot reach the floor: terms whose credits together stay below it are
    /// deferred (MaxScore-style). Their postings are walked only among documents with initials,
    /// whose initial credits the sum does not include; every other document found through the
    /// remaining terms is credited every term.
    func candidates(_ q: PreparedQuery, space: TokenSpace, terms: DocumentBoundTerms, listShare: Double, floor: Double,
                    scratch: Scratch) -> [Int] {
        let total = q.totalWeight
        guard total > 0 else { return [] }
        scratch.ensure(documents: space.documentCount, vocabulary: space.vocabulary.count)
        var bound: [BoundTerm] = []
        for (i, map) in q.similar.enumerated() {
            for (id, s) in map { bound.append(BoundTerm(id: id, query: Float(s * q.weights[i]), list: Float(s) * space.weights[Int(id)])) }
        }
        for j in q.joins {
            bound.append(BoundTerm(id: j.id, query: Float(j.similarity * (q.weights[j.i] + q.weights[j.i + 1])),
                                   list: Float(j.similarity) * space.weights[Int(j.id)]))
        }
        for s in q.splits {
            bound.append(BoundTerm(id: s.left, query: Float(s.similarity * q.weights[s.i]), list: Float(s.similarity) * space.weights[Int(s.left)]))
            bound.append(BoundTerm(id: s.right, query: Float(s.similarity * q.weights[s.i]), list: Float(s.similarity) * space.weights[Int(s.right)]))
        }
        // Initials are credited by the aligner directly: allow for them in the bound.
        let initials = q.bytes.indices.filter { q.bytes[$0].count == 1 }.reduce(0.0) { $0 + q.weights[$1] }
        let initialCount = Float(q.bytes.filter { $0.count == 1 }.count)
        // A query initial pairs only with a listed word of its letter (`TokenSimilarity`): the query's
        // letters, to credit each only to a document holding such a word. Not in a name read from
        // another script, whose one-letter words may be syllables (`PreparedQuery.syllableLetters`).
        // With `initialLightWeights` (an initial the list leaves out costs little), the query side is
        // also bounded with those weights: an initial no listed word meets then lowers the total less.
        let initialLetters: [(bit: UInt32, weight: Float, light: Float)] = q.fromOtherScript ? [] : q.bytes.indices.compactMap { i in
            guard q.bytes[i].count == 1, (97...122).contains(q.bytes[i][0]) else { return nil }
            return (1 << UInt32(q.bytes[i][0] - 97), Float(q.weights[i]), Float(q.initialLightWeights?[i] ?? q.weights[i]))
        }
        let deferred = deferrable(bound, space: space, total: total, initials: initials, listShare: listShare, floor: floor)

        // Move the buffers out of the class so the hot loops run without exclusivity checks.
        var marks = scratch.touchedMark, acc = scratch.accumulator, touched = scratch.touchedDocuments
        scratch.touchedMark = []; scratch.accumulator = []; scratch.touchedDocuments = []
        defer { scratch.touchedMark = marks; scratch.accumulator = acc; scratch.touchedDocuments = touched }
        touched.removeAll(keepingCapacity: true)
        // What listed initials could add: query tokens of two letters or more by first letter.
        let lettered: [(bit: UInt32, credit: Float)] = q.bytes.indices.compactMap { i in
            let b = q.bytes[i]
            guard b.count > 1, (97...122).contains(b[0]) else { return nil }
            return (1 << UInt32(b[0] - 97), Float(TokenSimilarity.initialCredit * q.weights[i]))
        }
        let initialCredit = Float(TokenSimilarity.initialCredit)
        let missingPart = Float(TokenAligner.missingPersonPart)
        let qShare = Float(1 - listShare), lShare = Float(listShare), totalF = Float(total)
        let lightTotal = max(Float.leastNormalMagnitude, totalF - initialLetters.reduce(Float(0)) { $0 + $1.weight - $1.light })
        let floorF = Float(floor) - 1e-4
        var out: [(Int, Float)] = []
        space.postings.withUnsafeBufferPointer { postings in
            marks.withUnsafeMutableBufferPointer { marks in
                acc.withUnsafeMutableBufferPointer { acc in
                    // Find the documents first: through the terms walked in full, and among
                    // documents with initials through the deferred ones.
                    for (k, t) in bound.enumerated() where !deferred[k] {
                        for p in space.postingRange(t.id) {
                            let d = Int(postings[p])
                            if !marks[d] { marks[d] = true; touched.append(Int32(d)) }
                        }
                    }
                    terms.initialPostings.withUnsafeBufferPointer { initialPostings in
                        for (k, t) in bound.enumerated() where deferred[k] {
                            for p in terms.initialPostingRange(t.id) {
                                let d = Int(initialPostings[p])
                                if !marks[d] { marks[d] = true; touched.append(Int32(d)) }
                            }
                        }
                    }
                    // Then credit every term to the documents found, in the order the query lists
                    // the terms, as a walk crediting every posting would: the Float sums, and so
                    // the ranking, do not depend on which terms were deferred.
                    // A long posting list against few documents found (a deferred "ltd") is
                    // searched per document instead of walked: postings are in document order.
                    let found = touched.count
                    for t in bound {
                        let credit = SIMD2(t.query, t.list)
                        let range = space.postingRange(t.id)
                        if range.count > 16 * found * (Int.bitWidth - range.count.leadingZeroBitCount) {
                            for d32 in touched where Self.holds(postings, range, d32) { acc[Int(d32)] += credit }
                        } else {
                            for p in range {
                                let d = Int(postings[p])
                                if marks[d] { acc[d] += credit }
                            }
                        }
                    }
                    for d32 in touched {
                        let d = Int(d32)
                        let a = acc[d]
                        acc[d] = .zero
                        marks[d] = false
                        var qa = a.x + Float(initials), la = a.y
                        // Full listed coverage is the most the document's record could add (Float
                        // rounding is monotonic): below the floor even so, it is not read.
                        if !terms.hasInitials(d) && qShare * min(1, qa / totalF) + lShare < floorF { continue }
                        let doc = terms.documents[d]
                        if doc.initials != 0 {
                            for t in lettered where doc.initials & t.bit != 0 { qa += t.credit }
                            la += initialCredit * terms.initialWeight[d]
                        }
                        // A query initial pairs with one listed word at most, which it covers no more than
                        // whole: it adds the document's heaviest word at most to the listed side (the bound
                        // once took the listed side as covered whole, and so proposed every document
                        // holding a common name beside an initial, up to the candidate limit).
                        if initialCount > 0 {
                            la += initialCount * doc.heaviest
                            // and its own weight only where a listed word begins with its letter.
                            var qaLight = qa
                            for t in initialLetters {
                                qaLight -= t.weight
                                if doc.letters & t.bit == 0 { qa -= t.weight } else { qaLight += t.light }
                            }
                            qa = max(qa, qaLight * totalF / lightTotal)
                        }
                        let qc = min(1, qa / totalF)
                        let lw = doc.listWeight
                        // A person's unmatched parts count `missingPersonPart` of their weight
                        // w: with m the matched weight and c ≤ min(la, m) the covered weight, the
                        // coverage c / (m + r (lw − m)) is at most la / (la + r (lw − la)).
                        let lwEffective = doc.person ? la + missingPart * (lw - la) : lw
                        let lc = lwEffective > 0 ? min(1, la / lwEffective) : 1
                        let bound = qShare * qc + lShare * lc
                        if bound >= floorF { out.append((d, bound)) }
                    }
                }
            }
        }
        var ranked = out
        ranked.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        if ranked.count > configuration.candidateLimit { ranked.removeLast(ranked.count - configuration.candidateLimit) }
        return ranked.map(\.0)
    }

    /// Whether the document-ordered `postings[range]` hold document `d`.
    @inline(__always)
    private static func holds(_ postings: UnsafeBufferPointer<Int32>, _ range: Range<Int>, _ d: Int32) -> Bool {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) >> 1
            if postings[mid] < d { lo = mid + 1 } else { hi = mid }
        }
        return lo < range.upperBound && postings[lo] == d
    }

    /// Which terms the walk may defer: as many postings as possible (longest per unit of credit
    /// first) whose query credits, with the query's initials, keep a document that holds nothing
    /// else below `floor`. The bound of such a document is at most
    /// `(1 - listShare) × (deferred + initials) / total + listShare`; the budget keeps a relative
    /// margin of 1e-3 under the walk's own `floor - 1e-4` so Float rounding cannot matter.
    private func deferrable(_ bound: [BoundTerm], space: TokenSpace, total: Double, initials: Double, listShare: Double,
                            floor: Double) -> [Bool] {
        var deferred = [Bool](repeating: false, count: bound.count)
        let budget = (floor - 1e-4 - listShare) / (1 - listShare) * total * (1 - 1e-3) - initials
        guard budget > 0 else { return deferred }
        let length = bound.map { Float(space.postingRange($0.id).count) }
        let order = bound.indices.sorted { a, b in
            let x = length[a] * bound[b].query, y = length[b] * bound[a].query
            return x > y || (x == y && a < b)
        }
        var sum = 0.0
        for k in order where sum + Double(bound[k].query) < budget {
            sum += Double(bound[k].query)
            deferred[k] = true
        }
        return deferred
    }
}
