/// Gives each order line its customer's history, in stream order, from the store (if any) and
/// the earlier rows of the same export, and collects the lines to record.
///
/// Not thread-safe by design: it is driven from the single reading loop of the check pipeline,
/// before the rules run in parallel, so the run stays streaming and deterministic.
public final class HistoryTracker {
    private let store: (any OrderHistoryStoring)?
    private var byCustomer: [String: [HistoryEntry]] = [:]
    private var known: Set<String> = []
    private var pending: [HistoryEntry] = []

    public init(store: (any OrderHistoryStoring)?) { self.store = store }

    /// The history before `line`, and notes `line` as seen (to be recorded by `flush`).
    public func summary(for line: OrderLine, item: ItemProfile) throws -> HistorySummary {
        if byCustomer[line.customerID] == nil {
            let stored = try store?.entries(customerID: line.customerID) ?? []
            byCustomer[line.customerID] = stored
            for e in stored { known.insert(e.orderID) }
        }
        let summary = HistoryEntry.summarize(byCustomer[line.customerID]!, before: line.orderDate, orderID: line.orderID)
        if known.insert(line.orderID).inserted {
            let entry = HistoryEntry(line: line, item: item)
            byCustomer[line.customerID]!.append(entry)
            pending.append(entry)
        }
        return summary
    }

    /// Writes the orders seen since the last flush to the store, in one transaction.
    public func flush(checkedAt: String) throws {
        defer { pending.removeAll(keepingCapacity: true) }
        try store?.record(pending, checkedAt: checkedAt)
    }
}
