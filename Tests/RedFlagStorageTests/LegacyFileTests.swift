import Foundation
import GRDB
import RedFlagCore
import RedFlagKit
import RedFlagRules
import RedFlagStorage
import Testing

/// Files written before the stores had migrators (or before a later migration) keep working:
/// each test builds a file with exactly the statements the earlier code ran, then opens it with
/// today's stores.
@Suite struct LegacyFileTests {
    static func temporaryURL(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rf-storage-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    /// history.sqlite as the stores created it with CREATE IF NOT EXISTS (known_party from before
    /// WITHOUT ROWID), with one order and one party in it.
    @Test func historyFileWithoutMigrationsOpensAndKeepsItsRows() throws {
        let url = Self.temporaryURL("history.sqlite")
        let legacy = try DatabaseQueue(path: url.path)
        try legacy.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS orders (
                    order_id TEXT PRIMARY KEY NOT NULL, customer_id TEXT NOT NULL, order_date TEXT NOT NULL,
                    quantity REAL NOT NULL, total_tpp REAL NOT NULL, advanced INTEGER NOT NULL, checked_at TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS orders_customer ON orders(customer_id);
                CREATE TABLE IF NOT EXISTS known_party (
                    key TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, country TEXT, address TEXT, type TEXT, role TEXT,
                    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, times_seen INTEGER NOT NULL DEFAULT 1);
                INSERT INTO orders VALUES ('O-1', 'C-1', '2026-01-05', 4, 63320, 1, '2026-01-06T00:00:00Z');
                INSERT INTO known_party (key, name, country, first_seen, last_seen)
                    VALUES ('acme|de|', 'Acme GmbH', 'DE', '2026-01-06T00:00:00.000Z', '2026-01-06T00:00:00.000Z');
                """)
        }
        try legacy.close()

        let history = try OrderHistoryStore(url: url)
        #expect(try history.entries(customerID: "C-1").map(\.orderID) == ["O-1"])
        try history.record([HistoryEntry(orderID: "O-2", customerID: "C-1", day: CalendarDay(iso: "2026-02-01")!,
                                         quantity: 1, totalTPP: 0, advanced: false)], checkedAt: "t")
        #expect(try history.count() == 2)
        let parties = try KnownPartyStore(url: url)
        #expect(try parties.all().map(\.name) == ["Acme GmbH"])
        let applied = try DatabaseQueue(path: url.path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1"])
    }

    /// A new history file gets the whole schema from the migrator, whichever store opens it first.
    @Test func newHistoryFileHasBothTables() throws {
        let url = Self.temporaryURL("history.sqlite")
        _ = try KnownPartyStore(url: url)
        let tables = try DatabaseQueue(path: url.path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
        }
        #expect(tables == ["known_party", "orders"])
        #expect(try OrderHistoryStore(url: url).count() == 0)
    }
}
