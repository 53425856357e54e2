/// Where the order history lives (SQLite in the data directory, or a team's PostgreSQL database).
///
/// The rules see the history only through this protocol, so this module knows no database: the
/// implementations live in `RedFlagStorage` and are handed in by whoever composes a run.
public protocol OrderHistoryStoring: AnyObject, Sendable {
    /// Every recorded order of a customer.
    func entries(customerID: String) throws -> [HistoryEntry]
    /// Records orders; an order id already recorded is left as it is (re-running an export never
    /// counts an order twice), so concurrent writers of the same order cannot double it either.
    func record(_ entries: [HistoryEntry], checkedAt: String) throws
    /// Number of recorded orders.
    func count() throws -> Int
}
