/// What a listed document holds that the candidate bound cannot see in the postings of the
/// query's similar tokens: single-letter tokens (initials), which the aligner credits against any
/// query token with that first letter ("ELASHI, I." ~ "Ihsan Elashi"), and repeated tokens, which
/// the postings list once while the document's weight counts every occurrence. Derived from the
/// token space once per list import and stored in the index file, so a fresh process reads it in
/// place instead of walking every document at start.
struct DocumentBoundTerms: Sendable, Equatable {
    /// What the bound reads of one document, packed so that scoring a found document costs one
    /// cache line rather than one per array.
    /// Read in place from the index file: `MatchIndex` checks its layout (`layoutKey`) at open.
    struct Document: Sendable, Equatable, BitwiseCopyable {
        /// Bit `c - 'a'` set when the document holds the initial c.
        var initials: UInt32
        /// The document's weight without its repeated tokens beyond their first occurrence: what
        /// full coverage of its distinct tokens means.
        var listWeight: Float
        /// Its tokens: `documentTokens[start ..< start + count]`.
        var start: Int32
        /// Bit `c - 'a'` set when one of its words begins with c: the words a query initial may pair with.
        var letters: UInt32
        /// The weight of its heaviest word: the most a query initial, which pairs with one word, covers.
        var heaviest: Float
        var count: UInt16  // names and addresses run to a few dozen tokens
        var hasRepeats: Bool
        /// A person's name: listed parts the query lacks cost `TokenAligner.missingPersonPart` only.
        var person: Bool
    }

    let documents: FlatArray<Document>
    /// Bit d set when document d has initials: a few kilobytes that stay in cache, so the bound
    /// can reject most documents before it reads their record.
    let initialBits: FlatArray<UInt64>
    /// Bit id set when vocabulary token id is a single letter: the aligner asks for every listed
    /// token, and these bits stay in cache where the vocabulary's offsets do not.
    let singleLetterBits: FlatArray<UInt64>
    /// Per document, the summed weight of its initials.
    let initialWeight: FlatArray<Float>
    /// Postings restricted to the documents with initials (CSR by token id, ascending documents):
    /// the candidate walk skips the long postings of common tokens, which alone cannot lift a
    /// document to the floor — unless initial credits add to them, so those documents are found here.
    let initialPostingOffsets: FlatArray<Int32>
    let initialPostings: FlatArray<Int32>

