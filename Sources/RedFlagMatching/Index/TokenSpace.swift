import Foundation

/// A vocabulary of tokens with IDF weights, a trigram index over the vocabulary (to find tokens
/// similar to a misspelt one) and postings from tokens to the documents (names or addresses)
/// holding them. Built once per list import; every array is flat so the index file maps straight
/// into it.
public struct TokenSpace: Sendable, Equatable {
    /// Tokens sorted by bytes (binary search replaces a hash table that would cost load time).
    public var vocabulary: StringTable
    /// Weight in (0, 1]: squared IDF relative to a token seen once, so "trading", "co", "bank"
    /// count little and a distinctive token carries the match.
    public var weights: FlatArray<Float>
    /// Consonant-skeleton hash of each token (see `TokenSimilarity.skeleton`).
    public var skeletons: FlatArray<UInt32>
    /// Skeleton hashes sorted, with the vocabulary id of each (finds "mhmd" for "mohammed", which
    /// share no trigram).
    public var skeletonKeys: FlatArray<UInt32>
    public var skeletonTokens: FlatArray<Int32>
    /// Sorted trigram keys, their CSR offsets and the vocabulary ids holding each trigram.
    public var trigramKeys: FlatArray<UInt32>
    public var trigramOffsets: FlatArray<Int32>
    public var trigramTokens: FlatArray<Int32>
    /// Document → token ids, in document order (CSR).
    public var documentOffsets: FlatArray<Int32>
    public var documentTokens: FlatArray<Int32>
    /// Sum of the token weights of each document (what full coverage of it means).
    public var documentWeights: FlatArray<Float>
    /// Token → ascending document ids (CSR).
    public var postingOffsets: FlatArray<Int32>
    public var postings: FlatArray<Int32>

    public var documentCount: Int { documentOffsets.count - 1 }

    /// Weight of a query token that no listed name contains: as distinctive as can be.
    public static let unknownWeight: Float = 1

    /// Builds the space over `documents` (each a list of normalised tokens).
    public init(documents: [[String]]) {
        // One hash lookup per token occurrence: tokens get provisional ids in order of first
        // appearance, everything after that works on integers.
        var provisional: [String: Int32] = [:]
        var firstSeen: [String] = []
        var occurrences: [Int32] = []
        occurrences.reserveCapacity(documents.reduce(0) { $0 + $1.count })
        var df: [Int32] = []
        var lastDocument: [Int32] = []
        for (d, doc) in documents.enumerated() {
            for t in doc {
                let id: Int32
                if let known = provisional[t] {
                    id = known
                } else {
                    id = Int32(firstSeen.count)
                    provisional[t] = id
                    firstSeen.append(t)
                    df.append(0)
                    lastDocument.append(-1)
                }
                occurrences.append(id)
                if lastDocument[Int(id)] != Int32(d) {
                    lastDocument[Int(id)] = Int32(d)
                    df[Int(id)] += 1
                }
            }
        }
        let bytesOf = firstSeen.map { Array($0.utf8) }
        // Tokens are distinct, so the byte order is total and the result the same for any sort.
        let order = firstSeen.indices.sorted { bytesOf[$0].lexicographicallyPrecedes(bytesOf[$1]) }
        var rank = [Int32](repeating: 0, count: order.count)
        for (i, p) in order.enumerated() { rank[p] = Int32(i) }
        let sorted = order.map { firstSeen[$0] }
        let sortedBytes = order.map { bytesOf[$0] }
        vocabulary = StringTable(sorted)
        let n = Double(max(1, documents.count))
        let maxIDF = log(n + 1)
        let tokenWeights = order.map { p in
            let idf = log((n + 1) / Double(df[p]))
            let w = Float(max(0.02, pow(idf / maxIDF, 2)))
            return LegalForms.words.contains(firstSeen[p]) || NameTitles.contains(firstSeen[p]) ? min(w, LegalForms.wordWeight) : w
        }
        weights = FlatArray(tokenWeights)
        let skeletons = sortedBytes.map { t in t.withUnsafeBufferPointer { TokenSimilarity.skeleton($0) } }
        self.skeletons = FlatArray(skeletons)
        let bySkeleton = skeletons.enumerated().filter { $0.element != 0 }.sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
        skeletonKeys = FlatArray(bySkeleton.map(\.element))
        skeletonTokens = FlatArray(bySkeleton.map { Int32($0.offset) })

        var trigrams: [UInt32: [Int32]] = [:]
        for (i, t) in sortedBytes.enumerated() {
            for key in Set(TokenSpace.trigrams(t)) { trigrams[key, default: []].append(Int32(i)) }
        }
        let keys = trigrams.keys.sorted()
        trigramKeys = FlatArray(keys)
        var trigramOffsets: [Int32] = [0]
        trigramOffsets.reserveCapacity(keys.count + 1)
        var trigramTokens: [Int32] = []
        for k in keys {
            trigramTokens += trigrams[k]!
            trigramOffsets.append(Int32(trigramTokens.count))
        }
        self.trigramOffsets = FlatArray(trigramOffsets)
        self.trigramTokens = FlatArray(trigramTokens)

        // Postings in CSR straight away: token t holds exactly df(t) documents, in document order.
        var postingOffsets = [Int32](repeating: 0, count: sorted.count + 1)
        for (i, p) in order.enumerated() { postingOffsets[i + 1] = postingOffsets[i] + df[p] }
        var fill = Array(postingOffsets.dropLast())
        var postings = [Int32](repeating: 0, count: Int(postingOffsets[sorted.count]))
        var documentOffsets: [Int32] = [0]
        documentOffsets.reserveCapacity(documents.count + 1)
        var documentTokens: [Int32] = []
        documentTokens.reserveCapacity(occurrences.count)
        var documentWeights: [Float] = []
        documentWeights.reserveCapacity(documents.count)
        for i in lastDocument.indices { lastDocument[i] = -1 }
        var k = 0
        for (d, doc) in documents.enumerated() {
            var sum = Float(0)
            for _ in doc {
                let id = rank[Int(occurrences[k])]
                k += 1
                documentTokens.append(id)
                sum += tokenWeights[Int(id)]
                if lastDocument[Int(id)] != Int32(d) {
                    lastDocument[Int(id)] = Int32(d)
                    postings[Int(fill[Int(id)])] = Int32(d)
                    fill[Int(id)] += 1
                }
            }
            documentOffsets.append(Int32(documentTokens.count))
            documentWeights.append(sum)
        }
        self.documentOffsets = FlatArray(documentOffsets)
        self.documentTokens = FlatArray(documentTokens)
        self.documentWeights = FlatArray(documentWeights)
        self.postingOffsets = FlatArray(postingOffsets)
        self.postings = FlatArray(postings)
    }

