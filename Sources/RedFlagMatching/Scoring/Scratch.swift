import Foundation

/// Per-thread working memory for one query (score accumulators and counters sized to the index),
/// reused across queries so a batch allocates it once per worker instead of once per name.
final class Scratch {
    /// Upper-bound score per document, zero between queries (only `touchedDocuments` are reset).
    var accumulator: [Float] = []
    /// Upper bound of the listed side's covered weight per document.
    var listAccumulator: [Float] = []
    var touchedDocuments: [Int32] = []
    /// Trigram hit counters per vocabulary token, zero between uses.
    var counts: [UInt16] = []
    var touchedVocab: [Int32] = []

    func ensure(documents: Int, vocabulary: Int) {
        if accumulator.count < documents {
            accumulator = [Float](repeating: 0, count: documents)
            listAccumulator = [Float](repeating: 0, count: documents)
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
