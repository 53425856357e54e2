/// A query's similar vocabulary tokens with their similarity to each query token, in one
/// open-addressing table keyed by vocabulary id: the aligner asks it for every pair of query and
/// listed token of every candidate, where a Dictionary per query token (SipHash per lookup) cost
/// about as much as the alignment itself.
struct SimilarityTable {
    /// Vocabulary id per slot, -1 when empty.
    private let keys: [Int32]
    /// `width` similarities per slot (0: not similar to that query token).
    private let values: [Double]
    private let width: Int
    private let shift: UInt32

    /// `similar[i]`: vocabulary id → similarity to query token i.
    init(_ similar: [[Int32: Double]]) {
        width = similar.count
        let distinct = Set(similar.flatMap(\.keys))
        var capacity = 8
        while capacity < 2 * distinct.count { capacity *= 2 }
        shift = UInt32(32 - capacity.trailingZeroBitCount)
        var keys = [Int32](repeating: -1, count: capacity)
        var values = [Double](repeating: 0, count: capacity * width)
        for (i, map) in similar.enumerated() {
            for (id, s) in map {
                var slot = SimilarityTable.slot(id, shift)
                while keys[slot] != -1 && keys[slot] != id { slot = (slot + 1) & (capacity - 1) }
                keys[slot] = id
                values[slot * width + i] = s
            }
        }
        self.keys = keys
        self.values = values
    }

    @inline(__always)
    private static func slot(_ id: Int32, _ shift: UInt32) -> Int { Int((UInt32(bitPattern: id) &* 2_654_435_761) >> shift) }

    /// Where the similarities of vocabulary token `id` are (for `similarity(_:at:)`), nil when it
    /// is similar to no query token: one probe per listed token, whatever the query's length.
    @inline(__always)
    func row(of id: Int32) -> Int? {
        var slot = SimilarityTable.slot(id, shift)
        while true {
            let k = keys[slot]
            if k == id { return slot * width }
            if k == -1 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Similarity to query token `i` of the vocabulary token at `row`.
    @inline(__always)
    func similarity(_ i: Int, at row: Int) -> Double { values[row + i] }
}