    init(vocabulary: StringTable, weights: FlatArray<Float>, skeletons: FlatArray<UInt32>, skeletonKeys: FlatArray<UInt32>, skeletonTokens: FlatArray<Int32>,
         trigramKeys: FlatArray<UInt32>, trigramOffsets: FlatArray<Int32>, trigramTokens: FlatArray<Int32>, documentOffsets: FlatArray<Int32>,
         documentTokens: FlatArray<Int32>, documentWeights: FlatArray<Float>, postingOffsets: FlatArray<Int32>, postings: FlatArray<Int32>) {
        self.vocabulary = vocabulary
        self.weights = weights
        self.skeletons = skeletons
        self.skeletonKeys = skeletonKeys
        self.skeletonTokens = skeletonTokens
        self.trigramKeys = trigramKeys
        self.trigramOffsets = trigramOffsets
        self.trigramTokens = trigramTokens
        self.documentOffsets = documentOffsets
        self.documentTokens = documentTokens
        self.documentWeights = documentWeights
        self.postingOffsets = postingOffsets
        self.postings = postings
    }

    /// Padded character trigrams of a token, packed into 24 bits each ("hua" → " hu", "hua", "ua ").
    static func trigrams(_ t: [UInt8]) -> [UInt32] {
        let padded: [UInt8] = [32] + t + [32]
        guard padded.count >= 3 else { return [] }
        var out: [UInt32] = []
        out.reserveCapacity(padded.count - 2)
        for i in 0..<(padded.count - 2) {
            out.append(UInt32(padded[i]) << 16 | UInt32(padded[i + 1]) << 8 | UInt32(padded[i + 2]))
        }
        return out
    }

    /// Vocabulary id of `token`, nil when no document holds it.
    public func id(of token: [UInt8]) -> Int32? {
        token.withUnsafeBufferPointer { vocabulary.binarySearch($0).map(Int32.init) }
    }

