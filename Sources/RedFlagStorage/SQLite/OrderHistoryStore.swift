import Foundation
import GRDB
import RedFlagCore
import RedFlagRules

/// The order history: every order `redflag check` has checked, keyed by order id, in SQLite
/// (`history.sqlite` in the data directory, or `--history PATH`).
///
/// Recording is idempotent (`INSERT OR IGNORE` on the order id), so re-running an export never
/// counts an order twice. Writes happen once per chunk, in one transaction.
public final class OrderHistoryStore: OrderHistoryStoring, @unchecked Sendable {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating if needed) the history database at `url`.
    public init(url: URL) throws {
        path = url.path
        queue = try HistoryDatabase.open(url: url, failure: "history database")
    }

    /// Every recorded order of a customer.
    public func entries(customerID: String) throws -> [HistoryEntry] {
        do {
            return try queue.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT order_id, order_date, quantity, total_tpp, advanced FROM orders WHERE customer_id = ?",
                                            arguments: [customerID])
                return rows.compactMap { row -> HistoryEntry? in
                    guard let day = CalendarDay(iso: row["order_date"]) else { return nil }
                    return HistoryEntry(orderID: row["order_id"], customerID: customerID, day: day, quantity: row["quantity"],
                                        totalTPP: row["total_tpp"], advanced: row["advanced"])
                }
            }
        } catch {
            throw RedFlagError.badData(path: path, location: "customer \(customerID)", message: "history database cannot be read: \(error)")
        }
    }

    /// Records orders (already-recorded order ids are left as they are). One transaction.
    public func record(_ entries: [HistoryEntry], checkedAt: String) throws {
        guard !entries.isEmpty else { return }
        do {
            try queue.write { db in
                let statement = try db.makeStatement(sql: """
                    INSERT OR IGNORE INTO orders (order_id, customer_id, order_date, quantity, total_tpp, advanced, checked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                for e in entries {
                    try statement.execute(arguments: [e.orderID, e.customerID, e.day.description, e.quantity, e.totalTPP, e.advanced, checkedAt])
                }
            }
        } catch {
            throw RedFlagError.cannotWrite(path: path, reason: "history database: \(error)")
        }
    }

    /// Number of recorded orders.
    public func count() throws -> Int {
        do { return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM orders") ?? 0 } } catch {
            throw RedFlagError.badData(path: path, location: nil, message: "history database cannot be read: \(error)")
        }
    }
}
