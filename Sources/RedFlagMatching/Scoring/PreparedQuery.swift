/// A query's tokens looked up once against a token space: weights, and for each token the
/// vocabulary tokens similar to it with their similarity. Scoring every candidate then needs no
/// string work at all, and the index and the scorer can never disagree on a similarity.
struct PreparedQuery {
    var texts: [String]
    var bytes: [[UInt8]]
    var skeletons: [UInt32]
    var weights: [Double]
    /// Per query token: vocabulary id → effective similarity (> 0).
    var similar: [[Int32: Double]]
    /// `similar` for the aligner's lookups.
    var similarity: SimilarityTable
    /// The query tokens as the aligner sees them (key: token index).
    var units: [AlignUnit]
    /// Adjacent query tokens i, i+1 whose concatenation is like vocabulary token `id` ("hua wei" ~ "huawei").
    var joins: [(i: Int, id: Int32, similarity: Double)]
    /// Query token i that is two vocabulary tokens written together ("huawei" = "hua" + "wei").
    var splits: [(i: Int, left: Int32, right: Int32)]
    var legalForms: Set<String>

    var totalWeight: Double { weights.reduce(0, +) }

    /// Least weight of a query token (legal-form words excepted).
    static let minimumWeight = 0.2

    /// Words people glue to a name: "andtourism", "ofradio", "zamanoildmcc". Not "for", with which
    /// too many words begin ("fortinet" is not "for tinet").
    private static let glue: [[UInt8]] = (Abbreviations.stopwords.subtracting(["for"]).map { Array($0.utf8) }
        + LegalForms.words.filter { $0.count >= 3 }.map { Array($0.utf8) }).sorted { $0.count > $1.count }

    /// A token no listed token resembles, that is a listed token with a stopword or legal-form
    /// word glued before or after it, is credited as that token (0.95).
    private static func addUnglued(_ b: [UInt8], space: TokenSpace, into map: inout [Int32: Double]) {
        guard b.count >= 7 else { return }
        for g in PreparedQuery.glue where b.count - g.count >= 4 {
            if b.starts(with: g), let id = space.id(of: Array(b[g.count...])) { map[id] = 0.95 }
            if b.reversed().starts(with: g.reversed()), let id = space.id(of: Array(b[..<(b.count - g.count)])) { map[id] = 0.95 }
        }
    }

    /// What `cache` holds for token `b` (of consonant skeleton `skeleton`).
    static func facts(_ b: [UInt8], skeleton: UInt32, space: TokenSpace, scratch: Scratch) -> QueryTokenFacts {
        var map: [Int32: Double] = [:]
        for (id, s) in space.similarTokens(b, skeleton: skeleton, counts: &scratch.counts, touched: &scratch.touchedVocab) { map[id] = s }
        if map.isEmpty { addUnglued(b, space: space, into: &map) }
        return QueryTokenFacts(similar: map, id: space.id(of: b), splits: b.count >= 5 ? space.splits(of: b) : [])
    }

    /// `written` holds the tokens as typed, before abbreviations were made canonical (joins are
    /// made from them: "comm ittee" is "committee", not "communication" + "ittee").
    init(tokens: [String], written: [String]? = nil, legalForms: [String], space: TokenSpace, scratch: Scratch, cache: TokenCache<QueryTokenFacts>,
         joinCache: TokenCache<[(id: Int32, similarity: Double)]>, unknownWeight: Double = Double(TokenSpace.unknownWeight)) {
        scratch.ensure(documents: space.documentCount, vocabulary: space.vocabulary.count)
        texts = tokens
        bytes = tokens.map { Array($0.utf8) }
        skeletons = bytes.map { b in b.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) } }
        self.legalForms = Set(legalForms)
        similar = []
        similarity = SimilarityTable([])
        units = []
        weights = []
        joins = []
        splits = []
        var facts: [QueryTokenFacts] = []
        for (i, b) in bytes.enumerated() {
            let f = cache.value(b) { PreparedQuery.facts(b, skeleton: skeletons[i], space: space, scratch: scratch) }
            facts.append(f)
            let map = f.similar
            similar.append(map)
            if LegalForms.words.contains(tokens[i]) {
                weights.append(Double(LegalForms.wordWeight))
            } else if let exact = f.id {
                weights.append(Double(space.weights[Int(exact)]))
            } else if let best = map.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), best.value >= 0.9 {
                // A misspelt token weighs what the word it misspells weighs ("tradng" ~ "trading").
                weights.append(Double(space.weights[Int(best.key)]))
            } else {
                weights.append(unknownWeight)
            }
            // Every name part the user typed counts for something: a common surname left
            // unmatched ("Luca Lopez" against "LUCAS") must still lower the score.
            if !LegalForms.words.contains(tokens[i]) { weights[i] = max(weights[i], PreparedQuery.minimumWeight) }
        }
        let written = written.map { $0.count == tokens.count ? $0 : tokens } ?? tokens
        for i in 0..<max(0, bytes.count - 1) {
            let typed = written[i] + written[i + 1]
            let joined = Array((Abbreviations.canonical[typed] ?? typed).utf8)
            let sk = joined.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) }
            // A split word rejoined is the word itself, or the word with one typo; an initial
            // written before a name ("C. Jung") is never part of it unless the two spell a listed
            // token exactly. Only tokens within one edit are looked for, in a cache of their own.
            let found = joinCache.value(joined) {
                space.tokensWithinOneEdit(joined, skeleton: sk, counts: &scratch.counts, touched: &scratch.touchedVocab)
            }
            let initial = bytes[i].count == 1 || bytes[i + 1].count == 1
            for (id, s) in found where s >= 0.9 && (s == 1 || !initial) {
                joins.append((i, id, s))
            }
        }
        similarity = SimilarityTable(similar)
        units = weights.indices.map { AlignUnit(weight: weights[$0], key: Int32($0)) }
        for (i, f) in facts.enumerated() {
            for split in f.splits { splits.append((i, split.left, split.right)) }
        }
    }
}
