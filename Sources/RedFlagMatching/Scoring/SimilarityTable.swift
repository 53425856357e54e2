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

    /// Similarity of vocabulary token `id` to query token `i`, 0 when not similar.
    @inline(__always)
    func similarity(_ i: Int, _ id: Int32) -> Double {
        var slot = SimilarityTable.slot(id, shift)
        while true {
            let k = keys[slot]
            if k == id { return values[slot * width + i] }
            if k == -1 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
