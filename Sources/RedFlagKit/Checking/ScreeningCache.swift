import Foundation
import RedFlagCore

/// Remembers screening results per query for one check run: an export names the same customer,
/// ship-to and payer on many lines, and screening is the costly part of a check. Thread-safe;
/// emptied when it reaches `capacity` so memory stays bounded on huge exports.
final class ScreeningCache: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ScreeningQuery: ScreeningResult] = [:]
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    func result(for query: ScreeningQuery, compute: (ScreeningQuery) -> ScreeningResult) -> ScreeningResult {
        lock.lock()
        if let hit = results[query] { lock.unlock(); return hit }
        lock.unlock()
        let fresh = compute(query)
        lock.lock()
        if results.count >= capacity { results.removeAll(keepingCapacity: true) }
        results[query] = fresh
        lock.unlock()
        return fresh
    }
}
