import Foundation

/// Remembers, per query token, what was looked up for it in a token space (the vocabulary tokens
/// similar to it, its splits). Batches repeat the same words endlessly ("trading", "mohammed",
/// "limited"), and finding similar tokens is the most expensive step of a query, so a batch of
/// real order names mostly skips it. Bounded: a shard is cleared when it holds more than its
/// share of `capacity` tokens. Split into shards so parallel workers rarely wait.
final class TokenCache<Value>: @unchecked Sendable {
    private final class Shard: @unchecked Sendable {
        var map: [[UInt8]: Value] = [:]
        let lock = NSLock()
    }

    private let shards: [Shard] = (0..<16).map { _ in Shard() }
    private let capacityPerShard: Int

    init(capacity: Int = 200_000) {
        capacityPerShard = max(1, capacity / 16)
    }

    /// The cached value for `token`, or `compute()` stored and returned.
    func value(_ token: [UInt8], compute: () -> Value) -> Value {
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
