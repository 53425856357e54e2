import Foundation
import PostgresNIO
import RedFlagCore
import RedFlagKit

/// The team database's schema as named, ordered migrations, like the SQLite files' migrators:
/// applied once each, recorded in `redflag_migrations`, under an advisory lock so that desks
/// starting at the same moment do not apply one twice.
enum PostgresSchema {
    /// Arbitrary, fixed: the advisory lock that serialises migrations.
    static let migrationLock: Int64 = 0x7265_6466_6C61_6701

    static let migrations: [(identifier: String, sql: [String])] = [
        ("v1", [
            // Order history and known parties (history.sqlite in the data directory).
            """
            CREATE TABLE orders (
                order_id TEXT PRIMARY KEY NOT NULL, customer_id TEXT NOT NULL, order_date TEXT NOT NULL,
                quantity DOUBLE PRECISION NOT NULL, total_tpp DOUBLE PRECISION NOT NULL, advanced BOOLEAN NOT NULL,
                checked_at TEXT NOT NULL)
            """,
            "CREATE INDEX orders_customer ON orders(customer_id)",
            """
            CREATE TABLE known_party (
                key TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, country TEXT, address TEXT, type TEXT, role TEXT,
                first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, times_seen BIGINT NOT NULL DEFAULT 1)
            """,
            // Allow-list (allowlist.sqlite).
            """
            CREATE TABLE allow_rule (
                id BIGSERIAL PRIMARY KEY, query TEXT NOT NULL, query_key TEXT NOT NULL, country TEXT, entry_id TEXT NOT NULL,
                entry_name TEXT NOT NULL, entry_fingerprint TEXT NOT NULL, reason TEXT NOT NULL, "by" TEXT NOT NULL, at TEXT NOT NULL,
                entry_json TEXT, renews BIGINT)
            """,
            "CREATE INDEX allow_rule_key ON allow_rule(query_key, entry_id)",
            // Audit trail (audit.sqlite after its v2): runs, compact chained blocks, purges.
            """
            CREATE TABLE run (
                id BIGSERIAL PRIMARY KEY, command TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,
                finished_at TEXT, "user" TEXT NOT NULL, arguments TEXT NOT NULL, working_directory TEXT NOT NULL,
                input TEXT, input_sha256 TEXT, lists TEXT NOT NULL, configuration TEXT NOT NULL,
                clear BIGINT NOT NULL DEFAULT 0, hold BIGINT NOT NULL DEFAULT 0, stop BIGINT NOT NULL DEFAULT 0,
                errors BIGINT NOT NULL DEFAULT 0, exit_code INTEGER, record_format INTEGER NOT NULL DEFAULT 2, seal TEXT,
                chain_id BIGINT, copied_from TEXT)
            """,
            "CREATE INDEX run_started ON run(started_at)",
            // A run copied from a desk's audit.sqlite keeps the id its chain was made with
            // (chain_id) and says where it came from; copying the same desk twice adds nothing.
            "CREATE UNIQUE INDEX run_copied ON run(copied_from, chain_id) WHERE copied_from IS NOT NULL",
            """
            CREATE TABLE result (
                run_id BIGINT NOT NULL REFERENCES run(id) ON DELETE CASCADE, record_index BIGINT NOT NULL,
                decision TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (run_id, record_index))
            """,
            """
            CREATE TABLE result_block (
                run_id BIGINT NOT NULL REFERENCES run(id) ON DELETE CASCADE, block INTEGER NOT NULL,
                first_index BIGINT NOT NULL, records INTEGER NOT NULL, data BYTEA NOT NULL, links BYTEA NOT NULL,
                PRIMARY KEY (run_id, block))
            """,
            """
            CREATE TABLE purge (
                id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, "user" TEXT NOT NULL, older_than TEXT NOT NULL,
                runs_deleted BIGINT NOT NULL, results_deleted BIGINT NOT NULL)
            """,
        ]),
    ]

    /// Applies the migrations the database lacks; returns the identifiers applied now.
    @discardableResult
    static func migrate(_ session: PostgresSession) throws -> [String] {
        try session.transaction { s in
            try s.query("SELECT pg_advisory_xact_lock(\(migrationLock))")
            try s.query("CREATE TABLE IF NOT EXISTS redflag_migrations (identifier TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)")
            let done = Set(try s.query("SELECT identifier FROM redflag_migrations").map { try $0.decode(String.self) })
            var applied: [String] = []
            for migration in migrations where !done.contains(migration.identifier) {
                for statement in migration.sql { try s.query(PostgresQuery(unsafeSQL: statement)) }
                try s.query("INSERT INTO redflag_migrations (identifier, applied_at) VALUES (\(migration.identifier), \(AuditTimestamp.string(Date())))")
                applied.append(migration.identifier)
            }
            return applied
        }
    }
}
