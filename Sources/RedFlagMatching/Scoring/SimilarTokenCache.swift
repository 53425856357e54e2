import Foundation

/// Remembers, per query token, the vocabulary tokens similar to it. Batches repeat the same
/// words endlessly ("trading", "mohammed", "limited"), and finding similar tokens is the most
/// expensive step of a query, so a batch of real order names mostly skips it. Bounded: cleared
/// when it holds more than `capacity` tokens. Split into shards so parallel workers rarely wait.
final class SimilarTokenCache: @unchecked Sendable {
    typealias Similar = [(id: Int32, similarity: Double)]

    private final class Shard: @unchecked Sendable {
        var map: [[UInt8]: Similar] = [:]
        let lock = NSLock()
    }

    private let shards: [Shard] = (0..<16).map { _ in Shard() }
    private let capacityPerShard: Int

    init(capacity: Int = 200_000) {
        capacityPerShard = max(1, capacity / 16)
    }

    /// The cached result for `token`, or `compute()` stored and returned.
    func similar(_ token: [UInt8], compute: () -> Similar) -> Similar {
        var h: UInt32 = 2_166_136_261
        for b in token { h = (h ^ UInt32(b)) &* 16_777_619 }
        let shard = shards[Int(h & 15)]
        shard.lock.lock()
        if let hit = shard.map[token] {
            shard.lock.unlock()
            return hit
        }
        shard.lock.unlock()
        let value = compute()
        shard.lock.lock()
        if shard.map.count >= capacityPerShard { shard.map.removeAll(keepingCapacity: true) }
        shard.map[token] = value
        shard.lock.unlock()
        return value
    }
}
