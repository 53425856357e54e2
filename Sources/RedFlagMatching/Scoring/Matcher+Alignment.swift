extension Matcher {
    /// Which way of reading the tokens aligned best: as written, with the query's adjacent
    /// tokens `q.joins[n]` joined, or with the listed tokens of `q.splits[n]` joined.
    enum Arrangement {
        case asWritten
        /// As written, the query's middle initials light (`PreparedQuery.initialLightWeights`).
        case lightInitials
        case join(Int)
        case split(Int)
    }

    /// Score of the query against each of `documents`, trying joined and split tokens as
    /// alternatives. Without `initials(d)` a single letter on either side matches only the same
    /// letter. Allocates nothing per document: every candidate of every query is scored so. The
    /// listed tokens' weights are gathered for all documents first, in a loop whose loads do not
    /// wait on one another, so their cache misses overlap instead of stalling each alignment.
    func alignmentScores(_ q: PreparedQuery, documents: [Int], space: TokenSpace, terms: DocumentBoundTerms, listShare: Double, direct: Bool,
                         initials: (Int) -> Bool = { _ in true }, rules: (Int) -> ListedRules = { _ in .address }) -> [Double] {
        var offsets = [0]
        offsets.reserveCapacity(documents.count + 1)
        var weights: [Double] = []
        weights.reserveCapacity(documents.count * 4)
        // Each document's initials and rules are asked for here too (they read the entry's type,
        // another load that would otherwise stall its alignment).
        var initialsOf: [Bool] = [], rulesOf: [ListedRules] = []
        initialsOf.reserveCapacity(documents.count)
        rulesOf.reserveCapacity(documents.count)
        for d in documents {
            for p in space.documentRange(d) { weights.append(Double(space.weights[Int(space.documentTokens[p])])) }
            offsets.append(weights.count)
            initialsOf.append(initials(d))
            rulesOf.append(rules(d))
        }
        return space.documentTokens.withUnsafeBufferPointer { tokens in
            weights.withUnsafeBufferPointer { weights in
                documents.indices.map { n in
                    let d = documents[n]
                    return bestArrangement(q, document: d, tokens: UnsafeBufferPointer(rebasing: tokens[space.documentRange(d)]),
                                           weights: UnsafeBufferPointer(rebasing: weights[offsets[n]..<offsets[n + 1]]), space: space, terms: terms,
                                           listShare: listShare, direct: direct, initials: initialsOf[n], rules: rulesOf[n]).score
                }
            }
        }
    }

    /// The full alignment behind `alignmentScores` (same score), for an explanation.
    func align(_ q: PreparedQuery, document d: Int, space: TokenSpace, terms: DocumentBoundTerms, listShare: Double, direct: Bool,
               initials: Bool = true, rules: ListedRules = .address) -> AlignmentResult {
        let range = space.documentRange(d)
        let nq = q.units.count, nl = range.count
        let ids = Array(space.documentTokens[range])
        let list = ids.map { AlignUnit(weight: Double(space.weights[Int($0)]), key: $0) }
        var notes = SimilarityNotes()
        let (sims, arrangement) = ids.withUnsafeBufferPointer { ids in
            let sims = [Double](unsafeUninitializedCapacity: nq * nl) { buffer, count in
                notes = similarities(q, document: d, tokens: ids, space: space, terms: terms, direct: direct, initials: initials, into: buffer)
                count = nq * nl
            }
            let arrangement = list.map(\.weight).withUnsafeBufferPointer { weights in
                bestArrangement(q, document: d, tokens: ids, weights: weights, space: space, terms: terms, listShare: listShare, direct: direct,
                                initials: initials, rules: rules).arrangement
            }
            return (sims, arrangement)
        }
        var result = aligned(q, ids: ids, list: list, sims: sims, arrangement: arrangement, listShare: listShare, rules: rules)
        if notes.backwards {
            result.score = min(result.score, TokenAligner.otherPersonScore)
            result.chainBackwards = true
        }
        result.initialsUnsupported = notes.initialsUnsupported
        return result
    }

    /// The alignment of one arrangement (see `align`).
    private func aligned(_ q: PreparedQuery, ids: [Int32], list: [AlignUnit], sims: [Double], arrangement: Arrangement, listShare: Double,
                         rules: ListedRules) -> AlignmentResult {
        let nq = q.units.count, nl = ids.count
        switch arrangement {
        case .asWritten:
            return TokenAligner.align(query: q.units, list: list, similarity: sims, listShare: listShare, rules: rules)
        case .lightInitials:
            let light = q.initialLightWeights ?? q.weights
            let units = q.units.enumerated().map { AlignUnit(weight: light[$0.offset], key: $0.element.key, key2: $0.element.key2) }
            return TokenAligner.align(query: units, list: list, similarity: sims, listShare: listShare, rules: rules)
        case .join(let n):
            let join = q.joins[n]
            let j = ids.withUnsafeBufferPointer { Matcher.position(of: join.id, in: $0) }!
            var units = q.units
            units[join.i] = AlignUnit(weight: q.weights[join.i] + q.weights[join.i + 1], key: Int32(join.i), key2: Int32(join.i + 1))
            units.remove(at: join.i + 1)
            let s = [Double](unsafeUninitializedCapacity: (nq - 1) * nl) { buffer, count in
                sims.withUnsafeBufferPointer { Matcher.joined($0, nq: nq, nl: nl, at: join.i, similarity: join.similarity, listed: j, into: buffer) }
                count = (nq - 1) * nl
            }
            return TokenAligner.align(query: units, list: list, similarity: s, listShare: listShare, rules: rules)
        case .split(let n):
            let split = q.splits[n]
            let (j, k) = ids.withUnsafeBufferPointer { Matcher.positions(of: split, in: $0) }!
            var units = list
            units[j] = AlignUnit(weight: list[j].weight + list[k].weight, key: list[j].key, key2: list[k].key)
            units.remove(at: k)
            let s = [Double](unsafeUninitializedCapacity: nq * (nl - 1)) { buffer, count in
                sims.withUnsafeBufferPointer { Matcher.split($0, nq: nq, nl: nl, query: split.i, similarity: split.similarity, listed: j, k, into: buffer) }
                count = nq * (nl - 1)
            }
            return TokenAligner.align(query: q.units, list: units, similarity: s, listShare: listShare, rules: rules)
        }
    }

    /// `tokens` and `weights`: the document's token ids and their weights.
    private func bestArrangement(_ q: PreparedQuery, document d: Int, tokens: UnsafeBufferPointer<Int32>, weights lw: UnsafeBufferPointer<Double>, space: TokenSpace,
                                 terms: DocumentBoundTerms, listShare: Double, direct: Bool, initials: Bool,
                                 rules: ListedRules) -> (score: Double, arrangement: Arrangement) {
        let nq = q.units.count, nl = tokens.count
        var backwards = false
        let best = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, nq * nl)) { sims in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, nq * nl)) { alternative in
                // The weights of the side with two tokens joined.
                withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, max(nq, nl))) { merged in
                    backwards = similarities(q, document: d, tokens: tokens, space: space, terms: terms, direct: direct, initials: initials, into: sims).backwards
                    let simsRead = UnsafeBufferPointer(sims)
                    return q.weights.withUnsafeBufferPointer { qw in
                        var best = (score: TokenAligner.score(queryWeights: qw, listWeights: lw, similarity: UnsafeBufferPointer(rebasing: simsRead[0..<(nq * nl)]),
                                                              listShare: listShare, rules: rules).score,
                                    arrangement: Arrangement.asWritten)
                        if best.score < 0.999, let light = q.initialLightWeights,
                           let a = Matcher.lightInitialScore(light, full: qw, listWeights: lw, similarity: UnsafeBufferPointer(rebasing: simsRead[0..<(nq * nl)]),
                                                             listShare: listShare, rules: rules), a > best.score {
                            best = (a, .lightInitials)
                        }
                        if best.score >= 0.999 { return best }
                        // "hua wei" in the query against "huawei" listed.
                        for (n, join) in q.joins.enumerated() {
                            guard let j = Matcher.position(of: join.id, in: tokens) else { continue }
                            let units = UnsafeMutableBufferPointer(rebasing: merged[0..<(nq - 1)])
                            for i in 0..<(nq - 1) { units[i] = i < join.i ? qw[i] : i == join.i ? qw[i] + qw[i + 1] : qw[i + 1] }
                            let s = UnsafeMutableBufferPointer(rebasing: alternative[0..<((nq - 1) * nl)])
                            Matcher.joined(simsRead, nq: nq, nl: nl, at: join.i, similarity: join.similarity, listed: j, into: s)
                            let a = TokenAligner.score(queryWeights: UnsafeBufferPointer(units), listWeights: lw, similarity: UnsafeBufferPointer(s),
                                                       listShare: listShare, rules: rules).score
                            if a > best.score { best = (a, .join(n)) }
                        }
                        // "huawei" or "assadbarakat" in the query against "hua wei" or "BARAKAT, Assad" listed.
                        for (n, split) in q.splits.enumerated() {
                            // Two listed words read backwards are a name spoken in the order its surname-first form
                            // turns round ("assadbarakat" for "BARAKAT, Assad"), never two words of one part: "jiwen"
                            // is no given name "Wen-ji", whose syllables are one name in one order.
                            guard let (j, k) = Matcher.positions(of: split, in: tokens),
                                  k != j - 1 || (rules.ofNames && commaBefore(token: j, document: d)) else { continue }
                            let units = UnsafeMutableBufferPointer(rebasing: merged[0..<(nl - 1)])
                            for c in 0..<(nl - 1) {
                                let source = c < k ? c : c + 1
                                units[c] = c == (j < k ? j : j - 1) ? lw[j] + lw[k] : lw[source]
                            }
                            let s = UnsafeMutableBufferPointer(rebasing: alternative[0..<(nq * (nl - 1))])
                            Matcher.split(simsRead, nq: nq, nl: nl, query: split.i, similarity: split.similarity, listed: j, k, into: s)
                            let a = TokenAligner.score(queryWeights: qw, listWeights: UnsafeBufferPointer(units), similarity: UnsafeBufferPointer(s),
                                                       listShare: listShare, rules: rules).score
                            if a > best.score { best = (a, .split(n)) }
                        }
                        return best
                    }
                }
            }
        }
        return backwards ? (min(best.score, TokenAligner.otherPersonScore), best.arrangement) : best
    }

    /// What `similarities` found besides the similarities: the query's patronymic chain read backwards
    /// in the document (another person of the family), pairs of an initial dropped (`NameInitials`).
    struct SimilarityNotes {
        var backwards = false
        var initialsUnsupported = false
    }

    /// `into[i * nl + j]`: similarity of query token i and the document's j-th token.
    @discardableResult
    private func similarities(_ q: PreparedQuery, document d: Int, tokens: UnsafeBufferPointer<Int32>, space: TokenSpace, terms: DocumentBoundTerms, direct: Bool,
                              initials: Bool, into sims: UnsafeMutableBufferPointer<Double>) -> SimilarityNotes {
        let nq = q.units.count, nl = tokens.count
        var notes = SimilarityNotes()
        for (j, id) in tokens.enumerated() {
            let listInitial = terms.isSingleLetter(id)
            let row = direct || listInitial ? nil : q.similarity.row(of: id)
            for i in 0..<nq {
                let initial = q.isInitial(i)
                if (initial || listInitial) && !initials && initial != listInitial {
                    sims[i * nl + j] = 0
                } else if !listInitial && q.syllableLetters.contains(i) {
                    // A syllable's one letter is a name: met by the words it sounds like, never as an initial.
                    sims[i * nl + j] = row.map { q.similarity.similarity(i, at: $0) }
                        ?? (space.vocabulary.withBytes(Int(id)) { $0.elementsEqual(q.bytes[i]) } ? 1 : 0)
                } else if direct || initial || listInitial {
                    sims[i * nl + j] = q.bytes[i].withUnsafeBufferPointer { a in
                        space.vocabulary.withBytes(Int(id)) { b in
                            TokenSimilarity.similarity(a, b, skeletonA: q.skeletons[i], skeletonB: space.skeletons[Int(id)])
                        }
                    }
                } else {
                    sims[i * nl + j] = row.map { q.similarity.similarity(i, at: $0) } ?? 0
                }
            }
        }
        // In a person's name (`initials`), an initial is evidence only beside the name's other words (`NameInitials`).
        // The closures are written where they are passed (non-escaping): a closure kept in a local
        // constant would copy the query and the term tables into a heap context on every call,
        // once per candidate name (a twentieth of all screening time when measured).
        if initials {
            if (0..<nq).contains(where: { q.isInitial($0) }) || (0..<nl).contains(where: { terms.isSingleLetter(tokens[$0]) }) {
                let weak = Double(LegalForms.wordWeight)
                notes.initialsUnsupported = NameInitials.dropUnsupported(
                    sims, nq: nq, nl: nl, queryInitial: { q.isInitial($0) }, listedInitial: { terms.isSingleLetter(tokens[$0]) },
                    queryFull: { i in q.bytes[i].count >= NameInitials.fullWordLength && q.weights[i] > weak && q.chainNames[i] },
                    listedFull: { j in
                        space.vocabulary.withBytes(Int(tokens[j])) { $0.count } >= NameInitials.fullWordLength && Double(space.weights[Int(tokens[j])]) > weak
                            && self.chainParticles[tokens[j]] == nil
                    })
            }
        }
        // A patronymic chain read backwards is another person (see `NameChains`). Only queries
        // with a chain particle get here (q.links is empty otherwise).
        guard !q.links.isEmpty else { return notes }
        let found = { (i: Int) in (0..<nl).contains { sims[i * nl + $0] > 0 } }
        // Whose chain it is needs one name of a link found; a link read backwards needs both.
        guard q.links.contains(where: { found($0.child) || found($0.father) }) else { return notes }
        let kind = { (j: Int) in self.chainParticles[tokens[j]] ?? .name }
        let order = NameChains.readingOrder(count: nl, commaOffset: commaOffset(document: d, count: nl), kind: kind)
        let listed = NameChains.links(order: order, kind: kind)
        // A link the listed name states the other way round, and nowhere the same way: the query
        // names another person of the family (`TokenAligner.otherPersonScore`).
        var backwards = false
        for (a, b) in q.links {
            let forward = listed.contains { x, y in sims[a * nl + x] > 0 && sims[b * nl + y] > 0 }
            for (x, y) in listed where sims[a * nl + y] > 0 && sims[b * nl + x] > 0 {
                sims[a * nl + y] = 0
                sims[b * nl + x] = 0
                if !forward { backwards = true }
            }
        }
        notes.backwards = backwards
        guard index.type(entry: Int(index.nameEntry[d])) == .person else { return notes }
        // Whose chain it is: no name of the query but its own is the listed person, nor the query's
        // own person the listed father (a son, brother or father of the listed person, see `NameChains`).
        let title = { (j: Int) in space.vocabulary.withBytes(Int(tokens[j])) { NameTitles.contains(String(decoding: $0, as: UTF8.self)) } }
        if let l0 = NameChains.own(order: order, kind: kind, isWeak: title) {
            var fatherIsListedOwn = false
            for i in 0..<nq where i != q.own && q.chainNames[i] {
                fatherIsListedOwn = fatherIsListedOwn || (q.links.contains { $0.father == i } && sims[i * nl + l0] > 0)
                sims[i * nl + l0] = 0
            }
            // The query's father is the listed person and its own name stands after him in the
            // listed chain ("Fahd bin Hajjaj" against "Hajjaj Fahd Hajjaj AL-AJMI"): the query names
            // the listed person's father (or another forebear), not him.
            if fatherIsListedOwn, let q0 = q.own, sims[q0 * nl + l0] == 0, let start = order.firstIndex(of: l0) {
                for j in order[(start + 1)...] where sims[q0 * nl + j] > 0 {
                    sims[q0 * nl + j] = 0
                    notes.backwards = true
                }
            }
        }
        if let q0 = q.own {
            for (x, y) in listed where y != x { sims[q0 * nl + y] = 0 }
            if let f = NameChains.childlessFather(order: order, kind: kind) { sims[q0 * nl + f] = 0 }
        }
        // A listed person's names in reading order are a chain without particles too ("Usama
        // Muhammed Awad"): a query link whose child is found there only after its father is backwards.
        var rank = [Int](repeating: 0, count: nl)
        for (r, j) in order.enumerated() { rank[j] = r }
        for (a, b) in q.links {
            var forward = false, backward = false
            for x in 0..<nl where sims[a * nl + x] > 0 {
                for y in 0..<nl where y != x && sims[b * nl + y] > 0 {
                    if rank[x] < rank[y] { forward = true } else { backward = true }
                }
            }
            guard backward && !forward else { continue }
            var reversed: [(Int, Int)] = []
            for x in 0..<nl where sims[a * nl + x] > 0 {
                for y in 0..<nl where y != x && sims[b * nl + y] > 0 && rank[x] > rank[y] { reversed.append((x, y)) }
            }
            for (x, y) in reversed {
                sims[a * nl + x] = 0
                sims[b * nl + y] = 0
            }
            notes.backwards = notes.backwards || !reversed.isEmpty
        }
        return notes
    }

    /// The score with the query's middle initials light (`light`; `full`: the weights as they are),
    /// when every other query token is paired with a listed token exactly (or as another language
    /// writes it): "Mohammed F. AL-TAL" for "AL-TAL, Mohammed". Nil otherwise: beside a name only
    /// alike, an initial the list lacks still counts in full.
    static func lightInitialScore(_ light: [Double], full: UnsafeBufferPointer<Double>, listWeights: UnsafeBufferPointer<Double>,
                                  similarity: UnsafeBufferPointer<Double>, listShare: Double, rules: ListedRules) -> Double? {
        let nq = full.count, nl = listWeights.count
        // Cheap test first: each other query token must meet some listed token exactly.
        for i in 0..<nq where light[i] == full[i] && !(0..<nl).contains(where: { similarity[i * nl + $0] >= TokenAligner.exactEnough }) { return nil }
        return light.withUnsafeBufferPointer { lq in
            withUnsafeTemporaryAllocation(of: (q: Int, l: Int, similarity: Double).self, capacity: max(1, min(nq, nl))) { pairs in
                let r = TokenAligner.score(queryWeights: lq, listWeights: listWeights, similarity: similarity, listShare: listShare, rules: rules, pairs: pairs)
                var paired = 0
                for p in pairs[0..<r.pairCount] where lq[p.q] == full[p.q] {
                    guard p.similarity >= TokenAligner.exactEnough else { return nil }
                    paired += 1
                }
                let others = (0..<nq).filter { lq[$0] == full[$0] }.count
                return paired == others ? r.score : nil
            }
        }
    }

    /// Position of the first token `id` among a document's `tokens`.
    private static func position(of id: Int32, in tokens: UnsafeBufferPointer<Int32>) -> Int? {
        tokens.firstIndex(of: id)
    }

    /// Positions of a split's left token and of a right token at another position.
    private static func positions(of split: (i: Int, left: Int32, right: Int32, similarity: Double), in tokens: UnsafeBufferPointer<Int32>) -> (Int, Int)? {
        guard let j = position(of: split.left, in: tokens),
              let k = tokens.indices.first(where: { $0 != j && tokens[$0] == split.right }) else { return nil }
        return (j, k)
    }

    /// Whether listed name `d` is written surname first ("BARAKAT, Assad") with its comma just before token `k`.
    func commaBefore(token k: Int, document d: Int) -> Bool {
        let text = index.nameText[d]
        guard let comma = text.firstIndex(of: ",") else { return false }
        return NameNormalizer.normalize(String(text[..<comma])).tokens.count == k
    }

    /// The similarities with query tokens i and i+1 joined: the joined token matches listed token
    /// `listed` only, with `similarity`.
    private static func joined(_ sims: UnsafeBufferPointer<Double>, nq: Int, nl: Int, at join: Int, similarity: Double, listed j: Int,
                               into s: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<(nq - 1) {
            let source = i < join ? i : i + 1
            for k in 0..<nl { s[i * nl + k] = i == join ? (k == j ? similarity : 0) : sims[source * nl + k] }
        }
    }

    /// The similarities with listed tokens j and k joined (at j's place, or j - 1 when k precedes
    /// it): query token `query` matches the joined token with `similarity`, no other does.
    private static func split(_ sims: UnsafeBufferPointer<Double>, nq: Int, nl: Int, query: Int, similarity: Double, listed j: Int, _ k: Int,
                              into s: UnsafeMutableBufferPointer<Double>) {
        let m = nl - 1
        for i in 0..<nq {
            for c in 0..<m {
                let source = c < k ? c : c + 1
                s[i * m + c] = c == (j < k ? j : j - 1) ? (i == query ? similarity : 0) : sims[i * nl + source]
            }
        }
    }
}
