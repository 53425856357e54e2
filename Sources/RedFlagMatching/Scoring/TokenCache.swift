import Foundation

/// Remembers, per query token, what was looked up for it in a token space (the vocabulary tokens
/// similar to it, its splits). Batches repeat the same words endlessly ("trading", "mohammed",
/// "limited"), and finding similar tokens is the most expensive step of a query, so a batch of
/// real order names mostly skips it. Bounded by two generations per shard: when the current one
/// holds its share of `capacity` tokens it becomes the old one (the old one's values dropped), and
/// a token found in the old generation moves back into the current one. So at most twice
/// `capacity` values are kept, and a token used again within about `capacity` lookups survives a
/// turnover, where emptying a full shard at once forgot every token, the busiest too. Split into
/// shards so parallel workers rarely wait.
final class TokenCache<Value>: @unchecked Sendable {
    private final class Shard: @unchecked Sendable {
        var map: [Key: Value] = [:]
        var old: [Key: Value] = [:]
        let lock = NSLock()

        /// Stores `value` in the current generation, turning it over first when full (caller holds the lock).
        func insert(_ key: Key, _ value: Value, capacity: Int) {
            if map.count >= capacity {
                swap(&map, &old)
                map.removeAll(keepingCapacity: true)
            }
            map[key] = value
        }
    }

    /// A token with its FNV-1a hash, worked out once: an array of bytes hashes byte by byte, and a
    /// batch looks up every word of every name here.
    private struct Key: Hashable {
        let bytes: [UInt8]
        let hash: UInt64

        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    private let shards: [Shard] = (0..<16).map { _ in Shard() }
    private let capacityPerShard: Int

    init(capacity: Int = 200_000) {
        capacityPerShard = max(1, capacity / 16)
    }

    /// The values held, both generations (tests check the bound).
    var count: Int {
        shards.reduce(0) { sum, shard in
            shard.lock.lock()
            defer { shard.lock.unlock() }
            return sum + shard.map.count + shard.old.count
        }
    }

    /// The cached value for `token`, or `compute()` stored and returned.
    func value(_ token: [UInt8], compute: () -> Value) -> Value {
        var h: UInt64 = 14_695_981_039_346_656_037
        for b in token { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        let key = Key(bytes: token, hash: h)
        let shard = shards[Int(h & 15)]
        shard.lock.lock()
        if let hit = shard.map[key] {
            shard.lock.unlock()
            return hit
        }
        if let hit = shard.old.removeValue(forKey: key) {
            shard.insert(key, hit, capacity: capacityPerShard)
            shard.lock.unlock()
            return hit
        }
        shard.lock.unlock()
        let value = compute()
        shard.lock.lock()
        shard.insert(key, value, capacity: capacityPerShard)
        shard.lock.unlock()
        return value
    }
}
