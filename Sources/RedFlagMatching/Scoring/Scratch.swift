import Foundation

/// Per-thread working memory for one query (document marks and counters sized to the index),
/// reused across queries so a batch allocates it once per worker instead of once per name.
final class Scratch {
    /// Per document, whether the candidate walk has found it; false between queries (only
    /// `touchedDocuments` are reset).
    var touchedMark: [Bool] = []
    /// Per document, the bound's query-side and listed-side credit; zero between queries.
    var accumulator: [SIMD2<Float>] = []
    var touchedDocuments: [Int32] = []
    /// Trigram hit counters per vocabulary token, zero between uses.
    var counts: [UInt16] = []
    var touchedVocab: [Int32] = []

    func ensure(documents: Int, vocabulary: Int) {
        if touchedMark.count < documents {
            touchedMark = [Bool](repeating: false, count: documents)
            accumulator = [SIMD2<Float>](repeating: .zero, count: documents)
        }
        if counts.count < vocabulary { counts = [UInt16](repeating: 0, count: vocabulary) }
    }
}

/// Hands out scratches to concurrent queries.
final class ScratchPool: @unchecked Sendable {
    private var free: [Scratch] = []
    private let lock = NSLock()

    func withScratch<R>(_ body: (Scratch) -> R) -> R {
        lock.lock()
        let s = free.popLast() ?? Scratch()
        lock.unlock()
        defer {
            lock.lock()
            free.append(s)
            lock.unlock()
        }
        return body(s)
    }
}
