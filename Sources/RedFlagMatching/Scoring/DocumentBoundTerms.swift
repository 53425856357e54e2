/// What a listed document holds that the candidate bound cannot see in the postings of the
/// query's similar tokens: single-letter tokens (initials), which the aligner credits against any
/// query token with that first letter ("ELASHI, I." ~ "Ihsan Elashi"), and repeated tokens, which
/// the postings list once while the document's weight counts every occurrence. Derived from the
/// token space once per matcher (one pass over the document tokens), so the index format is unchanged.
struct DocumentBoundTerms: Sendable {
    /// Per document, bit `c - 'a'` set when the document holds the initial c.
    let initials: [UInt32]
    /// Per document, the summed weight of its initials.
    let initialWeight: [Float]
    /// Per document, the weight of its repeated tokens beyond their first occurrence.
    let repeatedWeight: [Float]

    /// `hasInitials(d)`: whether single letters of document d are initials (see
    /// `Matcher.initialsStandForWords`); where they are not, the aligner matches them only exactly.
    init(space: TokenSpace, hasInitials: (Int) -> Bool) {
        let n = space.documentCount
        var initials = [UInt32](repeating: 0, count: n)
        var initialWeight = [Float](repeating: 0, count: n)
        var repeatedWeight = [Float](repeating: 0, count: n)
        space.documentTokens.withUnsafeBufferPointer { tokens in
            for d in 0..<n {
                let range = space.documentRange(d)
                let lettered = hasInitials(d)
                for p in range {
                    let id = tokens[p]
                    if UnsafeBufferPointer(rebasing: tokens[range.lowerBound..<p]).contains(id) {
                        repeatedWeight[d] += space.weights[Int(id)]
                    }
                    let c = space.vocabulary.withBytes(Int(id)) { $0.count == 1 ? $0[0] : 0 }
                    if lettered && (97...122).contains(c) {
                        initials[d] |= 1 << UInt32(c - 97)
                        initialWeight[d] += space.weights[Int(id)]
                    }
                }
            }
        }
        self.initials = initials
        self.initialWeight = initialWeight
        self.repeatedWeight = repeatedWeight
    }
}
