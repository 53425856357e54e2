import Foundation
import RedFlagCore

/// Remembers screening results per query for one check run: an export names the same customer,
/// ship-to and payer on many lines, and screening is the costly part of a check. Thread-safe;
/// emptied when it reaches `capacity` so memory stays bounded on huge exports.
///
/// The capacity is sized for a customer master of tens of thousands: each customer brings a few
/// queries per ship-to country and payer (a synthetic export of 10,000 customers names 158,000
/// distinct queries over 1,000,000 lines). A CLEAR result is a few hundred bytes, but a result
/// with list matches carries their explanations, several kB: on a HOLD/STOP-heavy export
/// 158,000 results took most of a 1 GB peak. Since the matcher remembers each name's scoring
/// (`QueryMemo`), a query missed here costs only its qualifiers and explanation, so 100,000
/// results (emptied at most once or twice per million lines) cost little time and bound memory.
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
