import Foundation
import Testing
@testable import RedFlagRules
import RedFlagStorage

@Suite("Order history: SQLite store, idempotent recording, summaries")
struct HistoryStoreTests {
    func entry(_ id: String, _ day: String, _ qty: Double, advanced: Bool = true) -> HistoryEntry {
        HistoryEntry(orderID: id, customerID: "C1", day: CalendarDay(iso: day)!, quantity: qty, totalTPP: qty * 15830, advanced: advanced)
    }

    @Test func recordingTheSameOrderTwiceCountsOnce() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-history-\(UUID().uuidString).sqlite")
        let store = try OrderHistoryStore(url: url)
        try store.record([entry("A", "2026-01-05", 10), entry("B", "2026-02-05", 12)], checkedAt: "t1")
        try store.record([entry("A", "2026-01-05", 10), entry("C", "2026-03-05", 8)], checkedAt: "t2")
        #expect(try store.count() == 3)
        #expect(try store.entries(customerID: "C1").count == 3)
        #expect(try OrderHistoryStore(url: url).count() == 3)
    }

    @Test func summaryCountsOnlyEarlierOrdersInTheTwelveMonthWindow() {
        let entries = [entry("A", "2025-06-01", 100), entry("B", "2025-10-01", 10), entry("C", "2026-03-01", 20),
                       entry("D", "2026-09-01", 999), entry("E", "2026-03-01", 5, advanced: false)]
        let s = HistoryEntry.summarize(entries, before: CalendarDay(iso: "2026-09-01")!, orderID: "D")
        #expect(s.priorOrders == 4)
        #expect(s.firstOrder == CalendarDay(iso: "2025-06-01"))
        #expect(s.trailing12MonthQuantity == 30)
        let same = HistoryEntry.summarize(entries, before: CalendarDay(iso: "2026-03-01")!, orderID: "D")
        // Same date: "C" sorts before "D" and counts, "E" after it and does not.
        #expect(same.priorOrders == 3)
        #expect(s.trailing12MonthOrders == 2)
    }

    @Test func trackerUsesEarlierRowsAndTheStore() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rf-history-\(UUID().uuidString).sqlite")
        let store = try OrderHistoryStore(url: url)
        let tracker = HistoryTracker(store: store)
        let first = try OrderFixture.line(["order_id": "O-1", "order_date": "2026-05-01"])
        let second = try OrderFixture.line(["order_id": "O-2", "order_date": "2026-06-01"])
        #expect(try tracker.summary(for: first, item: ItemProfile(line: first)).priorOrders == 0)
        #expect(try tracker.summary(for: second, item: ItemProfile(line: second)).priorOrders == 1)
        try tracker.flush(checkedAt: "run1")
        // A second run over the same export: the first order still has no history before it,
        // the second still exactly one; nothing is recorded twice.
        let rerun = HistoryTracker(store: store)
        #expect(try rerun.summary(for: first, item: ItemProfile(line: first)).priorOrders == 0)
        #expect(try rerun.summary(for: second, item: ItemProfile(line: second)).priorOrders == 1)
        try rerun.flush(checkedAt: "run2")
        #expect(try store.count() == 2)
    }
}