    /// Every way `token` is two vocabulary tokens written together, each of two bytes or more
    /// ("huawei" = "hua" + "wei"), by ascending cut.
    func splits(of token: [UInt8]) -> [(left: Int32, right: Int32)] {
        guard token.count >= 4 else { return [] }
        return token.withUnsafeBufferPointer { t in
            prefixes(of: t, from: 0, minimum: 2).compactMap { p in
                guard p.length <= token.count - 2, let right = vocabulary.binarySearch(UnsafeBufferPointer(rebasing: t[p.length...])) else { return nil }
                return (p.id, Int32(right))
            }
        }
    }

    /// The vocabulary tokens (length of at least `minimum` bytes, and id) that `token[start...]`
    /// begins with, by ascending length. The vocabulary entries that begin with a prefix of it form
    /// a range that narrows as the prefix grows (one byte compared per step), and the prefix is a
    /// token exactly when it is the range's first entry; once the range is empty no longer one
    /// exists. What splits a word in two and segments a whole name typed without spaces.
    func prefixes(of token: UnsafeBufferPointer<UInt8>, from start: Int, minimum: Int) -> [(length: Int, id: Int32)] {
        var out: [(length: Int, id: Int32)] = []
        guard start < token.count else { return out }
        let offsets = vocabulary.offsets
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            var lo = 0, hi = vocabulary.count
            for cut in 1...(token.count - start) {
                // Entries in lo..<hi share the prefix's first cut - 1 bytes; an entry of exactly
                // that length sorts first. Narrow to those whose byte cut - 1 is the prefix's.
                let k = cut - 1, c = token[start + k]
                func byte(_ e: Int) -> Int {
                    let s = Int(offsets[e]), length = Int(offsets[e + 1]) - s
                    return k < length ? Int(bytes[s + k]) : -1
                }
                var a = lo, b = hi
                while a < b {
                    let mid = (a + b) / 2
                    if byte(mid) < Int(c) { a = mid + 1 } else { b = mid }
                }
                var e = a
                b = hi
                while e < b {
                    let mid = (e + b) / 2
                    if byte(mid) <= Int(c) { e = mid + 1 } else { b = mid }
                }
                lo = a
                hi = e
                if lo >= hi { break }
                if cut >= minimum && Int(offsets[lo + 1]) - Int(offsets[lo]) == cut { out.append((cut, Int32(lo))) }
            }
        }
        return out
    }

    /// Range of `postings` for token `id`.
    @inline(__always)
    func postingRange(_ id: Int32) -> Range<Int> { Int(postingOffsets[Int(id)])..<Int(postingOffsets[Int(id) + 1]) }

    /// Range of `documentTokens` for document `d`.
    @inline(__always)
    func documentRange(_ d: Int) -> Range<Int> { Int(documentOffsets[d])..<Int(documentOffsets[d + 1]) }

    /// Vocabulary tokens that may be similar to `token`: those sharing enough trigrams with it
    /// (at least two, or one for tokens of up to three letters) and of similar length. Every token
    /// with an effective `TokenSimilarity` above zero shares at least that many, so filtering here
    /// loses nothing the scorer would have credited in practice (candidate recall is measured).
    func similarTokens(_ token: [UInt8], skeleton: UInt32, counts: inout [UInt16], touched: inout [Int32]) -> [(id: Int32, similarity: Double)] {
        let grams = Set(TokenSpace.trigrams(token))
        countSharedTrigrams(grams, counts: &counts, touched: &touched)
        if skeleton != 0 {
            var lo = 0, hi = skeletonKeys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if skeletonKeys[mid] < skeleton { lo = mid + 1 } else { hi = mid }
            }
            while lo < skeletonKeys.count && skeletonKeys[lo] == skeleton {
                let id = Int(skeletonTokens[lo])
                if counts[id] == 0 { touched.append(Int32(id)) }
                counts[id] = max(counts[id], 100)
                lo += 1
            }
        }
        // q-gram lemma: k edits destroy at most 3k of a token's trigrams (4k counting a
        // transposition as one edit); short tokens need only one shared trigram.
        let distinct = grams.count
        let k = TokenSimilarity.allowedEdits(token.count + 1)
        let need = UInt16(max(token.count <= 6 ? 1 : 2, distinct - 4 * k))
        var out: [(id: Int32, similarity: Double)] = []
        vocabulary.withStrings { vocabulary in
            token.withUnsafeBufferPointer { q in
                for id in touched {
                    let c = counts[Int(id)]
                    counts[Int(id)] = 0
                    guard c >= need else { continue }
                    let v = vocabulary[Int(id)]
                    guard c >= 100 || abs(v.count - q.count) <= max(2, q.count / 3) else { continue }
                    let sim = TokenSimilarity.similarity(q, v, skeletonA: skeleton, skeletonB: skeletons[Int(id)])
                    if sim > 0 { out.append((id, sim)) }
                }
            }
        }
        GivenNames.addVariants(of: token, to: &out) { self.id(of: $0) }
        KoreanPopularNames.addSurnameSpellings(of: token, to: &out) { self.id(of: $0) }
        PatronymicVariants.addVariants(of: token, to: &out) { self.id(of: $0) }
        CountryWords.addEquivalents(of: token, to: &out) { self.id(of: $0) }
        return out
    }

    /// Vocabulary tokens at most one edit from `token` (`TokenSimilarity.editDistance` ≤ 1), with
    /// their similarity: what a rejoined split word may match. Cheaper than `similarTokens` for
    /// the purpose: one edit changes a token's padded trigrams at four consecutive positions at
    /// most, so only tokens holding one of two trigrams are compared. Tokens shorter than six
    /// bytes go through `similarTokens` (too few trigrams to choose two far enough apart).
    func tokensWithinOneEdit(_ token: [UInt8], skeleton: UInt32, counts: inout [UInt16], touched: inout [Int32]) -> [(id: Int32, similarity: Double)] {
        guard token.count >= 6 else {
            return similarTokens(token, skeleton: skeleton, counts: &counts, touched: &touched).filter { candidate in
                vocabulary.withBytes(Int(candidate.id)) { v in
                    token.withUnsafeBufferPointer { TokenSimilarity.editDistance($0, v, limit: 1) <= 1 }
                }
            }
        }
        // One edit changes the padded trigrams at no more than four consecutive positions
        // (substitution and deletion three, insertion two, a swap of neighbours four), so a token
        // within one edit keeps the trigram at one of any two positions four or more apart: only
        // the two shortest such lists are walked, and each token found is tested for the edit.
        let lists = TokenSpace.trigrams(token).map { g -> Range<Int> in
            guard let k = binarySearchTrigram(g) else { return 0..<0 }
            return Int(trigramOffsets[k])..<Int(trigramOffsets[k + 1])
        }
        var pair = (0, 4)
        for x in lists.indices {
            for y in (x + 4)..<max(x + 4, lists.count)
            where lists[x].count + lists[y].count < lists[pair.0].count + lists[pair.1].count {
                pair = (x, y)
            }
        }
        touched.removeAll(keepingCapacity: true)
        for range in [lists[pair.0], lists[pair.1]] {
            for p in range {
                let id = Int(trigramTokens[p])
                if counts[id] == 0 { counts[id] = 1; touched.append(Int32(id)) }
            }
        }
        var out: [(id: Int32, similarity: Double)] = []
        vocabulary.withStrings { vocabulary in
            token.withUnsafeBufferPointer { q in
                for id in touched {
                    counts[Int(id)] = 0
                    let v = vocabulary[Int(id)]
                    guard TokenSimilarity.withinOneEdit(q, v) else { continue }
                    let sim = TokenSimilarity.similarity(q, v, skeletonA: skeleton, skeletonB: skeletons[Int(id)])
                    if sim > 0 { out.append((id, sim)) }
                }
            }
        }
        // Vocabulary order: the same for any order the lists were walked in.
        out.sort { $0.id < $1.id }
        return out
    }

    /// Counts into `counts`, per vocabulary token, how many of `grams` it holds, and lists each
    /// token counted in `touched` (emptied first); callers reset `counts` for those tokens.
    private func countSharedTrigrams(_ grams: Set<UInt32>, counts: inout [UInt16], touched: inout [Int32]) {
        touched.removeAll(keepingCapacity: true)
        for g in grams {
            guard let k = binarySearchTrigram(g) else { continue }
            for p in Int(trigramOffsets[k])..<Int(trigramOffsets[k + 1]) {
                let id = Int(trigramTokens[p])
                if counts[id] == 0 { touched.append(Int32(id)) }
                counts[id] &+= 1
            }
        }
    }

    private func binarySearchTrigram(_ key: UInt32) -> Int? {
        var lo = 0, hi = trigramKeys.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let v = trigramKeys[mid]
            if v == key { return mid }
            if v < key { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
