import Foundation
import GRDB

/// The schema of `history.sqlite`, shared by the order history (`orders`) and the known parties
/// (`known_party`): one file, one migrator, whichever store opens it first.
enum HistoryDatabase {
    /// Opens the file with the journal settings of every redflag file and brings its schema up to
    /// date; `failure` names the store in the error.
    static func open(url: URL, failure: String) throws -> DatabaseQueue {
        try JournaledDatabase.open(url: url, migrator: migrator, failure: failure)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // v1 is, statement for statement, the schema the two stores created before the file had a
        // migrator. IF NOT EXISTS because files made then hold these tables without a migration
        // record; such a file keeps its layout (a known_party made before WITHOUT ROWID keeps its
        // rowid: the statements work on both).
        // times_seen counts the runs (screen or check) that named the party: a run queues each
        // party once, however many of its rows name it. WITHOUT ROWID: the rows live in the key's
        // B-tree, so an upsert updates one tree rather than a table and its key index.
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS orders (
                    order_id TEXT PRIMARY KEY NOT NULL,
                    customer_id TEXT NOT NULL,
                    order_date TEXT NOT NULL,
                    quantity REAL NOT NULL,
                    total_tpp REAL NOT NULL,
                    advanced INTEGER NOT NULL,
                    checked_at TEXT NOT NULL
                );
                CREATE INDEX IF NOT EXISTS orders_customer ON orders(customer_id);
                CREATE TABLE IF NOT EXISTS known_party (
                    key TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    country TEXT,
                    address TEXT,
                    type TEXT,
                    role TEXT,
                    first_seen TEXT NOT NULL,
                    last_seen TEXT NOT NULL,
                    times_seen INTEGER NOT NULL DEFAULT 1
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }
}