    /// `hasInitials(d)`: whether single letters of document d are initials (see
    /// `Matcher.initialsStandForWords`); where they are not, the aligner matches them only exactly.
    ///
    /// `person(d)`: whether document d is a person's name (see `TokenAligner.missingPersonPart`).
    init(space: TokenSpace, hasInitials: (Int) -> Bool, person: (Int) -> Bool = { _ in false }) {
        let n = space.documentCount
        var initials = [UInt32](repeating: 0, count: n)
        var initialWeight = [Float](repeating: 0, count: n)
        var repeatedWeight = [Float](repeating: 0, count: n)
        var hasRepeats = [Bool](repeating: false, count: n)
        var firstLetters = [UInt32](repeating: 0, count: n)
        var heaviest = [Float](repeating: 0, count: n)
        var offsets = [Int32](repeating: 0, count: space.vocabulary.count + 1)
        var postings: [Int32] = []
        space.documentTokens.withUnsafeBufferPointer { tokens in
            func isRepeat(_ p: Int, in range: Range<Int>) -> Bool {
                UnsafeBufferPointer(rebasing: tokens[range.lowerBound..<p]).contains(tokens[p])
            }
            for d in 0..<n {
                let range = space.documentRange(d)
                let lettered = hasInitials(d)
                for p in range {
                    let id = tokens[p]
                    if isRepeat(p, in: range) {
                        repeatedWeight[d] += space.weights[Int(id)]
                        hasRepeats[d] = true
                    }
                    let (first, c) = space.vocabulary.withBytes(Int(id)) { ($0.first ?? 0, $0.count == 1 ? $0[0] : 0) }
                    if (97...122).contains(first) { firstLetters[d] |= 1 << UInt32(first - 97) }
                    heaviest[d] = max(heaviest[d], space.weights[Int(id)])
                    if lettered && (97...122).contains(c) {
                        initials[d] |= 1 << UInt32(c - 97)
                        initialWeight[d] += space.weights[Int(id)]
                    }
                }
            }
            // Counting pass, prefix sums, filling pass: documents ascend within each token.
            for d in 0..<n where initials[d] != 0 {
                let range = space.documentRange(d)
                for p in range where !isRepeat(p, in: range) { offsets[Int(tokens[p]) + 1] += 1 }
            }
            for i in 0..<(offsets.count - 1) { offsets[i + 1] += offsets[i] }
            postings = [Int32](repeating: 0, count: Int(offsets[offsets.count - 1]))
            var fill = offsets
            for d in 0..<n where initials[d] != 0 {
                let range = space.documentRange(d)
                for p in range where !isRepeat(p, in: range) {
                    let id = Int(tokens[p])
                    postings[Int(fill[id])] = Int32(d)
                    fill[id] += 1
                }
            }
        }
        documents = FlatArray((0..<n).map { d in
            let range = space.documentRange(d)
            return Document(initials: initials[d], listWeight: space.documentWeights[d] - repeatedWeight[d], start: Int32(range.lowerBound),
                            letters: firstLetters[d], heaviest: heaviest[d], count: UInt16(range.count), hasRepeats: hasRepeats[d], person: person(d))
        })
        var bits = [UInt64](repeating: 0, count: (n + 63) / 64)
        for d in 0..<n where initials[d] != 0 { bits[d >> 6] |= 1 << UInt64(d & 63) }
        initialBits = FlatArray(bits)
        var letters = [UInt64](repeating: 0, count: (space.vocabulary.count + 63) / 64)
        for id in 0..<space.vocabulary.count where space.vocabulary.offsets[id + 1] - space.vocabulary.offsets[id] == 1 {
            letters[id >> 6] |= 1 << UInt64(id & 63)
        }
        singleLetterBits = FlatArray(letters)
        self.initialWeight = FlatArray(initialWeight)
        initialPostingOffsets = FlatArray(offsets)
        initialPostings = FlatArray(postings)
    }

    /// The tables as read from an index file.
    init(documents: FlatArray<Document>, initialBits: FlatArray<UInt64>, singleLetterBits: FlatArray<UInt64>, initialWeight: FlatArray<Float>,
         initialPostingOffsets: FlatArray<Int32>, initialPostings: FlatArray<Int32>) {
        self.documents = documents
        self.initialBits = initialBits
        self.singleLetterBits = singleLetterBits
        self.initialWeight = initialWeight
        self.initialPostingOffsets = initialPostingOffsets
        self.initialPostings = initialPostings
    }

    /// Size, stride and field offsets of `Document`, written into the index file and compared at
    /// open: a build that laid the record out differently refuses the file instead of misreading it.
    static var layoutKey: UInt64 {
        let l = MemoryLayout<Document>.self
        let fields = [l.offset(of: \.initials), l.offset(of: \.listWeight), l.offset(of: \.start), l.offset(of: \.letters),
                      l.offset(of: \.heaviest), l.offset(of: \.count), l.offset(of: \.hasRepeats), l.offset(of: \.person)]
        return fields.reduce(UInt64(l.size) << 8 | UInt64(l.stride)) { $0 << 6 | UInt64($1 ?? 63) }
    }

    /// Whether document d has initials (`documents[d].initials != 0`).
    @inline(__always)
    func hasInitials(_ d: Int) -> Bool { initialBits[d >> 6] & (1 << UInt64(d & 63)) != 0 }

    /// Whether vocabulary token `id` is one byte long.
    @inline(__always)
    func isSingleLetter(_ id: Int32) -> Bool { singleLetterBits[Int(id) >> 6] & (1 << UInt64(Int(id) & 63)) != 0 }

    /// Range of `initialPostings` for token `id`.
    @inline(__always)
    func initialPostingRange(_ id: Int32) -> Range<Int> {
        Int(initialPostingOffsets[Int(id)])..<Int(initialPostingOffsets[Int(id) + 1])
    }
}
